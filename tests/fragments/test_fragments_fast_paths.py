"""The checker's fast scans find exactly what the plain patterns they replace would find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newscheck import Document
from newscheck.checkers.fragments import checker as C

# Characters the scans care about, plus a few that test the edges of \w and \b: a combining
# accent, a letter outside ASCII, a digit, "_", and line breaks other than "\n".
CHARS = st.sampled_from(
    list("IMmWwUuOoeysrilfnthaABT_1'‘’\"“”«».,;:!?()[] -\t\n")
    + ["\u00a0", "\u0301", "é", "\r", "\u2028", "’s", "ourselves", "myself", "I'm"]
)
TEXT = st.lists(CHARS, max_size=60).map("".join)

_QUOTE_MARK = re.compile("''|[\"“”«»]")


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_first_person_marks_equal_the_regex_word_boundary_pattern(text):
    assert C._first_person_marks(text) == [m.start() for m in C._FIRST_PERSON_ANY.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_single_quoted_spans_equal_a_full_scan(text):
    found = C._single_quoted(text, C._positions(text, "'"))
    assert found == [m.span() for m in C._SINGLE_QUOTED.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_stop_word_test_equals_the_end_anchored_pattern(text):
    text += "."
    m = re.search(r"([^\W_]+)\.$", text[-24:])
    expected = bool(m) and (m.group(1).lower() in C._CANNOT_END_WITH_STOP or m.group(1) == "by")
    assert C._stop_word_before_final_stop(text) == expected


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_quote_marks_by_paragraph_equal_a_scan_of_each_paragraph(text):
    doc = Document(text)
    view, paras = doc.view, doc.paragraphs
    expected = []
    for k, p in enumerate(paras):
        part = view[p.start : p.end]
        if '"' in part or "“" in part or "”" in part or "''" in part:
            expected.append((k, [p.start + m.start() for m in _QUOTE_MARK.finditer(part)]))
    starts = [p.start for p in paras]
    assert C._quote_marks_by_paragraph(view, paras, starts, C._positions(view, "'")) == expected


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_punctuation_candidates_equal_the_two_patterns_they_replace(text):
    pair = re.compile(r"[.,;:][ \t\u00a0]*[.,;:]")
    spaced = re.compile(r"([ \t\u00a0]+)[,;:.?!”]")
    pairs = [m.span() for i in range(len(text)) if (m := pair.match(text, i))]  # overlapping
    marks = [m.end(1) for m in spaced.finditer(text)]
    assert C._punctuation_candidates(text) == (pairs, marks)


def _brackets_by_the_stack(text):
    """The bracket findings of a one-paragraph text as the plain stack walk makes them (no
    fast path): (offset, message) or None."""
    enumerators = {m.end() - 1 for m in C._ENUMERATOR.finditer(text)}
    skip = {i for m in C._SMILEY.finditer(text) for i in range(m.start(), m.end())}
    stack = []
    for m in re.finditer(r"[()\[\]]", text):
        i, c = m.start(), m.group()
        if c in "([":
            if i not in skip:
                stack.append((i, c))
        elif i in skip or (i in enumerators and not stack):
            continue
        elif stack and stack[-1][1] == {")": "(", "]": "["}[c]:
            stack.pop()
        else:
            return i, f"{c!r} closes a bracket that was never opened"
    if stack:
        return stack[0][0], f"{stack[0][1]!r} is never closed in this paragraph"
    return None


BRACKET_TEXT = st.lists(st.sampled_from(list("()[]()[]:;=-' aBx1\t")), max_size=30).map("".join)


@settings(max_examples=600, deadline=None)
@given(BRACKET_TEXT)
def test_bracket_findings_equal_the_plain_stack_walk(text):
    text = "x" + text + "x"  # one paragraph, trimmed of nothing
    doc = Document(text)
    assert len(doc.paragraphs) == 1
    got = [(f.start, f.message) for f in C._bracket_findings(doc.view, doc.paragraphs, [doc.paragraphs[0].start])]
    expected = _brackets_by_the_stack(doc.view)
    assert got == ([] if expected is None else [expected])


# Words around a final stop: stop words, words that end like them ("Ruth", "pyramid", "Toronto"),
# and what may stand before a word (a figure, a joiner, a capital).
STOP_ENDINGS = st.lists(
    st.sampled_from(
        "a A the The THE an my or by By BY via Via and band amid pyramid onto Toronto than during "
        "Derby x 1 é ' - . ( “ \u0301 K".split()
        + [" ", "\n", "\u00a0"]
    ),
    max_size=6,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(st.one_of(STOP_ENDINGS, TEXT))
def test_stop_word_quick_test_passes_every_sentence_the_full_test_flags(text):
    text += "."
    for a in range(len(text)):
        if C._stop_word_before_final_stop(text[a:]):
            assert C._may_end_on_stop_word(text, a, len(text))
        if C._may_end_on_stop_word(text, a, len(text)):
            # The two characters the sentence loop looks at before it calls the test.
            b = len(text)
            assert text[b - 2] in "aA" or text[b - 3 : b - 1] in C._STOP_WORD_ENDS_CASED


VOICE_WORDS = st.lists(
    st.sampled_from(["In", "To", "For", "From", "my", "our", "My", "fact", "view", "I", "We", "think"]),
    min_size=1,
    max_size=5,
)
VOICE_GAPS = st.sampled_from([" ", "  ", "\n", "\u00a0", "\u2003", ", ", ",\u00a0", ""])


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(VOICE_WORDS, VOICE_GAPS), max_size=5))
def test_voice_preposition_gate_passes_every_writers_voice_opening(parts):
    text = "".join(g.join(ws) + g for ws, g in parts)
    if C._FIRST_PERSON_START.match(text) and text.split(None, 1)[:1] in (["In"], ["To"], ["For"], ["From"]):
        assert text.split(None, 2)[1:2] in (["my"], ["our"]) or C._COMMA_VOICE.search(text)



@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.sampled_from(sorted(C._FIRST_FLAGS)[:400] + ["I'm", "We’re", "Said", "THE", "İs", "ǅ", "1st", "é"]),
        TEXT.map(lambda t: (C._WORD.findall(t) or ["x"])[0]),
    ),
    st.booleans(),
)
def test_first_word_flags_equal_the_tests_they_replace(word, capitalize):
    first = word[:1].upper() + word[1:] if capitalize else word
    fl = C._first_word_flags(first)
    c = first[0]
    assert fl & ~(C._F_UNCAPPED | C._F_CLITIC) == C._FIRST_FLAGS.get(first.lower(), 0)
    assert bool(fl & C._F_ASK) == bool(
        C._FIRST_FLAGS.get(first.lower(), 0) & C._F_LOOK
        or not c.isupper()
        or (c in "IW" and ("'" in first or "’" in first))
    )
    assert C._FIRST_WORD_FLAGS.get(first) == fl


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(["text", "markdown"]))
def test_sentences_by_paragraph_are_the_pointer_walk_over_all_sentences(text, fmt):
    # The sentence loop takes each paragraph's sentences from doc.sentences_in and numbers them
    # as doc.sentences does; it used to walk doc.sentences while a sentence started before the end.
    doc = Document(text, format=fmt)
    spans, j = doc.sentences, 0
    for p in doc.paragraphs:
        walked = []
        while j < len(spans) and spans[j].start < p.end:
            walked.append(spans[j])
            j += 1
        assert doc.sentences_in(p) == walked
