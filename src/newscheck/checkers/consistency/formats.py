"""One kind of number written two ways in one article: "per cent"/"percent", "$240bn"/"$240 billion"."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ...document import Document
from ._text import AFTER_FIGURE, TextFacts

_AMOUNT = r"[$£€¥]\s?\d[\d,]*(?:\.\d+)?"
_PATTERNS = (
    # (kind, style, pattern): the style is what the article should use throughout.
    ("percent", "per cent", regex.compile(AFTER_FIGURE + r"(?i:per[ \u00a0]+cent)(?![\p{L}])")),
    ("percent", "percent", regex.compile(AFTER_FIGURE + r"(?i:percent)(?![\p{L}])")),
    ("scale", "abbreviated", regex.compile(_AMOUNT + r"\s?(?:bn|m)(?![\p{L}\p{N}])")),
    ("scale", "spelled out", regex.compile(_AMOUNT + r"\s+(?:billion|million)(?![\p{L}])")),
)


def may_mix_formats(tokens: set[str], lower: set[str]) -> bool:
    """Cheap test: both styles of some kind could occur."""
    percent = "percent" in lower and "cent" in lower
    scale = bool({"bn", "m"} & tokens) and bool({"billion", "million"} & lower)
    return percent or scale


@dataclass(frozen=True, slots=True)
class FormatUse:
    start: int
    end: int
    kind: str
    style: str


def format_uses(doc: Document, facts: TextFacts) -> list[FormatUse]:
    view = doc.view
    out = []
    for kind, style, pattern in _PATTERNS:
        for m in pattern.finditer(view):
            if facts.in_title(m.start()) or facts.in_quote(m.start()):
                continue
            out.append(FormatUse(m.start(), m.end(), kind, style))
    out.sort(key=lambda u: u.start)
    return out
