"""Invariants of the consistency checker over arbitrary text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscheck import Document, Linter, apply_fixes
from newscheck.checkers.consistency import ConsistencyChecker

CHECKER = ConsistencyChecker()
pieces = st.sampled_from(
    [
        "Kiev", "Kyiv", "Kharkov's", "Kharkiv", "al-Qaeda", "al-Qaida", "Saakashvili", "Saakashwili",
        "José", "Jose", "defence", "defense", "colour", "color", "organise", "organize", "“boundless”",
        "“unlimited”", " partnership", " ties", "5 per cent", "5 percent", "$3bn", "$3 billion",
        "Mr. ", "The ", " said. ", "\n\n", "\r\n", "“", "”", '"', "’s", "-", " ", ".", "\u00a0",
        "\u0301", "😀", "Ñ", "İ", "ǅ",
    ]
)
newsy = st.lists(pieces, max_size=60).map("".join)
texts = st.text(max_size=300) | newsy


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_no_crash_spans_in_bounds_deterministic(text):
    found = list(CHECKER.check(Document(text)))
    for f in found:
        assert 0 <= f.start < f.end <= len(text)
        assert all(0 <= s.start < s.end <= len(text) for s in f.related)
        if f.fix:
            assert all(0 <= e.start <= e.end <= len(text) for e in f.fix.edits)
        assert f.category.value == "consistency"
    assert list(CHECKER.check(Document(text))) == found


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(newsy)
def test_markdown_view_is_respected(text):
    found = list(CHECKER.check(Document(text, format="markdown")))
    assert all(0 <= f.start <= f.end <= len(text) for f in found)


LINTER = Linter(select=["house-style"], config={"consistency": {"house-style": {"Kyiv": ["Kiev"], "per cent": ["percent"]}}})


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(newsy)
def test_safe_fixes_remove_their_findings(text):
    report = LINTER.check(text)
    fixed, _ = apply_fixes(text, report.findings)
    assert not [f for f in LINTER.check(fixed).findings if f.code == "NC305"]
