"""NC402 weekday-date-mismatch and NC403 anniversary-arithmetic."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "The summit opened on Tuesday, May 16, 2024, in Beijing.",
        "The summit opened on Tuesday 16 May 2024 in Beijing.",
        "The summit opened on Tuesday, the 16th of May 2024, in Beijing.",
        "Talks began on May 14, 2024. They resumed on Wednesday, May 16.",
        "Talks began on 14 May 2024. They resumed on Wed. 16 May.",
    ],
)
def test_wrong_weekday_is_flagged(run, text):
    found = run(text, "NC402")
    assert len(found) == 1
    assert "Thursday" in found[0].message
    assert text[found[0].start : found[0].end].startswith(("Tuesday", "Wednesday", "Wed"))


@pytest.mark.parametrize(
    "text",
    [
        "The summit opened on Thursday, May 16, 2024, in Beijing.",
        "The summit opened on Thursday 16 May 2024 in Beijing.",
        "Talks began on May 14, 2024. They resumed on Thursday, May 16.",
        # No year anywhere in the article: nothing to check against.
        "The match is on Saturday 14 June.",
        # A bare year is not the article's date ("in 2000" may be history).
        "He first won in 2000. The final is on Saturday 20 November.",
        "Leaders met in Beijing on May 16, 2024. At Thursday's summit, they signed a statement.",
    ],
)
def test_right_or_uncheckable_weekday_stays_quiet(run, text):
    assert run(text, "NC402") == []


def test_impossible_dates_are_left_alone(run):
    assert run("Talks began on 1 May 2024. They resumed on Friday, February 30.", "NC402") == []


def test_anniversary_that_does_not_add_up(run):
    text = "On May 16, 2024, the leaders marked the 70th anniversary of relations established in 1949."
    found = run(text, "NC403")
    assert len(found) == 1
    f = found[0]
    assert text[f.start : f.end] == "70th anniversary"
    assert [text[s.start : s.end] for s in f.related] == ["1949"]
    assert "75th" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "On May 16, 2024, the leaders marked the 75th anniversary of relations established in 1949.",
        "On May 16, 2024, the leaders marked the seventy-fifth anniversary of relations established in 1949.",
        # No date in the article: the reference year is unknown.
        "The leaders marked the 70th anniversary of relations established in 1949.",
        # Next year's anniversary, announced a year early.
        "On May 16, 2024, officials began planning next year's 75th anniversary of a treaty signed in 1950.",
        "On 2 March 2014, the club celebrated its centenary, having been founded in 1914.",
    ],
)
def test_consistent_or_uncheckable_anniversary_stays_quiet(run, text):
    assert run(text, "NC403") == []


def test_duration_against_start_year(run):
    text = "Talks resumed on May 16, 2024. The war began in 2022.\n\nThe ten-year war has killed thousands."
    found = run(text, "NC403")
    assert len(found) == 1 and "ten-year war" in found[0].message and "began in 2022" in found[0].message
    assert run(text.replace("ten-year", "two-year"), "NC403") == []


def test_age_against_birth_year(run):
    text = "On 2 March 2024, Jane Smith, 45, was elected. Smith, who was born in 1960, thanked voters."
    found = run(text, "NC403")
    assert len(found) == 1
    assert text[found[0].start : found[0].end] == "Jane Smith, 45,"
    assert [text[s.start : s.end] for s in found[0].related] == ["1960"]
    assert "63 or 64" in found[0].message
    assert run(text.replace("45", "63"), "NC403") == []
    assert run(text.replace("45", "64"), "NC403") == []
    # Without the article's own date there is nothing to check against.
    assert run(text.replace("On 2 March 2024, ", ""), "NC403") == []
