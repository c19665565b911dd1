"""The checker counts every paragraph's words at once (Document.word_counts); the counts are Document.word_count's."""

import itertools

from newscheck import Document


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
