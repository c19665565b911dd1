"""The one result type: Finding, with its Span, Edit, Fix and the enums they use.

All offsets are half-open ``[start, end)`` Python ``str`` indices into the exact text
the caller passed in. Line/column and UTF-16 units are derived only at the edges.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

__all__ = ["Applicability", "Category", "Edit", "Finding", "Fix", "Severity", "Span"]


class Severity(str, Enum):
    """How bad a finding is; ``rank`` orders them for ``--fail-on``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    def __str__(self) -> str:
        return self.value


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Category(str, Enum):
    """The family of defect a rule looks for."""

    BOILERPLATE = "boilerplate"
    FRAGMENT = "fragment"
    CONSISTENCY = "consistency"
    CONTRADICTION = "contradiction"
    GRAMMAR = "grammar"
    STYLE = "style"

    def __str__(self) -> str:
        return self.value


class Applicability(str, Enum):
    """Whether a fix is applied by default (``safe``) or only on request (``unsafe``)."""

    SAFE = "safe"
    UNSAFE = "unsafe"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled ``[start, end)`` range of the checked text, e.g. the other spelling."""

    start: int
    end: int
    label: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


_new_object = object.__new__
_set_start, _set_end, _set_label = Span.start.__set__, Span.end.__set__, Span.label.__set__  # type: ignore[attr-defined]


def trusted_span(start: int, end: int, label: str = "") -> Span:
    """``Span(start, end, label)`` for offsets the caller has already checked (the
    segmenter's sentences: thousands per article), without the dataclass's frozen-field
    and range-check overhead."""
    span = _new_object(Span)
    _set_start(span, start)
    _set_end(span, end)
    _set_label(span, label)
    return span


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (an empty string deletes)."""

    start: int
    end: int
    replacement: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad edit range [{self.start}, {self.end})")


@dataclass(frozen=True, slots=True)
class Fix:
    """Edits that repair one finding, applied together or not at all."""

    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    title: str = ""

    @property
    def start(self) -> int:
        return min(e.start for e in self.edits)

    @property
    def end(self) -> int:
        return max(e.end for e in self.edits)

    @property
    def is_safe(self) -> bool:
        return self.applicability is Applicability.SAFE


@dataclass(frozen=True, slots=True)
class Finding:
    """One defect found in a text. This is the public contract: the names are fixed."""

    code: str
    name: str
    category: Category
    severity: Severity
    start: int
    end: int
    message: str
    related: tuple[Span, ...] = ()
    fix: Fix | None = None
    confidence: float = 1.0
    #: Free-form facts from the checker (e.g. LanguageTool's rule id); plain JSON values.
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"{self.code}: bad finding range [{self.start}, {self.end})")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"{self.code}: confidence {self.confidence} is not within 0..1")

    @property
    def sort_key(self) -> tuple[int, str, int]:
        return (self.start, self.code, self.end)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data; :meth:`from_dict` reverses it."""
        return {
            "code": self.code,
            "name": self.name,
            "category": self.category.value,
            "severity": self.severity.value,
            "start": self.start,
            "end": self.end,
            "message": self.message,
            "related": [{"start": s.start, "end": s.end, "label": s.label} for s in self.related],
            "fix": None
            if self.fix is None
            else {
                "applicability": self.fix.applicability.value,
                "title": self.fix.title,
                "edits": [
                    {"start": e.start, "end": e.end, "replacement": e.replacement}
                    for e in self.fix.edits
                ],
            },
            "confidence": self.confidence,
            "extra": dict(self.extra),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        fix = data.get("fix")
        return cls(
            code=data["code"],
            name=data["name"],
            category=Category(data["category"]),
            severity=Severity(data["severity"]),
            start=data["start"],
            end=data["end"],
            message=data["message"],
            related=tuple(Span(r["start"], r["end"], r.get("label", "")) for r in data.get("related", ())),
            fix=None
            if fix is None
            else Fix(
                edits=tuple(Edit(e["start"], e["end"], e["replacement"]) for e in fix["edits"]),
                applicability=Applicability(fix["applicability"]),
                title=fix.get("title", ""),
            ),
            confidence=data.get("confidence", 1.0),
            extra=dict(data.get("extra") or {}),
        )
