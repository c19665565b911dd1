"""Assertion helpers for tests of text pipelines: fail with a readable list of findings."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from ..findings import Category, Finding
from ..linter import Linter
from ..report import Report

__all__ = ["assert_no_findings", "default_linter", "format_findings"]

_ALIASES = {"fragments": "fragment", "contradictions": "contradiction"}


@cache
def default_linter() -> Linter:
    """A :class:`~newscheck.Linter` with the default rules, built once per process."""
    return Linter()


def _categories(categories: str | Category | Iterable[str | Category] | None) -> set[Category] | None:
    if categories is None:
        return None
    if isinstance(categories, (str, Category)):
        categories = [categories]
    out = set()
    for c in categories:
        key = c.value if isinstance(c, Category) else _ALIASES.get(str(c).lower(), str(c).lower())
        try:
            out.add(Category(key))
        except ValueError:
            valid = ", ".join(sorted(x.value for x in Category))
            raise ValueError(f"unknown category {c!r}; valid categories: {valid}") from None
    return out


def format_findings(report: Report, findings: Iterable[Finding] | None = None, *, width: int = 60) -> str:
    """One line per finding: ``NC101 promo-line 12:1 "CLICK HERE…" message``."""
    lines = []
    for f in report.findings if findings is None else findings:
        line, col = report.position(f)
        excerpt = report.excerpt(f).replace("\n", "⏎")
        if len(excerpt) > width:
            excerpt = excerpt[: width - 1] + "…"
        lines.append(f"  {f.code} {f.name} {line}:{col} {excerpt!r}: {f.message}")
    return "\n".join(lines)


def assert_no_findings(
    text: str,
    categories: str | Category | Iterable[str | Category] | None = None,
    *,
    linter: Linter | None = None,
    format: str | None = None,
) -> Report:
    """Fail when ``linter`` (default: every default rule) finds anything of ``categories`` in ``text``.

    ``categories`` is a family (``"boilerplate"``, ``"fragments"``, ``"consistency"``,
    ``"contradictions"``, ``"grammar"``) or a list of them; None means every finding counts.
    A checker that crashes fails the assertion too. Returns the report when nothing is found.
    """
    wanted = _categories(categories)
    report = (linter or default_linter()).check(text, format=format)
    found = [f for f in report.findings if wanted is None or f.category in wanted]
    crashed = [e for e in report.errors if e.kind == "crash"]
    if found or crashed:
        scope = "" if wanted is None else f" of {', '.join(sorted(c.value for c in wanted))}"
        parts = [
            f"newscheck found {len(found)} finding{'s' * (len(found) != 1)}{scope} in a text of {len(text)} characters:"
        ]
        if found:
            parts.append(format_findings(report, found))
        parts.extend(f"  checker {e.checker!r} crashed: {e.message}" for e in crashed)
        raise AssertionError("\n".join(parts))
    return report
