"""The result type: frozen value objects, validation, JSON round-trip."""

from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newscheck import Applicability, Category, Edit, Finding, Fix, Report, Severity, Span


def _finding(**kw):
    base = dict(code="NC101", name="promo-line", category=Category.BOILERPLATE,
                severity=Severity.WARNING, start=0, end=4, message="m")
    base.update(kw)
    return Finding(**base)


def test_finding_is_frozen_and_slotted():
    f = _finding()
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.start = 3  # type: ignore[misc]
    assert not hasattr(Span(0, 1), "__dict__")
    assert not hasattr(Edit(0, 1, ""), "__dict__")


def test_category_and_severity_values_are_the_public_contract():
    assert [c.value for c in Category] == [
        "boilerplate", "fragment", "consistency", "contradiction", "grammar", "style"]
    assert [s.value for s in Severity] == ["error", "warning", "info"]
    assert isinstance(Category.FRAGMENT, str) and Category("fragment") is Category.FRAGMENT
    assert Severity.ERROR.rank > Severity.WARNING.rank > Severity.INFO.rank


@pytest.mark.parametrize("start,end", [(-1, 2), (5, 4)])
def test_bad_ranges_are_rejected(start, end):
    with pytest.raises(ValueError):
        _finding(start=start, end=end)


def test_confidence_must_be_a_probability():
    with pytest.raises(ValueError):
        _finding(confidence=1.5)


def test_fix_span_and_safety():
    fix = Fix((Edit(5, 9, "x"), Edit(1, 2)), Applicability.UNSAFE, "t")
    assert (fix.start, fix.end) == (1, 9) and not fix.is_safe


def test_report_sorts_by_start_then_code():
    text = "abcdefghij"
    fs = (_finding(code="NC300", start=5, end=6), _finding(code="NC200", start=5, end=7), _finding(start=1, end=2))
    report = Report(text=text, findings=fs)
    assert [(f.start, f.code) for f in report.findings] == [(1, "NC101"), (5, "NC200"), (5, "NC300")]


def test_report_positions_are_one_based_and_handle_crlf():
    text = "ab\r\ncd\nef"
    report = Report(text=text, findings=(_finding(start=7, end=9),))
    assert report.position(0) == (1, 1)
    assert report.position(4) == (2, 1)
    assert report.position(report.findings[0]) == (3, 1)
    assert report.end_position(report.findings[0]) == (3, 3)


finding_st = st.builds(
    lambda s, length, code, sev, cat, msg, conf, rel, fix: _finding(
        start=s, end=s + length, code=code, severity=sev, category=cat, message=msg,
        confidence=conf, related=tuple(Span(a, a + b, lab) for a, b, lab in rel),
        fix=None if fix is None else Fix(tuple(Edit(a, a + b, r) for a, b, r in fix[0]), fix[1], fix[2]),
    ),
    st.integers(0, 50), st.integers(0, 10), st.from_regex(r"NC[1-5]\d\d", fullmatch=True),
    st.sampled_from(Severity), st.sampled_from(Category), st.text(max_size=30),
    st.floats(0, 1), st.lists(st.tuples(st.integers(0, 50), st.integers(0, 5), st.text(max_size=5)), max_size=3),
    st.none() | st.tuples(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 5), st.text(max_size=5)), min_size=1, max_size=3),
                          st.sampled_from(Applicability), st.text(max_size=10)),
)


@given(st.lists(finding_st, max_size=6))
def test_report_json_round_trips(findings):
    text = "x" * 70
    report = Report(text=text, findings=tuple(findings), path="a.txt", suppressed=2)
    raw = report.to_json()
    data = json.loads(raw)
    assert data["schema_version"] == 1
    again = Report.from_json(raw, text=text)
    assert again.findings == report.findings
    assert [f.extra for f in again.findings] == [f.extra for f in report.findings]
    assert (again.path, again.suppressed, again.errors) == (report.path, report.suppressed, report.errors)


def test_trusted_span_is_an_ordinary_frozen_span():
    import pickle

    from newscheck.findings import trusted_span

    span = trusted_span(3, 9, "2")
    assert span == Span(3, 9, "2") and hash(span) == hash(Span(3, 9, "2"))
    assert pickle.loads(pickle.dumps(span)) == span
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 4  # type: ignore[misc]
