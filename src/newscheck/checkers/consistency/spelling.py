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
from ...lowercase import lower
from ._data import data_lines, read_toml
from ._text import AFTER_FIGURE, TextFacts

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
    #: a marker that is reported when it disagrees with the article but never sets the
    #: article's variety ("program", "per cent": see data/spelling_context.toml)
    weak: bool = False


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


def _load_context() -> tuple[dict[str, frozenset[str]], dict[str, tuple[str, str]]]:
    """American forms marked unless some word occurs; numeric forms (phrase -> pattern, rival)."""
    data = read_toml("spelling_context.toml")
    contextual: dict[str, frozenset[str]] = {}
    for entry in data.get("contextual", ()):
        unless = frozenset(entry["unless"])
        for american, british in zip(entry["american"], entry["british"]):
            contextual[american] = unless
            _TABLE[american] = (AMERICAN, "spelling", british)
    numeric: dict[str, tuple[str, str]] = {}
    for entry in data.get("numeric", ()):
        forms = {BRITISH: entry["british"], AMERICAN: entry["american"]}
        patterns = {}
        for variety, phrase in forms.items():
            words = [regex.escape(w) for w in phrase.split()]
            patterns[variety] = AFTER_FIGURE + r"[ \u00a0]+".join(words)
        for variety, rival in ((BRITISH, AMERICAN), (AMERICAN, BRITISH)):
            if entry["evidence"] in ("both", variety.lower()):
                phrase = forms[variety]
                _TABLE[phrase] = (variety, "spelling", forms[rival])
                numeric[phrase] = (patterns[variety], patterns[rival])
    return contextual, numeric


_CONTEXTUAL, _NUMERIC = _load_context()
_WEAK = frozenset(_CONTEXTUAL) | frozenset(_NUMERIC)
_KEYS = frozenset(_TABLE) - _WEAK
_NUMERIC_RIVALS = {phrase: regex.compile(rival, regex.I) for phrase, (_, rival) in _NUMERIC.items()}
#: Every lower-case word ``mixed_candidates`` asks about: it gives the same answer for the
#: article's words as for their intersection with this set (taken once for all rules).
GATE_WORDS = _KEYS | frozenset(_CONTEXTUAL).union(*_CONTEXTUAL.values()) | frozenset(
    w for phrase in _NUMERIC for w in phrase.split()
)
#: The words that mark each variety (a mix needs one of each).
_BRITISH_MARKS = frozenset(w for w, (variety, _, _) in _TABLE.items() if variety == BRITISH)
_AMERICAN_MARKS = frozenset(w for w, (variety, _, _) in _TABLE.items() if variety == AMERICAN)
#: The words of those marks (a numeric one is a phrase): an article without one of each
#: has no mix, which the caller can see before asking ``mixed_candidates``.
BRITISH_WORDS = frozenset(x for w in _BRITISH_MARKS for x in w.split())
AMERICAN_WORDS = frozenset(x for w in _AMERICAN_MARKS for x in w.split())


def _present(lower_words: set[str]) -> set[str]:
    marked = lower_words & _KEYS
    for w, unless in _CONTEXTUAL.items():
        if w in lower_words and not lower_words & unless:
            marked.add(w)
    for phrase in _NUMERIC:
        if all(w in lower_words for w in phrase.split()):
            marked.add(phrase)
    return marked


def mixed_candidates(lower_words: set[str]) -> set[str]:
    """The article's variety-marking words, if the varieties mix; else empty.

    Each dimension is compared with itself; besides, British -ise in an article of American
    general spelling is a mix (Oxford spelling pairs -ize with British -our, never -ise
    with American -or), while -ize in a British article is not.
    """
    marked = _present(lower_words)
    if marked.isdisjoint(_BRITISH_MARKS) or marked.isdisjoint(_AMERICAN_MARKS):  # one variety: no mix
        return set()
    seen: dict[str, set[str]] = {}
    strong: dict[str, set[str]] = {}
    for w in marked:
        variety, dimension, _ = _TABLE[w]
        seen.setdefault(dimension, set()).add(variety)
        if w not in _WEAK:
            strong.setdefault(dimension, set()).add(variety)
    # weak markers are reported against strong ones, never against each other
    mixed = {d for d, v in seen.items() if len(v) == 2 and d in strong}
    if BRITISH in seen.get("ize", ()) and AMERICAN in strong.get("spelling", ()):
        mixed |= {"ize", "spelling"}
    return {w for w in marked if _TABLE[w][1] in mixed}


def marked_words(doc: Document, facts: TextFacts, candidates: set[str]) -> list[Marked]:
    """Occurrences of ``candidates`` that mark a variety: not in quotations, names or headlines."""
    view = doc.view
    out = []
    for start, end in _occurrences(view, candidates):
        word = view[start:end]
        low = " ".join(word.lower().split())
        if low not in candidates:  # "realiſe" matches "realise" ignoring case, yet lower() keeps the ſ
            continue
        if word != low:
            # A capital proves a name ("Pearl Harbor", "Labor Party", "World Health
            # Organization") unless the word merely opens a sentence; headlines are unclear.
            if not word[1:].islower() or start not in facts.initial or facts.in_title(start):
                continue
            nxt = _NEXT_LETTER.match(view, end, end + 3)
            if nxt and nxt.group(1).isupper():
                continue
        if facts.in_quote(start):
            continue
        variety, dimension, other = _TABLE[low]
        out.append(Marked(start, end, word, variety, dimension, _match_case(other, word), low in _WEAK))
    for phrase, rival in _NUMERIC_RIVALS.items():
        # "per cent" and "percent" both after figures: format-mix (NC306) reports that
        if phrase in candidates and rival.search(view):
            out = [w for w in out if " ".join(w.word.lower().split()) != phrase]
    return out


# A marking word stands alone: after a hyphen only in a lower-case compound
# ("over-emphasises", not "Pro-Labor"), never before an apostrophe or hyphen and a letter.
_BEFORE = r"(?<![\p{L}\p{M}'’])(?:(?<![\-‐])|(?<=(?<![\p{L}])\p{Ll}{2,}[\-‐]))"
_AFTER = r"(?![\p{L}\p{M}]|['’\-‐]\p{L})"
#: Every letter word, for an article with many candidates (one long text of many articles).
_ANY_WORD = regex.compile(_BEFORE + r"\p{L}+" + _AFTER)
_NUMERIC_PATTERNS = {
    phrase: regex.compile(_BEFORE + "(?i:" + pattern + ")" + _AFTER) for phrase, (pattern, _) in _NUMERIC.items()
}
_NEXT_LETTER = regex.compile(r"[ \u00a0]+(\p{L})")
#: Up to this many candidates each is found with str.find in the lower-cased text; beyond,
#: every word is scanned once and looked up (a regex alternation of the candidates would
#: cost text x candidates, and a fresh one per article costs a compile).
_MAX_ALTERNATION = 16


def _occurrences(view: str, candidates: set[str]) -> list[tuple[int, int]]:
    """Spans of the candidates in ``view`` (any capitalisation), in text order.

    A span is a whole word as ``_ANY_WORD`` delimits it, or a numeric phrase ("5 per cent").
    Table keys are single letter words except the numeric phrases, which have their own
    patterns; no key is a word of a phrase, so the spans never overlap.
    """
    spans: list[tuple[int, int]] = []
    words = candidates
    if len(candidates) <= _MAX_ALTERNATION:
        low = lower(view)  # (in pieces: no 12-byte work space per character)
        if len(low) == len(view):  # (lower() lengthens "İ": offsets would shift)
            words = set()
            for c in candidates:
                if c in _NUMERIC:
                    continue
                n, i = len(c), low.find(c)
                while i >= 0:
                    m = _ANY_WORD.match(view, i)
                    if m is not None and m.end() == i + n:
                        spans.append((i, i + n))
                    i = low.find(c, i + 1)
        else:
            parts = [_NUMERIC[c][0] if c in _NUMERIC else c for c in sorted(candidates, key=len, reverse=True)]
            pattern = regex.compile(_BEFORE + "(?i:" + "|".join(parts) + ")" + _AFTER)
            return [m.span() for m in pattern.finditer(view)]
    if words:
        spans.extend(m.span() for m in _ANY_WORD.finditer(view) if m.group().lower() in words)
    for c in candidates:
        if c in _NUMERIC:
            spans.extend(m.span() for m in _NUMERIC_PATTERNS[c].finditer(view))
    spans.sort()
    return spans


def _match_case(word: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
