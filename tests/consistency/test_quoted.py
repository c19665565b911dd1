"""quoted-term-drift (NC304)."""

from __future__ import annotations

import pytest


def test_renderings_are_reported_and_related(run, spans, related):
    text = (
        "The leaders praised their “boundless” partnership. A year later the “unlimited” "
        "partnership was tested, and officials spoke of “limitless” ties."
    )
    found = run(text, "NC304")
    assert spans(text, found) == ["unlimited", "limitless"]
    assert related(text, found[0]) == ["boundless", "limitless"]
    assert related(text, found[1]) == ["boundless", "unlimited"]
    assert "boundless" in found[0].message


def test_head_before_the_quotation(run, spans):
    text = 'They signed a partnership "without limits" in 2022. The "boundless" partnership grew.'
    assert spans(text, run(text, "NC304")) == ["boundless"]


def test_head_earlier_in_the_clause(run, spans, related):
    # The quoted label follows another noun ("rival"); its head is the nearest head noun of
    # the clause.
    text = (
        "The company called its new partnership with a German rival “boundless”.\n\n"
        "Analysts said the “unrestricted” partnership would take years to pay off."
    )
    found = run(text, "NC304")
    assert spans(text, found) == ["unrestricted"]
    assert related(text, found[0]) == ["boundless"]


def test_synonyms_with_hyphens(run, spans):
    text = "The two leaders called the agreement “historic”. Critics attacked the “epoch-making” agreement."
    assert spans(text, run(text, "NC304")) == ["epoch-making"]


@pytest.mark.parametrize(
    "text",
    [
        # A head noun in an earlier sentence does not count.
        "They signed a partnership. Critics called the vote “boundless”. Its “unlimited” ambition grew.",
        # The same words each time.
        "The “boundless” partnership grew. Officials said the “boundless” partnership would last.",
        # Synonyms attached to unrelated things.
        "Critics called it an “illegal” annexation. Observers called the vote an “illegitimate” election.",
        "The “historic” deal was signed. A “landmark” ruling followed in court.",
        # Different words that are not synonyms.
        "The “historic” deal was signed. Critics called it a “disastrous” deal.",
        # Long quotations are not labels.
        "“We have a boundless partnership,” he said. “Our unlimited partnership grows,” she said.",
    ],
)
def test_quiet_cases(run, text):
    assert run(text, "NC304") == []
