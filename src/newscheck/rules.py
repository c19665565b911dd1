"""Rule metadata: each rule is declared once, as data, next to the checker that reports it.

The same declaration feeds ``newscheck rules``, ``newscheck explain``, the generated rule
reference in ``docs/`` and the parametrised example tests.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .findings import Category, Finding, Fix, Severity, Span

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Rule"]


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: a code in its family (``NC101``), a readable name and its documentation.

    ``failing`` examples must produce at least one finding with this code; ``passing``
    examples must produce none (both with ``example_options`` given to the checker). Both run as tests and appear in ``newscheck explain``.
    """

    code: str
    name: str
    category: Category
    summary: str
    rationale: str = ""
    severity: Severity = Severity.WARNING
    failing: tuple[str, ...] = ()
    passing: tuple[str, ...] = ()
    #: Rules off by default run only when selected explicitly (code, prefix or name).
    default: bool = True
    fixable: bool = False
    #: Checker options the examples run with, for rules that only act once configured
    #: (a house-style vocabulary, a user phrase file).
    example_options: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def finding(
        self,
        start: int,
        end: int,
        message: str,
        *,
        related: Iterable[Span] = (),
        fix: Fix | None = None,
        confidence: float = 1.0,
        severity: Severity | None = None,
        extra: dict[str, Any] | None = None,
    ) -> Finding:
        """Build a :class:`Finding` for this rule, filling code, name and category."""
        return Finding(
            code=self.code,
            name=self.name,
            category=self.category,
            severity=severity or self.severity,
            start=start,
            end=end,
            message=message,
            related=tuple(related),
            fix=fix,
            confidence=confidence,
            extra=extra or {},
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "category": self.category.value,
            "severity": self.severity.value,
            "summary": self.summary,
            "rationale": self.rationale,
            "failing": list(self.failing),
            "passing": list(self.passing),
            "default": self.default,
            "fixable": self.fixable,
            "example_options": dict(self.example_options),
        }
