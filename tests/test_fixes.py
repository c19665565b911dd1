"""Applying fixes: safe by default, never overlapping, atomic writes that keep permissions."""

from __future__ import annotations

import os
import stat

from hypothesis import given
from hypothesis import strategies as st

from newscheck import Applicability, Category, Edit, Finding, Fix, Severity, apply_fixes
from newscheck.fixes import write_atomic


def fnd(start, end, repl="", app=Applicability.SAFE, code="NC201"):
    return Finding(code, "n", Category.FRAGMENT, Severity.WARNING, start, end, "m",
                   fix=Fix((Edit(start, end, repl),), app, "t"))


def test_safe_only_by_default():
    text = "abcdef"
    new, applied = apply_fixes(text, [fnd(0, 1, "A"), fnd(2, 3, "C", Applicability.UNSAFE)])
    assert new == "Abcdef" and len(applied) == 1
    new, applied = apply_fixes(text, [fnd(0, 1, "A"), fnd(2, 3, "C", Applicability.UNSAFE)], unsafe=True)
    assert new == "AbCdef" and len(applied) == 2


def test_overlapping_fixes_are_not_applied_together():
    new, applied = apply_fixes("abcdef", [fnd(1, 4, ""), fnd(3, 5, "X")])
    assert new == "aef" and len(applied) == 1


@given(st.text(min_size=1), st.lists(st.tuples(st.integers(0, 40), st.integers(0, 5), st.text(max_size=3)), max_size=6))
def test_text_outside_applied_edits_is_unchanged(text, raw):
    findings = [fnd(min(a, len(text)), min(a + b, len(text)), r) for a, b, r in raw]
    new, applied = apply_fixes(text, findings)
    edits = sorted((f.fix.edits[0] for f in applied), key=lambda e: e.start)
    # Rebuild by hand: the unchanged gaps must be exactly the original's.
    pos, rebuilt = 0, []
    for e in edits:
        rebuilt += [text[pos:e.start], e.replacement]
        pos = e.end
    rebuilt.append(text[pos:])
    assert new == "".join(rebuilt)
    for a, b in zip(edits, edits[1:]):
        assert a.end <= b.start


def test_write_atomic_keeps_mode_and_leaves_no_temp(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old")
    os.chmod(target, 0o640)
    write_atomic(str(target), "new ✓")
    assert target.read_text(encoding="utf-8") == "new ✓"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
