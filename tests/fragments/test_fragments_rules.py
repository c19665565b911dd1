"""Each NC2xx rule on short texts: what it reports, what it leaves alone, and where."""

from __future__ import annotations

import pytest

from newscheck import Document, check
from newscheck.checkers.fragments import RULES, FragmentsChecker
from newscheck.findings import Applicability, Category
from newscheck.fixes import apply_fixes


def findings(text: str, code: str | None = None, **options):
    found = list(FragmentsChecker(options).check(Document(text)))
    return [f for f in found if code is None or f.code == code]


def flagged(text: str, code: str, **options) -> list[str]:
    return [text[f.start : f.end] for f in findings(text, code, **options)]


def test_rule_codes_names_and_category():
    codes = [r.code for r in RULES]
    assert codes == [f"NC2{i:02d}" for i in range(1, 12)]
    assert len({r.name for r in RULES}) == len(RULES)
    assert all(r.category is Category.FRAGMENT for r in RULES)
    assert all(r.failing and r.passing for r in RULES)


def test_rules_are_selectable_through_the_public_api():
    report = check("Headline\n\nThe deal was signed. Has entered.", select=["fragment"])
    assert [f.code for f in report.findings] == ["NC203"]


# -- NC201 / NC202: sentences cut off ---------------------------------------------------------


@pytest.mark.parametrize(
    "text,piece",
    [
        (
            "Head\n\nIt rained. There is a possibility of building a\n\nMore.",
            "There is a possibility of building a",
        ),
        (
            "Head\n\nThe talks ended. Officials were unable to agree on the\n\nMore.",
            "Officials were unable to agree on the",
        ),
        (
            "Head\n\nThe minister, who has served since 2010, said the plan was in line with\n\nMore.",
            "The minister, who has served since 2010, said the plan was in line with",
        ),
        (
            "Head\n\nWales coach Mike Ruddock says John Yapp has\n\nMore text here.",
            "Wales coach Mike Ruddock says John Yapp has",
        ),
        ("Head\n\nThe proposal was discussed during.\n\nMore.", "The proposal was discussed during."),
        ("Head\n\nPhones produced by.\n\nMore.", "Phones produced by."),
    ],
)
def test_truncated_sentence(text, piece):
    assert flagged(text, "NC201") == [piece]


@pytest.mark.parametrize(
    "text",
    [
        "Rescue Work Under Way In The\n\nThe talks went on.",  # a headline, title case
        "Head\n\nIt was the issue they cared about.",  # a preposition may end a sentence
        "Head\n\nTrump, in a tweet, asserted that\n\nthe vote was rigged, he said.",  # runs on into a quote
        "Head\n\nSocial activism isn't the career killer it once was\n\nIt is not.",  # ellipsis after a subject
        "Head\n\nIt is hard to come by.",
    ],
)
def test_not_truncated(text):
    assert flagged(text, "NC201") == []


def test_missing_end_punctuation_in_running_text():
    text = "Head\n\nTalks began. They agreed to expand trade in energy and grain over five years\n\nIt ended."
    assert flagged(text, "NC202") == ["They agreed to expand trade in energy and grain over five years"]


def test_one_unpunctuated_line_is_reported_but_a_house_style_of_subheads_is_not():
    lone = "Head\n\nThe leaders met in Beijing on Thursday for talks about trade and energy\n\nThey agreed."
    assert len(flagged(lone, "NC202")) == 1
    subheads = (
        "Head\n\nThe leaders met in Beijing on Thursday for talks about trade and energy\n\nThey agreed.\n\n"
        "What the two sides want from the talks this week in Beijing\n\nThey want more trade."
    )
    assert flagged(subheads, "NC202") == []


@pytest.mark.parametrize(
    "text",
    [
        "Head\n\nTalks began. They agreed to expand trade.\n\nMore soon.",
        "Talks Begin In Beijing\n\nThe two leaders met in Beijing.",
        "Head\n\nThe leaders listed three aims:\n\n- trade\n- energy",
        "Head\n\nIt rained. (Photo: Sergei Bobylev, Sputnik, via AP)",
        "Head\n\nIt rained. CLICK HERE TO GET THE APP",
        "Head\n\nRelated: Why the talks failed in the end after all",
    ],
)
def test_no_missing_end_punctuation(text):
    assert flagged(text, "NC202") == []


# -- NC203 / NC204 / NC205: stubs, lowercase starts, orphaned attributions ---------------------


@pytest.mark.parametrize(
    "text,stub",
    [
        ("The war is entering a critical phase. Has entered.", "Has entered."),
        ("Russia supplies key parts. Continues to supply.", "Continues to supply."),
        ("The bid was made in June. Rejected by the board.", "Rejected by the board."),
        ("The album sold well. Topped.", "Topped."),
        ("The review was harsh. Is superficial.", "Is superficial."),
    ],
)
def test_subjectless_stub(text, stub):
    assert flagged(text, "NC203") == [stub]


@pytest.mark.parametrize(
    "text",
    [
        "Has it entered a new phase?",
        "Continue to supply the troops, the general ordered.",
        "Will Smith attended the premiere.",
        "May failed again on a second attempt in March.",
        "Let our news meet your inbox.",
        "Thanks for all that.",
        "Released 25 February on PC.",
        "Born in 1950, he grew up in Leeds.",
    ],
)
def test_not_a_stub(text):
    assert flagged("Head\n\nIt rained. " + text, "NC203") == []


def test_lowercase_start():
    text = "Russia supplies parts for weapons. continues to supply."
    assert flagged(text, "NC204") == ["continues to supply."]


@pytest.mark.parametrize(
    "text",
    [
        "The verdict surprised him. de Klerk said he would appeal.",
        "Sales rose. iPhone shipments doubled.",
        "He arrived at 10 a.m. and left at noon.",
        "Senator Mitch McConnell (R-Ky.) is ready to talk.",
        "When Obama told her, “get the transcript.” and she had it.",
        "Wait... what happened next?",
    ],
)
def test_not_a_lowercase_start(text):
    assert flagged(text, "NC204") == []


@pytest.mark.parametrize(
    "text,piece",
    [
        ("Talks must include ensuring Ukraine’s security. said.", "said."),
        ("“We will win.” said the coach.", "said the coach."),
        ("“We will win. ” he said.", "” he said."),
        ("The talks failed. Zelenskiy said.", "Zelenskiy said."),
        ("The talks failed. Said.", "Said."),
    ],
)
def test_orphaned_attribution(text, piece):
    assert flagged(text, "NC205") == [piece]


@pytest.mark.parametrize(
    "text",
    [
        "“We will win,” said the coach.",
        "“Why?” she asked.",
        "Talks must include security, Zelenskiy said.",
        "He paused. NBC's Peter Alexander reports.",
    ],
)
def test_not_an_orphaned_attribution(text):
    assert flagged(text, "NC205") == []


# -- NC206 / NC207: punctuation ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text,mark,fixed,safe",
    [
        ("It was Xinhua. .", ". .", "It was Xinhua.", True),
        ("The plan,, which failed, is back.", ",,", "The plan, which failed, is back.", True),
        ("The plan failed., officials said.", ".,", "The plan failed. officials said.", False),
        ("It was over.. Then it began.", "..", "It was over. Then it began.", False),
    ],
)
def test_doubled_punctuation_and_its_fix(text, mark, fixed, safe):
    found = findings(text, "NC206")
    assert [text[f.start : f.end] for f in found] == [mark]
    assert found[0].fix.applicability is (Applicability.SAFE if safe else Applicability.UNSAFE)
    assert apply_fixes(text, found, unsafe=True)[0] == fixed


@pytest.mark.parametrize(
    "text",
    [
        "He paused . . . and went on.",
        "He paused... and went on.",
        "Sen. Rand Paul, R-Ky., spoke in the U.S., not abroad.",
        "See ../docs for more.",
        "It rose by .5 percent.",
    ],
)
def test_no_doubled_punctuation(text):
    assert flagged(text, "NC206") == []


def test_spaced_punctuation():
    text = "“Not anytime soon. ” said Foo. The plan , he said, failed ."
    assert flagged(text, "NC207") == [" ”", " ,", " ."]
    assert all(f.fix and not f.fix.is_safe for f in findings(text, "NC207"))


def test_no_spaced_punctuation_for_ellipses_decimals_and_scores():
    assert flagged("He paused . . . and went on. It was .5 percent. The score was 2 : 1.", "NC207") == []


# -- NC208 / NC209: quotes and brackets --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "“We will win, the coach said.\n\nThe match starts at noon.",
        "The coach said we will win.” The match starts at noon.",
        '"We will win, the coach said. "The match starts at noon."',
        'He said "we will win and left.\n\nThe match starts at noon.',
    ],
)
def test_unbalanced_quotes(text):
    assert len(findings(text, "NC208")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "“We will win,” the coach said.",
        "“We will win.\n\n“And we will win again next year,” the coach said.",
        '"I am 25. I am playing Hewitt. "But then you find a way."',  # a run-on quotation
        "He is 6ft 2in, or 6' 2\", tall.",
        'He won the "Phase 1" deal.',
        "“The first paragraph of a long quotation.\n\nAnd its end,” he said.",
    ],
)
def test_balanced_quotes(text):
    assert findings(text, "NC208") == []


def test_unbalanced_brackets():
    assert flagged("Xi Jinping (right and Putin met.", "NC209") == ["("]
    assert flagged("Xi Jinping right) and Putin met.", "NC209") == [")"]


@pytest.mark.parametrize(
    "text",
    [
        "Xi Jinping (right) and Putin met.",
        "The options were: a) talk, b) wait.",
        "Good news :) for once.",
        "2a) Before this policy, families stayed together.",
        "It cost £20 ($38) a month (via The Hill):",
    ],
)
def test_balanced_brackets(text):
    assert findings(text, "NC209") == []


# -- NC210 / NC211 ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "piece",
    [
        "Chinese Foreign Policy at Nanyang Technological University, Singapore.",
        "A carbon copy of Las Vegas.",
    ],
)
def test_verbless_fragment(piece):
    assert flagged("Head\n\nThe view came from a researcher. " + piece, "NC210") == [piece]


@pytest.mark.parametrize(
    "piece",
    [
        "Not really.",
        "With a great economy.",
        "Losing twice in a row.",
        "The episode comes at a difficult time.",
        "Fox watches MSNBC closely.",
        "“A disgrace to the nation.”",
        "Wash. Me. Mont. N.D. Vt. Minn.",
    ],
)
def test_not_verbless(piece):
    assert flagged("Head\n\nThe view came from a researcher. " + piece, "NC210") == []


def test_verbless_min_words_option():
    text = "Head\n\nThe view came from a researcher. Chinese Foreign Policy."
    assert flagged(text, "NC210") == []
    assert flagged(text, "NC210", **{"min-verbless-words": 3}) == ["Chinese Foreign Policy."]


REPORT = (
    "Talks\n\nThe visit comes as the military is on the offensive. {}\n\n"
    "The visit underscored the partnership, officials said.\n\n“We are happy,” he said."
)


def test_first_person_sentence_in_a_report():
    assert flagged(REPORT.format("I was disappointed."), "NC211") == ["I was disappointed."]


def test_first_person_inside_quotes_or_after_a_colon_is_not_narration():
    assert flagged(REPORT.format("“I was disappointed,” he said."), "NC211") == []
    assert flagged(REPORT.format("He said:\n\nI was disappointed."), "NC211") == []
    assert flagged(REPORT.format("Britain entered World War I in 1914."), "NC211") == []


def test_first_person_column_stays_quiet_and_the_limit_is_an_option():
    column = REPORT.format("I went to Kyiv. I met soldiers. I slept in a basement.")
    assert flagged(column, "NC211") == []
    assert len(flagged(column, "NC211", **{"first-person-limit": 3})) == 3


# -- structure that stays quiet ----------------------------------------------------------------

CLEAN = """Scientists hail new malaria drug

MOSCOW (Reuters) — A new drug cut malaria deaths by half in a trial in Kenya, researchers said on Monday.

By Jane Smith, Science Reporter

The trial, run by the Wellcome Trust, enrolled 4,000 children. Results were published in the Lancet.

## What the trial found

"This is the biggest advance in a decade," said Dr. Ann Lee, who led the study. "We did not expect it.

"Nobody did," she added.

- Deaths fell by 50%
- Side effects were mild

Arsenal 2-1 Chelsea
Liverpool 0-0 Everton

'Never,' she said. Asked whether the drug would be cheap, she said: "Not yet..." The U.S. Food and Drug Administration (FDA) will review it in Jan. 2025, according to Mr. Brown.

Photo: Jane Smith/AP
"""


def test_clean_news_structure_produces_no_findings():
    found = findings(CLEAN)
    assert [(f.code, CLEAN[f.start : f.end]) for f in found] == []


def test_markdown_headings_and_lists_are_structure():
    text = "# Talks in Beijing\n\n## What comes next for the\n\n- a list item that ends on the\n"
    assert [f.code for f in FragmentsChecker().check(Document(text, format="markdown"))] == []


# -- behaviours added while measuring on real text ---------------------------------------------


@pytest.mark.parametrize(
    "piece",
    [
        "An approach that would become his trademark.",
        "The world's second biggest reinsurance firm.",
        "A smoke bomb and five shields.",
    ],
)
def test_verbless_relative_clause_and_compound_fragments(piece):
    assert flagged("Head\n\nThe view came from a researcher. " + piece, "NC210") == [piece]


@pytest.mark.parametrize(
    "piece",
    [
        "A man who was arrested has been released.",
        "The plans face opposition.",
        "The cops report finding no book at the scene.",
        "The case, which he is expected to testify at, goes to trial.",
    ],
)
def test_sentences_with_a_main_verb_are_not_verbless(piece):
    assert flagged("Head\n\nThe view came from a researcher. " + piece, "NC210") == []


def test_pull_quotes_and_their_credits_are_not_unpunctuated_lines():
    text = "Head\n\nThe court ruled.\n\n'Sovereign power is not unfettered'\n\nIt was final."
    assert flagged(text, "NC202") == []
    credit = "Head\n\nIt ruled. “We are happy.” — Suzi Brown, a spokeswoman for the park\n\nIt was final."
    assert flagged(credit, "NC202") == []


def test_typewriter_quotes_pair_up():
    assert findings("''We praise God for the news,'' a statement said.", "NC208") == []


def test_a_narrative_sentence_inside_an_open_quotation():
    text = (
        'He called them "brigands and gangsters. But the Commissioner said he stood by it.\n\n"It is true."'
    )
    assert len(findings(text, "NC208")) == 1


def test_short_last_sentence_without_punctuation():
    assert flagged("Head\n\nWe beat them. And I'm confident\n\nMore.", "NC202") == ["And I'm confident"]


def test_contracted_first_person_counts():
    assert flagged(REPORT.format("I'm disappointed by the outcome."), "NC211") == [
        "I'm disappointed by the outcome."
    ]


def test_tables_are_structure():
    text = "Head\n\nResults were mixed.\n\nTeam\tPlayed\tWon\nArsenal\t10\t7\n\n| Team | Won |\n|---|---|\n| Chelsea | 6 |"
    assert findings(text) == []


# -- first person beyond "I ...", quoted terms, attributions with titles, cut ledes ------------------


@pytest.mark.parametrize(
    "sentence", ["We will see what happens next.", "In my opinion, the plan will fail.", "Still, I doubt it."]
)
def test_we_and_my_forms_in_a_report(sentence):
    assert flagged(REPORT.format(sentence), "NC211") == [sentence]


def test_we_forms_in_an_editorial_stay_quiet():
    editorial = (
        "Budget\n\nThe council should pass the budget this week. We will see whether it listens.\n\n"
        "The vote is on Monday, and the mayor has promised to attend."
    )
    assert flagged(editorial, "NC211") == []
    # The density of attributions a report needs is an option; 0 treats every article as a report.
    assert flagged(editorial, "NC211", **{"first-person-report-density": 0}) == [
        "We will see whether it listens."
    ]


def test_our_correspondent_is_not_first_person():
    text = REPORT.format("I was disappointed.").replace(
        "officials said.", "our correspondent said. Our political editor says the same."
    )
    assert flagged(text, "NC211") == ["I was disappointed."]


def test_a_quoted_term_does_not_run_on_into_the_next_paragraph():
    text = 'Head\n\nThe company called its new plan "comprehensive.\n\n"We are pleased," said Ann Lee.'
    assert len(findings(text, "NC208")) == 1
    # A quoted remark may: its next paragraph opens with a quotation mark and no closing one is due.
    run_on = 'Head\n\nHe said the plan "has to be seen as a new start.\n\n"What else is it?" he asked.'
    assert findings(run_on, "NC208") == []


@pytest.mark.parametrize(
    "text",
    [
        '"Tickets will be sold online, festival organiser Michael Eavis said. "That is the only source."',
        '"It is the politics of confusion, argued Mr Davis. "No one will notice."',
        "“Our customers want reliable supplies, Ann Lee, the chief executive, told analysts. “Demand is high.”",
        "“Thank you, New Hampshire, Sanders told supporters. “Let me take this chance.”",
    ],
)
def test_an_attribution_inside_an_open_quotation(text):
    assert len(findings(text, "NC208")) == 1


@pytest.mark.parametrize(
    "text,piece",
    [
        (
            "Plants\n\nMOSCOW (AFP) — Jankowski Industries said on Friday it would invest in new plants in\n\nMore.",
            "MOSCOW (AFP) — Jankowski Industries said on Friday it would invest in new plants in",
        ),
        (
            "Talks\n\nItalian Prime Minister Esther Iglesias welcomed Turkish President Daniel Lockhart to\n\nMore.",
            "Italian Prime Minister Esther Iglesias welcomed Turkish President Daniel Lockhart to",
        ),
        (
            "Talks\n\nIt rained. The talks went well.\n\nThe next round of talks is expected to take place in\n",
            "The next round of talks is expected to take place in",
        ),
    ],
)
def test_a_preposition_after_a_noun_ends_nothing(text, piece):
    assert flagged(text, "NC201") == [piece]


@pytest.mark.parametrize(
    "line",
    ["The new president was sworn in", "The fighting dragged on", "Officials said ministers would report on"],
)
def test_a_particle_may_end_a_line(line):
    text = f"Talks\n\nIt rained. The talks went well.\n\n{line}\n\nMore text follows here."
    assert flagged(text, "NC201") == []


def test_captions_and_block_quotation_intros_are_not_cut_off():
    caption = "Head\n\nThe talks went well.\n\nBenny Gantz is pictured arriving in Jerusalem, where he met aides\n\nMore."
    intro = "Head\n\nThe talks went well.\n\nTrump, in a tweet on Nov. 27, asserted that\n\nIn addition, I won.\n\nMore."
    assert findings(caption, "NC202") == [] and findings(caption, "NC201") == []
    assert findings(intro, "NC201") == []


def test_a_sentence_style_subhead_deep_in_an_article_stays_quiet():
    body = "Head\n\nThe talks began on Monday.\n\nThey went on all week.\n\n{}\n\nThe next round is in May."
    subhead = "No one really knows if oil prices are going to keep rising"
    assert findings(body.format(subhead), "NC202") == []
    # A line that stops on a verb that needs its object was cut off, subhead length or not.
    cut = "Officials said on Monday that the ministers had agreed to consider"
    assert flagged(body.format(cut), "NC202") == [cut]


@pytest.mark.parametrize(
    "line",
    [
        "The Standard & Poor's 500 index rose 23.71 points, 1.2%, to close at",  # figures, yet cut
        "Trump is expected to meet with survivors of Sunday's massacre -- in which",
        "North Carolina, where, thanks in part to restrictions on early voting enacted by",
    ],
)
def test_lines_that_stop_on_a_word_that_ends_nothing(line):
    text = f"Markets\n\nStocks rose on Monday.\n\n{line}\n\nThe 10-year Treasury note yield rose."
    assert flagged(text, "NC201") == [line]


@pytest.mark.parametrize("stub", ["Will be.", "Could have gone.", "Could be done."])
def test_a_modal_verb_group_without_a_subject(stub):
    assert flagged(f"Head\n\nThe ruling is due in June. {stub}\n\nMore text.", "NC203") == [stub]


def test_a_modal_question_or_a_name_is_not_a_stub():
    assert flagged("Head\n\nThe ruling is due in June. Will it be?\n\nMore text.", "NC203") == []
    assert flagged("Head\n\nThe film opens in June. Will Smith has gone.\n\nMore text.", "NC203") == []
