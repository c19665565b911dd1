"""The user's own phrase list (option ``phrases`` / ``extra-phrases``) and its errors."""

from __future__ import annotations

import pytest

import newscheck
from newscheck import ConfigError, Document
from newscheck.checkers.boilerplate import BoilerplateChecker

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


def test_a_catastrophic_user_regex_is_cut_off_not_hung():
    checker = BoilerplateChecker({"extra-phrases": ["re:(a+)+$"]})
    text = "The vote is on Tuesday.\n\n" + "a" * 40 + "!\n"
    assert codes(checker, text) == []
