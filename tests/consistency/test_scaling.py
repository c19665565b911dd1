"""The linear code paths that long texts take give what the short-text paths give.

A long text (many articles joined) has many spelling candidates and many quoted terms; the
family then scans every word once instead of one alternation of the candidates, and blocks
quoted terms instead of comparing all pairs. These tests pin both paths to each other.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newscheck import Document
from newscheck.checkers.consistency import quoted, spelling
from newscheck.checkers.consistency._text import TextFacts
from newscheck.checkers.consistency.names import words

_WORDS = [
    "colour", "color", "Colour", "COLOR", "centre", "center", "organise", "organize", "program",
    "programme", "per cent", "percent", "5 per cent", "10 percent", "defence", "Defense", "over-emphasises",
    "Pro-Labor", "Labor", "harbour", "travelled", "traveled", "don’t", "the", "a", "said", "“", "”",
    "\n\n", ".", ",", "-", "‐", "'", "’", " ", "5", "\u00a0", "theatre", "theater", "realiſe", "İ", "colorful",
    "watercolour", "Kelvin\u212a", "\u212aolour",
]


def _reference(view: str, candidates: set[str]) -> list[tuple[int, int]]:
    """One regex alternation of the candidates, as first written (quadratic on long texts)."""
    parts = [spelling._NUMERIC[c][0] if c in spelling._NUMERIC else c for c in sorted(candidates, key=len, reverse=True)]
    if not parts:
        return []
    pattern = regex.compile(spelling._BEFORE + "(?i:" + "|".join(parts) + ")" + spelling._AFTER)
    spans = [m.span() for m in pattern.finditer(view)]
    # (?i) matches "realiſe" to "realise"; lower() keeps the long s: not a candidate
    return [(a, b) for a, b in spans if " ".join(view[a:b].lower().split()) in candidates]


def _both_paths(text: str) -> tuple[list, list]:
    """marked_words by str.find (few candidates) and by the word scan (many), checked
    against the reference alternation."""
    doc = Document(text)
    lower = {w.lower() for w in words(doc.view)}
    candidates = set(spelling._TABLE) & (lower | {"per cent"})
    facts = TextFacts.of(doc)
    reference = _reference(doc.view, candidates)
    saved = spelling._MAX_ALTERNATION
    out = []
    try:
        for limit in (10**6, -1):
            spelling._MAX_ALTERNATION = limit
            assert spelling._occurrences(doc.view, candidates) == reference
            out.append(spelling.marked_words(doc, facts, candidates))
    finally:
        spelling._MAX_ALTERNATION = saved
    return out[0], out[1]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=60).map(" ".join))
def test_word_scan_finds_what_the_alternation_finds(text):
    by_find, by_scan = _both_paths(text)
    assert by_scan == by_find


def test_both_paths_on_a_mixed_text():
    text = (
        "The Colour Purple opened. The colour of the centre was 5 per cent brighter, and the "
        "over-emphasised color of the center rose 7 per\u00a0cent. Pro-Labor groups said the "
        "defence programme was a “color” issue; Defense officials traveled. A colorful watercolour."
    )
    by_find, by_scan = _both_paths(text)
    assert by_scan == by_find
    assert [w.word for w in by_scan][:3] == ["colour", "centre", "per cent"]


def test_a_text_that_lower_case_lengthens():
    # "İ".lower() is two characters: the str.find path would misplace offsets, so it is not used.
    by_find, by_scan = _both_paths("İstanbul’s colour and the center of the colour wheel.")
    assert [w.word for w in by_find] == [w.word for w in by_scan] == ["colour", "center", "colour"]


def test_a_long_s_is_not_a_candidate():
    # (?i) matches "realiſe" to "realise", yet lower() keeps the long s: never a KeyError.
    text = "They organize the program. They realiſe the colour of the centre matters."
    for path in _both_paths(text):
        assert "realiſe" not in [w.word for w in path]


def test_no_table_key_is_a_word_of_a_numeric_phrase():
    # The word scan relies on it: a phrase's span never overlaps a single-word key's.
    for phrase in spelling._NUMERIC:
        assert not set(phrase.split()) & set(spelling._TABLE)


def _all_pairs(terms):
    n = len(terms)
    parent = list(range(n))

    def root(i):
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(n):
        for j in range(i + 1, n):
            a, b = terms[i], terms[j]
            if a.key != b.key and a.term_groups & b.term_groups and quoted._same_context(a, b):
                parent[root(i)] = root(j)
    groups = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(terms[i])
    return [sorted(g, key=lambda t: t.start) for g in groups.values() if len({t.key for t in g}) >= 2]


_QUOTED_BITS = [
    "“boundless” partnership", "“unlimited” partnership", "“limitless” ties", "“historic” deal",
    "“landmark” agreement", "“landmark” deal", "a partnership “without limits”", "“boundless” friendship",
    "the “historic” accord", "said.", "\n\n",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_QUOTED_BITS), max_size=30).map(" ".join))
def test_blocked_drift_groups_equal_all_pairs(text):
    terms = quoted.quoted_terms(Document(text))
    assert list(quoted.drift_groups(terms)) == _all_pairs(terms)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_QUOTED_BITS), max_size=30).map(" ".join))
def test_drift_pre_test_never_hides_a_drift(text):
    terms = quoted.quoted_terms(Document(text))
    if list(quoted.drift_groups(terms)):
        assert quoted.may_drift({w.lower() for w in words(text)})


def _reference_normalise(name: str) -> str:
    """normalise() as first written, with a regex for each edit."""
    import unicodedata

    import regex

    from newscheck.checkers.consistency import names

    s = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    s = s.lower().translate(names._APOSTROPHES_HYPHENS)
    for old, new in names._FOLDS:
        s = s.replace(old, new)
    for pattern, repl in (("^ie", "e"), ("off$", "ov"), ("ov$", "iv"), ("enka$", "enko"), ("(?<=[aeiou])h$", "")):
        s = regex.sub(pattern, repl, s)
    return regex.sub(r"(.)\1+", r"\1", s)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(list("aeiouhkgczsnvIEOKHé’-öß") + ["off", "ov", "enka", "ie", "\n", "kh", "ij"]), max_size=10).map("".join))
def test_normalise_string_edits_equal_the_regex_edits(name):
    import regex

    from newscheck.checkers.consistency import names

    key = _reference_normalise(name)
    assert names.normalise.__wrapped__(name) == key
    skeleton = regex.sub(r"(.)\1+", r"\1", regex.sub("[aeiouh]", "", key).translate(str.maketrans("gcz", "kks")))
    assert names.skeleton.__wrapped__(key) == skeleton
