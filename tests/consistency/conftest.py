"""Helpers for the consistency-family tests."""

from __future__ import annotations

import pytest

from newscheck import Document
from newscheck.checkers.consistency import ConsistencyChecker


@pytest.fixture(scope="module")
def checker() -> ConsistencyChecker:
    return ConsistencyChecker()


@pytest.fixture
def run(checker):
    """Findings of one code (or every consistency finding) for a text, with default options."""

    def _run(text: str, code: str | None = None, *, check=None):
        found = list((check or checker).check(Document(text)))
        return [f for f in found if code is None or f.code == code]

    return _run


@pytest.fixture
def spans():
    """The reported text of each finding."""
    return lambda text, findings: [text[f.start : f.end] for f in findings]


@pytest.fixture
def related():
    """The text of each related span of one finding."""
    return lambda text, finding: [text[s.start : s.end] for s in finding.related]
