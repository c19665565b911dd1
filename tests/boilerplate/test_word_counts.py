"""Word counts: Document.word_counts is Document.word_count's; the checker's paragraphs count
their words (Document.word_count) only when a rule asks, and give what the counts give."""

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from newscheck import Document
from newscheck.checkers.boilerplate.checker import _Para


def test_the_counts_of_all_paragraphs_are_word_count():
    text = (
        "Don't stop -- the U.S. well-known 'quoted' ...dots and .5 or -3 and 'a' end.\n\n"
        "- list item\n\n'' -- '-a --b a--b a.-b\n\n.a\n\nSchön café – naïve ‘x’ ’tis.\n\nЖурнал ‘слово’ 99."
    )
    for fmt in ("text", "markdown"):
        doc = Document(text, format=fmt)
        spans = doc.paragraphs
        assert doc.word_counts(spans) == [doc.word_count(p.start, p.end) for p in spans]


def test_every_short_paragraph_of_joiners_and_letters():
    for n in range(1, 6):
        for chars in itertools.product("a'- ", repeat=n):
            text = "x " + "".join(chars) + "\n\nb'c\n"
            doc = Document(text)
            spans = doc.paragraphs
            assert doc.word_counts(spans) == [doc.word_count(p.start, p.end) for p in spans], text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab'’-. \n\t\u00a0é\u0301Ж1"), max_size=60), st.sampled_from(["text", "markdown"]))
def test_paragraphs_counted_on_demand_give_word_counts(text, fmt):
    doc = Document(text, format=fmt)
    paras = [_Para(p, doc.view, doc) for p in doc.paragraphs]
    assert [p.kept for p in paras] == [(p.text, n) for p, n in zip(paras, doc.word_counts(doc.paragraphs))]
    for p in paras:  # what stays of it once flagged sentences go: its text and count, as given
        p.kept = ("x", 7)
        assert (p.kept, p.kept_text) == (("x", 7), "x") and p.n == doc.word_count(p.start, p.end)
