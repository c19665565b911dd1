"""British and American spellings mixed in one article.

The word list (``data/british_american.tsv``) marks which side of each pair is evidence of
a variety. Two dimensions are compared separately: general spelling (-our/-or, -re/-er,
-ce/-se, -ll-/-l-, ae/oe, -yse/-yze ...) and -ise/-ize, because Oxford spelling lets a
British article write -ize with -our.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ...document import Document
from ._data import data_lines
from ._text import TextFacts

BRITISH = "British"
AMERICAN = "American"



@dataclass(frozen=True, slots=True)
class Marked:
    start: int
    end: int
    word: str
    variety: str
    dimension: str
    other: str  # the same word in the other variety


def _load() -> dict[str, tuple[str, str, str]]:
    table: dict[str, tuple[str, str, str]] = {}
    for line in data_lines("british_american.tsv"):
        british, american, dimension, evidence = line.split("\t")
        if evidence in ("both", "british"):
            table.setdefault(british, (BRITISH, dimension, american))
        if evidence in ("both", "american"):
            table.setdefault(american, (AMERICAN, dimension, british))
    return table


_TABLE = _load()
_KEYS = frozenset(_TABLE)


def mixed_candidates(lower_words: set[str]) -> set[str]:
    """The article's variety-marking words, if some dimension has both varieties; else empty."""
    marked = lower_words & _KEYS
    if not marked:
        return set()
    seen: dict[str, set[str]] = {}
    for w in marked:
        variety, dimension, _ = _TABLE[w]
        seen.setdefault(dimension, set()).add(variety)
    mixed = {d for d, v in seen.items() if len(v) == 2}
    return {w for w in marked if _TABLE[w][1] in mixed}


def marked_words(doc: Document, facts: TextFacts, candidates: set[str]) -> list[Marked]:
    """Occurrences of ``candidates`` that mark a variety: not in quotations, names or headlines."""
    view = doc.view
    pattern = regex.compile(
        r"(?<![\p{L}\p{M}'’\-‐])(?i:" + "|".join(sorted(candidates, key=len, reverse=True))
        + r")(?![\p{L}\p{M}]|['’\-‐]\p{L})"
    )
    out = []
    for m in pattern.finditer(view):
        word = m.group()
        low = word.lower()
        start = m.start()
        if word != low:
            # A capital proves a name ("Pearl Harbor", "Labor Party", "World Health
            # Organization") unless the word merely opens a sentence; headlines are unclear.
            if not word[1:].islower() or start not in facts.initial or facts.in_title(start):
                continue
            nxt = regex.match(r"[ \u00a0]+(\p{L})", view[m.end() : m.end() + 3])
            if nxt and nxt.group(1).isupper():
                continue
        if facts.in_quote(start):
            continue
        variety, dimension, other = _TABLE[low]
        out.append(Marked(start, m.end(), word, variety, dimension, _match_case(other, word)))
    return out


def _match_case(word: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
