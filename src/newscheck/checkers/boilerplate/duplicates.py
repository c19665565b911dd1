"""Exact and near-duplicate paragraphs, found in linear time.

Exact repeats are found by a dictionary of normalised paragraphs. Near repeats are
compared with rapidfuzz only when two paragraphs open or close with the same few words
(the blocking keys), and a key shared by many paragraphs is dropped, so the number of
comparisons stays close to the number of paragraphs instead of growing with its square.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

from rapidfuzz import fuzz

__all__ = ["find_duplicates"]

#: Fewest words for an exact repeat to count (shorter lines repeat legitimately: names, labels).
EXACT_MIN_WORDS = 6
#: Fewest words for a near repeat to count.
NEAR_MIN_WORDS = 12
EDGE_WORDS = 4
#: A blocking key shared by more paragraphs than this is ignored (boilerplate-like phrasing).
MAX_BUCKET = 8


class _Para(Protocol):
    index: int
    kind: str
    kept: tuple[str, int]


# Punctuation and symbols become spaces: the comparison is of words, in lower case.
_PUNCTUATION = {
    c: " " for c in range(0x2FFF) if not chr(c).isalnum() and not chr(c).isspace() and chr(c) not in "'’"
}


def find_duplicates(
    paras: Sequence[_Para], skip: Iterable[int], threshold: float
) -> Iterator[tuple[int, int, float]]:
    """Yield ``(later, earlier, score)`` for each paragraph repeating an earlier one.

    ``score`` is 100 for an exact (normalised) repeat, else the rapidfuzz ratio.
    """
    skipped = set(skip)
    seen: dict[str, int] = {}
    buckets: dict[str, list[int]] = {}
    norms: dict[int, str] = {}
    for p in paras:
        text, n = p.kept  # what stays of the paragraph once its own flagged sentences go
        if p.kind == "heading" or n < EXACT_MIN_WORDS or p.index in skipped:
            continue
        words = text.lower().translate(_PUNCTUATION).split()
        norm = " ".join(words)
        if norm in seen:
            yield p.index, seen[norm], 100.0
            continue
        seen[norm] = p.index
        norms[p.index] = norm
        if len(words) < NEAR_MIN_WORDS:
            continue
        keys = _blocking_keys(words)
        best: tuple[float, int] | None = None
        checked: set[int] = set()
        for key in keys:
            for other in buckets.get(key, ()):
                if other in checked:
                    continue
                checked.add(other)
                a, b = norms[other], norm
                if not 0.8 <= len(a) / len(b) <= 1.25:
                    continue
                score = fuzz.ratio(a, b, score_cutoff=threshold)
                if score and (best is None or score > best[0]):
                    best = (score, other)
        if best is not None:
            yield p.index, best[1], min(best[0], 99.9)
            continue
        for key in keys:
            bucket = buckets.setdefault(key, [])
            if len(bucket) < MAX_BUCKET:
                bucket.append(p.index)


def _blocking_keys(words: list[str]) -> tuple[str, str]:
    """The paragraph's first and last few words: a near repeat differs in one place
    (a word changed, added or dropped), so it keeps at least one of its two ends."""
    return " ".join(words[:EDGE_WORDS]), " ".join(words[-EDGE_WORDS:])
