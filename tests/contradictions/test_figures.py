"""NC401 conflicting-figures: incompatible values of one quantity, compatible ones quiet."""

from __future__ import annotations

import pytest

TRADE = "Trade between China and Russia reached {} last year, officials said."
TRADE2 = "Customs data show trade between China and Russia reached {} last year."


def pair(a: str, b: str) -> str:
    return TRADE.format(a) + "\n\n" + TRADE2.format(b)


@pytest.mark.parametrize(
    "a,b",
    [
        ("$240 billion", "$310 billion"),
        ("$240bn", "$24bn"),
        ("£2.5m", "£4m"),
        ("about $240 billion", "$310 billion"),
        ("more than $240 billion", "less than $200 billion"),
        ("between $200bn and $240bn", "$300bn"),
        ("12%", "21%"),
    ],
)
def test_incompatible_values_are_flagged(run, a, b):
    text = pair(a, b)
    found = run(text, "NC401")
    assert len(found) == 1
    f = found[0]
    # The finding sits on the later figure, relates the earlier one and quotes both.
    assert text[f.start : f.end].endswith(b.split()[-1])
    assert len(f.related) == 1 and text[f.related[0].start : f.related[0].end].endswith(a.split()[-1])
    assert b in f.message and a in f.message


@pytest.mark.parametrize(
    "a,b",
    [
        ("$240 billion", "$240bn"),
        ("$240 billion", "about $243bn"),
        ("$240 billion", "$240.3 billion"),
        ("$240 billion", "more than $200 billion"),
        ("$240 billion", "nearly $250 billion"),
        ("$240 billion", "between $230bn and $250bn"),
        ("$1.2m", "$1,200,000"),
        ("£240m", "$240m"),  # another currency: a different quantity
        ("12%", "12 per cent"),
    ],
)
def test_compatible_values_stay_quiet(run, a, b):
    assert run(pair(a, b), "NC401") == []


def test_written_out_numbers_are_compared(run):
    text = (
        "Twelve people were killed in the attack on the market, police said.\n\n"
        "Police said twenty people were killed in the attack on the market."
    )
    assert len(run(text, "NC401")) == 1
    same = text.replace("twenty people", "12 people")
    assert run(same, "NC401") == []


def test_updates_and_comparisons_stay_quiet(run):
    text = (
        "Trade between China and Russia rose from $190 billion to $240 billion last year.\n\n"
        "Trade between China and Russia reached $240 billion last year, up from $190 billion."
    )
    assert run(text, "NC401") == []


def test_different_times_are_different_quantities(run):
    text = (
        "Trade between China and Russia reached $240 billion in 2023, officials said.\n\n"
        "Trade between China and Russia reached $190 billion in 2022, officials said."
    )
    assert run(text, "NC401") == []


def test_different_named_subjects_stay_quiet(run):
    text = (
        "The Aviator has taken $75m at the box office so far.\n\n"
        "The comedy Sideways has taken $46.8m at the box office so far."
    )
    assert run(text, "NC401") == []


def test_disputed_claims_stay_quiet(run):
    text = (
        "Organisers said 10,000 people joined the march through the capital.\n\n"
        "Police disputed the claim and said 4,000 people joined the march through the capital."
    )
    assert run(text, "NC401") == []


def test_enumerations_in_one_sentence_stay_quiet(run):
    assert run("The firm sold 300 cars in May and 450 cars in June.", "NC401") == []


def test_headline_against_body(run):
    text = (
        "Storm kills 12 people in coastal towns\n\n"
        "A storm has killed 21 people in coastal towns, officials said on Monday."
    )
    found = run(text, "NC401")
    assert len(found) == 1 and "21 people" in found[0].message and "12 people" in found[0].message


def test_ages_of_one_person(run):
    text = "Jane Smith, 45, was elected on Monday.\n\nSmith, 47, said she was delighted."
    found = run(text, "NC401")
    assert len(found) == 1
    assert "Smith, 47," in found[0].message and "Jane Smith, 45," in found[0].message
    assert run(text.replace("47", "45"), "NC401") == []


def test_years_and_identifiers_are_not_figures(run):
    text = (
        "The 2004 season ended with the club in 5 place.\n\n"
        "Flight 370 left at 10:30 on 5 May, and Windows 95 users were told to update."
    )
    assert run(text, "NC401") == []


def test_a_quoted_claim_beside_a_reported_figure_stays_quiet(run):
    text = (
        "“The storm killed 40 people in the coastal towns,” a local activist said.\n\n"
        "Officials said the storm killed 12 people in the coastal towns."
    )
    assert run(text, "NC401") == []


def test_the_same_words_leading_into_a_figure_name_one_quantity(run):
    text = (
        "Meet Gina, a spy for over 30 years and a devoted public servant.\n\n"
        "Critics recall that Gina, a spy for over 75 years, oversaw a secret prison."
    )
    found = run(text, "NC401")
    assert len(found) == 1 and "over 75 years" in found[0].message and "over 30 years" in found[0].message


def test_a_short_headline_needs_one_shared_word(run):
    text = "Firm to cut 2,000 jobs\n\nThe company said it would cut 1,500 jobs at its plants."
    found = run(text, "NC401")
    assert len(found) == 1 and "1,500 jobs" in found[0].message and "2,000 jobs" in found[0].message
    # A body figure tied to another time is another quantity.
    assert run(text.replace("at its plants", "in 2003"), "NC401") == []


@pytest.mark.parametrize(
    "text",
    [
        "Sales rose 5% in the first quarter, the company said.\n\n"
        "In the second quarter, sales rose 8%, the company said.",
        "The company employs 3,000 people in Britain.\n\nThe company employs 12,000 people worldwide.",
        "The company employs 3,000 people in Britain.\n\nThe company employs 12,000 people in total.",
        "About 200 people were injured in the blast, police said.\n\n"
        "About 20 people were injured in a second blast, police said.",
        "Inflation was 2.1% last month.\n\nInflation was 2.4% this month.",
    ],
)
def test_scoped_quantities_stay_quiet(run, text):
    assert run(text, "NC401") == []
