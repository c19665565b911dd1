"""Registry: built-ins and plugins through one entry-point path; broken plugins reported, not fatal."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import newscheck
from newscheck import Category, Checker, Linter, Registry, Rule
from newscheck.registry import BUILTIN_CHECKERS, ENTRY_POINT_GROUP



class Shouty(Checker):
    name = "test-shouty"
    rules = (Rule("NCT001", "shouty", Category.STYLE, "All-caps paragraph.",
                  failing=("HELLO WORLD",), passing=("Hello world.",)),)

    def check(self, doc):
        for p in doc.paragraphs:
            if doc.slice(p).isupper():
                yield self.rules[0].finding(p.start, p.end, "shouting")


class Exploding(Checker):
    name = "test-exploding"
    rules = (Rule("NCT002", "exploding", Category.STYLE, "Always raises.",
                  failing=("x",), passing=("y",)),)

    def check(self, doc):
        yield self.rules[0].finding(0, 0, "first")
        raise RuntimeError("boom")


def test_builtins_load_through_entry_points():
    reg = Registry(plugins=False)
    eps = reg.entry_points()
    assert [ep.name for ep in eps] == list(BUILTIN_CHECKERS)
    assert all(ep.group == ENTRY_POINT_GROUP for ep in eps)
    classes, errors = reg.load()
    assert errors == []
    assert classes and all(issubclass(c, Checker) for c in classes)


def test_rule_codes_and_names_are_unique():
    rules = Registry.default().rules
    codes = [r.code for r in rules]
    names = [r.name for r in rules]
    assert len(codes) == len(set(codes)), "duplicate rule codes"
    assert len(names) == len(set(names)), "duplicate rule names"
    families = {"boilerplate": "NC1", "fragment": "NC2", "consistency": "NC3", "contradiction": "NC4"}
    for r in rules:
        assert r.code.startswith("NC") and r.code[2:].isdigit() and len(r.code) == 5, r.code
        if r.category.value in families:
            assert r.code.startswith(families[r.category.value]), (r.code, r.category)
        assert r.name == r.name.lower() and " " not in r.name


def test_plugin_discovery_from_fake_entry_points(tmp_path, monkeypatch, fake_dist):
    monkeypatch.setitem(sys.modules, "fake_plugin_mod", sys.modules[__name__])
    path = fake_dist(tmp_path, "fake-plugin", {"shouty": "fake_plugin_mod:Shouty"})
    reg = Registry(builtins={}, search_path=[str(path)])
    classes, errors = reg.load()
    assert classes == [Shouty] and errors == []
    report = Linter(registry=reg).check("Calm text.\n\nLOUD TEXT")
    assert [f.code for f in report.findings] == ["NCT001"]


def test_broken_plugin_is_an_error_in_the_report_and_others_still_run(tmp_path, monkeypatch, fake_dist):
    monkeypatch.setitem(sys.modules, "fake_plugin_mod", sys.modules[__name__])
    path = fake_dist(tmp_path, "broken", {
        "broken": "no_such_module_xyz:Thing",
        "notachecker": "fake_plugin_mod:Path",
        "shouty": "fake_plugin_mod:Shouty",
    })
    reg = Registry(builtins={}, search_path=[str(path)])
    report = Linter(registry=reg).check("LOUD")
    assert [f.code for f in report.findings] == ["NCT001"]
    kinds = {(e.checker, e.kind) for e in report.errors}
    assert ("broken", "load") in kinds and ("notachecker", "load") in kinds
    messages = " ".join(e.message for e in report.errors)
    assert "no_such_module_xyz" in messages and "failed to load" in messages


def test_discovery_order_is_sorted_and_deterministic(tmp_path, monkeypatch, fake_dist):
    monkeypatch.setitem(sys.modules, "fake_plugin_mod", sys.modules[__name__])
    fake_dist(tmp_path / "a", "zeta", {"zeta": "fake_plugin_mod:Shouty"})
    fake_dist(tmp_path / "a", "alpha", {"alpha": "fake_plugin_mod:Exploding"})
    reg = Registry(builtins={}, search_path=[str(tmp_path / "a")])
    assert [ep.name for ep in reg.entry_points()] == ["alpha", "zeta"]


def test_checker_that_raises_becomes_a_crash_error_and_its_findings_are_dropped(monkeypatch):
    monkeypatch.setitem(sys.modules, "fake_plugin_mod", sys.modules[__name__])
    reg = Registry(builtins={"a": "fake_plugin_mod:Exploding", "b": "fake_plugin_mod:Shouty"}, plugins=False)
    report = Linter(registry=reg).check("LOUD")
    assert [f.code for f in report.findings] == ["NCT001"]
    assert [(e.checker, e.kind) for e in report.errors] == [("test-exploding", "crash")]
    assert "boom" in report.errors[0].message


def test_duplicate_checker_names_are_reported(monkeypatch):
    monkeypatch.setitem(sys.modules, "fake_plugin_mod", sys.modules[__name__])
    reg = Registry(builtins={"a": "fake_plugin_mod:Shouty", "b": "fake_plugin_mod:Shouty"}, plugins=False)
    classes, errors = reg.load()
    assert classes == [Shouty] and len(errors) == 1 and "already used" in str(errors[0])


def test_example_plugin_package_loads_and_runs(tmp_path, monkeypatch, fake_dist, repo_root):
    monkeypatch.syspath_prepend(str(repo_root / "examples" / "plugin" / "src"))
    path = fake_dist(tmp_path, "newscheck-example-plugin",
                          {"example": "newscheck_example_plugin:HypeChecker"})
    reg = Registry(search_path=[str(path)])
    report = Linter(registry=reg, select=["NCX"]).check("Title\n\nA shocking bombshell report.")
    assert [f.code for f in report.findings] == ["NCX001", "NCX001"]
    assert report.errors == ()


def test_public_api_matches_all():
    import inspect

    public = {n for n, v in vars(newscheck).items() if not n.startswith("_") and not inspect.ismodule(v)}
    public.discard("annotations")  # from __future__ import annotations
    assert set(newscheck.__all__) - {"__version__"} == public
    assert newscheck.__version__
