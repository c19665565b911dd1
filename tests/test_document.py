"""Document segmentation: paragraphs, sentences, lines, tokens, and the masked view."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscheck import Document, Span

SENTENCE_CASES = [
    ("Mr. Smith went to Washington. He said so.", ["Mr. Smith went to Washington.", "He said so."]),
    ("The U.S. Senate voted. It passed.", ["The U.S. Senate voted.", "It passed."]),
    ("He left the U.S. The trip was long.", ["He left the U.S.", "The trip was long."]),
    ("It starts at 9 a.m. on Monday. Bring food.", ["It starts at 9 a.m. on Monday.", "Bring food."]),
    ("J. K. Rowling wrote it. Fans cheered.", ["J. K. Rowling wrote it.", "Fans cheered."]),
    ("On Jan. 5 the vote came. Dr. Lee won.", ["On Jan. 5 the vote came.", "Dr. Lee won."]),
    ("“We will win.” She smiled.", ["“We will win.”", "She smiled."]),
    ('"Why?" she asked. Nobody knew.', ['"Why?" she asked.', "Nobody knew."]),
    ("“Stop!” he shouted. They stopped.", ["“Stop!” he shouted.", "They stopped."]),
    ("Prices rose 3.5% in May. Analysts were surprised.", ["Prices rose 3.5% in May.", "Analysts were surprised."]),
    ("Gov. Newsom signed it. Sen. Cruz objected.", ["Gov. Newsom signed it.", "Sen. Cruz objected."]),
    ("He lives at No. 10 Downing Street. It is old.", ["He lives at No. 10 Downing Street.", "It is old."]),
    ("Acme Inc. said profits fell. Shares dropped.", ["Acme Inc. said profits fell.", "Shares dropped."]),
    ("Wait... What happened? Nobody knows!", ["Wait...", "What happened?", "Nobody knows!"]),
    ("The vote (held on Monday.) failed. Again.", ["The vote (held on Monday.)", "failed.", "Again."]),
    ("security. said.", ["security.", "said."]),
    ("Xinhua. .", ["Xinhua.", "."]),
    ("He earned a Ph.D. in physics. Then he left.", ["He earned a Ph.D. in physics.", "Then he left."]),
    ("Lt. Col. Jones spoke.\u00a0Then Maj. Gen. Smith.", ["Lt. Col. Jones spoke.", "Then Maj. Gen. Smith."]),
    ("Headline without a stop", ["Headline without a stop"]),
    (
        "Nancy Pelosi (D-Calif.) said no. Rep. Tom Cole (R-Okla.) agreed.",
        ["Nancy Pelosi (D-Calif.) said no.", "Rep. Tom Cole (R-Okla.) agreed."],
    ),
    ("Sen. Rand Paul, R-Ky., spoke. He left.", ["Sen. Rand Paul, R-Ky., spoke.", "He left."]),
    (
        "Mitch McConnell (R-Ky.) is ready. So is Sen. Bob Casey (D-Pa.).",
        ["Mitch McConnell (R-Ky.) is ready.", "So is Sen. Bob Casey (D-Pa.)."],
    ),
    (
        "It was endorsed by Govs. Barbara Roberts and Ted Kulongoski. Then it passed.",
        ["It was endorsed by Govs. Barbara Roberts and Ted Kulongoski.", "Then it passed."],
    ),
]


@pytest.mark.parametrize("text,expected", SENTENCE_CASES)
def test_news_sentence_splitting(text, expected):
    doc = Document(text)
    assert [doc.text[s.start : s.end] for s in doc.sentences] == expected


def test_one_paragraph_per_line_when_lines_are_long():
    text = ("A" * 120 + ".\n") + ("B" * 130 + ".\n") + "CLICK HERE\n"
    doc = Document(text)
    assert [doc.text[p.start : p.end][:1] for p in doc.paragraphs] == ["A", "B", "C"]


def test_hard_wrapped_block_is_one_paragraph():
    text = "The minister said on Monday that the plan\nwould go ahead despite protests from\nthe opposition parties.\n\nNext one."
    doc = Document(text)
    assert len(doc.paragraphs) == 2
    assert doc.text[doc.paragraphs[0].start : doc.paragraphs[0].end].endswith("parties.")


def test_blank_line_paragraphs_crlf_and_nbsp():
    text = "Title\r\n\r\nFirst para.\r\n \u00a0\r\nSecond para."
    doc = Document(text)
    assert [doc.text[p.start : p.end] for p in doc.paragraphs] == ["Title", "First para.", "Second para."]
    assert doc.position(text.index("Second")) == (5, 1)


def test_list_items_and_headings():
    text = "# Head\n\n- first item here\n- second item here\n\nBody."
    doc = Document(text, format="markdown")
    kinds = [(p.kind, doc.text[p.start : p.end]) for p in doc.paragraphs]
    assert kinds == [("heading", "Head"), ("list-item", "first item here"),
                     ("list-item", "second item here"), ("paragraph", "Body.")]


def test_markdown_view_masks_code_front_matter_comments_and_urls():
    text = "---\ntitle: Kiev\n---\nSee [the site](http://kiev.example/x) now.\n\n```\nKiev\n```\n<!-- Kiev -->\n`Kiev`"
    doc = Document(text, format="markdown")
    assert len(doc.view) == len(text)
    assert "Kiev" not in doc.view and "kiev" not in doc.view
    assert "the site" in doc.view and "See" in doc.view


def test_plain_text_view_only_masks_comments():
    text = "Plain `code` and [x](y). <!-- newscheck: ignore -->"
    view = Document(text).view
    assert view.startswith("Plain `code` and [x](y).") and "newscheck" not in view


def test_lines_and_tokens():
    doc = Document("one two\r\nthree’s state-run\n")
    assert [doc.text[s.start : s.end] for s in doc.lines] == ["one two", "three’s state-run", ""]
    assert [doc.text[a:b] for a, b in doc.tokens] == ["one", "two", "three’s", "state-run"]


def test_unknown_format_is_an_error():
    with pytest.raises(ValueError, match="valid formats"):
        Document("x", format="docx")


@given(st.text())
def test_segments_are_ordered_in_bounds_and_non_empty(text):
    doc = Document(text)
    n = len(text)
    for group in (doc.paragraphs, doc.sentences, [Span(a, b) for a, b in doc.tokens]):
        prev = -1
        for s in group:
            assert 0 <= s.start < s.end <= n
            assert s.start >= prev
            prev = s.end
    for s in doc.sentences:
        para = doc.paragraphs[int(s.label)]
        assert para.start <= s.start and s.end <= para.end
    assert len(doc.view) == n
    assert len(Document(text, format="markdown").view) == n


# The fast paths of document.py (stdlib ``re`` for words, str.splitlines for lines, one
# scan per paragraph on the whole view) must give exactly what the general code gives.
_FAST_SCRIPT_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(list(" \t\n\n\r.,;:!?'\"’”“-–—…()_#*•1")),
        st.characters(min_codepoint=0x20, max_codepoint=0x24F),
        st.characters(min_codepoint=0x370, max_codepoint=0x4FF),
        st.characters(min_codepoint=0x2000, max_codepoint=0x2BFF),
    )
)


def _general_tokens(view):
    from newscheck.document import _WORD

    return [m.span() for m in _WORD.finditer(view)]


def _general_line_starts(text):
    from newscheck.document import _NEWLINE

    return [0] + [m.end() for m in _NEWLINE.finditer(text)]


def test_text_cp1252_encodes_is_of_the_fast_scripts_but_for_two_characters():
    from newscheck.document import _NOT_FAST_SCRIPTS

    outside = []
    for cp in range(0x2200):  # cp1252's highest character is U+2122
        try:
            chr(cp).encode("cp1252")
        except UnicodeEncodeError:
            continue
        if _NOT_FAST_SCRIPTS.search(chr(cp)):
            outside.append(chr(cp))
    assert outside == ["\u02c6", "\u02dc"]  # what Document._fast_words looks for
    assert not Document("naïve café ˆ")._fast_words and Document("naïve café ‘quoted’")._fast_words


@given(_FAST_SCRIPT_TEXT)
def test_fast_tokens_equal_the_general_word_pattern(text):
    assert list(Document(text).tokens) == _general_tokens(text)


@given(st.text())
def test_tokens_and_line_starts_equal_the_general_patterns_on_any_text(text):
    doc = Document(text)
    assert list(doc.tokens) == _general_tokens(doc.view)
    assert doc.line_starts == _general_line_starts(text)


@given(st.text(alphabet=st.sampled_from(list("ab A.?!\"”’)\n\r\t -1#*\u2028\x1c\x85")), max_size=80))
def test_line_starts_on_every_kind_of_line_break(text):
    assert Document(text).line_starts == _general_line_starts(text)


@given(st.text(alphabet=st.sampled_from(list("ab A.?!\"”’)\n\t -1#*Mr")), max_size=120))
def test_sentences_of_a_paragraph_do_not_depend_on_its_neighbours(text):
    # Each paragraph splits the same alone as inside the whole text.
    doc = Document(text)
    for para in doc.paragraphs:
        alone = Document(" " + doc.view[para.start : para.end])
        inner = [(s.start - para.start + 1, s.end - para.start + 1) for s in doc.sentences_in(para)]
        assert inner == [(a, b) for a, b in split_sentences_of(alone)]


_SENTENCE_TEXT = st.lists(
    st.sampled_from(
        list("ab Ab.?!\"”’)…\n\r\t -1#*\u2028\x1c\x1f\x85\ufeff\u3000\u00a0")
        + [" Mr", " Govs", " Gov", " etc", " vs", " said", " said?", " said..", " no", "U.S", "1.", "- ", " a", " The"]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=400)
@given(_SENTENCE_TEXT, st.sampled_from(["text", "markdown"]))
def test_one_scan_of_the_view_splits_each_paragraph_as_split_sentences_does(text, fmt):
    # The sentences come from one scan of the whole view, with a shortcut for a stop after
    # a plain lowercase word; each paragraph's must be split_sentences' of the paragraph.
    from newscheck.document import split_sentences

    doc = Document(text, format=fmt)
    for para in doc.paragraphs:
        got = [(s.start, s.end) for s in doc.sentences_in(para)]
        assert got == split_sentences(doc.view, para.start, para.end)


def split_sentences_of(doc):
    from newscheck.document import split_sentences

    return split_sentences(doc.view, 1, len(doc.view))


def _walk_word_before(text, end, floor):
    # The plain backwards walk that _word_before shortcuts.
    if end > floor and text[end - 1] == "\n":
        end -= 1
    lo = max(floor, end - 64)
    i = end
    while i > lo and (text[i - 1].isalnum() or text[i - 1] in ".-'"):
        i -= 1
    while i < end and not text[i].isalnum():
        i += 1
    return text[i:end]


@given(st.text(alphabet=st.sampled_from(list("aZ9é_ .-'’\n(\"\u0301") + ["\u0663"]), max_size=90), st.data())
def test_word_before_equals_the_plain_walk(text, data):
    from newscheck.document import _word_before

    end = data.draw(st.integers(0, len(text)))
    floor = data.draw(st.integers(0, end))
    assert _word_before(text, end, floor) == _walk_word_before(text, end, floor)


@given(st.text(alphabet=st.sampled_from(list("aZ9é_ .-'’\n\"\u0301") + ["\u0663", "ǅ"]), max_size=60))
def test_token_end_and_words_in_agree_with_tokens(text):
    doc = Document(text)
    ends = dict(doc.tokens)
    assert {s: doc.token_end(s) for s in range(len(text)) if doc.token_end(s) is not None} == ends
    for p in doc.paragraphs:
        assert doc.words_in(p.start, p.end) == [text[s:e] for s, e in doc.tokens if p.start <= s < p.end]
    for s in doc.sentences:
        assert doc.words_in(s.start, s.end) == [text[a:b] for a, b in doc.tokens if s.start <= a < s.end]


@given(
    st.text(alphabet=st.sampled_from(list("aZ9é_ .-'’‘\n\t\"²½ŒšƒµªÿĀ\u0301ğЖ\u200b―") + ["\u0663", "ǅ", "€", "\x81"]), max_size=60),
    st.data(),
)
def test_word_count_equals_the_number_of_words(text, data):
    doc = Document(text)
    for p in doc.paragraphs:
        assert doc.word_count(p.start, p.end) == len(doc.words_in(p.start, p.end))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert doc.word_count(start, end) == len(doc.words_in(start, end))


@given(
    st.text(alphabet=st.sampled_from(list("aZ9é_ .-'’‘\n\t\"²ŒĀ\u0301-.ğЖ\u200b") + ["\u0663", "€"]), max_size=50),
    st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), max_size=4),
)
def test_word_counts_of_many_spans_equal_word_count(text, bounds):
    # (Characters cp1252 lacks are classed by an encoding error handler.)
    doc = Document(text)
    spans = [Span(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in bounds]
    spans += list(doc.paragraphs) + list(doc.sentences)
    assert doc.word_counts(spans) == [doc.word_count(s.start, s.end) for s in spans]


@given(st.text(), st.data())
def test_word_count_on_any_text(text, data):
    doc = Document(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert doc.word_count(start, end) == len(doc.words_in(start, end))
    assert doc.word_counts(doc.sentences) == [len(doc.words_in(s.start, s.end)) for s in doc.sentences]


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(list("ab A.\n\t #-*1)\u00a0\u3000\ufeff") + ["\n\n", "\n \n", "\n\u00a0\n", "\n\t\u3000\n", "- ", "# ", "12. "]), max_size=60).map("".join)
)
def test_paragraphs_of_text_without_cr_equal_the_general_blank_line_split(text):
    # Text without "\r" is split on blank lines by a pattern with a literal first character;
    # the trusted Paragraph of a one-line block equals the dataclass's.
    from newscheck import document

    fast = [(p.start, p.end, p.index, p.kind, p.after_blank) for p in Document(text).paragraphs]
    general = document._BLANK_SPLIT_LF
    try:
        document._BLANK_SPLIT_LF = document._BLANK_SPLIT
        slow = [(p.start, p.end, p.index, p.kind, p.after_blank) for p in Document(text).paragraphs]
    finally:
        document._BLANK_SPLIT_LF = general
    assert fast == slow
    assert Document(text).paragraphs == [document.Paragraph(*p) for p in slow]
