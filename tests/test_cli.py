"""The command line, run as a user runs it: a subprocess, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "putin-xi-beijing-summit.txt"


def run(*args, input=None, cwd=None, env=None):
    full_env = dict(os.environ, NO_COLOR="1")
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "newscheck", *args], input=input, capture_output=True,
        cwd=cwd, env=full_env, timeout=120,
    )


def one_line_error(proc) -> str:
    err = proc.stderr.decode()
    assert proc.returncode == 2, (proc.returncode, err)
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("newscheck: error: ")
    return lines[0]


def test_seed_article_text_output_and_exit_code():
    proc = run("check", str(SEED))
    out = proc.stdout.decode()
    assert proc.returncode == 1, proc.stderr.decode()
    assert "putin-xi-beijing-summit.txt:" in out and "Found" in out
    assert "^" in out  # the span is marked under the source line


def test_json_output_is_versioned_and_has_positions(tmp_path):
    proc = run("check", "--format", "json", str(SEED))
    data = json.loads(proc.stdout)
    assert data["schema_version"] == 1 and data["tool"]["name"] == "newscheck"
    report = data["reports"][0]
    text = SEED.read_text(encoding="utf-8")
    for f in report["findings"]:
        assert 0 <= f["start"] <= f["end"] <= len(text)
        line_start = sum(len(x) for x in text.splitlines(keepends=True)[: f["line"] - 1])
        assert line_start + f["column"] - 1 == f["start"]
    assert data["summary"]["findings"] == len(report["findings"]) > 0


def test_stdin_and_clean_text_exit_zero():
    proc = run("check", "-", input="Police said the road was closed on Monday.\n".encode())
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert b"All checks passed" in proc.stdout


def test_fail_on_and_exit_zero():
    assert run("check", "--fail-on", "error", "--select", "NC1", str(SEED)).returncode in (0, 1)
    assert run("check", "--exit-zero", str(SEED)).returncode == 0


def test_bare_path_means_check():
    assert run(str(SEED), "--format", "json").returncode == 1


@pytest.mark.parametrize("args,needle", [
    (["check", "--bogus"], "unrecognized arguments: --bogus"),
    (["check", "nope.txt"], "nope.txt: no such file or directory"),
    (["check", "--select", "NC9Z", str(SEED)], "unknown rule selector 'NC9Z'"),
    (["explain", "NC000"], "unknown rule 'NC000'"),
    (["check", "--format", "yaml", str(SEED)], "invalid choice: 'yaml'"),
])
def test_usage_errors_are_one_line_exit_2(args, needle):
    assert needle in one_line_error(run(*args))


def test_undecodable_bytes_name_the_offset(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Fine text é".encode() + b"\xff\xfe more")
    line = one_line_error(run("check", str(bad)))
    assert "byte 0xff at offset 12" in line and "--encoding" in line


def test_encoding_option_reads_other_codecs(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("Caf\xe9 owners said the street was calm.\n".encode("latin-1"))
    assert run("check", "--encoding", "latin-1", str(f)).returncode == 0


def test_unknown_config_key_and_broken_config(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.newscheck]\nfail_onn = "error"\n')
    art = tmp_path / "a.txt"
    art.write_text("The council met on Monday.\n")
    line = one_line_error(run("check", str(art)))
    assert "unknown key 'fail_onn'" in line and "fail-on" in line
    (tmp_path / "pyproject.toml").write_text('[tool.newscheck\n')
    assert "invalid TOML" in one_line_error(run("check", str(art)))
    assert run("check", "--isolated", str(art)).returncode == 0


def test_directory_walk_with_include_exclude(tmp_path):
    (tmp_path / "keep").mkdir()
    (tmp_path / "skip").mkdir()
    (tmp_path / "keep" / "a.md").write_text("The council met on Monday.\n")
    (tmp_path / "keep" / "b.json").write_text("{}")
    (tmp_path / "skip" / "c.txt").write_text("CLICK HERE TO GET THE APP\n")
    proc = run("check", "--format", "json", "--exclude", "skip", str(tmp_path))
    paths = [r["path"] for r in json.loads(proc.stdout)["reports"]]
    assert paths == [str(tmp_path / "keep" / "a.md")]


def test_baseline_workflow(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    base = tmp_path / "baseline.json"
    proc = run("check", "--write-baseline", str(base), str(art))
    assert proc.returncode == 0 and base.exists()
    assert run("check", "--baseline", str(base), str(art)).returncode == 0
    art.write_text(art.read_text(encoding="utf-8") + "\nCLICK HERE TO GET THE FOX NEWS APP\n", encoding="utf-8")
    assert run("check", "--baseline", str(base), "--select", "boilerplate", str(art)).returncode == 1


def test_rules_and_explain():
    proc = run("rules", "--format", "json")
    rules = json.loads(proc.stdout)
    assert proc.returncode == 0 and rules
    first = rules[0]
    proc = run("explain", first["code"])
    out = proc.stdout.decode()
    assert proc.returncode == 0 and first["name"] in out and "Flagged:" in out and "Not flagged:" in out


def test_colour_only_when_asked_and_never_with_no_color():
    assert b"\x1b[" not in run("check", str(SEED)).stdout
    assert b"\x1b[" in run("check", "--color", "always", str(SEED)).stdout
    assert b"\x1b[" not in run("check", "--color", "auto", str(SEED), env={"NO_COLOR": "1"}).stdout


def test_fix_is_atomic_and_idempotent(tmp_path):
    art = tmp_path / "a.txt"
    original = SEED.read_text(encoding="utf-8")
    art.write_text(original, encoding="utf-8")
    run("check", "--fix", str(art))
    once = art.read_text(encoding="utf-8")
    run("check", "--fix", str(art))
    assert art.read_text(encoding="utf-8") == once
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
    diff = run("check", "--diff", str(art))
    assert diff.stdout == b""


def test_markdown_code_and_front_matter_are_not_checked(tmp_path):
    md = tmp_path / "a.md"
    md.write_text("---\ntitle: CLICK HERE TO GET THE FOX NEWS APP\n---\n\nThe council met on Monday.\n\n"
                  "```\nCLICK HERE TO GET THE FOX NEWS APP\n```\n", encoding="utf-8")
    proc = run("check", "--format", "json", str(md))
    assert json.loads(proc.stdout)["reports"][0]["findings"] == []
