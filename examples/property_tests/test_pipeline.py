"""Property-based tests of a text pipeline with newscheck.testing.

Copy this file and conftest.py into your tests and replace ``strip_page_furniture`` with
your own pipeline step. Run with ``pytest``; needs ``pip install 'newscheck[testing]' pytest``.
"""

from __future__ import annotations

import re

from hypothesis import given, settings

from newscheck.testing import articles, articles_with_defects, assert_no_findings

_CALL_TO_ACTION = re.compile(r"\b(click here|sign up|subscribe|download|follow us)\b", re.IGNORECASE)
_CREDIT = re.compile(r"(\([^()]*/[^()]*\)|Photograph: .*/.*)$")
_AD = re.compile(r"^(advertisement|story continues below advertisement|sponsored content)$", re.IGNORECASE)


def strip_page_furniture(text: str) -> str:
    """The pipeline under test: drop ads, promos, link lines, captions and repeated paragraphs."""
    paragraphs = text.split("\n\n")
    kept = paragraphs[:1]  # the headline
    seen = {paragraphs[0].strip()}
    for p in paragraphs[1:]:
        line = p.strip()
        headline_like = "\n" not in line and not line.endswith((".", "!", "?", ":", "”", '"'))
        if (
            _AD.match(line)
            or _CALL_TO_ACTION.search(line)
            or _CREDIT.search(line)
            or headline_like
            or line in seen
        ):
            continue
        seen.add(line)
        kept.append(p)
    return "\n\n".join(kept).rstrip("\n") + "\n"


@settings(max_examples=20, deadline=None)
@given(articles_with_defects(categories=["boilerplate"], max_defects=3))
def test_page_furniture_is_removed(newscheck_linter, article):
    cleaned = strip_page_furniture(article.text)
    # Each label points at exactly the injected text, so the test can check it is gone...
    for defect in article.defects:
        assert cleaned.count(defect.slice(article.text)) == (defect.kind == "duplicate-paragraph")
    # ...and newscheck finds no boilerplate left in the output.
    assert_no_findings(cleaned, "boilerplate", linter=newscheck_linter)


@settings(max_examples=20, deadline=None)
@given(articles(variant="gb"))
def test_clean_articles_pass_through_unchanged(text):
    assert strip_page_furniture(text) == text
