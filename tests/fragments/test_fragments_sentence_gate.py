"""The checker's sentence loop skips sentences a cheap test clears, and looks for first-person
words only when a sentence opens as the writer's voice: it finds exactly what the plain loop
(every sentence through every rule, every first-person word) finds."""

from __future__ import annotations

import bisect
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscheck import Document
from newscheck.checkers.fragments import FragmentsChecker
from newscheck.checkers.fragments import checker as C
from newscheck.testing import articles, articles_with_defects


def plain_check(checker: FragmentsChecker, doc: Document) -> list:
    """FragmentsChecker.check as it was before the gates: every sentence of every paragraph runs
    the sentence rules and the first-person test, every paragraph gets its role."""
    view = doc.view
    paras = doc.paragraphs
    para_starts = [p.start for p in paras]
    out = list(C._punctuation(view))
    quoted, quote_findings = C._quotes(view, paras, para_starts)
    out += quote_findings
    out += C._bracket_findings(view, paras, para_starts)
    lone_lines, unpunctuated_other, first_person, order = [], 0, [], 0
    marks = C._first_person_marks(view)
    quoted_starts = [a for a, _ in quoted]
    spans = doc.sentences
    j = 0
    for pos, para in enumerate(paras):
        role, terminal = C._role(view, paras, pos)
        sentences, found, prev = [], [], None
        while j < len(spans) and spans[j].start < para.end:
            span = spans[j]
            j += 1
            if role == "skip" or (m := C._WORD.search(view, span.start, span.end)) is None:
                continue
            sent = C._Sentence(span.start, span.end, view[span.start : span.end], (m.start(), m.group()))
            q = bisect.bisect_right(quoted_starts, m.start()) - 1
            in_quote = q >= 0 and m.start() < quoted[q][1]
            k = bisect.bisect_left(marks, span.start)
            if k < len(marks) and marks[k] < span.end and C._first_person_tokens(view, sent, quoted, marks):
                speech = view[max(0, span.start - 3) : span.start].strip().endswith(":") or (
                    prev is not None and prev.text.rstrip().endswith(":")
                )
                first_person.append((sent, role == "prose" and not in_quote and not speech, order))
            order += 1
            if (f := checker._sentence_rule(view, sent, prev, len(sentences), role, in_quote)) is not None:
                found.append(f)
            sentences.append(sent)
            prev = sent
        if role == "skip" or not sentences:
            continue
        end = para.end
        if role == "prose" and not (terminal and not view[end - 1].isspace()):
            nxt = paras[pos + 1] if pos + 1 < len(paras) else None
            f = C._paragraph_end(view, para, sentences[-1], len(sentences), nxt, 0, terminal)
            if f is not None:
                (lone_lines if f.extra.get("lone-line") else out).append(f)
        elif role == "other" and pos > 0 and not C._TERMINAL.search(view, max(para.start, end - 24), end):
            unpunctuated_other += 1
        out += found
    if len(lone_lines) == 1 and unpunctuated_other == 0 and not lone_lines[0].extra["subhead-like"]:
        out.append(lone_lines[0])
    if (
        0 < len(first_person) <= 2
        and all(ok for _, ok, _ in first_person)
        and first_person[-1][2] - first_person[0][2] == len(first_person) - 1
        and checker._first_person_voice(view, [x for x, _, _ in first_person])
    ):
        out += [(C.FIRST_PERSON_NARRATION.code, x.start, x.end, "") for x, _, _ in first_person]
    return [(f.code, f.start, f.end, f.message) if not isinstance(f, tuple) else f for f in out]


def gated(checker: FragmentsChecker, doc: Document) -> list:
    fp = C.FIRST_PERSON_NARRATION.code
    return [(f.code, f.start, f.end, "" if f.code == fp else f.message) for f in checker.check(doc)]


CHECKER = FragmentsChecker()

# Sentences of the kinds the gates are about: verbless ones, stubs, attributions, cut-off ones,
# lowercase starts, the writer's voice, quotations, relative clauses, clitics, figures.
VOCABULARY = (
    "The A An One Another He I We In To For From Still But Has Is Was Said Rejected Followed "
    "Will May Police Officials Losing approach that which who would become his trademark said "
    "says told added he she they it we you there is was has had be been by the a and of to in "
    "on at my our their every U.S. e.g. it's I'm We're well-known so-that tHAT 82% 2019 five "
    "and shields smoke bomb firm report Smith Kilroy-Silk K"
)
WORDS = st.sampled_from(VOCABULARY.split())
ENDS = st.sampled_from([".", ".", "?", '."', ".”", ",", ":", "", " the.", " said.", ". .", "..."])
OPENERS = st.sampled_from(["", "", "", '"', "“", "(", "Still, ", "In my view, ", "Elizabeth I "])
SENTENCE = st.builds(
    lambda o, ws, e: o + " ".join(ws) + e, OPENERS, st.lists(WORDS, min_size=1, max_size=9), ENDS
)
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join)
TEXT = st.lists(PARAGRAPH, min_size=1, max_size=6).map("\n\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_gated_loop_finds_what_the_plain_loop_finds(text):
    doc = Document(text)
    assert sorted(gated(CHECKER, doc)) == sorted(plain_check(CHECKER, doc))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(articles(), articles_with_defects("fragment").map(lambda a: a.text)))
def test_gated_loop_on_generated_articles(text):
    doc = Document(text)
    assert sorted(gated(CHECKER, doc)) == sorted(plain_check(CHECKER, doc))


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from(list("ab1 2_.,é٣\n-") + ["\u0301"]), max_size=60))
def test_reversed_last_word_and_digit_scans_equal_the_plain_patterns(text):
    m = C._LAST_WORD.search(text, max(0, len(text) - 40))
    assert C._LAST_WORD_REVERSED.match(text[-40:][::-1]).group(1)[::-1] == (m.group(1) if m else "")
    assert len(C._DIGIT_WORD.findall(text)) == len(re.findall(r"\b\d", text))


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from(list(":;=-'()[] a\n")), max_size=20))
def test_smiley_gate_is_looser_than_the_pattern(text):
    if C._SMILEY.search(text):
        assert C._MAY_SMILE.search(text)
