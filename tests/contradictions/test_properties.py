"""Invariants of the contradiction checkers over arbitrary and news-like text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscheck import Document
from newscheck.checkers.contradictions import ContradictionChecker, SemanticContradictionChecker

CHECKERS = (ContradictionChecker(), SemanticContradictionChecker())

pieces = st.sampled_from(
    [
        "Russia ",
        "Moscow’s ",
        "the Kremlin ",
        "supports ",
        "to ",
        "and ",
        "China ",
        "Beijing ",
        "$240 billion ",
        "about ",
        "more than ",
        "12% ",
        "twenty-five ",
        "people ",
        "killed ",
        "Tuesday, May 16, 2024",
        "16 May 2024 ",
        "Thursday ",
        "75th anniversary ",
        "in 1949",
        "Smith, 45, ",
        "Smith did not attend ",
        "Smith attended ",
        "the summit ",
        "will visit ",
        "Putin ",
        "visit ",
        "comes as ",
        "war began in 2022",
        "the ten-year war ",
        ". ",
        ", ",
        "\n\n",
        "\n",
        "“",
        "”",
        '"',
        "’s ",
        "\u00a0",
        "\r\n",
        "😀",
        "é",
        "\u0301",
        "\u200f",
    ]
)
news_like = st.lists(pieces, max_size=60).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text() | news_like)
def test_no_crash_spans_in_bounds_deterministic(text):
    for checker in CHECKERS:
        first = list(checker.check(Document(text)))
        again = list(checker.check(Document(text)))
        assert first == again
        for f in first:
            assert 0 <= f.start <= f.end <= len(text)
            assert f.category.value == "contradiction"
            assert f.related, "every contradiction points at the other statement"
            for r in f.related:
                assert 0 <= r.start <= r.end <= len(text)
            assert 0.0 <= f.confidence <= 1.0
            assert f.message


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_like)
def test_markdown_view_is_respected(text):
    doc = Document(text, format="markdown")
    for f in ContradictionChecker().check(doc):
        assert 0 <= f.start <= f.end <= len(text)
