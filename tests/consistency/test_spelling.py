"""british-american-mix (NC303)."""

from __future__ import annotations

import pytest


def test_minority_variety_is_reported(run, spans, related):
    text = (
        "The defence ministry said the centre would open. Its favourite plan was a new "
        "harbour. Critics said the defense budget was too small."
    )
    found = run(text, "NC303")
    assert spans(text, found) == ["defense"]
    assert set(related(text, found[0])) == {"defence", "centre", "favourite", "harbour"}
    assert found[0].fix.edits[0].replacement == "defence"
    assert not found[0].fix.is_safe


def test_american_article_reports_the_british_word(run, spans):
    text = "The center said its program was on track. The color of the uniforms changed. Its honour was at stake."
    found = run(text, "NC303")
    assert spans(text, found) == ["honour"]
    assert found[0].fix.edits[0].replacement == "honor"


def test_case_of_the_fix_follows_the_word(run, spans):
    text = "The defence ministry spoke. The centre opened. Defense officials were upset."
    found = run(text, "NC303")
    assert spans(text, found) == ["Defense"]
    assert found[0].fix.edits[0].replacement == "Defence"


@pytest.mark.parametrize(
    "text",
    [
        # Names with a spelling of the other variety.
        "She visited Pearl Harbor and the World Health Organization before seeing her favourite theatre.",
        "The Labor Party of Australia and the centre-left parties met. Their favourite colour is red.",
        "The US Department of Defense said its defence of the policy was a favour to allies.",
        # Quotations keep their source's spelling.
        "The defence secretary spoke. “We will honor the agreement,” the US envoy said. The centre held.",
        # Ambiguous words count only on their unambiguous side.
        "The programme was praised. Her computer program crashed. The licence was valid.",
        "He had a licence. The firm is licensed to practise law; its practice grew. The tyre burst.",
        "The defence ministry will tire of the story about the meter and the draft.",
        # Oxford spelling: -ize with British -our/-re is consistent.
        "They will organize a festival at the centre. Its colour scheme was realized quickly.",
        # A headline in title case proves nothing.
        "Defense Chiefs Meet In London\n\nThe defence ministry said the centre would open.",
    ],
)
def test_names_quotes_ambiguous_words_and_oxford_spelling_stay_quiet(run, text):
    assert run(text, "NC303") == []


def test_ise_and_ize_mixed_is_reported_separately(run, spans):
    text = "Ministers will organise a summit and organise talks. They hope to organize trade."
    found = run(text, "NC303")
    assert spans(text, found) == ["organize"]
    assert found[0].extra["dimension"] == "ize"


def test_tie_reports_the_later_variety(run, spans):
    text = "The defence ministry spoke first. Later the defense ministry spoke again."
    assert spans(text, run(text, "NC303")) == ["defense"]


def test_word_list_marks_ambiguous_words_only_on_their_unambiguous_side():
    from newscheck.checkers.consistency.spelling import _TABLE, _WEAK

    for word in ("license", "practice", "tire", "meter", "story", "check", "draft", "jailed", "percent"):
        assert word not in _TABLE, word
    # "program" is British for software: a weak marker, silenced by computing words.
    assert "program" in _WEAK and "per cent" in _WEAK
    for word, variety in (("programme", "British"), ("licence", "British"), ("tyre", "British"),
                          ("defense", "American"), ("colour", "British"), ("analyze", "American")):
        assert _TABLE[word][0] == variety, word
    assert _TABLE["organise"][1] == "ize" and _TABLE["colour"][1] == "spelling"


def test_ise_in_an_article_of_american_spelling_is_reported(run, spans, related):
    # Oxford spelling pairs -ize with -our; no style pairs -ise with -or.
    text = (
        "The labor ministry said the center would open. Several organisations asked for help. "
        "The color of the flag changed."
    )
    found = run(text, "NC303")
    assert spans(text, found) == ["organisations"]
    assert set(related(text, found[0])) == {"labor", "center", "color"}
    assert found[0].fix.edits[0].replacement == "organizations"


def test_ize_in_an_article_of_british_spelling_stays_quiet(run):
    text = "The labour ministry said the centre would open. Several organizations asked for help."
    assert run(text, "NC303") == []


def test_programme_article_reports_program_outside_computing(run, spans):
    text = (
        "The defence ministry set out its plans. The centre will open in May. "
        "Ministers agreed a program of regular meetings."
    )
    found = run(text, "NC303")
    assert spans(text, found) == ["program"]
    assert found[0].fix.edits[0].replacement == "programme"


def test_program_is_quiet_in_an_article_about_software(run):
    text = (
        "The defence ministry said the centre was hacked. The program used by its computers "
        "was out of date, and the software had not been patched."
    )
    assert run(text, "NC303") == []


def test_program_alone_never_sets_the_variety(run, spans):
    # One "program" and one British word: the British word is not the odd one out.
    text = "The funding program was agreed. Officials said they would fulfil their promises."
    assert spans(text, run(text, "NC303")) == ["program"]


def test_per_cent_in_an_american_article_is_reported(run, spans):
    text = "The labor market was tight and the center was busy. Prices rose 5 per cent in May."
    found = run(text, "NC303")
    assert spans(text, found) == ["per cent"]
    text = "The labor market was tight at the center. Twenty-five per cent of firms agreed."
    assert spans(text, run(text, "NC303")) == ["per cent"]
    assert found[0].fix.edits[0].replacement == "percent"


@pytest.mark.parametrize(
    "text",
    [
        # Al Jazeera writes British spelling with "percent": not a mix.
        "The labour market was tight and the centre was busy. Prices rose 5 percent in May.",
        # "per cent" without a figure is no format.
        "The labor market was tight. The per cent sign was missing at the center.",
        # Both styles after figures: format-mix (NC306) reports it, not NC303.
        "The labor market was tight. Prices rose 5 per cent in May and 7 percent in June.",
    ],
)
def test_percent_cases_that_stay_quiet(run, text):
    assert run(text, "NC303") == []
