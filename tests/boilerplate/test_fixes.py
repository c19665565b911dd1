"""Fixes delete whole units with the break they leave; the rest stays byte-identical."""

from __future__ import annotations

import pytest

from newscheck import apply_fixes

from .conftest import run

A = "Officials said the bridge would reopen on Monday after three weeks of repairs."
B = "The work cost £2m, the council said, and was finished ahead of schedule."
C = "Drivers had faced long diversions through the town centre while it was shut."
UNIT = "CLICK HERE TO GET THE NEWS APP"


def fixed(text: str) -> str:
    findings = run(text)
    assert findings, text
    out, applied = apply_fixes(text, findings)
    assert len(applied) == len(findings), "fixes never overlap"
    assert run(out) == [], "a second run finds nothing"
    return out


@pytest.mark.parametrize("sep", ["\n\n", "\n", "\r\n\r\n", "\r\n", "\n \n"])
def test_paragraph_in_the_middle(sep):
    assert fixed(sep.join([A, UNIT, B, C]) + sep) == sep.join([A, B, C]) + sep


@pytest.mark.parametrize("sep", ["\n\n", "\n"])
def test_paragraph_at_the_end_takes_the_break_before_it(sep):
    tail = "© 2024 Example News Ltd. All rights reserved."
    assert fixed(sep.join([A, B, tail]) + "\n") == sep.join([A, B]) + "\n"
    assert fixed(sep.join([A, B, tail])) == sep.join([A, B])


def test_a_run_of_units_at_the_end():
    text = "\n\n".join([A, B, "ADVERTISEMENT", "© 2024 Example News Ltd."]) + "\n"
    assert fixed(text) == "\n\n".join([A, B]) + "\n"


def test_adjacent_units_in_the_middle():
    text = "\n\n".join([A, "ADVERTISEMENT", UNIT, B, C])
    assert fixed(text) == "\n\n".join([A, B, C])


def test_sentence_units_at_the_end_and_in_the_middle_of_a_paragraph():
    para = f"{A} Follow us on Twitter for the latest updates."
    assert fixed(f"{para}\n\n{B}\n") == f"{A}\n\n{B}\n"
    para = f"Follow us on Twitter for the latest updates. {A}"
    assert fixed(f"{para}\n\n{B}\n") == f"{A}\n\n{B}\n"
    para = f"{A} Sign up for our newsletter here. © 2024 Example News Ltd."
    assert fixed(f"{para}\n\n{B}\n") == f"{A}\n\n{B}\n"


def test_inline_ad_marker():
    assert fixed(f"{A} Advertisement {B}\n\n{C}\n") == f"{A} {B}\n\n{C}\n"


def test_bulleted_promo_takes_its_bullet():
    assert fixed(f"{A}\n- Subscribe to our newsletter\n{B}\n") == f"{A}\n{B}\n"


def test_every_fix_is_safe_except_near_duplicates():
    near = B.replace("finished", "completed")
    text = "\n\n".join([A, UNIT, B, C, near]) + "\n"
    fixes = {f.code: f.fix.is_safe for f in run(text)}
    assert fixes == {"NC101": True, "NC107": False}
    out, _ = apply_fixes(text, run(text), unsafe=True)
    assert out == "\n\n".join([A, B, C]) + "\n"


def test_markdown_link_lines_are_deleted_whole():
    link = "**Read more:** [Council raises parking charges](https://example.com/a)"
    text = f"{A}\n\n{link}\n\n{B} [source](https://example.com/b)\n\n{link}\n"
    findings = run(text, fmt="markdown")
    assert [text[f.start : f.end] for f in findings] == [link, link]
    out, _ = apply_fixes(text, findings)
    assert out == f"{A}\n\n{B} [source](https://example.com/b)\n"
