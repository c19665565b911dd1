"""Inline suppressions, per-file ignores and the baseline."""

from __future__ import annotations

import sys

import pytest

from newscheck import Category, Checker, Config, ConfigError, Linter, Registry, Rule
from newscheck.suppress import Baseline


class EveryPara(Checker):
    name = "test-every"
    rules = (
        Rule("NCT101", "every-para", Category.STYLE, "s", failing=("a",), passing=("",)),
        Rule("NCT102", "every-para-2", Category.FRAGMENT, "s", failing=("a",), passing=("",)),
    )

    def check(self, doc):
        for p in doc.paragraphs:
            for r in self.rules:
                yield r.finding(p.start, p.end, "para")


@pytest.fixture
def linter(monkeypatch):
    monkeypatch.setitem(sys.modules, "fake_sup_mod", sys.modules[__name__])
    reg = Registry(builtins={"e": "fake_sup_mod:EveryPara"}, plugins=False)
    return lambda **kw: Linter(registry=reg, **kw)


def codes(report):
    return [(report.text[f.start:f.end], f.code) for f in report.findings]


def test_comment_on_its_own_line_silences_the_next_paragraph(linter):
    text = "One.\n\n<!-- newscheck: ignore NCT101 -->\nTwo.\n\nThree."
    report = linter().check(text)
    assert codes(report) == [("One.", "NCT101"), ("One.", "NCT102"), ("Two.", "NCT102"),
                             ("Three.", "NCT101"), ("Three.", "NCT102")]
    assert report.suppressed == 1


def test_comment_inside_a_paragraph_silences_that_paragraph_for_all_codes(linter):
    text = "One. <!-- newscheck: ignore -->\nTwo."
    assert [t for t, _ in codes(linter().check(text))] == ["Two.", "Two."]


def test_file_level_disable_with_prefix_and_category(linter):
    assert codes(linter().check("A.\n\n<!-- newscheck: disable-file NCT1 -->\n\nB.")) == []
    report = linter().check("<!-- newscheck: disable-file fragment -->\nA.")
    assert codes(report) == [("A.", "NCT101")]


def test_per_file_ignores(linter):
    cfg = Config.from_mapping({"per-file-ignores": {"wire/*.txt": ["NCT102"]}}, checker_names=[])
    lint = linter(config=cfg)
    assert codes(lint.check("A.", path="wire/x.txt")) == [("A.", "NCT101")]
    assert len(lint.check("A.", path="own/x.txt").findings) == 2


def test_baseline_absorbs_known_findings_even_when_they_move(linter, tmp_path):
    old = "Known.\n\nAlso known."
    base = Baseline()
    base.add("a.txt", linter().check(old, path="a.txt").findings, old)
    path = tmp_path / "baseline.json"
    base.save(str(path))
    cfg = Config.from_mapping({"baseline": str(path)}, checker_names=[])
    new = "New para.\n\nKnown.\n\nAlso known."
    report = linter(config=cfg).check(new, path="a.txt")
    assert codes(report) == [("New para.", "NCT101"), ("New para.", "NCT102")]
    assert report.suppressed == 4
    assert len(linter(config=cfg).check(new, path="b.txt").findings) == 6


def test_bad_baseline_file_is_a_config_error(linter, tmp_path):
    bad = tmp_path / "b.json"
    bad.write_text("[1, 2]")
    with pytest.raises(ConfigError, match="not a newscheck baseline"):
        linter(config=Config(baseline=str(bad)))
    with pytest.raises(ConfigError, match="--write-baseline"):
        linter(config=Config(baseline=str(tmp_path / "missing.json")))
