"""Rule by rule: what each boilerplate rule reports, what it leaves alone, and its unit."""

from __future__ import annotations

import pytest

from newscheck import Category, Severity
from newscheck.checkers.boilerplate import BoilerplateChecker
from newscheck.checkers.boilerplate.rules import RULES

from .conftest import flagged, run


def between(body, unit: str, sep: str = "\n\n") -> str:
    return sep.join(["Bridge reopens after repairs", body[0], unit, body[1], body[2]]) + "\n"


def test_rule_table_is_well_formed():
    codes = [r.code for r in RULES]
    assert codes == sorted(set(codes))
    assert all(c.startswith("NC1") and len(c) == 5 for c in codes)
    for r in RULES:
        assert r.category is Category.BOILERPLATE
        assert r.name == r.name.lower() and " " not in r.name
        assert r.failing and r.passing and r.summary and r.rationale
        assert r.severity in (Severity.WARNING, Severity.ERROR, Severity.INFO)
    assert BoilerplateChecker.rules == RULES


@pytest.mark.parametrize(
    "unit",
    [
        "CLICK HERE TO GET THE FOX NEWS APP",
        "Sign up for our morning newsletter and get the headlines in your inbox",
        "Download the Sky News app for the latest updates",
        "Follow us on Instagram for more stories like this",
        "LISTEN TO ARTICLE 3:09 SHARE THIS ARTICLE",
        "Listen to this article",
        "Support independent journalism: become a member today",
        "Get the Monitor Stories you care about delivered to your inbox. By signing up, you agree to our Privacy Policy",
        "This article is more than 3 months old",
    ],
)
def test_promo_paragraphs(body, unit):
    assert flagged(between(body, unit)) == [("NC101", unit)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The council urged residents to sign up for flood alerts on its website.",
        "Users can download the app free of charge, the company said.",
        "“Click here and you will see,” he told the crowd.",
        "The story continues after the war, when the family moved to Leeds.",
        "She said she would follow the case on Twitter.",
    ],
)
def test_promo_words_in_reported_speech_are_not_promos(body, sentence):
    assert run(between(body, sentence)) == []


def test_promo_sentence_at_the_end_of_a_paragraph_is_its_own_unit(body):
    para = "Engineers found corrosion in two of the girders. Follow us on Twitter for the latest updates."
    text = between(body, para)
    ((code, unit),) = flagged(text)
    assert (code, unit) == ("NC101", "Follow us on Twitter for the latest updates.")


@pytest.mark.parametrize(
    "unit", ["ADVERTISEMENT", "Advertisement", "AD", "Story continues below advertisement", "Sponsored content"]
)
def test_ad_markers(body, unit):
    assert flagged(between(body, unit)) == [("NC102", unit)]


def test_ad_marker_between_two_sentences(body):
    text = f"{body[0]} Advertisement The council said the work was done.\n\n{body[1]}\n"
    ((code, unit),) = flagged(text)
    assert (code, unit) == ("NC102", "Advertisement")


@pytest.mark.parametrize(
    "unit",
    [
        "© 2024 Example News Ltd. All rights reserved.",
        ("Copyright 2019 The Associated Press. All rights reserved. This material may not be published, "
         "broadcast, rewritten or redistributed."),
        "COPYRIGHT 2019 CREATORS.COM",
    ],
)
def test_copyright_lines(body, unit):
    text = "\n\n".join([*body, unit]) + "\n"
    assert flagged(text) == [("NC103", unit)]


@pytest.mark.parametrize(
    "unit",
    [
        "Read more: Council raises parking charges for the third year",
        "RELATED: TEACHERS VOTE TO STRIKE OVER PAY",
        "WATCH: Firefighters tackle blaze at city warehouse",
        "More:Sanders, Buttigieg, Klobuchar leading New Hampshire primary field",
        "Thousands march against the new bypass Read more",
        "( PHOTOS: Mitch McConnell’s career)",
        "Go deeper: How an impeachment inquiry works",
        "JUST WATCHED Obama faces the press Replay More Videos ... MUST WATCH Obama faces the press 03:06",
    ],
)
def test_related_links(body, unit):
    assert flagged(between(body, unit)) == [("NC104", unit)]


@pytest.mark.parametrize(
    "unit",
    [
        "President Putin signs decree naming Russia’s new government, including change of defense minister",
        "Disney backs Sony DVD technology",
        "GOWDY WANTS COMEY TO TESTIFY AGAIN",
        "Mirza shocks Kuznetsova",
        "Blair prepares to name poll date",
    ],
)
def test_inserted_headlines(body, unit):
    for sep in ("\n\n", "\n"):
        assert flagged(between(body, unit, sep)) == [("NC105", unit)]


@pytest.mark.parametrize(
    "unit",
    [
        "Why the repairs took so long",  # a subhead question without its mark
        "The gaming world in 2005",  # opens with an article
        "Exit polls",  # too short
        "Clark Boyd is technology correspondent for The World",  # a bio
        "Trump, in a notorious tweet on Nov. 27, asserted that",  # an unfinished sentence
        "\"It's math, it's arithmetic,\" Obama said",  # a quote
        "By Jane Smith, BBC News",  # a byline
        "Editor's note: this story has been updated",
    ],
)
def test_headline_shaped_lines_that_are_not_inserted_headlines(body, unit):
    assert [c for c, _ in flagged(between(body, unit))] == []


def test_first_line_headline_list_items_and_markdown_headings_stay_quiet(body):
    headline = "Disney backs Sony DVD technology"
    assert run("\n\n".join([headline, *body]) + "\n") == []
    listed = f"{body[0]}\n\n- Disney backs Sony DVD technology\n\n{body[1]}\n"
    assert run(listed) == []
    md = f"{body[0]}\n\n## Disney backs Sony DVD technology\n\n{body[1]}\n"
    assert run(md, fmt="markdown") == []


def test_a_run_of_subheads_is_a_subhead_scheme(body):
    subheads = ["Council faces pressure over costs", "Drivers welcome the news", "Engineers warn of more work"]
    parts = ["Bridge reopens after repairs"]
    paragraphs = [
        "Officials said the bridge would reopen on Monday after three weeks of repairs.",
        "The work cost £2m, the council said, and was finished ahead of schedule.",
        "Drivers had faced long diversions through the town centre while it was shut.",
        "Shopkeepers said trade had fallen by a third during the closure.",
        "Engineers found corrosion in two of the steel girders last month.",
        "A further inspection is planned for the spring, the highways team said.",
    ]
    for k, s in enumerate(subheads):
        parts += [s, paragraphs[2 * k], paragraphs[2 * k + 1]]
    assert run("\n\n".join(parts) + "\n") == []


def test_subhead_introducing_its_paragraph_is_not_a_headline():
    text = (
        "Schools plan\n\nThe council met on Monday to discuss the budget for next year.\n\n"
        "Council backs teachers over pay\n\n"
        "Councillors voted to back the teachers over their pay claim, which the union welcomed.\n"
    )
    assert run(text) == []


@pytest.mark.parametrize(
    "unit",
    [
        "President Joe Biden speaks at the White House in Washington, Jan. 5, 2024. (AP Photo/Evan Vucci)",
        "Xi Jinping and Vladimir Putin attend a ceremony in Beijing. (Sergei Bobylev, Sputnik, Kremlin pool photo, via AP)",
        "Protesters await the president's arrival at the event. | Ben Schreckinger/POLITICO",
        "Supporters wait in line to vote in Las Vegas on Monday. Photograph: John Locher/AP",
        "Enlarge this image toggle caption Andrew Harnik/AP Andrew Harnik/AP",
        "REUTERS/Kevin Lamarque",
        "Getty Images",
        "Photo: Saul Loeb/AFP",
    ],
)
def test_captions_and_credits(body, unit):
    assert flagged(between(body, unit)) == [("NC106", unit)]


@pytest.mark.parametrize(
    "unit",
    [
        "WASHINGTON (AP) — President Joe Biden spoke at the White House on Friday.",
        "MOSCOW (Reuters) - Russia's central bank raised interest rates on Friday.",
        "Getty Images said its profits rose by a fifth last year.",
        "Max Boot, Washington Post",
        "The results were announced on Tuesday (local time).",
        "USA TODAY",
    ],
)
def test_datelines_sources_and_parentheses_are_not_credits(body, unit):
    assert run(between(body, unit)) == []


def test_duplicate_paragraphs(body):
    text = "\n\n".join([body[0], body[1], body[2], body[0]]) + "\n"
    (f,) = run(text)
    assert f.code == "NC107" and text[f.start : f.end] == body[0] and f.start > len(body[0])
    assert [text[r.start : r.end] for r in f.related] == [body[0]]
    assert f.fix.is_safe
    near = body[1].replace("finished", "completed")
    (g,) = run("\n\n".join([body[0], body[1], body[2], near]) + "\n")
    assert g.code == "NC107" and not g.fix.is_safe


def test_short_repeated_lines_are_not_duplicates():
    text = "Tara Golshan\n\nWhat happens next is unclear to everyone involved.\n\nTara Golshan\n\nWe will see.\n"
    assert run(text) == []


def test_duplicate_threshold_option(body):
    near = body[1].replace("and was finished ahead of schedule", "and the job was done early")
    text = "\n\n".join([body[0], body[1], body[2], near]) + "\n"
    assert run(text) == []
    loose = BoilerplateChecker({"duplicate-threshold": 70.0})
    assert [f.code for f in loose.check(__import__("newscheck").Document(text))] == ["NC107"]


def test_listed_phrases(body):
    unit = "Media playback is unsupported on your device"
    assert flagged(between(body, unit)) == [("NC108", unit)]


def test_one_finding_per_unit(body):
    # Both a promo and an all-capitals headline shape: reported once, as the promo.
    unit = "DOWNLOAD THE NEWS APP FOR BREAKING ALERTS"
    assert flagged(between(body, unit)) == [("NC101", unit)]
