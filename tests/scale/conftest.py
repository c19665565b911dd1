"""Fixtures for the batch and scale-out tests: a few articles, and a plugin module on sys.path."""

from __future__ import annotations

import textwrap

import pytest

PLUGIN = textwrap.dedent(
    '''
    """Synthetic checkers for the batch tests: one marks "XX", one always crashes."""
    from newscheck import Category, Checker, Finding, Rule, Severity

    MARK = Rule(code="NC901", name="xx-mark", category=Category.STYLE, severity=Severity.WARNING,
                summary="Marks XX.", failing=("XX",), passing=("ok",))
    BOOM = Rule(code="NC902", name="boom", category=Category.STYLE, severity=Severity.INFO,
                summary="Crashes on CRASH.", failing=(), passing=("ok",))

    class Marker(Checker):
        name = "marker"
        rules = (MARK,)

        def check(self, doc):
            start = doc.text.find("XX")
            while start >= 0:
                yield Finding(MARK.code, MARK.name, MARK.category, MARK.severity, start, start + 2, "XX here")
                start = doc.text.find("XX", start + 1)

    class Crasher(Checker):
        name = "crasher"
        rules = (BOOM,)

        def check(self, doc):
            if "CRASH" in doc.text:
                raise RuntimeError("boom")
            return iter(())
    '''
)


@pytest.fixture
def plugin_registry(tmp_path, monkeypatch):
    """A Registry of the two synthetic checkers, importable by worker processes too."""
    from newscheck import Registry

    (tmp_path / "nc_scale_plugin.py").write_text(PLUGIN, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    return Registry(
        builtins={"marker": "nc_scale_plugin:Marker", "crasher": "nc_scale_plugin:Crasher"}, plugins=False
    )


@pytest.fixture(scope="session")
def articles(seed_text) -> list[tuple[str, str]]:
    """(id, text) pairs: the seed article, its paragraphs as short articles, and edge cases."""
    paras = [p for p in seed_text.split("\n\n") if p.strip()]
    out = [("seed", seed_text)]
    out += [(f"p{i}", "\n\n".join(paras[i : i + 3])) for i in range(0, min(len(paras), 24), 3)]
    out += [("empty", ""), ("crlf", "Headline\r\n\r\nOne line.\r\nCLICK HERE to subscribe.\r\n")]
    return out
