"""Against a real LanguageTool server: runs only when NEWSCHECK_LANGUAGETOOL_URL is set.

    docker run --rm -p 8010:8010 erikvl87/languagetool
    NEWSCHECK_LANGUAGETOOL_URL=http://localhost:8010 python -m pytest tests/grammar -k integration
"""

from __future__ import annotations

import os

import pytest

from newscheck import Linter

from .conftest import grammar_errors

# Read at import: the suite's autouse fixture hides the variable from the other tests.
REAL_URL = os.environ.get("NEWSCHECK_LANGUAGETOOL_URL", "").strip()

pytestmark = pytest.mark.skipif(
    not REAL_URL, reason="NEWSCHECK_LANGUAGETOOL_URL is not set (no real LanguageTool server to test against)"
)


def real_linter(**options) -> Linter:
    return Linter(select=["grammar"], config={"grammar": {"server": REAL_URL, **options}})


def test_integration_exact_offsets_after_emoji():
    text = "🇨🇳🤝🇷🇺 Summit 😀: the minister said that the the talks would resume on Monday."
    report = real_linter().check(text)
    assert grammar_errors(report) == []
    repeats = [f for f in report.findings if f.extra["languagetool_rule"] == "ENGLISH_WORD_REPEAT_RULE"]
    assert [text[f.start : f.end] for f in repeats] == ["the the"]
    assert repeats[0].code == "NC501" and repeats[0].fix is not None


def test_integration_clean_sentence_has_no_grammar_error():
    report = real_linter().check("The minister said that the talks would resume on Monday.")
    assert grammar_errors(report) == []
    assert [f for f in report.findings if f.code == "NC501"] == []


def test_integration_spelling_is_off_unless_asked():
    text = "The delegation arrived in Zhongnanhai with the goverment's envoy."
    quiet = real_linter().check(text)
    assert not [f for f in quiet.findings if f.extra["languagetool_rule"].startswith("MORFOLOGIK")]
    loud = real_linter(spelling=True).check(text)
    assert "goverment" in [text[f.start : f.end] for f in loud.findings if f.code == "NC502"]


def test_integration_long_article_split_and_cached(seed_text):
    lint = real_linter(**{"max-request-chars": 1500})
    first = lint.check(seed_text)
    second = lint.check(seed_text)
    assert first.errors == grammar_errors(second) == []
    assert [f.to_dict() for f in first.findings] == [f.to_dict() for f in second.findings]
    assert all(0 <= f.start < f.end <= len(seed_text) for f in first.findings)
