"""Facts about a document that several consistency rules share, computed once per check.

Where sentences start, which paragraphs are set in title case (headlines), and which
ranges sit inside quotation marks. All offsets index the original text.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from functools import cached_property

import regex

from ...document import Document

_FIRST_WORD = regex.compile(r"[\p{L}\p{N}]")
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’\-]*")
# Paired quotations inside one paragraph; a curly quotation may run to the paragraph's end
# (multi-paragraph quotations leave the closing mark off).
_QUOTED = regex.compile(r"“[^“”\n]*(?:”|$)|\"[^\"\n]{1,400}\"|‘[^‘’\n]{1,200}’(?![\p{L}])|«[^«»\n]*»", regex.M)
# After a figure or a number word ("5 per cent", "5per cent", "seventy per cent").
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred"
)
AFTER_FIGURE = r"(?<=\d[ \u00a0]?|(?<![\p{L}])(?i:" + _NUMBER_WORDS + r")[ \u00a0])"
_SMALL_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "off", "on", "or", "over", "the", "to", "up", "upon", "with", "via", "vs"]
)


class TextFacts:
    """Per-document facts: sentence-initial word offsets, headline ranges, quoted ranges.

    Each is computed on first use: a rule that asks only about headlines and quotations
    (formats) does not pay for the sentence starts.
    """

    def __init__(self, doc: Document):
        self._doc = doc

    @classmethod
    def of(cls, doc: Document) -> TextFacts:
        return cls(doc)

    @cached_property
    def initial(self) -> frozenset[int]:
        view = self._doc.view
        initial = set()
        for s in self._doc.sentences:
            m = _FIRST_WORD.search(view, s.start, s.end)
            if m:
                initial.add(m.start())
        return frozenset(initial)

    @cached_property
    def title_ranges(self) -> tuple[tuple[int, int], ...]:
        view = self._doc.view
        titles = []
        for p in self._doc.paragraphs:
            if p.kind == "heading" or _is_title_like(view[p.start : p.end]):
                titles.append((p.start, p.end))
        return tuple(titles)

    @cached_property
    def _quotes(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        qs, qe = [], []
        for m in _QUOTED.finditer(self._doc.view):
            qs.append(m.start())
            qe.append(m.end())
        return tuple(qs), tuple(qe)

    @property
    def quote_starts(self) -> tuple[int, ...]:
        return self._quotes[0]

    @property
    def quote_ends(self) -> tuple[int, ...]:
        return self._quotes[1]

    def in_title(self, offset: int) -> bool:
        # title_ranges are paragraphs, so sorted and disjoint: bisect, not a scan of all.
        i = bisect.bisect_right(self.title_ranges, (offset, float("inf"))) - 1
        return i >= 0 and offset < self.title_ranges[i][1]

    def in_quote(self, offset: int) -> bool:
        i = bisect.bisect_right(self.quote_starts, offset) - 1
        return i >= 0 and offset < self.quote_ends[i]

    def quote_range(self, offset: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.quote_starts, offset) - 1
        if i >= 0 and offset < self.quote_ends[i]:
            return self.quote_starts[i], self.quote_ends[i]
        return None


class Ranges:
    """Sorted, disjoint matched spans; ``covers`` bisects instead of scanning them all."""

    __slots__ = ("ends", "starts")

    def __init__(self, matches: Iterable[regex.Match[str]]):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for m in matches:
            self.starts.append(m.start())
            self.ends.append(m.end())

    def covers(self, offset: int) -> bool:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]


def _is_title_like(text: str) -> bool:
    """A headline in title case: most words that are not small words start upper-case."""
    if len(text) > 200:  # before the words: a long paragraph is never a headline
        return False
    words = [w for w in _WORD.findall(text) if w.lower() not in _SMALL_WORDS]
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps >= 0.8 * len(words)
