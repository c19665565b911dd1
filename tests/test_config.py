"""Configuration: discovery, validation with one-line errors, per-checker options."""

from __future__ import annotations

import sys

import pytest

from newscheck import Category, Checker, Config, ConfigError, Linter, Registry, Rule, load_config
from newscheck.config import find_config


class Opt(Checker):
    name = "test-opt"
    options = {"threshold": 3, "words": [], "strict": False}
    rules = (Rule("NCT010", "opt-rule", Category.STYLE, "s", failing=("a",), passing=("b",), default=False),)

    def check(self, doc):
        return iter(())


@pytest.fixture
def reg(monkeypatch):
    monkeypatch.setitem(sys.modules, "fake_cfg_mod", sys.modules[__name__])
    return Registry(builtins={"o": "fake_cfg_mod:Opt"}, plugins=False)


def test_unknown_top_level_key_names_it_and_lists_valid_keys():
    with pytest.raises(ConfigError) as exc:
        Config.from_mapping({"selekt": ["NC1"]}, checker_names=["boilerplate"])
    msg = str(exc.value)
    assert "'selekt'" in msg and "select" in msg and "[boilerplate]" in msg and "\n" not in msg


@pytest.mark.parametrize("table,needle", [
    ({"fail-on": "fatal"}, "error, warning, info"),
    ({"select": 3}, "must be a list"),
    ({"per-file-ignores": {"*.md": 5}}, "list of strings"),
    ({"input-format": "docx"}, "text"),
])
def test_bad_values_are_named(table, needle):
    with pytest.raises(ConfigError, match=needle):
        Config.from_mapping(table, checker_names=[])


def test_checker_options_are_validated(reg):
    with pytest.raises(ConfigError, match="unknown option 'treshold'.*valid options: strict, threshold, words"):
        Linter(config=Config.from_mapping({"test-opt": {"treshold": 2}}, checker_names=["test-opt"]),
               registry=reg, select=["NCT"])
    with pytest.raises(ConfigError, match="must be int"):
        Linter(config=Config.from_mapping({"test-opt": {"threshold": "x"}}, checker_names=["test-opt"]),
               registry=reg, select=["NCT"])


def test_options_of_a_disabled_checker_are_still_validated(reg):
    with pytest.raises(ConfigError, match="unknown option"):
        Linter(config=Config.from_mapping({"test-opt": {"nope": 1}}, checker_names=["test-opt"]), registry=reg)


def test_unknown_selector_is_an_error(reg):
    with pytest.raises(ConfigError, match="unknown rule selector 'NC999X'"):
        Linter(registry=reg, select=["NC999X"])


def test_found_by_walking_up(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.newscheck]\nfail-on = "error"\nignore = ["NC2"]\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    (deep / "art.txt").write_text("x")
    found = find_config(deep / "art.txt")
    assert found == tmp_path / "pyproject.toml"
    cfg = load_config(found)
    assert cfg.fail_on.value == "error" and cfg.ignore == ("NC2",) and cfg.base_dir == str(tmp_path)


def test_pyproject_without_our_table_is_skipped_and_newscheck_toml_wins(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.newscheck]\nfail-on = "info"\n')
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config(sub) == tmp_path / "pyproject.toml"
    (sub / "newscheck.toml").write_text('fail-on = "error"\n')
    assert find_config(sub) == sub / "newscheck.toml"
    assert load_config(sub / "newscheck.toml").fail_on.value == "error"


def test_broken_toml_is_a_config_error(tmp_path):
    bad = tmp_path / "newscheck.toml"
    bad.write_text("select = [\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(bad)


def test_missing_config_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.toml")
