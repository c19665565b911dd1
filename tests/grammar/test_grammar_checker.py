"""The grammar checker end to end: newscheck -> language-tool-python -> a stand-in LanguageTool."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newscheck
from newscheck import Document, Linter
from newscheck.checkers.grammar import GrammarChecker
from newscheck.errors import ConfigError
from newscheck.findings import Applicability, Category, Severity
from newscheck.fixes import apply_fixes

from .conftest import grammar_errors
from .fake_languagetool import FakeLanguageTool, utf16_len


def linter(server, **options) -> Linter:
    options.setdefault("server", server.url)
    return Linter(select=["grammar"], config={"grammar": options})


# -- the rules' own examples (the generic example test skips backend checkers) ----------
EXAMPLES = [
    pytest.param(rule, ex, flag, id=f"{rule.code}-{'fail' if flag else 'pass'}{i}")
    for rule in GrammarChecker.rules
    for flag, examples in ((True, rule.failing), (False, rule.passing))
    for i, ex in enumerate(examples)
]


@pytest.mark.parametrize("rule,example,should_flag", EXAMPLES)
def test_rule_examples_against_the_stand_in(make_checker, rule, example, should_flag):
    codes = [f.code for f in make_checker().check(Document(example))]
    assert (rule.code in codes) is should_flag, (rule.code, example, codes)


def test_rules_are_off_by_default_and_documented():
    for rule in GrammarChecker.rules:
        assert rule.code.startswith("NC5") and not rule.default and rule.fixable
        assert rule.failing and rule.passing and rule.summary
    assert GrammarChecker.needs_backend


def test_default_selection_does_not_build_the_checker(lt_server):
    report = newscheck.check("The minister said the the talks would resume.")
    assert report.by_code("NC5") == []
    assert lt_server.state.languages_calls == 0 and lt_server.state.requests == []


# -- offsets -----------------------------------------------------------------------------
def test_exact_offsets_with_emoji_before_the_error(lt_server):
    text = "🇨🇳🤝🇷🇺 Summit 😀: the minister said the the talks would resume."
    report = linter(lt_server).check(text)
    (f,) = report.findings
    assert text[f.start : f.end] == "the the"
    assert f.code == "NC501" and f.extra["languagetool_rule"] == "ENGLISH_WORD_REPEAT_RULE"


def test_exact_offsets_with_emoji_inside_the_match(lt_server):
    # "Fancy text" letters are astral characters: LanguageTool's span counts each twice.
    text = "🙂 Follow 𝔱𝔥𝔢 😀 𝔫𝔢𝔴𝔰 on 𝓣𝓿, he said.\n\nNext 🙂 paragraph, the the end."
    report = linter(lt_server, spelling=True).check(text)
    assert [(f.code, text[f.start : f.end]) for f in report.findings] == [
        ("NC502", "𝔱𝔥𝔢"),
        ("NC502", "𝔫𝔢𝔴𝔰"),
        ("NC502", "𝓣𝓿"),
        ("NC501", "the the"),
    ]


def test_a_raw_match_spanning_emoji_maps_to_the_same_characters(lt_server):
    text = "Aim 👍🏽 high 😀😀 and 🇬🇧 win."
    target = "👍🏽 high 😀😀 and 🇬🇧"
    start = text.index(target)
    rule = {"id": "X", "description": "", "issueType": "style", "category": {"id": "STYLE", "name": "Style"}}
    lt_server.state.extra_matches = [{
        "message": "m", "replacements": [{"value": "ok"}], "offset": utf16_len(text[:start]), "length": utf16_len(target),
        "context": {"text": text, "offset": utf16_len(text[:start]), "length": utf16_len(target)}, "rule": rule,
    }]
    (f,) = linter(lt_server).check(text).findings
    assert text[f.start : f.end] == target
    assert apply_fixes(text, [f], unsafe=True)[0] == "Aim ok win."


def test_an_open_quote_continued_in_the_next_paragraph_is_news_style_not_an_error(lt_server):
    text = (
        "“We will not give up,” she said. “The talks go on\n\n"
        "“and we expect a deal by Friday.”\n\n"
        "He added: “Nothing is agreed\n\nThe minister left."
    )
    report = linter(lt_server).check(text)
    unpaired = [f for f in report.findings if f.extra["languagetool_rule"] == "EN_UNPAIRED_QUOTES"]
    # The first paragraph's quote continues (the next opens with “); the last one does not.
    assert [text.index("“Nothing")] == [f.start for f in unpaired]
    assert all(text[f.start : f.end] == "“" for f in unpaired)


@pytest.mark.parametrize(
    "text,kept",
    [
        ('He said: "The talks go on\n\n"and on."', False),  # straight opening quote, continued
        ('He said the talks go on" today.\n\n"Next quote."', True),  # a closing quote: not continued
        ('He said: "The talks go on\n\nThe end.', True),  # not reopened
    ],
)
def test_continued_straight_quotes(text, kept):
    from newscheck.checkers.grammar.checker import _continued_quote

    start = text.index('"')
    assert _continued_quote(Document(text), start, start + 1) is not kept


def test_offsets_in_later_paragraphs_and_crlf(lt_server):
    text = "First 🙂 paragraph.\r\n\r\nSecond 😀😀 one , with a apple.\r\n\r\nThird: the the end."
    report = linter(lt_server).check(text)
    spans = [(f.code, text[f.start : f.end]) for f in report.findings]
    assert spans == [("NC504", " ,"), ("NC501", "a"), ("NC501", "the the")]


def test_matches_across_the_paragraph_separator_or_out_of_range_are_dropped(lt_server):
    rule = {"id": "ODD", "description": "", "issueType": "grammar", "category": {"id": "GRAMMAR", "name": "G"}}
    odd = {"message": "odd", "replacements": [], "context": {"text": "", "offset": 0, "length": 0}, "rule": rule}
    lt_server.state.extra_matches = [
        dict(odd, offset=3, length=8),  # "One.\n\nTwo" crosses the separator
        dict(odd, offset=-1, length=2),
        dict(odd, offset=0, length=500),
        dict(odd, offset=1, length=0),
        dict(odd, offset="x", length=1),
        dict(odd, offset=0, length=3),  # the only good one
    ]
    report = linter(lt_server).check("One.\n\nTwo.")
    assert [(f.start, f.end) for f in report.findings] == [(0, 3)]


# -- mapping -------------------------------------------------------------------------------
def test_categories_map_to_rules_severities_and_extra(lt_server):
    text = (
        "He bought a apple at the ATM machine , then left.\n\n"
        "We frobnicate the text.\n\nIt was very unique."
    )
    report = linter(lt_server).check(text)
    got = {f.extra["languagetool_rule"]: f for f in report.findings}
    assert got["EN_A_VS_AN"].code == "NC501" and got["EN_A_VS_AN"].severity is Severity.WARNING
    assert got["EN_A_VS_AN"].category is Category.GRAMMAR
    assert got["ATM_MACHINE"].code == "NC503" and got["ATM_MACHINE"].category is Category.STYLE
    assert got["ATM_MACHINE"].severity is Severity.INFO
    assert got["COMMA_PARENTHESIS_WHITESPACE"].code == "NC504"
    assert got["VERY_UNIQUE"].code == "NC503"
    # An unknown category with an unknown issue type falls back to the mildest rule.
    assert got["NEW_CATEGORY_RULE"].code == "NC503"
    assert got["ATM_MACHINE"].extra == {
        "languagetool_rule": "ATM_MACHINE",
        "languagetool_category": "REDUNDANCY",
        "languagetool_issue_type": "style",
        "languagetool_description": "ATM machine (ATM)",
        "replacements": ["ATM"],
    }


def test_suggestions_are_unsafe_fixes(lt_server):
    text = "Officials said there was alot of damage , the the port."
    report = linter(lt_server).check(text)
    assert all(f.fix and f.fix.applicability is Applicability.UNSAFE for f in report.findings)
    assert apply_fixes(text, report.findings)[0] == text  # nothing is applied by default
    fixed, applied = apply_fixes(text, report.findings, unsafe=True)
    assert fixed == "Officials said there was a lot of damage, the port."
    assert len(applied) == 3


def test_json_output_names_the_languagetool_rule(lt_server):
    report = linter(lt_server).check("😀 The the end.")
    data = json.loads(report.to_json())
    (finding,) = data["findings"]
    assert finding["extra"]["languagetool_rule"] == "ENGLISH_WORD_REPEAT_RULE"
    assert finding["extra"]["languagetool_category"] == "MISC"
    assert (finding["start"], finding["end"]) == (2, 9)


def test_cli_check_select_grammar_reports_lt_rule(lt_server, tmp_path, capsys):
    from newscheck.cli import main

    article = tmp_path / "story.txt"
    text = "🙂 The minister said the the talks would resume.\n"
    article.write_text(text, encoding="utf-8")
    (tmp_path / "newscheck.toml").write_text(f'[grammar]\nserver = "{lt_server.url}"\n', encoding="utf-8")
    code = main(["check", "--select", "grammar", "--format", "json", str(article)])
    out = capsys.readouterr().out
    findings = [f for r in json.loads(out)["reports"] for f in r["findings"]]
    assert [f["extra"]["languagetool_rule"] for f in findings] == ["ENGLISH_WORD_REPEAT_RULE"]
    assert text[findings[0]["start"] : findings[0]["end"]] == "the the"
    assert (findings[0]["line"], findings[0]["column"]) == (1, text.index("the the") + 1)
    assert code == 1


# -- options sent to the server -------------------------------------------------------------
def test_spelling_is_off_by_default(lt_server):
    text = "The goverment met in Zhongnanhai, officials said."
    assert linter(lt_server).check(text).findings == ()
    sent = lt_server.state.requests[-1]
    assert "MORFOLOGIK_RULE_EN_US" in sent["disabledRules"].split(",")


def test_spelling_on_reports_dictionary_misses_as_low_confidence_info(lt_server):
    text = "The goverment met in Zhongnanhai, officials said."
    report = linter(lt_server, spelling=True).check(text)
    assert [text[f.start : f.end] for f in report.findings] == ["goverment", "Zhongnanhai"]
    assert all(f.code == "NC502" and f.severity is Severity.INFO and f.confidence == 0.5 for f in report.findings)
    assert "disabledRules" not in lt_server.state.requests[-1]


def test_picky_mode(lt_server):
    text = "They met in order to agree."
    assert linter(lt_server).check(text).findings == ()
    (f,) = linter(lt_server, picky=True).check(text).findings
    assert f.extra["languagetool_rule"] == "IN_ORDER_TO"
    assert lt_server.state.requests[-1]["level"] == "picky"


def test_rule_and_category_options_are_passed_through(lt_server):
    text = "It was very unique , he said the the day."
    report = linter(lt_server, **{"disabled-rules": ["VERY_UNIQUE"], "disabled-categories": ["TYPOGRAPHY"]}).check(text)
    assert [f.extra["languagetool_rule"] for f in report.findings] == ["ENGLISH_WORD_REPEAT_RULE"]
    sent = lt_server.state.requests[-1]
    assert "VERY_UNIQUE" in sent["disabledRules"].split(",")
    assert sent["disabledCategories"] == "TYPOGRAPHY"
    only = linter(lt_server, **{"enabled-rules": ["VERY_UNIQUE"], "enabled-only": True}).check(text)
    assert [f.extra["languagetool_rule"] for f in only.findings] == ["VERY_UNIQUE"]
    assert lt_server.state.requests[-1]["enabledOnly"] == "true"


def test_language_variant_is_sent_and_validated(lt_server):
    linter(lt_server, language="en-GB").check("Fine text.")
    assert lt_server.state.requests[-1]["language"] == "en-GB"
    assert "MORFOLOGIK_RULE_EN_GB" in lt_server.state.requests[-1]["disabledRules"]
    with pytest.raises(ConfigError, match="'xx-YY' is not offered"):
        linter(lt_server, language="xx-YY")


@pytest.mark.parametrize(
    "options,message",
    [
        ({"timeout": 0}, "timeout"),
        ({"retries": 11}, "retries"),
        ({"max-request-chars": 10}, "max-request-chars"),
        ({"cache-size": 0}, "cache-size"),
        ({"disabled-rules": ["", "X"]}, "disabled-rules"),
        ({"spelling": "yes"}, "spelling"),
        ({"servr": "http://x"}, "unknown option"),
    ],
)
def test_bad_options_are_config_errors(lt_server, options, message):
    with pytest.raises(ConfigError, match=message):
        linter(lt_server, **options)


def test_environment_variable_names_the_server(lt_server, monkeypatch):
    monkeypatch.setenv("NEWSCHECK_LANGUAGETOOL_URL", lt_server.url)
    report = Linter(select=["NC501"]).check("He said the the words.")
    assert [f.code for f in report.findings] == ["NC501"]


# -- what is sent ------------------------------------------------------------------------------
def test_markdown_code_and_comments_are_not_sent(lt_server):
    text = "Run `the the , x` now.\n\n<!-- a note , the the -->\n\n```\ncode ,  here\n```\n\nThe end , really."
    report = linter(lt_server).check(text, path="story.md")
    sent = "\n".join(lt_server.state.checked_texts)
    assert "the the" not in sent and "code" not in sent and "note" not in sent
    # The blanks left by the masked code would trip WHITESPACE_RULE; those matches are dropped.
    assert [(f.extra["languagetool_rule"], text[f.start : f.end]) for f in report.findings] == [
        ("COMMA_PARENTHESIS_WHITESPACE", " ,")
    ]


def test_seed_article_paragraphs_are_what_is_sent(lt_server, seed_text):
    report = linter(lt_server).check(seed_text)
    doc = Document(seed_text)
    sent = lt_server.state.checked_texts
    assert sent == ["\n\n".join(seed_text[p.start : p.end] for p in doc.paragraphs)]
    assert grammar_errors(report) == []
    assert all(0 <= f.start < f.end <= len(seed_text) for f in report.findings)


# -- long articles, the cache and the connection ---------------------------------------------
def _article(n: int) -> str:
    paras = [f"Paragraph {i} 🙂 says the the council met on day {i} , officials said." for i in range(n)]
    return "Headline 😀 here\n\n" + "\n\n".join(paras) + "\n"


def test_long_article_is_split_under_the_server_limit(lt_server):
    text = _article(40)
    whole = linter(lt_server).check(text)
    lt_server.state.max_text_length = 500
    lt_server.state.requests.clear()
    split = linter(lt_server, **{"max-request-chars": 500}).check(text)
    assert grammar_errors(split) == []
    assert len(lt_server.state.requests) > 5
    assert all(len(t.encode("utf-16-le")) // 2 <= 500 for t in lt_server.state.checked_texts)
    assert [f.to_dict() for f in split.findings] == [f.to_dict() for f in whole.findings]
    assert len(whole.findings) == 80


def test_a_paragraph_longer_than_the_limit_is_split_at_sentences(lt_server):
    sentences = [f"Sentence {i} 😀 repeats the the word , again." for i in range(30)]
    text = " ".join(sentences) + " " + ("x" * 450) + " and the the end."
    lt_server.state.max_text_length = 400
    report = linter(lt_server, **{"max-request-chars": 400}).check(text)
    assert grammar_errors(report) == []
    assert all(len(t.encode("utf-16-le")) // 2 <= 400 for t in lt_server.state.checked_texts)
    repeats = [text[f.start : f.end] for f in report.findings if f.code == "NC501"]
    assert repeats == ["the the"] * 31


def test_too_long_for_the_server_is_reported_not_crashed(lt_server):
    lt_server.state.max_text_length = 300
    report = linter(lt_server).check(_article(10))  # default limit 20000 > the server's
    (err,) = grammar_errors(report)
    assert err.checker == "grammar" and "HTTP 413" in err.message and "exceeds the limit" in err.message
    assert "max-request-chars" in err.message
    assert len(lt_server.state.requests) == 1  # 4xx is not retried


def test_editing_one_paragraph_only_sends_that_paragraph(lt_server):
    lint = linter(lt_server)
    text = _article(12)
    first = lint.check(text)
    assert len(lt_server.state.requests) == 1
    lint.check(text)
    assert len(lt_server.state.requests) == 1  # unchanged: nothing sent
    edited = text.replace("day 5 ,", "day 5, a apple", 1)
    second = lint.check(edited)
    assert lt_server.state.checked_texts[1:] == [
        "Paragraph 5 🙂 says the the council met on day 5, a apple officials said."
    ]
    fresh = linter(lt_server).check(edited)
    assert [f.to_dict() for f in second.findings] == [f.to_dict() for f in fresh.findings]
    assert len(second.findings) == len(first.findings)  # one comma fixed, one a/an added


def test_a_repeated_paragraph_is_sent_once_and_reported_at_each_place(lt_server):
    text = "Subscribe , now.\n\nThe talks went on.\n\nSubscribe , now.\n\nSubscribe , now."
    report = linter(lt_server, cache=False).check(text)
    assert lt_server.state.checked_texts == ["Subscribe , now.\n\nThe talks went on."]
    assert [f.start for f in report.findings] == [m.start() for m in re.finditer(" ,", text)]


def test_cache_can_be_turned_off(lt_server):
    lint = linter(lt_server, cache=False)
    lint.check("The the end.")
    lint.check("The the end.")
    assert len(lt_server.state.requests) == 2


def test_incomplete_answers_are_not_cached(lt_server):
    lint = linter(lt_server)
    lt_server.state.incomplete = True
    lint.check("The the end.")
    lt_server.state.incomplete = False
    lint.check("The the end.")
    assert len(lt_server.state.requests) == 2


def test_cache_is_bounded(lt_server):
    lint = linter(lt_server, **{"cache-size": 2})
    for text in ("One the the.", "Two the the.", "Three the the.", "One the the."):
        lint.check(text)
    assert len(lt_server.state.requests) == 4  # "One" was evicted


def test_building_the_checker_leaves_the_global_random_state_alone(lt_server):
    import random

    random.seed(1234)
    expected = random.random()
    random.seed(1234)
    linter(lt_server)
    assert random.random() == expected


def test_one_connection_is_reused_across_documents(lt_server):
    lint = linter(lt_server, cache=False)
    for i in range(5):
        lint.check(f"Document {i} says the the thing.")
    assert lt_server.state.connections == 1
    assert lt_server.state.languages_calls == 1


# -- invariants ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def shared_server():
    with FakeLanguageTool() as server:
        yield server


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["the", "a", " ", ",", "“", "”", "\n", "\r\n", "\n\n", "\t", ".", "the the", " , ",
                             "🙂", "😀😀", "\u00a0", "\u2028", "alot", "apple", "  "]),
            st.characters(blacklist_categories=("Cs",)),
        ),
        max_size=60,
    ).map("".join)
)
def test_any_text_gives_in_bounds_sorted_deterministic_findings(shared_server, text):
    checker = GrammarChecker({"server": shared_server.url, "cache": False})
    try:
        first = list(checker.check(Document(text)))
        second = list(checker.check(Document(text)))
    finally:
        checker.close()
    assert [f.to_dict() for f in first] == [f.to_dict() for f in second]
    assert first == sorted(first, key=lambda f: f.sort_key)
    for f in first:
        assert 0 <= f.start < f.end <= len(text)
        if f.extra["languagetool_rule"] == "ENGLISH_WORD_REPEAT_RULE":
            a, b = text[f.start : f.end].split(" ")
            assert a == b


def test_worker_processes_each_build_their_own_connection(lt_server):
    lint = linter(lt_server)
    texts = [f"Article {i} says the the thing." for i in range(6)]
    reports = lint.check_many(texts, jobs=2)
    assert [[t[f.start : f.end] for f in r.findings] for t, r in zip(texts, reports)] == [["the the"]] * 6
    assert all(grammar_errors(r) == [] for r in reports)
