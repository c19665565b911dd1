"""NC406 headline-tense-conflict."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "line,body",
    [
        (
            "President Putin will visit China this week and meet President Xi",
            "President Putin’s visit to China comes as fighting intensifies in Ukraine.",
        ),
        ("Putin to visit China", "Putin arrived in China on Thursday for talks with Xi Jinping."),
        (
            "Macron set to meet Biden at the White House",
            "Macron met Biden at the White House on Tuesday, aides said.",
        ),
    ],
)
def test_future_headline_against_reported_event(run, line, body):
    text = line + "\n\n" + body
    found = run(text, "NC406")
    assert len(found) == 1
    f = found[0]
    assert f.start < len(line) and f.related[0].start > len(line)
    assert line.split()[0] in f.message and body[:20] in f.message


@pytest.mark.parametrize(
    "line,body",
    [
        ("President Putin will visit China this week", "The Kremlin said preparations were complete."),
        ("Putin to visit China next month", "Putin is expected to visit Beijing and Harbin, officials said."),
        ("Putin to visit China", "Putin visited North Korea last year."),  # another object
        # A sentence of the body, not a headline-like line.
        (
            "President Putin will visit China this week, officials said.",
            "President Putin’s visit to China comes as fighting intensifies.",
        ),
    ],
)
def test_consistent_or_unrelated_stays_quiet(run, line, body):
    assert run(line + "\n\n" + body, "NC406") == []


def test_an_earlier_occasion_is_not_this_event(run):
    text = "Obama to meet Putin in Moscow\n\nObama met Putin in Moscow in 2013, aides recalled."
    assert run(text, "NC406") == []
