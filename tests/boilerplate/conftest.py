"""Shared helpers for the boilerplate tests: run only the boilerplate checker."""

from __future__ import annotations

import pytest

from newscheck import Document
from newscheck.checkers.boilerplate import BoilerplateChecker

CHECKER = BoilerplateChecker()


def run(text: str, checker: BoilerplateChecker = CHECKER, fmt: str = "text"):
    return list(checker.check(Document(text, format=fmt)))


def flagged(text: str, checker: BoilerplateChecker = CHECKER, fmt: str = "text") -> list[tuple[str, str]]:
    """(code, flagged text) for each finding."""
    return [(f.code, text[f.start : f.end]) for f in run(text, checker, fmt)]


@pytest.fixture
def body():
    return (
        "Officials said the bridge would reopen on Monday after three weeks of repairs.",
        "The work cost £2m, the council said, and was finished ahead of schedule.",
        "Drivers had faced long diversions through the town centre while it was shut.",
    )
