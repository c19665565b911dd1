"""The seed article: its real contradictions flagged, its correct facts left alone."""

from __future__ import annotations

import pytest

from newscheck import Document, Linter
from newscheck.checkers.contradictions import ContradictionChecker


@pytest.fixture(scope="module")
def findings(seed_text):
    return list(ContradictionChecker().check(Document(seed_text)))


def _sentence_of(text: str, offset: int) -> str:
    start = max(text.rfind(".", 0, offset), text.rfind("\n", 0, offset)) + 1
    end = text.find(".", offset)
    return text[start:end]


def test_both_self_references_are_flagged(seed_text, findings):
    selfref = [f for f in findings if f.code == "NC404"]
    assert len(selfref) == 2
    first, second = sorted(selfref, key=lambda f: f.start)
    assert seed_text[first.start : first.end] == "Moscow"
    assert seed_text[first.related[0].start : first.related[0].end] == "Russia"
    assert "supports Moscow’s claims" in seed_text[first.related[0].start : first.end + 10]
    assert seed_text[second.start : second.end] == "Russia"
    assert seed_text[second.related[0].start : second.start].startswith("Russia is supplying key parts")


def test_pasted_future_headline_is_flagged(seed_text, findings):
    tense = [f for f in findings if f.code == "NC406"]
    assert len(tense) == 1
    assert seed_text[tense[0].start : tense[0].end].startswith("President Putin will visit China this week")


def test_correct_anniversary_and_weekday_stay_quiet(seed_text, findings):
    assert not [f for f in findings if f.code in ("NC402", "NC403")]
    anniversary = seed_text.index("75th anniversary of diplomatic relations")
    thursday = seed_text.index("At Thursday’s Beijing summit")
    for f in findings:
        assert not f.start <= anniversary < f.end
        assert not f.start <= thursday < f.end


def test_nothing_else_is_reported(findings):
    assert sorted(f.code for f in findings) == ["NC404", "NC404", "NC406"]


def test_through_the_linter(seed_text):
    report = Linter(select=["contradiction"]).check(seed_text)
    assert sorted(f.code for f in report.findings) == ["NC404", "NC404", "NC406"]
