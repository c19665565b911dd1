"""One short quoted term rendered with different words ("boundless" / "unlimited" partnership).

A quoted term of one to four words is attached to a head noun: the word right after the
closing quote when it is a head noun of the resource ("“boundless” partnership"), else the
nearest head noun of the resource in the clause before the opening quote ("a partnership
“without limits”", "called its new partnership with a German rival “boundless”"), else the
word right after the quote. Two different quoted terms are renderings
of one quotation when they share a synonym set in ``data/quoted_synonyms.toml`` and their
heads are the same noun or share a head set.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

import regex

from ...document import Document
from ...lowercase import lower
from ._data import read_toml

_QUOTED_TERM = regex.compile(
    r"(?P<open>[“\"‘«])(?P<term>\p{L}[\p{L}\p{M}'’\- ]{0,38}\p{L})(?P<close>[”\"’»])"
)
_PAIRS = {"“": "”", '"': '"', "‘": "’", "«": "»"}
_AFTER = regex.compile(r"[ \u00a0]+(?P<w>\p{Ll}[\p{Ll}\-]+)")
# The words of the clause before an opening quote: back to sentence punctuation or another
# quotation mark, at most _BACK characters ("its new partnership with a German rival “boundless”").
_CLAUSE_WORDS = regex.compile(r"(?<![\p{L}\-])\p{Ll}[\p{Ll}\-]+(?![\p{L}])")
_CLAUSE_BREAK = regex.compile(r"[.!?;:“”\"«»\n]")
_BACK = 80


_KEY_TABLE = str.maketrans({"’": "'", "-": " ", "‐": " "})


def _key(term: str) -> str:
    return " ".join(term.lower().translate(_KEY_TABLE).split())


def _load() -> tuple[dict[str, frozenset[int]], dict[str, frozenset[int]]]:
    data = read_toml("quoted_synonyms.toml")
    terms: dict[str, set[int]] = defaultdict(set)
    for i, group in enumerate(data["terms"]):
        for t in group:
            terms[_key(t)].add(i)
    heads: dict[str, set[int]] = defaultdict(set)
    for i, group in enumerate(data["heads"]):
        for h in group:
            heads[_key(h)].add(i)
    return (
        {k: frozenset(v) for k, v in terms.items()},
        {k: frozenset(v) for k, v in heads.items()},
    )


_TERMS, _HEADS = _load()
#: The words of each term (the keys are lower-case ASCII words: a quoted term's words are
#: then among the article's lower-cased words).
_KEY_WORDS = {key: frozenset(key.replace("'", " ").split()) for key in _TERMS}
_TERM_WORDS = frozenset().union(*_KEY_WORDS.values())
#: Every lower-case word ``may_drift`` asks about.
GATE_WORDS = _TERM_WORDS
#: Each term under its longest word (not under "the" or "no": a term whose words all occur
#: is found by the one look-up, and most articles hold "the" but not "the new normal").
_KEYS_BY_WORD: dict[str, list[str]] = defaultdict(list)
for _k, _ws in _KEY_WORDS.items():
    _KEYS_BY_WORD[max(sorted(_ws), key=len)].append(_k)
_INDEXED = frozenset(_KEYS_BY_WORD)


#: The start of each term up to its first space or apostrophe, as the lower-cased text has it
#: right after the opening quotation mark (the keys are ASCII: lower() of the quoted term's
#: letters is the same alone as in the whole text).
_OPENING = {key: key.split()[0].split("'")[0] for key in _TERMS if key.isascii()}
# The ASCII letters right after an opening quotation mark; a quoted term's start is followed
# by a space, hyphen, apostrophe or closing mark, none of them one.
_OPENED_WORD = re.compile(r"[“\"‘«]([a-z]+)")


def may_drift(lower_words: set[str], view: str | None = None) -> bool:
    """Cheap test: two different terms of one synonym set occur, so two renderings are possible.

    Given the article's ``view``, a term counts only if its start follows an opening quotation
    mark somewhere, as a quoted term's does.
    """
    hit = lower_words & _TERM_WORDS
    if len(hit) < 2:
        return False
    keys = [k for w in hit & _INDEXED for k in _KEYS_BY_WORD[w] if _KEY_WORDS[k] <= lower_words]
    seen: set[int] = set()
    for key in keys:
        groups = _TERMS[key]
        if seen & groups:
            break
        seen |= groups
    else:
        return False
    if view is None:
        return True
    low = lower(view)  # (lowered in pieces: little work space)
    if len(keys) > _FEW_KEYS:  # (each look-up reads the text: many keys, one scan)
        opened = set(_OPENED_WORD.findall(low))
        is_opened = opened.__contains__
    else:
        is_opened = partial(_opened, low)
    by_group: dict[int, int] = {}
    for key in keys:
        if key not in _OPENING or is_opened(_OPENING[key]):
            for g in _TERMS[key]:
                by_group[g] = by_group.get(g, 0) + 1
    return any(n > 1 for n in by_group.values())


def _opened(low: str, word: str) -> bool:
    """``word in _OPENED_WORD.findall(low)``, by looking for the word after each mark (a few
    words are asked about; a scan of every character for a mark costs more)."""
    if not _ASCII_LOWER.fullmatch(word):
        return False
    for mark in _OPENING_MARKS:
        needle = mark + word
        i = low.find(needle)
        while i >= 0:
            end = i + len(needle)
            if end == len(low) or not "a" <= low[end] <= "z":
                return True
            i = low.find(needle, i + 1)
    return False


_OPENING_MARKS = "“\"‘«"
#: Up to this many terms their opening words are looked for after the marks one by one.
_FEW_KEYS = 8
_ASCII_LOWER = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class QuotedTerm:
    start: int  # of the term, inside the quotation marks
    end: int
    term: str
    key: str
    head: str
    head_groups: frozenset[int]
    term_groups: frozenset[int]


def quoted_terms(doc: Document) -> list[QuotedTerm]:
    view = doc.view
    out = []
    for m in _QUOTED_TERM.finditer(view):
        if _PAIRS[m.group("open")] != m.group("close"):
            continue
        term = m.group("term")
        if term.count(" ") > 3:
            continue
        key = _key(term)
        groups = _TERMS.get(key)
        if not groups:
            continue
        after = _AFTER.match(view, m.end())
        head = after.group("w") if after else None
        if head is None or _key(head) not in _HEADS:
            before = _head_before(view, m.start())
            if before is not None:
                head = before
        if head is None:
            continue
        hkey = _key(head)
        out.append(
            QuotedTerm(m.start("term"), m.end("term"), term, key, hkey, _HEADS.get(hkey, frozenset()), groups)
        )
    return out


def _head_before(view: str, at: int) -> str | None:
    """The nearest head noun of the synonym resource in the clause before ``at``, if any."""
    lo = max(0, at - _BACK)
    window = view[lo:at]
    cut = None
    for cut in _CLAUSE_BREAK.finditer(window):
        pass
    if cut is not None:
        window = window[cut.end() :]
    elif lo > 0:  # the window starts inside a word: drop it
        window = window.split(" ", 1)[-1]
    for w in reversed(_CLAUSE_WORDS.findall(window)):
        if _key(w) in _HEADS:
            return w
    return None


def _same_context(a: QuotedTerm, b: QuotedTerm) -> bool:
    return a.head == b.head or bool(a.head_groups & b.head_groups)


def drift_groups(terms: list[QuotedTerm]) -> Iterator[list[QuotedTerm]]:
    """Clusters of renderings: same context, synonymous, at least two different wordings."""
    n = len(terms)
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Two terms are joined when their wordings differ, share a synonym set and share a head
    # (the same noun or a head set). Block by (synonym set, head or head set): every pair in
    # a block shares both, so a block with two or more wordings is one connected cluster; a
    # block of one wording joins nothing. Linear, where all pairs would be quadratic in a
    # long text of many quotations.
    blocks: dict[tuple[int, str | int], list[int]] = defaultdict(list)
    for i, t in enumerate(terms):
        contexts: list[str | int] = [t.head, *t.head_groups]
        for g in t.term_groups:
            for c in contexts:
                blocks[(g, c)].append(i)
    for members in blocks.values():
        if len({terms[i].key for i in members}) >= 2:
            r = root(members[0])
            for i in members[1:]:
                ri = root(i)
                if ri != r:
                    parent[ri] = r
    clusters: dict[int, list[QuotedTerm]] = defaultdict(list)
    for i in range(n):
        clusters[root(i)].append(terms[i])
    for members in clusters.values():
        if len({t.key for t in members}) >= 2:
            yield sorted(members, key=lambda t: t.start)
