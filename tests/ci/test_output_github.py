"""GitHub Actions annotations: right file, lines and columns; values escaped as the runner expects."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from newscheck import Category, Finding, Severity
from newscheck.output import render
from newscheck.output.github import escape_data, escape_property
from newscheck.report import Report

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "putin-xi-beijing-summit.txt"
COMMAND = re.compile(r"^::(error|warning|notice) ((?:[A-Za-z]+=[^,:]*)(?:,[A-Za-z]+=[^,:]*)*)::(.*)$")


def unescape(value: str) -> str:
    return (
        value.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
    )


def parse(line: str) -> tuple[str, dict[str, str], str]:
    m = COMMAND.match(line)
    assert m, line
    props = dict(p.split("=", 1) for p in m.group(2).split(","))
    return m.group(1), {k: unescape(v) for k, v in props.items()}, unescape(m.group(3))


def test_seed_annotations_point_at_the_flagged_text():
    proc = subprocess.run(
        [sys.executable, "-m", "newscheck", "check", "--format", "github", str(SEED)],
        capture_output=True,
        timeout=120,
        cwd=ROOT,
    )
    text = SEED.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    out = proc.stdout.decode().splitlines()
    assert out and proc.returncode == 1
    for line in out:
        level, props, message = parse(line)
        assert level in ("error", "warning", "notice")
        assert props["file"] == "examples/putin-xi-beijing-summit.txt"  # relative to the checkout
        assert re.fullmatch(r"NC\d+", props["title"])
        start = sum(len(x) for x in lines[: int(props["line"]) - 1]) + int(props["col"]) - 1
        end = sum(len(x) for x in lines[: int(props["endLine"]) - 1]) + int(props["endColumn"]) - 1
        assert 0 <= start <= end <= len(text) and message


def test_positions_and_levels_for_a_known_finding(make_run):
    text = "First line.\nSecond 😀 line, bad. .\n"
    start = text.index(". .")
    f = Finding("NC206", "doubled-punctuation", Category.FRAGMENT, Severity.INFO, start, start + 3, "Doubled")
    out = render("github", make_run(Report(text=text, findings=(f,), path="./news/a,b:c.txt")))
    level, props, message = parse(out.strip())
    assert level == "notice"
    assert props == {
        "file": "news/a,b:c.txt",
        "line": "2",
        "col": str(start - 12 + 1),
        "endLine": "2",
        "endColumn": str(start - 12 + 4),
        "title": "NC206",
    }
    assert message == "Doubled (doubled-punctuation)"
    assert "file=news/a%2Cb%3Ac.txt," in out


@given(st.text())
def test_escaping_round_trips_and_keeps_commands_on_one_line(value):
    assert unescape(escape_property(value)) == value
    assert unescape(escape_data(value)) == value
    for escaped in (escape_property(value), escape_data(value)):
        assert "\n" not in escaped and "\r" not in escaped
    assert ":" not in escape_property(value) and "," not in escape_property(value)


def test_message_with_newlines_and_percent(make_run):
    f = Finding("NC101", "promo-line", Category.BOILERPLATE, Severity.ERROR, 0, 3, "50% off\r\nnow: buy, buy")
    out = render("github", make_run(Report(text="abc", findings=(f,), path="a.txt")))
    assert out == (
        "::error file=a.txt,line=1,col=1,endLine=1,endColumn=4,title=NC101::"
        "50%25 off%0D%0Anow: buy, buy (promo-line)\n"
    )
