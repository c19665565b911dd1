"""Shared helpers: data loading, word tokens, crude stemming and statement contexts."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import regex

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*(?:['’]s)?")
QUOTED = regex.compile(r"[“\"][^“”\"\n]{3,}?(?:[”\"]|$)", regex.M)


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
    """One line of ``text[start:end]``, shortened with an ellipsis."""
    s = " ".join(text[start:end].split())
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    text: str
    #: Quoted speech in this sentence, relative to ``text``; a quotation may span sentences.
    quotes: tuple[tuple[int, int], ...] = ()

    @property
    def is_headline_like(self) -> bool:
        """No closing punctuation: a headline, a caption line or a pasted title."""
        return not self.text.rstrip().endswith((".", "!", "?", '"', "”", "’", "'", ":", ")", "…"))


class Sentences(list):
    """The sentences of one document, with the analysis view they index into."""

    view: str = ""


def view_of(sents: list[Sentence]) -> str:
    """The text ``sents`` index into: the document's view, or one rebuilt from the sentences."""
    view = getattr(sents, "view", "")
    if view or not sents:
        return view
    return "".join(" " * (s.start - (sents[i - 1].end if i else 0)) + s.text for i, s in enumerate(sents))


def sentences(doc) -> Sentences:
    view = doc.view
    quotes = quoted_ranges(view) if ("“" in view or '"' in view) else []
    out = Sentences()
    out.view = view
    qi = 0
    for s in doc.sentences:
        while qi < len(quotes) and quotes[qi][1] <= s.start:
            qi += 1
        local = []
        j = qi  # walk by index: slicing quotes[qi:] per sentence copied the rest each time
        while j < len(quotes) and quotes[j][0] < s.end:
            qs, qe = quotes[j]
            local.append((max(qs, s.start) - s.start, min(qe, s.end) - s.start))
            j += 1
        out.append(Sentence(s.start, s.end, int(s.label or 0), view[s.start : s.end], tuple(local)))
    return out
