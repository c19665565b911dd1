"""One kind of number written two ways in one article: "per cent"/"percent", "$240bn"/"$240 billion"."""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass
from itertools import repeat

import regex

from ...document import Document
from ...lowercase import lower
from ._text import AFTER_FIGURE, TextFacts

_AMOUNT = r"[$£€¥]\s?\d[\d,]*(?:\.\d+)?"
_CURRENCY = "$£€¥"
_PATTERNS = (
    # (kind, style, pattern, needle): the style is what the article should use throughout;
    # the needle (the standard library's re, in the lower-cased text: no other character
    # matches these letters ignoring case) finds a part every match of the pattern has.
    # A pattern without a needle starts at a currency sign: it is tried at each sign alone.
    ("percent", "per cent", regex.compile(AFTER_FIGURE + r"(?i:per[ \u00a0]+cent)(?![\p{L}])"), re.compile(r"per[ \xa0]+cent")),
    ("percent", "percent", regex.compile(AFTER_FIGURE + r"(?i:percent)(?![\p{L}])"), re.compile(r"percent")),
    ("scale", "abbreviated", regex.compile(_AMOUNT + r"\s?(?:bn|m)(?![\p{L}\p{N}])"), None),
    ("scale", "spelled out", regex.compile(_AMOUNT + r"\s+(?:billion|million)(?![\p{L}])"), None),
)
#: Every lower-case word ``may_mix_formats`` asks about.
GATE_WORDS = frozenset(["percent", "cent", "billion", "million", "bn", "m"])
#: One of these is among the words of an article that may mix formats.
TRIGGERS = frozenset(["percent", "billion", "million"])


def may_mix_formats(tokens: Container[str], lower: set[str]) -> bool:
    """Cheap test: both styles of some kind could occur.

    ``lower`` holds (at least those in ``GATE_WORDS`` of) the article's words in lower case;
    ``tokens``, asked only about a word that ``lower`` has, may be slower to ask.
    """
    percent = "percent" in lower and "cent" in lower
    return percent or bool({"billion", "million"} & lower) and (
        "bn" in lower and "bn" in tokens or "m" in lower and "m" in tokens
    )


@dataclass(frozen=True, slots=True)
class FormatUse:
    start: int
    end: int
    kind: str
    style: str


def format_uses(doc: Document, facts: Callable[[], TextFacts]) -> list[FormatUse]:
    """Numbers of a kind written in two styles or more, outside headlines and quotations.

    A kind in one style only is never reported, so it is not returned either; nor is a kind
    of which some style's needle does not occur (its pattern is not run). ``facts`` is called
    only when some kind has two styles.
    """
    view = doc.view
    low = lower(view)  # (in pieces: no 12-byte work space per character)
    signs = sorted(_positions(view, _CURRENCY))
    needed = {}
    for kind, _, _, needle in _PATTERNS:
        present = bool(signs) if needle is None else needle.search(low) is not None
        needed[kind] = needed.get(kind, True) and present
    found = []
    for kind, style, pattern, needle in _PATTERNS:
        if not needed[kind]:
            continue
        if needle is None:  # (no sign is inside a match: the matches at the signs are those finditer finds)
            found.extend(m.span() + (kind, style) for m in map(pattern.match, repeat(view), signs) if m)
        else:
            found.extend((m.start(), m.end(), kind, style) for m in pattern.finditer(view))
    styles: dict[str, set[str]] = {}
    for _, _, kind, style in found:
        styles.setdefault(kind, set()).add(style)
    if all(len(v) < 2 for v in styles.values()):
        return []
    f = facts()
    out = [
        FormatUse(start, end, kind, style)
        for start, end, kind, style in found
        if len(styles[kind]) > 1 and not (f.in_title(start) or f.in_quote(start))
    ]
    out.sort(key=lambda u: u.start)
    return out


def _positions(text: str, chars: str) -> Iterator[int]:
    """Where each of ``chars`` occurs in ``text``."""
    for c in chars:
        i = text.find(c)
        while i >= 0:
            yield i
            i = text.find(c, i + 1)
