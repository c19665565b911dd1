"""The documentation site: the rule reference is current, and `mkdocs build --strict` passes."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def load(name: str):
    spec = importlib.util.spec_from_file_location(f"newscheck_docs_{name}", DOCS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rule_reference_is_up_to_date():
    gen = load("gen_rules")
    expected = gen.render(gen.builtin_rules())
    assert (DOCS / "rules.md").read_text(encoding="utf-8") == expected, (
        "docs/rules.md is out of date: run 'python docs/gen_rules.py' and commit it"
    )


def test_rule_reference_has_every_rule_with_its_examples():
    from newscheck import Registry

    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    for rule in Registry(plugins=False).rules:
        assert f'<a id="{rule.code.lower()}"></a>' in text and f"`{rule.name}`" in text
        for example in rule.failing + rule.passing:
            assert example in text


def test_generated_reference_tables_cover_every_option_and_key():
    import argparse

    from newscheck.cli import build_parser
    from newscheck.config import TOP_LEVEL_KEYS

    hooks = load("hooks")
    table = hooks.cli_options_table()
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    for command in sub.choices.values():
        for action in command._actions:
            for flag in action.option_strings:
                assert flag in table or flag in ("-h", "--help"), flag
    keys = hooks.config_keys_table()
    assert all(f"`{key}`" in keys for key in TOP_LEVEL_KEYS)


@pytest.mark.skipif(
    importlib.util.find_spec("mkdocs") is None, reason="mkdocs is not installed (pip install mkdocs)"
)
def test_mkdocs_build_strict(tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(ROOT / "mkdocs.yml"),
            "-d",
            str(tmp_path / "site"),
        ],
        capture_output=True,
        timeout=300,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    site = tmp_path / "site"
    for page in ("getting-started", "configuration", "cli", "formats", "output", "ci", "rules", "plugins"):
        assert (site / page / "index.html").exists(), page
    assert (site / "json-schema.json").exists() and (site / "img" / "seed-report.png").exists()
    assert "--input-format" in (site / "cli" / "index.html").read_text(encoding="utf-8")
    assert not list(site.rglob("*.py"))
