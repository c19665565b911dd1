"""Helpers for the editorial-CI tests: a small checker with fixes, and runs built by hand."""

from __future__ import annotations

import sys

import pytest
import regex

from newscheck import Applicability, Category, Checker, Edit, Fix, Registry, Rule, Severity, Span
from newscheck.output import RunResult
from newscheck.report import Report

PROMO = "CLICK HERE TO GET THE APP"


class DemoFixes(Checker):
    """Doubled full stops (overlapping findings), a promo line, and an unsafe spelling fix."""

    name = "ci-demo"
    rules = (
        Rule(
            "NCX901",
            "demo-doubled-stop",
            Category.FRAGMENT,
            "Doubled full stop.",
            fixable=True,
            failing=("Xinhua. .",),
            passing=("Xinhua.",),
        ),
        Rule(
            "NCX902",
            "demo-promo",
            Category.BOILERPLATE,
            "Promo line.",
            fixable=True,
            failing=(PROMO,),
            passing=("Click here.",),
        ),
        Rule(
            "NCX903",
            "demo-colour",
            Category.CONSISTENCY,
            "American spelling wanted.",
            fixable=True,
            severity=Severity.INFO,
            failing=("colour",),
            passing=("color",),
        ),
        Rule(
            "NCX904",
            "demo-broken-fix",
            Category.STYLE,
            "A fix whose own edits overlap.",
            failing=("zzz",),
            passing=("z",),
        ),
    )

    def check(self, doc):
        view = doc.view
        for m in regex.finditer(r"\.(?= ?\.)", view):
            end = m.end() + (2 if view[m.end()] == " " else 1)
            yield self.rules[0].finding(
                m.start(),
                end,
                "Doubled full stop",
                fix=Fix((Edit(m.start(), end, "."),), title="Keep one full stop"),
            )
        for line in doc.lines:
            if doc.text[line.start : line.end] == PROMO:
                nxt = line.end + (2 if doc.text.startswith("\r\n", line.end) else 1)
                nxt = min(nxt, len(doc.text))
                yield self.rules[1].finding(
                    line.start,
                    line.end,
                    "Promo line",
                    related=(Span(line.start, line.start + 5, "call to action"),),
                    fix=Fix((Edit(line.start, nxt, ""),), title="Delete the line"),
                )
        for m in regex.finditer(r"colour", view):
            yield self.rules[2].finding(
                m.start(),
                m.end(),
                "Write 'color'",
                fix=Fix((Edit(m.start(), m.end(), "color"),), Applicability.UNSAFE, "Write 'color'"),
            )
        for m in regex.finditer(r"zzz", view):
            s = m.start()
            yield self.rules[3].finding(
                s, m.end(), "zzz", fix=Fix((Edit(s, s + 2, "a"), Edit(s + 1, s + 3, "b")), title="broken")
            )


@pytest.fixture
def demo_registry(monkeypatch) -> Registry:
    """Makes DemoFixes the only checker of Registry.default() (so the CLI uses it too)."""
    monkeypatch.setitem(sys.modules, "nc_ci_demo_checkers", sys.modules[__name__])
    reg = Registry(builtins={"ci-demo": "nc_ci_demo_checkers:DemoFixes"}, plugins=False)
    monkeypatch.setattr(Registry, "_default", reg)
    return reg


@pytest.fixture
def make_run():
    """``make_run(report, ..., rules=..., fail_on=...)`` -> RunResult."""

    def build(*reports: Report, rules=None, fail_on: str = "warning") -> RunResult:
        return RunResult(reports=list(reports), rules=dict(rules or {}), fail_on=fail_on)

    return build


@pytest.fixture
def demo_linter(demo_registry):
    from newscheck import Linter

    return Linter(registry=demo_registry)
