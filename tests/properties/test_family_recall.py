"""Per family: injected defects are found, and clean generated articles produce no findings.

Recall is measured over a fixed, seeded sample (deterministic, so CI cannot flake) and must
reach the family's floor below. The issue's target is 90%, measured over 200 examples per
family by benchmarks/testing_kit_recall.py; the floors here sit under each family's measured
recall by a margin, so a regression fails and small changes do not. The hypothesis tests
here are derandomized: they exercise other engineers' checkers, and CI must not flake.
"""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscheck.testing import articles, assert_no_findings, defects_found, generate_labelled_article

FAMILIES = ("boilerplate", "fragments", "consistency", "contradictions")
SAMPLE = 40
#: Measured on this sample when the families landed: boilerplate 100%, fragments 85%,
#: consistency 79%, contradictions 98%.
RECALL_FLOOR = {
    "boilerplate": 0.85,
    "fragments": 0.75,
    "consistency": 0.65,
    "contradictions": 0.85,
}


@pytest.mark.parametrize("family", FAMILIES)
def test_injected_defects_are_found(family, linter_for):
    linter = linter_for(family)
    rnd = random.Random(f"newscheck-recall-{family}")
    found = missed = 0
    missed_kinds: Counter[str] = Counter()
    for _ in range(SAMPLE):
        article = generate_labelled_article(rnd, categories=[family], max_defects=3)
        hit, miss = defects_found(article, linter.check(article.text).findings)
        found += len(hit)
        missed += len(miss)
        missed_kinds.update(d.kind for d in miss)
    recall = found / (found + missed)
    assert recall >= RECALL_FLOOR[family], (
        f"{family} found {found} of {found + missed} injected defects ({recall:.0%}, floor "
        f"{RECALL_FLOOR[family]:.0%}); missed by kind: {dict(missed_kinds)}"
    )


@pytest.mark.parametrize("family", FAMILIES)
@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_clean_articles_have_no_findings(family, linter_for, data):
    linter = linter_for(family)
    # Captions are boilerplate by definition; every other family must leave them alone.
    captions = family != "boilerplate" and data.draw(st.booleans(), label="captions")
    text = data.draw(articles(captions=captions), label="article")
    assert_no_findings(text, family, linter=linter)


_CAPTION = re.compile(r"^.*(?:\((?:AP Photo/)?[^()\n]*/[^()\n]*\)|Photograph: [^\n]*/[^\n]*)$", re.MULTILINE)


@settings(max_examples=15, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(text=articles(captions=True))
def test_boilerplate_reports_generated_captions(linter_for, text):
    findings = linter_for("boilerplate").check(text).findings
    captions = [m.span() for m in _CAPTION.finditer(text)]
    assert captions
    for start, end in captions:
        assert any(f.start < end and start < f.end for f in findings), (
            f"caption not reported: {text[start:end]!r}"
        )
