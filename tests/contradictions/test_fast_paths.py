"""The fast candidate scans give exactly what the plain regex scans they replace give."""

from __future__ import annotations

import bisect

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscheck import Document
from newscheck.checkers.contradictions import ContradictionChecker, figures, headline, negation
from newscheck.checkers.contradictions import calendar_rules as cr
from newscheck.checkers.contradictions._text import (
    ascii_of,
    digit_runs,
    headline_like_indexes,
    quoted_ranges,
    quotes_of,
    sentences,
)
from newscheck.checkers.contradictions.selfref import _CAP, AliasTable

# Pieces that exercise the scans' edges: digits next to signs and letters, weekday dates with
# and without "the"/"of"/years, ages, negations with both apostrophes, alias names glued to
# letters, characters whose lowercase changes length or that fold to ASCII letters.
PIECES = [
    "Monday",
    "Tue.",
    "Thurs.",
    "Sunday,",
    "the",
    "of",
    "5",
    "12",
    "31st",
    "3rd",
    "May",
    "Sept.",
    "2004",
    "1999",
    "16",
    "20041",
    "$5",
    "£3bn",
    "US$",
    "40%",
    "٣",
    "²",
    "twenty-two",
    "Seven",
    "Smith,",
    "45,",
    "aged",
    "6-year-old",
    "not",
    "never",
    "didn't",
    "can’t",
    "cannot",
    "Russia",
    "Moscow's",
    "XRussia",
    "Türkiye",
    "Élysée",
    "Kyiv",
    "İ",
    "ſ",
    "\u212a",
    "“",
    "”",
    '"',
    ".",
    ",",
    "!",
    "-",
    "\u00a0",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "x",
]
texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CHECKER = ContradictionChecker()


def _doc(text: str):
    doc = Document(text)
    return doc, sentences(doc)


@FAST
@given(texts)
def test_weekday_dates_and_years_from_digit_runs(text):
    doc, sents = _doc(text)
    runs = digit_runs(doc.view, sents)
    assert [m.span() for m in cr.weekday_dates(doc.view, runs)] == [
        m.span() for m in cr.WEEKDAY_DATE.finditer(doc.view)
    ]
    assert [m.span() for m in cr.bare_years(doc.view, runs)] == [
        m.span() for m in cr.BARE_YEAR.finditer(doc.view)
    ]


@FAST
@given(texts)
def test_age_and_negation_candidates(text):
    _, sents = _doc(text)
    assert cr._age_hints(sents) == cr._with(sents, cr._AGE_HINT)
    assert negation._negated_indexes(sents) == negation._indexes_with(sents, negation._NEG_HINT)


@FAST
@given(texts)
def test_alias_heads_and_headline_lines(text):
    doc, sents = _doc(text)
    table = CHECKER.aliases
    view = doc.view
    if sents:
        lo, hi = sents[0].start, sents[-1].end
        expected = [(m.start(), m.group()) for m in _CAP.finditer(view, lo, hi) if m.group() in table.heads]
        assert table._head_words(view, lo, hi) == expected
    assert headline_like_indexes(sents) == [i for i, s in enumerate(sents) if s.is_headline_like]


def test_number_words_after_a_character_whose_lowercase_is_longer():
    # "İ".lower() has two characters; number words after it are still found at their offsets.
    text = "İstanbul said two people died.\n\nLater officials in İzmir said five people died."
    doc, sents = _doc(text)
    assert [m.text for m in figures.extract(sents, doc.view)] == ["two people", "five people"]


@FAST
@given(texts)
def test_quoted_speech_matches_the_lazy_pattern(text):
    lazy = regex.compile(r"[“\"][^“”\"\n]{3,}?(?:[”\"]|$)", regex.M)
    assert quoted_ranges(text) == [m.span() for m in lazy.finditer(text)]


def _reference_statements(sents):
    """``negation.statements`` before its candidate test: every negated sentence is read."""
    negated = negation._negated_indexes(sents)
    out = negation._statements(sents, negated)
    subjects = {s.subject for s in out if s.negated}
    if not subjects:
        return [], subjects
    pattern = regex.compile(r"\b(?:" + "|".join(regex.escape(s) for s in sorted(subjects)) + r")\b", regex.I)
    others = [i for i in range(len(sents)) if i not in set(negated) and pattern.search(sents[i].text)]
    out.extend(negation._statements(sents, others))
    out.sort(key=lambda s: s.start)
    return out, subjects


STATEMENT_WORDS = ["Smith", "The Senate", "Acme Corp", "He", "smith", "O'Brien-", "Élysée"]
STATEMENT_WORDS += ["Then He", "x-He", "The It", "It"]
AUX = ["", "", "did", "has", "can", "will", "was"]
NEG = ["", "", "not", "never", "n't", "didn't", "can’t", "won't", "cannot"]
VERBS = ["attended", "signs", "visited", "meet", "backed", "said"]
OBJECTS = ["the summit", "the deal in 2004", "the deal", "Smith", "initially the deal", ""]
statement_sentence = st.tuples(
    st.sampled_from(["", "In May, ", "He said that "]),
    st.sampled_from(STATEMENT_WORDS),
    st.sampled_from([" ", "  ", "\u00a0"]),
    st.sampled_from(AUX),
    st.sampled_from([" ", ""]),
    st.sampled_from(NEG),
    st.sampled_from([" ", ""]),
    st.sampled_from(VERBS),
    st.just(" "),
    st.sampled_from(OBJECTS),
).map("".join)
statement_texts = st.lists(statement_sentence, min_size=2, max_size=6).map(
    lambda parts: ". ".join(parts) + "."
)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(statement_texts, texts))
def test_negated_statements_read_only_where_a_subject_stands(text):
    _, sents = _doc(text)
    reference, _ = _reference_statements(sents)
    fast = negation.statements(sents)
    # Every statement that can pair with a negated one (same subject and verb) is read.
    keys = {(s.subject, s.verb) for s in reference if s.negated}
    assert [s for s in fast if (s.subject, s.verb) in keys] == [
        s for s in reference if (s.subject, s.verb) in keys
    ]
    assert [(a.start, b.start) for a, b in negation.conflicts(sents)] == [
        (a.start, b.start) for a, b in _reference_conflicts(reference)
    ]


def _reference_conflicts(statements, max_block=20):
    by_key = {}
    for stmt in statements:
        block = by_key.setdefault((stmt.subject, stmt.verb), [])
        for other in block[-max_block:]:
            if other.negated == stmt.negated or other.sentence == stmt.sentence or other.modal != stmt.modal:
                continue
            if other.times and stmt.times and other.times != stmt.times:
                continue
            shared = other.objects & stmt.objects
            if not shared or len(shared) / min(len(other.objects), len(stmt.objects)) < 0.5:
                continue
            yield other, stmt
            break
        block.append(stmt)


SUBJECT_PIECES = [
    "smith",
    "Smith",
    "SMITH",
    "o'brien-",
    "O'Brien-",
    "x",
    "_",
    "-",
    "'",
    " ",
    ".",
    "é",
    "1",
    "asmith",
    "’",
]


@FAST
@given(
    st.lists(st.sampled_from(SUBJECT_PIECES), min_size=1, max_size=12).map(lambda parts: "".join(parts) + ".")
)
def test_subject_search_on_the_ascii_copy(text):
    doc, sents = _doc(text)
    names = ["o'brien-", "smith"]
    pattern = negation._subject_pattern(names)
    low = ascii_of(doc.view, sents, lower=True)
    for sent in sents:
        assert negation._names_subject(sent, [n.encode() for n in names], low) == bool(
            pattern.search(sent.text)
        )


@FAST
@given(texts)
def test_quotations_found_per_line_match_the_whole_text_scan(text):
    doc, sents = _doc(text)
    expected = [()] * len(sents)
    for qs, qe in quoted_ranges(doc.view):
        for i, s in enumerate(sents):
            if s.end > qs and s.start < qe:
                expected[i] = (*expected[i], (max(qs, s.start) - s.start, min(qe, s.end) - s.start))
    assert [quotes_of(sents, s) for s in sents] == expected


_space = st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", ""])
announcements = st.tuples(
    st.sampled_from(["Putin", "President Xi", "putin", "The Senate", ""]),
    _space,
    st.sampled_from(
        ["will", "to", "is to", "is set to", "is expected to", "plans to", "is due to", "set to", "is"]
    ),
    _space,
    st.sampled_from(["visit", "visits", "meet", "sign", "Visit", "attend"]),
    st.sampled_from(["", " China", "s", "-", " today"]),
).map("".join)


@FAST
@given(announcements)
def test_future_hint_finds_every_announcement(text):
    if headline.FUTURE.search(text):
        assert headline._FUTURE_HINT.search(text)


ODD_ALIASES = {"Odd": ["-Foo", "^Bar", "]Baz", "éclair", "the Quux", "Foo Bar"], "Other": ["Bar", "quux"]}
ALIAS_PIECES = [
    "-Foo",
    "^Bar",
    "]Baz",
    "éclair",
    "the Quux",
    "Quux",
    "Foo Bar",
    "Bar",
    "quux",
    "Russia",
    "Moscow",
]
ALIAS_PIECES += [" ", "'s", "’s", ".", "-", "x", " and ", "&"]


@FAST
@given(st.lists(st.sampled_from(ALIAS_PIECES), max_size=12).map("".join))
def test_alias_pattern_first_character_test_changes_no_match(text):
    for table in (CHECKER.aliases, AliasTable(ODD_ALIASES)):
        plain = regex.compile(table.pattern.pattern[table.pattern.pattern.index("(?<!") :])
        assert [m.span() for m in table.pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]


# Heads that are prefixes of one another, inner capitals, one letter, non-ASCII; and pieces that
# glue them to letters, to capitals, to characters outside ASCII and to \x01 (the scan's marker).
HEAD_ALIASES = {
    "A": ["US", "USA", "the US", "UAE"],
    "B": ["Iran", "Ira", "McIran", "X"],
    "C": ["Bogotá", "Bogot", "Türkiye", "UK"],
}
HEAD_PIECES = ["US", "USA", "UAE", "Iran", "Ira", "McIran", "X", "Bogotá", "Bogot", "Türkiye", "UK", "Mc"]
HEAD_PIECES += [" ", "a", "S", "á", "’", "?", "\x01", "-", ".", "\n"]


@FAST
@given(st.lists(st.sampled_from(HEAD_PIECES), max_size=16).map("".join))
def test_alias_heads_found_on_the_marked_copy(text):
    for table in (CHECKER.aliases, AliasTable(HEAD_ALIASES)):
        if not text:
            continue
        expected = [(m.start(), m.group()) for m in _CAP.finditer(text) if m.group() in table.heads]
        assert table._head_words(text, 0, len(text)) == expected
        assert table._head_words(text, 1, len(text)) == [h for h in expected if h[0] >= 1]


@FAST
@given(st.lists(st.sampled_from(ALIAS_PIECES + HEAD_PIECES), max_size=12).map("".join))
def test_alias_name_trie_matches_as_the_sorted_alternation(text):
    for entities in (HEAD_ALIASES, ODD_ALIASES):
        table = AliasTable(entities)
        pattern = table.pattern.pattern
        names = sorted(table.entity_of, key=len, reverse=True)
        start, end = pattern.index("(?P<name>") + len("(?P<name>"), pattern.index(")(?P<poss>")
        flat = regex.compile(pattern[:start] + "|".join(regex.escape(n) for n in names) + pattern[end:])
        assert [m.span() + m.groups() for m in table.pattern.finditer(text)] == [
            m.span() + m.groups() for m in flat.finditer(text)
        ]


def test_weekday_dates_after_each_form_of_weekday_the_and_month():
    text = (
        "Monday the 5th of May 2024. Tue.,  the 16 May. Thurs. June 3, 2021. Sunday,\u00a0the\u00a0 12th of "
        "Sept. 2004. Wed., July 4. Fri. Jan. 2. Sat, 3 May. Sunday, February 29, 2004. Thu. the 1st of Dec. "
        "Friday, 10 May 2024. Mon., 6 May."
    )
    doc, sents = _doc(text)
    expected = [m.span() for m in cr.WEEKDAY_DATE.finditer(doc.view)]
    assert len(expected) == 10
    assert [m.span() for m in cr.weekday_dates(doc.view, digit_runs(doc.view, sents))] == expected


ARTICLE_ALIASES = {
    "N": ["the Netherlands", "The Hague", "Amsterdam"],
    "U": ["the United States", "US", "The States", "Washington"],
}
ARTICLE_PIECES = ["The Hague", "The", "Hague", "Amsterdam", "the Netherlands", "Netherlands", "The States"]
ARTICLE_PIECES += ["States", "US", "Washington", "the", " ", " and ", "'s", ". ", "x", "-", "\n\n", "Ha"]
ARTICLE_PIECES += ["Türkiye", "Turkey", "Ankara", "Élysée", "France", "é", "\x01"]


@FAST
@given(st.lists(st.sampled_from(ARTICLE_PIECES), max_size=14).map("".join))
def test_sentences_worth_scanning_hold_every_pair_of_one_entity(text):
    # The plain rule: a sentence where the alias pattern finds two names of one entity.
    doc, sents = _doc(text)
    for table in (CHECKER.aliases, AliasTable(ARTICLE_ALIASES)):
        worth = table.sentences_worth_scanning(sents, doc.view)
        for sent in sents:
            # Names whose head no capitalised word can be (a non-ASCII capital, a dot) are not
            # looked for: those pairs were never scanned.
            names = [m.group("name") for m in table.pattern.finditer(sent.text)]
            entities = [table.entity(n) for n in names if _CAP.fullmatch(_head(n))]
            if len(entities) > len(set(entities)):
                assert sent in worth


def _head(name: str) -> str:
    words = name.split()
    return (words[1] if words[0] in ("the", "The") and len(words) > 1 else words[0]).rstrip(".")


DIGIT_PIECES = ["12", "٣", "٣4", "５", "²", "৭", "𝟗", "é", "“", "—", "ß", "\ud800", " ", "x", "7"]


@FAST
@given(st.lists(st.sampled_from(DIGIT_PIECES + PIECES), max_size=20).map("".join))
def test_digit_runs_equal_the_unicode_scan(text):
    doc, sents = _doc(text)
    assert digit_runs(doc.view, sents) == [m.span() for m in regex.finditer(r"\d+", doc.view)]
    assert digit_runs(text) == [m.span() for m in regex.finditer(r"\d+", text)]


FIGURE_PIECES = ["5", "12", "1,200", "2004", "£3bn", "$5", "US$", "40%", "7 per cent", "two", "Seven"]
FIGURE_PIECES += ["people", "years", "the", "about ", "more than ", "up to ", "between ", "May", "th"]
FIGURE_PIECES += ["aged ", "page ", "million", " to ", "-", ".", ". ", ",", " ", "\n\n", "x", "“", "”"]
_figure_phrase = st.tuples(
    st.sampled_from(["", "about ", "more than ", "in ", "page ", "aged ", "May "]),
    st.sampled_from(["5", "12", "1,200", "2004", "£3", "$5", "two", "Seven", "40"]),
    st.sampled_from(["", " million", "%", " per cent", "th"]),
    st.sampled_from([" people", " years", " votes", " the", "", " May"]),
).map("".join)
figure_sentences = st.lists(
    st.lists(_figure_phrase, min_size=1, max_size=4).map(" and ".join), min_size=1, max_size=6
).map(lambda parts: "Officials said " + ". Officials said ".join(parts) + ".")


@FAST
@given(st.one_of(figure_sentences, st.lists(st.sampled_from(FIGURE_PIECES), max_size=30).map("".join)))
def test_figures_tested_only_where_a_unit_is_shared(text):
    doc, sents = _doc(text)

    def plain(figs):
        return [(si, m.span(), m.groups(), unit, iv, approx) for si, m, unit, iv, approx in figs]

    assert plain(figures._figures(sents, doc.view)) == plain(
        figures._figures(sents, doc.view, shortcut=False)
    )


@FAST
@given(st.lists(st.sampled_from(ARTICLE_PIECES + HEAD_PIECES), max_size=14).map("".join))
def test_sentences_worth_scanning_are_those_with_two_heads_of_one_entity(text):
    # The plain rule: the capitalised words that are alias heads, counted per (sentence, entity).
    doc, sents = _doc(text)
    if not sents:
        return
    starts = [s.start for s in sents]
    for table in (CHECKER.aliases, AliasTable(ARTICLE_ALIASES), AliasTable(HEAD_ALIASES)):
        pairs: dict[tuple[int, int], int] = {}
        for m in _CAP.finditer(doc.view, sents[0].start, sents[-1].end):
            if m.group() in table.heads:
                si = bisect.bisect_right(starts, m.start()) - 1
                for k in table._head_keys[m.group()]:
                    pairs[si, k] = pairs.get((si, k), 0) + 1
        expected = [sents[si] for si in sorted({si for (si, _), n in pairs.items() if n > 1})]
        assert table.sentences_worth_scanning(sents, doc.view) == expected


def _plain_anchors(view):
    out = [
        m.start() for m in regex.finditer(r"\d+", view) if not m.start() or view[m.start() - 1] not in "$£€¥"
    ]
    out += [i for i, c in enumerate(view) if c in "$£€¥"]
    letters = view.encode("ascii", "replace").translate(figures._LETTERS)
    for w in figures._WORDNUM:
        out += [
            m.start()
            for m in regex.finditer(rb"(?<![a-z])" + w.encode() + rb"(?![a-z])", letters)
            if not m.start() or not view[m.start() - 1].isalpha()
        ]
    return sorted(out)


@FAST
@given(
    st.one_of(
        texts, st.lists(st.sampled_from(FIGURE_PIECES + ["İ", "é", "K", "Two"]), max_size=30).map("".join)
    )
)
def test_anchors_are_digit_runs_signs_and_number_words(text):
    assert figures.anchors(text) == _plain_anchors(text)


@FAST
@given(
    st.lists(st.sampled_from([b"attend", b"sign", b"visit", b"meet", b"back", b"a.b", b"att"]), min_size=1),
    st.binary(max_size=40),
    st.integers(0, 40),
    st.integers(0, 40),
)
def test_verb_stem_test_finds_what_bytes_find_finds(needles, low, start, end):
    needles = sorted(set(needles))
    expected = any(low.find(n, start, end) != -1 for n in needles)
    assert negation._holder(needles)(low, start, end) == expected


def _plain_cues(sents, fig):
    """The cues of a figure from its window's tokens, each lowercased on its own."""
    si, m, _, _, approx = fig
    text = sents[si].text
    ms, me = m.start(), m.end()
    a_start = ms - len(approx) - 1 if approx else ms
    tokens = [(t.start(), t.group().lower()) for t in figures._WORD_RE.finditer(text)]
    window = {w for p, w in tokens if ms - 70 <= p < me + 70}
    near = {w for p, w in tokens if ms - 40 <= p < me + 40 and not a_start <= p < me}
    return bool(window & figures.DISPUTE), frozenset(near & figures.REFERENCE), bool(near & figures.CHANGE)


_CUE_WORDS = sorted(figures.DISPUTE | figures.REFERENCE | figures.CHANGE)[::5]


@FAST
@given(
    st.lists(
        st.one_of(
            _figure_phrase,
            st.sampled_from(_CUE_WORDS + [w.upper() for w in _CUE_WORDS[:4]] + ["İ", "Σ", "é", "’s", "'S"]),
        ),
        min_size=1,
        max_size=30,
    ).map(" ".join)
)
def test_figure_cues_from_a_lowered_ascii_window(text):
    # An ASCII window is lowercased before it is split; any other is split, then each token
    # lowercased. Both give the cues and words of the plain per-token reading.
    doc, sents = _doc("Officials said " + text + ". Officials said " + text + ".")
    names: dict = {}
    for fig in figures._figures(sents, doc.view, shortcut=False):
        disputed, reference, changes, window = figures._cues(sents, fig)
        assert (disputed, reference, changes) == _plain_cues(sents, fig)
        words, _, times, lead = figures._words_of(window, names)
        si, m, unit, _, approx = fig
        a_start = m.start() - len(approx) - 1 if approx else m.start()
        tokens = [
            (t.start(), t.group())
            for t in figures._WORD_RE.finditer(sents[si].text)
            if m.start() - 70 <= t.start() < m.end() + 70
        ]
        content = {figures.content_word(w) for _, w in tokens} - {None}
        assert words == frozenset(content) - {unit[2:]}
        assert times == frozenset(filter(figures._is_time, {w.lower() for _, w in tokens}))
        before = [t.group().lower() for t in figures._WORD_RE.finditer(sents[si].text) if t.start() < a_start]
        assert lead == tuple(before[-3:])


@FAST
@given(st.text(st.characters(max_codepoint=127), max_size=60))
def test_ascii_window_split_matches_the_unicode_split(text):
    low = text.lower()
    assert figures._WORD_SPLIT_LOWER_ASCII.split(low) == figures._WORD_SPLIT.split(low)


_ASCII_FIGURE_PIECES = [p for p in FIGURE_PIECES if p.isascii()]
_ASCII_FIGURE_PIECES += ["\x1c", "\x1f", "\t", "K", "S", "I", "Rs", "rs.", "PER CENT", "Percent", "US$"]
# A figure and what may follow it, with each kind of ASCII white space between (\x1c-\x1f are
# white space to ``str.isspace`` and the Unicode ``\s``, not to an ASCII-only ``\s``).
_ascii_figure = st.tuples(
    st.sampled_from(["5", "12", "1,200", "$5", "Rs", "Rs.", "two", "Twenty-Two"]),
    st.sampled_from(["", " ", "\x1c", "\x1f", "\t", "\x0b"]),
    st.sampled_from(["million", "BN", "per cent", "per\x1dcent", "Percent", "%", "to 7", "- $9", "people"]),
).map("".join)


@FAST
@given(
    st.one_of(
        st.lists(st.one_of(_ascii_figure, st.sampled_from(_ASCII_FIGURE_PIECES)), max_size=12).map("".join),
        st.text(st.characters(max_codepoint=127), max_size=40),
    )
)
def test_ascii_core_and_word_patterns_match_as_the_unicode_ones_on_ascii_text(text):
    for i in range(len(text) + 1):
        a, b = figures._CORE_ASCII.match(text, i), figures._CORE.match(text, i)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
        a, b = figures._WORD_RE_ASCII.search(text, i), figures._WORD_RE.search(text, i)
        assert (a and a.span()) == (b and b.span())
