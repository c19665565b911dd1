"""The user's own phrase list (option ``phrases`` / ``extra-phrases``) and its errors."""

from __future__ import annotations

import pytest

import newscheck
from newscheck import ConfigError, Document
from newscheck.checkers.boilerplate import BoilerplateChecker
from newscheck.checkers.boilerplate.checker import PhrasePatternTimeout, user_regex_limit

TEXT = (
    "Officials said the bridge would reopen on Monday.\n\n"
    "Brought to you by Acme Bank\n\n"
    "The work cost £2m, the council said. Acme Weekly podcast: new episode every Friday.\n\n"
    "Tickets: 0800 123 456\n"
)


def codes(checker: BoilerplateChecker, text: str = TEXT) -> list[tuple[str, str]]:
    return [(f.code, text[f.start : f.end]) for f in checker.check(Document(text))]


def test_phrase_file_literal_and_regex_lines(tmp_path):
    (tmp_path / "house.txt").write_text(
        "# our furniture\nBrought to you by\nre:acme weekly podcast:.*\nre:^tickets: [\\d ]+$\n", "utf-8"
    )
    checker = BoilerplateChecker({"phrases": "house.txt"}, base_dir=str(tmp_path))
    assert codes(checker) == [
        ("NC108", "Brought to you by Acme Bank"),
        ("NC108", "Acme Weekly podcast: new episode every Friday."),
        ("NC108", "Tickets: 0800 123 456"),
    ]


def test_without_the_file_nothing_is_listed():
    assert codes(BoilerplateChecker()) == []


def test_extra_phrases_inline_and_through_the_linter_config(tmp_path):
    checker = BoilerplateChecker({"extra-phrases": ["brought to you by"]})
    assert codes(checker) == [("NC108", "Brought to you by Acme Bank")]
    (tmp_path / "p.txt").write_text("Brought to you by\n", "utf-8")
    report = newscheck.check(TEXT, select=["NC108"], config={"boilerplate": {"phrases": str(tmp_path / "p.txt")}})
    assert [f.code for f in report.findings] == ["NC108"]


def test_a_phrase_opening_with_punctuation_is_found_too():
    text = "The vote is on Tuesday.\n\n(Reporting desk note)\n\nMinisters expect to win.\n"
    checker = BoilerplateChecker({"extra-phrases": ["(Reporting desk note)"]})
    assert codes(checker, text) == [("NC108", "(Reporting desk note)")]


def test_missing_phrase_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read phrase file"):
        BoilerplateChecker({"phrases": "nope.txt"}, base_dir=str(tmp_path))


def test_bad_regex_is_a_config_error_naming_it():
    with pytest.raises(ConfigError, match=r"bad regular expression '\(unclosed'"):
        BoilerplateChecker({"extra-phrases": ["re:(unclosed"]})


def test_bad_option_values_are_config_errors():
    with pytest.raises(ConfigError):
        BoilerplateChecker({"duplicate-threshold": 20.0})
    with pytest.raises(ConfigError):
        BoilerplateChecker({"phrases": 3})
    with pytest.raises(ConfigError):
        BoilerplateChecker({"phrase-file": "x"})


def test_a_catastrophic_user_regex_is_cut_off_and_reported_not_hung_or_silently_dropped():
    options = {"extra-phrases": ["Brought to you by", "re:(a|aa)+$"]}
    text = "The vote is on Tuesday.\n\nBrought to you by Acme\n\n" + "a" * 60 + "!\n"
    with pytest.raises(PhrasePatternTimeout, match=r"regular expression '\(a\|aa\)\+\$' ran longer than 0\.25 s"):
        list(BoilerplateChecker(options).check(Document(text)))
    report = newscheck.check(text, select=["boilerplate"], config={"boilerplate": options})
    assert [(e.checker, e.kind) for e in report.errors] == [("boilerplate", "crash")]
    assert "(a|aa)+$" in report.errors[0].message and "simplify the pattern" in report.errors[0].message


def test_the_user_regex_time_limit_grows_with_the_text():
    # A fixed limit would cut off a sound pattern on a long enough document.
    assert user_regex_limit(0) == 0.25
    assert user_regex_limit(10_000_000) == 5.25  # two million characters a second, and the base
    checker = BoilerplateChecker({"extra-phrases": ["re:^Tickets: \\d+$"]})
    text = "The vote is on Tuesday.\n\nTickets: 40\n\n" + "The council met. " * 20_000 + "\n"
    assert ("NC108", "Tickets: 40") in codes(checker, text)
