"""Which injected defects a linter's findings found: the measure behind recall."""

from __future__ import annotations

from collections.abc import Iterable

from ..findings import Finding, Span
from ._inject import Defect, LabelledArticle

__all__ = ["defects_found", "finds"]


def _overlaps(a: Span | Finding | Defect, b: Span | Finding | Defect) -> bool:
    if a.start == a.end or b.start == b.end:
        return a.start <= b.start <= a.end or b.start <= a.start <= b.end
    return a.start < b.end and b.start < a.end


def finds(finding: Finding, defect: Defect) -> bool:
    """True when ``finding`` is of the defect's category and points at the defect.

    The finding's own span or one of its related spans must overlap the injected text, so a
    checker may report either side of a pair (the variant spelling, or the first spelling with
    the variant as related).
    """
    if finding.category != defect.category:
        return False
    return any(_overlaps(s, defect) for s in (finding, *finding.related))


def defects_found(article: LabelledArticle, findings: Iterable[Finding]) -> tuple[list[Defect], list[Defect]]:
    """Split ``article.defects`` into those some finding :func:`finds` and those missed."""
    findings = list(findings)
    found, missed = [], []
    for d in article.defects:
        (found if any(finds(f, d) for f in findings) else missed).append(d)
    return found, missed
