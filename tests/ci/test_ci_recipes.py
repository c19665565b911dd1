"""The pre-commit hook and the CI recipes in examples/ci use real commands and options."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from newscheck.cli import build_parser

yaml = pytest.importorskip(
    "yaml", reason="PyYAML (installed with mkdocs in the test extra) parses the recipes"
)

ROOT = Path(__file__).resolve().parents[2]
RECIPES = ROOT / "examples" / "ci"


def hook() -> dict:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and [h["id"] for h in hooks] == ["newscheck"]
    return hooks[0]


def test_pre_commit_hook_declaration():
    h = hook()
    assert h["entry"] == "newscheck check" and h["language"] == "python"
    assert set(h["types_or"]) <= {"text", "markdown"}
    files = re.compile(h["files"])
    for name in ("a.txt", "story.md", "x/page.html", "p.htm", "b.markdown"):
        assert files.search(name), name
    for name in ("package.json", "setup.py", "img.png"):
        assert not files.search(name), name


def test_pre_commit_entry_runs_on_files_as_pre_commit_passes_them(tmp_path):
    clean = tmp_path / "clean.md"
    clean.write_text("Police said the road was closed on Monday.\n", encoding="utf-8")
    dirty = tmp_path / "dirty.txt"
    dirty.write_text("Police said the road was closed. .\n", encoding="utf-8")
    argv = [sys.executable, "-m", "newscheck", *shlex.split(hook()["entry"])[1:]]
    assert subprocess.run([*argv, str(clean)], capture_output=True, timeout=120).returncode == 0
    proc = subprocess.run([*argv, str(clean), str(dirty)], capture_output=True, timeout=120)
    assert proc.returncode == 1 and b"dirty.txt:1:" in proc.stdout


def commands(text: str) -> list[list[str]]:
    joined = text.replace("\\\n", " ")
    return [shlex.split(m.group(0))[1:] for m in re.finditer(r"newscheck check[^\n#]*", joined)]


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_ci_recipes_parse_and_use_valid_options(name):
    text = (RECIPES / name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    found = commands(text)
    assert len(found) >= 2
    formats = set()
    for argv in found:
        args = build_parser().parse_args(argv)  # raises UsageError on a bad option
        formats.add(args.format)
    assert formats - {"text"}, "a machine-readable format is used"
    assert "erikvl87/languagetool" in text
    from newscheck.checkers.grammar.backend import ENV_URL

    assert ENV_URL in text


def test_pre_commit_config_example_uses_the_hook():
    data = yaml.safe_load((RECIPES / "pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [h for repo in data["repos"] for h in repo["hooks"]]
    assert [h["id"] for h in hooks] == ["newscheck"]
    build_parser().parse_args(["check", *hooks[0]["args"]])
