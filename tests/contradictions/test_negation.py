"""NC405 negated-restatement."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "first,second",
    [
        (
            "Mr Johnson attended the summit in Brussels on Monday.",
            "Officials confirmed that Johnson did not attend the summit in Brussels.",
        ),
        (
            "Xi has indicated plans for a potential successor.",
            "Like Mr Putin, Xi has not indicated any plans for a potential successor.",
        ),
        ("The Senate approved the spending bill.", "The Senate has not approved the spending bill."),
        ("Smith will attend the ceremony in Paris.", "Smith won't attend the ceremony in Paris."),
    ],
)
def test_negated_restatement_is_flagged(run, first, second):
    text = first + "\n\n" + second
    found = run(text, "NC405")
    assert len(found) == 1
    f = found[0]
    assert f.start >= len(first)
    assert f.related and f.related[0].start < len(first)
    assert "not" in f.message or "n't" in f.message


@pytest.mark.parametrize(
    "first,second",
    [
        # Different object.
        (
            "Mr Johnson attended the summit in Brussels.",
            "Mr Johnson did not attend the dinner that followed.",
        ),
        # Change over time, contrast, condition.
        ("Mr Johnson initially attended the talks.", "Mr Johnson no longer attends the talks."),
        ("Mr Johnson attended the talks.", "But Johnson did not attend the talks in 2003."),
        ("Mr Johnson attended the talks.", "If Johnson had not attended the talks, they would have failed."),
        # Reported disagreement and quotations.
        (
            "Mr Johnson attended the summit.",
            "Critics claimed Johnson did not attend the summit, but he denied it.",
        ),
        ("Mr Johnson attended the summit.", "“Johnson did not attend the summit,” a rival said."),
        # A modal against a plain past: a plan is not a report.
        ("Mr Johnson attended the summit.", "Mr Johnson would not attend the summit again."),
        # Reporting verbs: "did not say whether" beside "said" is routine.
        ("Smith said the plant would close.", "Smith did not say whether the plant would close."),
        ("Smith commented on the plant closure.", "Smith would not comment on the plant closure."),
    ],
)
def test_reconcilable_statements_stay_quiet(run, first, second):
    assert run(first + "\n\n" + second, "NC405") == []


def test_a_quotation_spanning_sentences_stays_quiet(run):
    text = (
        "Mr Johnson attended the summit in Brussels.\n\n"
        "“I was there all day. Johnson did not attend the summit in Brussels,” a rival said."
    )
    assert run(text, "NC405") == []


def test_a_negation_bounded_in_time_stays_quiet(run):
    text = "Federer won the Wimbledon title in 2003.\n\nFederer has not won the Wimbledon title since 2009."
    assert run(text, "NC405") == []


def test_statements_about_different_times_stay_quiet(run):
    text = "Smith did not attend the summit in 2003.\n\nSmith attended the summit in 2004."
    assert run(text, "NC405") == []
    same = "Smith did not attend the summit in 2004.\n\nSmith attended the summit in 2004."
    assert len(run(same, "NC405")) == 1
