"""The seed article: its four boilerplate units are flagged, and nothing else is."""

from __future__ import annotations

from pathlib import Path

from newscheck import apply_fixes

from .conftest import run

SEED = Path(__file__).resolve().parents[2] / "examples" / "putin-xi-beijing-summit.txt"

EXPECTED = [
    ("NC105", "President Putin signs decree naming Russia’s new government, including change of defense minister"),
    ("NC106", "Chinese President Xi Jinping (right) and Russian President Vladimir Putin attend an official"),
    ("NC105", "President Putin will visit China this week and meet with President Xi, China’s Ministry of Foreign Affairs announced"),
    ("NC101", "CLICK HERE TO GET THE FOX NEWS APP"),
]


def test_seed_flags_exactly_the_four_boilerplate_units():
    text = SEED.read_text(encoding="utf-8")
    findings = run(text)
    assert [f.code for f in findings] == [code for code, _ in EXPECTED]
    for f, (_, start_of_unit) in zip(findings, EXPECTED):
        assert text[f.start : f.end].startswith(start_of_unit)
        line_start = text.rfind("\n", 0, f.start) + 1
        line_end = text.find("\n", f.end)
        assert (line_start, line_end) == (f.start, f.end), "a finding covers its whole line"
    caption = text[findings[1].start : findings[1].end]
    assert caption.endswith("(Sergei Bobylev, Sputnik, Kremlin pool photo, via AP)")


def test_seed_key_points_list_is_not_boilerplate():
    text = SEED.read_text(encoding="utf-8")
    first_body = text.index("Russian President Vladimir Putin thanked")
    assert all(f.start > first_body for f in run(text))


def test_seed_fixes_delete_the_lines_and_leave_the_rest_byte_identical():
    text = SEED.read_text(encoding="utf-8")
    findings = run(text)
    fixed, applied = apply_fixes(text, findings)
    assert len(applied) == 4
    lines = text.split("\n")
    removed = {text[f.start : f.end] for f in findings}
    assert fixed == "\n".join(line for line in lines if line not in removed)
    assert run(fixed) == []
