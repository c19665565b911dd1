"""NC404 self-reference, with the shipped alias table and user extensions."""

from __future__ import annotations

import pytest

from newscheck import Document, check
from newscheck.checkers.contradictions import ContradictionChecker
from newscheck.errors import ConfigError


@pytest.mark.parametrize(
    "text,subject,obj",
    [
        ("Although China claims to be neutral, Russia supports Moscow’s claims.", "Russia", "Moscow"),
        ("Officials say Russia is supplying key parts to Russia.", "Russia", "Russia"),
        ("The Kremlin accused Moscow of stalling the talks.", "Kremlin", "Moscow"),
        ("Downing Street criticised Britain's handling of the crisis.", "Downing Street", "Britain"),
        ("Washington imposed new sanctions on the United States on Friday.", "Washington", "United States"),
        ("The agreement was signed by India and New Delhi on Monday.", "India", "New Delhi"),
    ],
)
def test_entity_acting_on_itself_is_flagged(run, text, subject, obj):
    found = run(text, "NC404")
    assert len(found) == 1
    f = found[0]
    assert text[f.start : f.end] == obj
    assert [text[s.start : s.end] for s in f.related] == [subject]
    assert subject in f.message and obj in f.message


@pytest.mark.parametrize(
    "text",
    [
        "Although China claims to be neutral, Beijing supports Moscow’s claims.",
        "Russia said its forces in Russia were on alert.",
        "Russia said Moscow would respond to the sanctions.",  # reported speech: a new clause
        "Washington said the White House would respond.",
        "Russia’s exports to Russia’s neighbours fell.",  # possessive subject
        "Protests spread across Russia and in Moscow on Sunday.",
        "Police in London and across Britain were on alert.",
        "The Washington Post reported that Washington backed Kyiv.",
        "“Russia supports Moscow’s claims,” the sign read.",  # a quotation
        "The Moscow Times said Russia had supplied parts to China.",
    ],
)
def test_other_uses_stay_quiet(run, text):
    assert run(text, "NC404") == []


def test_user_aliases_extend_the_table(tmp_path):
    (tmp_path / "aliases.toml").write_text(
        '[entities]\nRussia = ["the Russian state"]\nScotland = ["Scotland", "Holyrood"]\n', encoding="utf-8"
    )
    checker = ContradictionChecker({"aliases": "aliases.toml"}, base_dir=str(tmp_path))
    text = "Scotland accused Holyrood of delay. The Kremlin backed the Russian state in the dispute."
    found = [f for f in checker.check(Document(text)) if f.code == "NC404"]
    assert sorted(text[f.start : f.end] for f in found) == ["Holyrood", "Russian state"]
    # The built-in names are still there.
    assert any(f.code == "NC404" for f in checker.check(Document("Russia supports Moscow’s claims.")))


def test_alias_option_through_the_public_api(tmp_path):
    path = tmp_path / "a.toml"
    path.write_text('[entities]\nScotland = ["Scotland", "Holyrood"]\n', encoding="utf-8")
    report = check(
        "Scotland accused Holyrood of delay.",
        select=["NC404"],
        config={"contradictions": {"aliases": str(path)}},
    )
    assert [f.code for f in report.findings] == ["NC404"]


def test_bad_alias_files_raise_config_errors(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        ContradictionChecker({"aliases": "missing.toml"}, base_dir=str(tmp_path))
    (tmp_path / "bad.toml").write_text("[entities\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        ContradictionChecker({"aliases": "bad.toml"}, base_dir=str(tmp_path))
    (tmp_path / "shape.toml").write_text("[entities]\nRussia = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="entities"):
        ContradictionChecker({"aliases": "shape.toml"}, base_dir=str(tmp_path))


@pytest.mark.parametrize(
    "text,obj",
    [
        ("The United States now does more testing than what Washington does.", "Washington"),
        ("Analysts said that Iran was taking advantage of Tehran's weakness.", "Tehran"),
    ],
)
def test_comparisons_and_possessed_objects(run, text, obj):
    found = run(text, "NC404")
    assert [text[f.start : f.end] for f in found] == [obj]


def test_of_without_possessive_is_a_location(run):
    assert run("Russia sent troops to the region north of Moscow.", "NC404") == []
