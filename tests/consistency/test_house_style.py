"""house-style (NC305): a configured vocabulary of preferred and rejected spellings."""

from __future__ import annotations

import pytest

from newscheck import Linter, apply_fixes
from newscheck.checkers.consistency import ConsistencyChecker
from newscheck.errors import ConfigError

TEXT = "Officials in Kiev said the talks in Kiev would resume. The café serves chicken Kiev."


def codes(report):
    return [f.code for f in report.findings]


def test_on_by_default_but_silent_without_a_vocabulary():
    assert "NC305" in [r.code for r in Linter().rules]
    assert "NC305" not in codes(Linter().check(TEXT))
    configured = Linter(config={"consistency": {"house-style": {"Kyiv": ["Kiev"]}}})
    assert codes(configured.check(TEXT)).count("NC305") == 2


def test_inline_vocabulary_flags_every_rejected_form_with_a_safe_fix():
    linter = Linter(select=["house-style"], config={"consistency": {"house-style": {"Kyiv": ["Kiev"]}}})
    report = linter.check(TEXT)
    found = [f for f in report.findings if f.code == "NC305"]
    assert [TEXT[f.start : f.end] for f in found] == ["Kiev", "Kiev"]  # not in "chicken Kiev"
    assert all(f.fix.is_safe and f.fix.edits[0].replacement == "Kyiv" for f in found)
    fixed, applied = apply_fixes(TEXT, report.findings)
    assert len(applied) == 2
    assert fixed == "Officials in Kyiv said the talks in Kyiv would resume. The café serves chicken Kiev."
    assert "NC305" not in codes(linter.check(fixed))


def test_lower_case_entries_match_any_capitalisation_and_keep_it(run, spans):
    checker = ConsistencyChecker({"house-style": {"per cent": ["percent"], "e-mail": "email"}})
    text = "Percent changes were small: 5 percent. Send an Email or an email."
    found = run(text, "NC305", check=checker)
    assert spans(text, found) == ["Percent", "percent", "Email", "email"]
    assert [f.fix.edits[0].replacement for f in found] == ["Per cent", "per cent", "E-mail", "e-mail"]


def test_vocabulary_file_and_exempt_phrases(tmp_path, run, spans):
    (tmp_path / "style.toml").write_text(
        '[house-style]\nKyiv = ["Kiev"]\nOdesa = ["Odessa"]\n\nexempt = ["Dynamo Kiev"]\n', encoding="utf-8"
    )
    checker = ConsistencyChecker(
        {"house-style-file": "style.toml", "house-style-exempt": ["Battleship Odessa"]}, base_dir=str(tmp_path)
    )
    text = "Dynamo Kiev won in Odessa. The Battleship Odessa sailed from Kiev."
    assert spans(text, run(text, "NC305", check=checker)) == ["Odessa", "Kiev"]


def test_built_in_vocabulary_on_request(run, spans):
    text = "Fighting near Kharkov and Kiev continued. Tehran and Teheran protested."
    assert spans(text, run(text, "NC305")) == []
    checker = ConsistencyChecker({"house-style-builtin": True})
    assert spans(text, run(text, "NC305", check=checker)) == ["Kharkov", "Kiev", "Teheran"]


@pytest.mark.parametrize(
    "options,message",
    [
        ({"house-style": {"Kyiv": 3}}, "list of rejected spellings"),
        ({"house-style": {"Kyiv": ["Kiev"], "Kyyiv": ["Kiev"]}}, "rejected in favour of both"),
        ({"house-style-file": "missing.toml"}, "cannot be read"),
        ({"house-style": ["Kiev"]}, "must be dict"),
    ],
)
def test_bad_configuration_is_a_clear_error(tmp_path, options, message):
    with pytest.raises(ConfigError, match=message):
        ConsistencyChecker(options, base_dir=str(tmp_path))
