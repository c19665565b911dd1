"""known-variant (NC302): the curated table of transliterations and renamed places."""

from __future__ import annotations

import pytest

from newscheck.checkers.consistency.names import KnownVariants


def test_minority_form_is_reported_and_the_majority_suggested(run, spans, related):
    text = "Officials in Kyiv said Kyiv would hold. Kyiv's mayor agreed, but a Kiev official did not."
    found = run(text, "NC302")
    assert spans(text, found) == ["Kiev"]
    assert related(text, found[0]) == ["Kyiv", "Kyiv", "Kyiv"]
    assert found[0].fix.edits[0].replacement == "Kyiv"
    assert found[0].extra["preferred"] == "Kyiv"


def test_majority_wins_even_when_it_is_not_the_preferred_form(run, spans):
    text = "Kiev said it would talk. In Kiev, crowds gathered. Later Kyiv denied it."
    found = run(text, "NC302")
    assert spans(text, found) == ["Kyiv"]
    assert "Kiev" in found[0].message and "preferred" in found[0].message


def test_a_tie_keeps_the_preferred_form(run, spans):
    text = "Libyan leader Muammar Gaddafi met the envoy. Colonel Qaddafi later said talks went well."
    assert spans(text, run(text, "NC302")) == ["Qaddafi"]


@pytest.mark.parametrize(
    "text",
    [
        "Ukrainian President Volodymyr Zelenskiy said the talks must go on.",
        "Kiev said it would talk. Kiev's mayor agreed.",
        "The restaurant in Kyiv still serves chicken Kiev to tourists.",
        "Oil prices rose in Odessa, Texas, while Odesa's port stayed shut.",
    ],
)
def test_one_spelling_or_a_fixed_expression_is_not_a_finding(run, text):
    assert run(text, "NC302") == []


def test_multi_word_and_hyphenated_forms(run, spans):
    text = "Al-Qaeda claimed the attack. Analysts said al-Qaeda was weakened; al-Qaida denied it."
    assert spans(text, run(text, "NC302")) == ["al-Qaida"]


def test_every_table_entry_is_well_formed():
    known = KnownVariants()
    assert len(known.entries) >= 40
    for e in known.entries:
        assert e.preferred in e.forms, e.preferred
        assert len(set(e.forms)) == len(e.forms) or e.preferred == "Zaporizhzhia"
        assert e.note


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The plant near Dnipro reopened. Dnipro officials said Dnepr was calm.", ["Dnepr"]),
        ("Muammar Gaddafi ruled for decades. Gaddafi said Kadhafi loyalists would fight.", ["Kadhafi"]),
        ("Lukashenko met Putin. Lukashenko said Lukashenka would stay.", ["Lukashenka"]),
    ],
)
def test_attested_transliterations(run, spans, text, expected):
    assert spans(text, run(text, "NC302")) == expected
