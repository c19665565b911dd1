"""The seed article: every fragment the issue lists is flagged, with the right rule."""

from __future__ import annotations

import pytest

from newscheck import Document
from newscheck.checkers.fragments import FragmentsChecker
from newscheck.fixes import apply_fixes

SEED_FRAGMENTS = [
    ("There is a possibility of building a", "NC201"),
    ("Has entered.", "NC203"),
    ("continues to supply.", "NC204"),
    ("said.", "NC205"),
    ("” said researcher Professor Foo Tian Boon.", "NC205"),
    (" ”", "NC207"),
    (". .", "NC206"),
    ("Chinese Foreign Policy at Nanyang Technological University, Singapore.", "NC210"),
    ("I was disappointed.", "NC211"),
]


@pytest.fixture(scope="module")
def seed_findings(seed_text):
    return list(FragmentsChecker().check(Document(seed_text)))


@pytest.mark.parametrize("fragment,code", SEED_FRAGMENTS)
def test_each_seed_fragment_is_flagged(seed_text, seed_findings, fragment, code):
    spans = {seed_text[f.start : f.end] for f in seed_findings if f.code == code}
    assert fragment in spans, f"{code} should flag {fragment!r}; got {sorted(spans)}"


def test_orphaned_said_is_the_one_after_security(seed_text, seed_findings):
    said = [f for f in seed_findings if f.code == "NC205" and seed_text[f.start : f.end] == "said."]
    assert len(said) == 1
    assert seed_text[said[0].start - 10 : said[0].start].endswith("security. ")


def test_seed_has_no_other_fragment_findings(seed_text, seed_findings):
    expected = {(frag, code) for frag, code in SEED_FRAGMENTS}
    extra = [
        (f.code, seed_text[f.start : f.end])
        for f in seed_findings
        if (seed_text[f.start : f.end], f.code) not in expected
    ]
    # The photo credit "(Sergei Bobylev, ...)" and the pasted headlines are left to other families.
    assert extra == []


def test_safe_fix_repairs_the_doubled_full_stop(seed_text, seed_findings):
    fixed, applied = apply_fixes(seed_text, seed_findings)
    assert [f.code for f in applied] == ["NC206"]
    assert "according to state news agency Xinhua.\n" in fixed
    assert ". ." not in fixed
