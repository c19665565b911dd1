"""Small versions of the benchmark's pathological inputs: they finish, with sane spans.

The full-size runs (a 50 MB line, 100,000 paragraphs) and their timings are in
benchmarks/run.py; here only "no crash, every span inside the text" is asserted.
"""

from __future__ import annotations

import random

import pytest

from newscheck import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def _assert_sane(report, text):
    assert not [e for e in report.errors if e.kind == "crash"], report.errors
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text)


def test_one_very_long_line(linter, seed_text):
    flat = " ".join(seed_text.split())
    text = (flat + " ") * (200_000 // len(flat) + 1)
    _assert_sane(linter.check(text), text)


def test_thousands_of_tiny_paragraphs(linter, seed_text):
    rng = random.Random(3)
    words = seed_text.split()
    text = "\n\n".join(" ".join(rng.choices(words, k=rng.randint(1, 4))) + "." for _ in range(3000))
    _assert_sane(linter.check(text), text)


def test_one_character_per_line(linter):
    text = "\n".join("a.b,c;d“e”f(g)h" * 200)
    _assert_sane(linter.check(text), text)
