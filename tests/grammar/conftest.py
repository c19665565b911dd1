"""Fixtures for the grammar family: a stand-in LanguageTool server and checkers pointed at it."""

from __future__ import annotations

import pytest

from newscheck.checkers.grammar import backend

from .fake_languagetool import FakeLanguageTool


@pytest.fixture
def lt_server():
    with FakeLanguageTool() as server:
        yield server


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    """No real server from the environment, no real LanguageTool install, no retry sleeps."""
    monkeypatch.delenv(backend.ENV_URL, raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "ltp-empty"))
    monkeypatch.setattr(backend, "RETRY_BACKOFF", 0.0)


@pytest.fixture
def make_checker(lt_server):
    """Builds a GrammarChecker talking to the stand-in server; closes them after the test."""
    from newscheck.checkers.grammar import GrammarChecker

    made = []

    def make(**options):
        options.setdefault("server", lt_server.url)
        checker = GrammarChecker(options)
        made.append(checker)
        return checker

    yield make
    for checker in made:
        checker.close()


def grammar_errors(report) -> list:
    """The report's errors from this family (other families may be mid-development)."""
    return [e for e in report.errors if e.checker == "grammar"]
