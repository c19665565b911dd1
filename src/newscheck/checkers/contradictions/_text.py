"""Shared helpers: data loading, word tokens, crude stemming and statement contexts."""

from __future__ import annotations

import bisect
import re
import sys
from functools import cache, lru_cache
from importlib import resources
from itertools import repeat
from operator import attrgetter, eq, itemgetter, sub
from typing import NamedTuple

import regex

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*(?:['’]s)?")
# Possessive run: the same matches as a lazy ``{3,}?`` (the class excludes every character the
# tail accepts) without re-trying the tail after each character.
QUOTED = regex.compile(r"[“\"][^“”\"\n]{3,}+(?:[”\"]|$)", regex.M)


def trie(words: list[bytes]) -> bytes:
    """A regex alternation of ``words`` factored by first letter, so a scan tries few branches."""
    groups: dict[bytes, list[bytes]] = {}
    for w in sorted(set(words)):
        groups.setdefault(w[:1], []).append(w[1:])
    parts = []
    for first, rests in groups.items():
        tails = [re.escape(r) for r in sorted(rests, key=len, reverse=True) if r]
        opt = b"" in rests
        body = b"(?:" + b"|".join(tails) + b")" + (b"?" if opt else b"") if tails else b""
        parts.append(re.escape(first) + body)
    return b"(?:" + b"|".join(parts) + b")"


@cache
def data_text(name: str) -> str:
    return resources.files(__package__).joinpath("data", name).read_text("utf-8")


@cache
def data_toml(name: str) -> dict:
    return tomllib.loads(data_text(name))


@cache
def stopwords() -> frozenset[str]:
    words: set[str] = set()
    for line in data_text("stopwords.txt").splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """A crude suffix stripper, enough to match "indicated"/"indicate", "attended"/"attend"."""
    w = word.lower().replace("’", "'")
    w = w.removesuffix("'s")
    for suffix in ("ing", "ied", "ies", "ed", "es", "s", "e", "y"):
        if len(w) > len(suffix) + 2 and w.endswith(suffix):
            w = w[: -len(suffix)]
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    return w


_HAS_DIGIT = regex.compile(r"\d")


@lru_cache(maxsize=32768)
def content_word(word: str) -> str | None:
    """The stem of a content word, or None for a stop word, a number or a single letter."""
    w = word.lower()
    if w in stopwords() or len(w) < 2 or _HAS_DIGIT.search(w):
        return None
    return stem(w)


def content_words(text: str) -> set[str]:
    out = set()
    for m in WORD.finditer(text):
        s = content_word(m.group(0))
        if s is not None:
            out.add(s)
    return out


def quoted_ranges(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Ranges of quoted speech (double quotes, straight or curly) in ``text``."""
    return [(offset + m.start(), offset + m.end()) for m in QUOTED.finditer(text)]


def inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in ranges)


def excerpt(text: str, start: int, end: int, limit: int = 90) -> str:
    """One line of ``text[start:end]``, shortened at a word boundary with an ellipsis."""
    s = " ".join(text[start:end].split())
    if len(s) <= limit:
        return s
    cut = s[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:") + "…"


class Sentence(NamedTuple):
    """One sentence (a tuple: built thousands of times per article, so construction must be cheap)."""

    start: int
    end: int
    paragraph: int
    text: str
    #: Quoted speech in this sentence, relative to ``text``; a quotation may span sentences.
    #: Left empty by :func:`sentences`, which finds it on demand: read it with :func:`quotes_of`.
    quotes: tuple[tuple[int, int], ...] = ()

    @property
    def is_headline_like(self) -> bool:
        """No closing punctuation: a headline, a caption line or a pasted title."""
        last = self[3][-1:]
        if not last or last.isspace():
            last = self[3].rstrip()[-1:]
        return last not in _CLOSERS


#: Closing punctuation (single characters, so the last one is looked up in a set).
_CLOSERS = frozenset((".", "!", "?", '"', "”", "’", "'", ":", ")", "…"))
_NOT_CLOSER = re.compile("[^" + re.escape("".join(sorted(_CLOSERS))) + "]")
_MATCH_START = re.Match.start


class Sentences(list):
    """The sentences of one document, with the analysis view they index into."""

    view: str = ""
    _has_quotes: bool = False
    _quote_lines: dict[tuple[int, int], tuple[list[tuple[int, int]], list[int]]] | None = None
    _newlines: list[int] | None = None
    _starts: list[int] | None = None
    _digit_runs: list[tuple[int, int]] | None = None
    _ascii: bytes | None = None
    _ascii_lower: bytes | None = None

    @property
    def starts(self) -> list[int]:
        """Sentence start offsets (ascending), for bisecting a view offset to its sentence."""
        if self._starts is None:
            self._starts = [s[0] for s in self]
        return self._starts

    def quotes_in(self, start: int, end: int) -> tuple[tuple[int, int], ...]:
        """Quoted speech overlapping ``view[start:end]``, relative to ``start``: the same as
        scanning the whole view with ``QUOTED``, but only the lines the range touches are
        scanned (a quotation never runs past the end of its line)."""
        if not self._has_quotes:
            return ()
        view = self.view
        # The line's bounds from the newline offsets (found once), not by searching the view:
        # a text of one very long line would make each search cost the whole line.
        newlines = self._newlines
        if newlines is None:
            newlines = self._newlines = finds(view, "\n")
        k = bisect.bisect_left(newlines, start)
        lo = newlines[k - 1] + 1 if k else 0
        k = bisect.bisect_left(newlines, max(start, end - 1), k)
        hi = newlines[k] if k < len(newlines) else len(view)
        if self._quote_lines is None:
            self._quote_lines = {}
        line = self._quote_lines.get((lo, hi))
        if line is None:
            spans = [m.span() for m in QUOTED.finditer(view, lo, hi)]
            line = self._quote_lines[lo, hi] = (spans, [qe for _, qe in spans])
        spans, ends = line
        # The quotations do not overlap, so their ends ascend with their starts: the ones that
        # overlap the range are consecutive, from the first that ends after ``start``.
        out = []
        for i in range(bisect.bisect_right(ends, start), len(spans)):
            qs, qe = spans[i]
            if qs >= end:
                break
            out.append((max(qs, start) - start, min(qe, end) - start))
        return tuple(out)


_DIGITS = regex.compile(r"\d+")
_ASCII_DIGITS = regex.compile(rb"[0-9]+")
# Every byte but the first bytes of the UTF-8 forms of U+0640–U+07FF, U+0800–U+1FFF, U+A000–U+AFFF,
# U+F000–U+FFFF and beyond U+FFFF: the ranges that hold every decimal digit outside ASCII (from
# U+0660 on). A view whose UTF-8 form keeps no byte when these are deleted has only ASCII digits.
_NOT_LEADING_A_DIGIT = bytes(
    b for b in range(256) if not (0xD9 <= b <= 0xE1 or b in (0xEA, 0xEF) or b >= 0xF0)
)


def digit_runs(view: str, sents: list[Sentence] | None = None) -> list[tuple[int, int]]:
    """Spans of the maximal digit runs of ``view``, computed once per document (cached on
    ``sents`` when it is a :class:`Sentences`): figures, years and dates all start at one."""
    cached = isinstance(sents, Sentences) and sents.view is view
    if cached and sents._digit_runs is not None:
        return sents._digit_runs
    if view.isascii() or not view.encode("utf-8", "surrogatepass").translate(None, _NOT_LEADING_A_DIGIT):
        # The ASCII digits are all the digits: scanned as bytes, faster.
        runs = [m.span() for m in _ASCII_DIGITS.finditer(ascii_of(view, sents))]
    else:
        runs = [m.span() for m in _DIGITS.finditer(view)]
    if cached:
        sents._digit_runs = runs
    return runs


def ascii_of(view: str, sents: list[Sentence] | None = None, *, lower: bool = False) -> bytes:
    """``view`` as ASCII bytes, one per character ("?" for the others), so offsets carry over:
    byte scans and ``bytes.find`` are much cheaper than Unicode regexes. Cached on ``sents``."""
    cached = isinstance(sents, Sentences) and sents.view is view
    if cached and (sents._ascii_lower if lower else sents._ascii) is not None:
        return sents._ascii_lower if lower else sents._ascii
    raw = sents._ascii if cached and sents._ascii is not None else view.encode("ascii", "replace")
    out = raw.lower() if lower else raw
    if cached:
        sents._ascii = raw
        if lower:
            sents._ascii_lower = out
    return out


def finds(haystack, needle) -> list[int]:
    """Every offset of ``needle`` in ``haystack`` (str or bytes), overlapping ones included."""
    out = []
    i = haystack.find(needle)
    while i != -1:
        out.append(i)
        i = haystack.find(needle, i + 1)
    return out


def headline_like_indexes(sents: list[Sentence], view: str | None = None) -> list[int]:
    """Indexes of the sentences whose ``is_headline_like`` is true, in order. The last
    character of each sentence is read with C-level maps; only sentences it does not settle
    (no closing punctuation there, or empty) get the full test."""
    if view is None:
        view = view_of(sents)
    ends = list(map(_SECOND, sents))
    if not ends:
        return []
    if any(map(eq, map(_FIRST, sents), ends)) or min(ends) < 1:
        return [i for i, s in enumerate(sents) if s.is_headline_like]
    # The last characters, one per sentence, in one string: the few that are no closing
    # punctuation are found by one scan.
    lasts = "".join(map(view.__getitem__, map(sub, ends, repeat(1))))
    return [i for i in map(_MATCH_START, _NOT_CLOSER.finditer(lasts)) if sents[i].is_headline_like]


def starts_of(sents: list[Sentence]) -> list[int]:
    return sents.starts if isinstance(sents, Sentences) else [s.start for s in sents]


def bucket(sents: list[Sentence], positions, starts: list[int] | None = None) -> list[int]:
    """Indexes of the sentences holding ``positions`` (ascending view offsets), each once."""
    if starts is None:
        starts = starts_of(sents)
    out: list[int] = []
    last = -1
    for p in positions:
        i = bisect.bisect_right(starts, p) - 1
        if i >= 0 and i != last and p < sents[i].end:
            out.append(i)
            last = i
    return out


def view_of(sents: list[Sentence]) -> str:
    """The text ``sents`` index into: the document's view, or one rebuilt from the sentences."""
    view = getattr(sents, "view", "")
    if view or not sents:
        return view
    return "".join(" " * (s.start - (sents[i - 1].end if i else 0)) + s.text for i, s in enumerate(sents))


_FIRST = itemgetter(0)
_SECOND = itemgetter(1)
_START = attrgetter("start")
_END = attrgetter("end")
_LABEL = attrgetter("label")


@lru_cache(maxsize=4096)
def _paragraph(label: str) -> int:
    return int(label or 0)


def sentences(doc) -> Sentences:
    """The document's sentences as :class:`Sentence` tuples, built with C-level maps (an
    article has thousands). The quotations a sentence overlaps are found when asked for,
    with :func:`quotes_of`: few sentences are ever asked about."""
    view = doc.view
    spans = doc.sentences
    starts = list(map(_START, spans))
    ends = list(map(_END, spans))
    texts = list(map(view.__getitem__, map(slice, starts, ends)))
    out = Sentences(
        map(
            tuple.__new__,
            repeat(Sentence),
            zip(starts, ends, map(_paragraph, map(_LABEL, spans)), texts, repeat(())),
        )
    )
    out.view = view
    out._starts = starts
    out._has_quotes = "“" in view or '"' in view
    return out


def quotes_of(sents: list[Sentence], sent: Sentence) -> tuple[tuple[int, int], ...]:
    """Quoted speech in ``sent`` (one of ``sents``), relative to its text."""
    if isinstance(sents, Sentences) and sents.view:
        return sents.quotes_in(sent[0], sent[1])
    return sent[4]
