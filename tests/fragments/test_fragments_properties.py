"""Invariants over arbitrary text: no crash, spans in bounds, deterministic, safe fixes stick."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscheck import Document
from newscheck.checkers.fragments import FragmentsChecker
from newscheck.fixes import apply_fixes

CHECKER = FragmentsChecker()

PIECES = st.sampled_from(
    [
        "The",
        "talks",
        "said",
        "said.",
        "Has entered.",
        " . .",
        ",,",
        ".,",
        " ,",
        " ”",
        "“",
        "”",
        '"',
        "'",
        "(",
        ")",
        "[",
        "]",
        "I",
        "was",
        "a",
        "of",
        "\n\n",
        "\n",
        " ",
        ". ",
        "... ",
        "U.S.",
        "Mr.",
        "(D-Calif.)",
        "é",
        "\u00a0",
        "\r\n",
        "🙂",
        "\u0301",
        "שלום",
        "continues",
        "Chinese Foreign Policy",
        ":",
        ";",
        "?",
        "!",
    ]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=60).map("".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_findings_are_in_bounds_and_deterministic(text):
    first = list(CHECKER.check(Document(text)))
    second = list(CHECKER.check(Document(text)))
    assert first == second
    for f in first:
        assert 0 <= f.start <= f.end <= len(text)
        assert f.code.startswith("NC2")
        if f.fix is not None:
            assert all(0 <= e.start <= e.end <= len(text) for e in f.fix.edits)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_safe_fixes_remove_their_findings(text):
    found = [f for f in CHECKER.check(Document(text)) if f.fix is not None and f.fix.is_safe]
    fixed, applied = apply_fixes(text, found)
    if applied:
        # Each round of safe fixes leaves fewer safe-fixable findings, so fixing terminates.
        again = [f for f in CHECKER.check(Document(fixed)) if f.fix is not None and f.fix.is_safe]
        assert len(again) < len(found)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from('ab .,;:"“”()I\n'), max_size=2000))
def test_long_punctuation_soup_does_not_crash(text):
    list(CHECKER.check(Document(text)))
