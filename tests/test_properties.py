"""Properties of the whole default pipeline over any text hypothesis can produce."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newscheck
from newscheck import Linter, Report, apply_fixes

LINTER = Linter()

news_alphabet = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ.,;:!?'\"“”‘’()[]-—–…\n\r\t\u00a0\u200f\u0301é😀")
    + ["Mr. ", "U.S. ", "said. ", ". .", "\n\n", "CLICK HERE", "Kiev", "Kyiv", " said.", "The", "\r\n"]
)
newsy_text = st.lists(news_alphabet, max_size=200).map("".join)
any_text = st.text() | newsy_text


def _check_invariants(text: str, report: Report) -> None:
    prev = None
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text)
        for r in f.related:
            assert 0 <= r.start <= r.end <= len(text)
        if f.fix:
            for e in f.fix.edits:
                assert 0 <= e.start <= e.end <= len(text)
        if prev is not None:
            assert (prev.start, prev.code) <= (f.start, f.code)
        prev = f
        assert 0.0 <= f.confidence <= 1.0


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(any_text)
def test_any_text_no_crash_spans_in_bounds_sorted_deterministic(text):
    report = LINTER.check(text)
    assert report.errors == ()
    _check_invariants(text, report)
    again = LINTER.check(text)
    assert again.findings == report.findings
    assert Report.from_json(report.to_json(), text=text).findings == report.findings
    json.loads(report.to_json())


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(newsy_text)
def test_markdown_format_also_holds(text):
    report = LINTER.check(text, format="markdown")
    assert report.errors == ()
    _check_invariants(text, report)


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(newsy_text)
def test_safe_fixes_remove_their_findings(text):
    report = LINTER.check(text)
    fixed, applied = apply_fixes(text, report.findings)
    if not applied:
        return
    after = LINTER.check(fixed)
    fixed2, applied2 = apply_fixes(fixed, after.findings)
    # Fixing converges: a bounded number of rounds reaches a fixed point.
    for _ in range(5):
        if not applied2:
            break
        fixed2, applied2 = apply_fixes(fixed2, LINTER.check(fixed2).findings)
    assert not applied2


def test_special_inputs():
    for text in ["", "\x00", "\r\n" * 50, "😀" * 1000, "\u202e\u05d0\u05d1 שלום.", "e\u0301" * 500,
                 "a" * 5_000_000]:
        report = newscheck.check(text)
        _check_invariants(text, report)
