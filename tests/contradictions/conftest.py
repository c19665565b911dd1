"""Helpers for the contradiction-family tests."""

from __future__ import annotations

import pytest

from newscheck import Document
from newscheck.checkers.contradictions import ContradictionChecker


@pytest.fixture(scope="module")
def checker() -> ContradictionChecker:
    return ContradictionChecker()


@pytest.fixture
def run(checker):
    """Findings of one code (or all contradiction findings) for a text."""

    def _run(text: str, code: str | None = None):
        found = list(checker.check(Document(text)))
        return [f for f in found if code is None or f.code == code]

    return _run
