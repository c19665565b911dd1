"""The family's fast paths give what the plain definitions give.

``ArticleWords`` answers the rules' questions about an article's words without building
the set of all words when it can; ``may_have_variants`` computes blocking keys for all the
words at once; ``format_uses`` runs a pattern only when a part every match has occurs.
These tests pin each to the definition it replaces.
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newscheck import Document
from newscheck.checkers.consistency import formats, names, quoted, spelling
from newscheck.checkers.consistency._text import TextFacts
from newscheck.checkers.consistency.checker import _GATE_WORDS

_BITS = [
    "colour", "Color", "COLOUR", "cOlOr", "Putin", "Putin’s", "“We", "don’t", "Benítez", "Benitez", "İstanbul",
    "ΟΔΟΣ", "ΟΔΟΣ’Α", "Σ", "中文", "😀Kiev", "Kiev", "Kyiv", "bn", "m", "BN", "M", "$5bn", "$5 million", "5 per cent",
    "10 percent", "per", "cent", "iPhone", "McDonald", "NATO", "Mahmoud", "Mahmud", "ﬁne", "Ｆullwidth", " ", "\n", "\u00a0",
    "\u3000", "-", "'", ",", ".", "5", "_", "\x00", "\u0301", "Ⅻ", "ǅemal", "naïve", "nai\u0308ve", "é", "Ž", "€", "£", "…",
    "\x81", "ſ",
]
_TEXTS = st.lists(st.sampled_from(_BITS), max_size=40).map(" ".join) | st.text(max_size=80)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
@example("a\ud800b Kiev")  # a lone surrogate
@example("")
def test_article_words_answer_as_the_word_sets_do(text):
    tokens = set(names.words(text))
    lower = {t.lower() for t in tokens}
    w = names.ArticleWords(text)
    assert names.distinct_words(text) == tokens
    assert w.tokens == tokens
    assert w.lower == lower
    assert w.asked(_GATE_WORDS) == lower & _GATE_WORDS
    # the words that may be names are there; any others are words with a capital
    got = w.names()
    fit = {t for t in tokens - lower if names._may_be_name(t)}
    assert fit <= got <= tokens - lower
    for word in ["bn", "m", "Kiev", "colour", "Color", "Benítez", "x y", ""]:
        assert (word in w) == (word in tokens)


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_word_sets_built_a_piece_at_a_time_are_the_same(text):
    # Long texts are split and lowered in pieces cut at spaces (memory); pieces of 8 here.
    whole = names.ArticleWords(text)
    want = (whole.tokens, whole.lower, whole.asked(_GATE_WORDS), names.distinct_words(text))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(names, "PIECE_CHARS", 8)
        pieces = names.ArticleWords(text)
        assert (pieces.tokens, pieces.lower, pieces.asked(_GATE_WORDS), names.distinct_words(text)) == want


@given(st.text(alphabet="aAbBzZ'é-", max_size=8))
def test_the_quick_name_test_equals_the_regex(word):
    assert names._may_be_name(word) == (
        len(word) >= 4 and word[0].isupper() and not names._INNER_CAP.search(word)
    )


def test_news_punctuation_keeps_the_fast_path():
    # Curly quotes, dashes and the like are no letters: such an article's words are ASCII pieces.
    for c in "’“”—–‘…£€\u00a0•":
        assert names.words(f"a{c}b") == ["a", "b"]
        assert names.ArticleWords(f"Putin{c}s colour").letters is not None
    assert names.ArticleWords("Benítez").letters is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="aeiouhkgczsnvfyqwIEOKHAÉé’-öß\u0301ﬁ", min_size=1, max_size=9), max_size=12))
def test_normalising_names_line_by_line_equals_one_by_one(words):
    assert names._normalise_lines(words) == [names.normalise.__wrapped__(w) for w in words]


def _reference_may_have_variants(tokens, known):
    """may_have_variants as first written: one key per word, every block compared."""
    blocks = {}
    for t in tokens:
        if not names._may_be_name(t):
            continue
        norm = names.normalise(t)
        block = names.skeleton(norm)
        other = blocks.setdefault(block, [])
        for b, nb in other:
            if not names._covered(known, t, b) and names._spelled_alike(t, norm, b, nb)[0]:
                return True
        other.append((t, norm))
    return False


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Mahmoud", "Mahmud", "Kharkov", "Kharkiv", "Gaddafi", "Qaddafi", "Smith", "Smyth",
                                 "Lukashenko", "Lukashenka", "iPhone", "NATO", "Ann", "Zelensky", "Zelenskyy",
                                 "Niger", "Nigeria", "Schröder", "Schroeder", "Nikolayev", "Nikolaev"]), max_size=10))
def test_blocking_all_words_at_once_equals_one_by_one(tokens):
    known = names.KnownVariants().one_word
    for memo in (False, True):  # a cold memo, then a warm one
        if not memo:
            names._MEMO.cache_clear()
        assert names.may_have_variants(set(tokens), known) == _reference_may_have_variants(set(tokens), known)


def _reference_format_uses(doc):
    facts = TextFacts.of(doc)
    out = []
    for kind, style, pattern, _ in formats._PATTERNS:
        for m in pattern.finditer(doc.view):
            if not (facts.in_title(m.start()) or facts.in_quote(m.start())):
                out.append(formats.FormatUse(m.start(), m.end(), kind, style))
    out.sort(key=lambda u: u.start)
    return out


_FORMAT_BITS = ["5 per cent", "5 PER CENT", "6 percent", "Percent", "five per\u00a0cent", "$5bn", "£3m", "€2 billion",
                "$4 million", "“$7bn”", "$$5bn", "$ 5 m", "¥5m", "said", ".", "\n\n", "Headline With Many Capital Words $9bn", "cent", "per"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FORMAT_BITS), max_size=20).map(" ".join))
def test_format_uses_keep_every_kind_written_two_ways(text):
    doc = Document(text)
    reference = _reference_format_uses(doc)
    styles = Counter()
    for kind in {u.kind for u in reference}:
        styles[kind] = len({u.style for u in reference if u.kind == kind})
    mixed = [u for u in reference if styles[u.kind] > 1]
    got = [u for u in formats.format_uses(doc, lambda: TextFacts.of(doc)) if styles[u.kind] > 1]
    assert got == mixed


_QUOTED_BITS = [
    "“Boundless” partnership", "\"unlimited\" partnership", "‘limitless’ ties", "«historic» deal", "“LANDMARK” agreement",
    "“landmark” deal", "a partnership “without limits”", "“Without-Limits” ties", "boundless", "unlimited", "historic",
    "the “historic” accord", "“no \u212aind of limits”", "said.", "\n\n", "“", "”", "-",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_QUOTED_BITS), max_size=30).map(" ".join))
def test_drift_test_with_the_quotation_marks_never_hides_a_drift(text):
    terms = quoted.quoted_terms(Document(text))
    lower_words = {w.lower() for w in names.words(text)}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(quoted, "_FEW_KEYS", -1)  # every opening word found in one scan
        scanned = quoted.may_drift(lower_words, text)
    assert quoted.may_drift(lower_words, text) == scanned
    if list(quoted.drift_groups(terms)):
        assert scanned


def test_a_full_memo_is_emptied_and_refilled(monkeypatch):
    known = names.KnownVariants().one_word
    monkeypatch.setattr(names._BlockMemo, "_LIMIT", 3)
    memo = names._BlockMemo()
    monkeypatch.setattr(names, "_MEMO", memo)
    groups = [{"Mahmoud", "Mahmud", "Smith"}, {"Kharkov", "Zelensky", "Lukashenko", "Lukashenka"}, {"Gaddafi", "Qaddafi"}]
    for tokens in groups * 2:
        assert names.may_have_variants(tokens, known) == _reference_may_have_variants(tokens, known)
        assert len(memo.block) <= len(tokens) + 3 + 1


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Mahmoud", "Mahmud", "Dianne", "Diane", "Smith", "Smyth", "Kharkov", "Kharkiv",
                                 "Gaddafi", "Qaddafi", "Muhammad", "Mohammed", "Mohamed", "Ukraine", "Ukrainian",
                                 "Zelensky", "Zelenskyy", "Mario", "Maria", "Niger", "Nigeria", "With", "What",
                                 "NATO", "iPhone", "Schröder", "Schroeder"]), min_size=2, max_size=2)
       | st.lists(st.text(alphabet="aeiouyhkgcqszwvfnKGQZVÉéöß’-", min_size=4, max_size=9).map(str.title),
                  min_size=2, max_size=2))
def test_words_spelled_alike_share_a_narrow_key(pair):
    # may_have_variants compares words only when two share a narrow key: alike words must.
    a, b = pair
    names._MEMO.blocks([a, b])
    na, nb = names.normalise(a), names.normalise(b)
    if names._may_be_name(a) and names._may_be_name(b) and names._spelled_alike(a, na, b, nb)[0]:
        assert names._MEMO.narrow_blocks([a])[0] == names._MEMO.narrow_blocks([b])[0]


def _reference_may_drift_words(lower_words):
    """may_drift's word test as first written: every term of every hit word."""
    hit = lower_words & quoted._TERM_WORDS
    if len(hit) < 2:
        return False
    keys = {k for k in quoted._KEY_WORDS if quoted._KEY_WORDS[k] <= lower_words and quoted._KEY_WORDS[k] & hit}
    seen = set()
    for key in keys:
        if seen & quoted._TERMS[key]:
            return True
        seen |= quoted._TERMS[key]
    return False


@settings(max_examples=300, deadline=None)
@given(st.sets(st.sampled_from(sorted(quoted._TERM_WORDS | {"said", "cent"})), max_size=12))
def test_drift_word_test_equals_every_term_looked_at(lower_words):
    assert quoted.may_drift(lower_words) == _reference_may_drift_words(lower_words)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FORMAT_BITS + ["I’m", "M", "BN", "bn", "m", "5m", "billion", "Million"]), max_size=12)
       .map(" ".join))
def test_format_test_on_the_asked_words_equals_it_on_all_words(text):
    w = names.ArticleWords(text)
    tokens = set(names.words(text))
    assert formats.may_mix_formats(w, w.asked(_GATE_WORDS)) == formats.may_mix_formats(
        tokens, {t.lower() for t in tokens}
    )


def _reference_mixed_candidates(lower_words):
    """mixed_candidates without its one-variety shortcut."""
    marked = spelling._present(lower_words)
    seen, strong = {}, {}
    for w in marked:
        variety, dimension, _ = spelling._TABLE[w]
        seen.setdefault(dimension, set()).add(variety)
        if w not in spelling._WEAK:
            strong.setdefault(dimension, set()).add(variety)
    mixed = {d for d, v in seen.items() if len(v) == 2 and d in strong}
    if spelling.BRITISH in seen.get("ize", ()) and spelling.AMERICAN in strong.get("spelling", ()):
        mixed |= {"ize", "spelling"}
    return {w for w in marked if spelling._TABLE[w][1] in mixed}


@settings(max_examples=300, deadline=None)
@given(st.sets(st.sampled_from(sorted(spelling.GATE_WORDS)[::7] + ["colour", "color", "organise", "organize",
                                                                    "program", "computer", "per", "cent"]), max_size=8))
def test_mixed_candidates_equal_the_plain_rule(lower_words):
    assert spelling.mixed_candidates(lower_words) == _reference_mixed_candidates(lower_words)


def _reference_collect_forms(doc, facts):
    """collect_forms as first written: every form, in one pass over the names."""
    view = doc.view
    forms, lower = {}, set(names._LOWER_WORD.findall(view))
    prev_end, prev_stem, pending = -10, None, None
    for m in names._NAME.finditer(view):
        m_start, m_end = m.span()
        start, end = m.span("stem")
        stem = view[start:end]
        adjacent = m_start - prev_end == 1 and view[prev_end] in " \u00a0"
        if pending is not None and adjacent:
            pending.nxt = stem
        pending = None
        initial = start in facts.initial or facts.in_title(start) or (m_start != start and m_start in facts.initial)
        prev = prev_stem if adjacent else None
        prev_end = m_end
        prev_stem = None if initial and (stem in names._OPENERS or stem.lower() in lower) else stem
        if len(stem) < 4 or names._INNER_CAP.search(stem):
            continue
        occ = names.Occurrence(start, end, stem, initial, prev, None)
        forms.setdefault(stem, names.Form(stem, names.normalise(stem))).occurrences.append(occ)
        pending = occ
    for form in forms.values():
        form.common_word = form.stem.lower() in lower
    return forms


_NAME_BITS = ["Mahmoud", "Mahmud", "Abbas", "Dianne", "Diane", "Feinstein", "Black", "Then", "Smith", "Smyth",
              "al-Assad", "Al-Asad", "O'Brien", "O’Brian", "Putin’s", "The", "Kharkov", "Kharkiv", "NATO", "said",
              "then", ".", ",", "\n\n", "“", "”", "Mr", "President", "ObamaCare", "Obamacare", "el-Sisi", "\u00a0"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_NAME_BITS), max_size=40).map(" ".join), st.sampled_from([16, 0]))
def test_forms_are_those_of_every_block_with_two(text, few):
    doc = Document(text)
    reference = _reference_collect_forms(doc, TextFacts.of(doc))
    blocks = Counter(names.skeleton(f.norm) for f in reference.values())
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(names, "_FEW_WORDS", few)  # (0: every lower-case word found in one scan)
        got = names.collect_forms(doc, TextFacts.of(doc))
    assert got == {k: f for k, f in reference.items() if blocks[names.skeleton(f.norm)] > 1}
    assert list(names.find_name_variants(got)) == list(names.find_name_variants(reference))


@settings(max_examples=300, deadline=None)
@given(st.sets(st.sampled_from(sorted(spelling.GATE_WORDS)[::5] + ["per", "cent", "percent", "program", "computer"]),
               max_size=8))
def test_a_mix_needs_a_word_of_each_variety(lower_words):
    if spelling.mixed_candidates(lower_words):
        assert lower_words & spelling.BRITISH_WORDS and lower_words & spelling.AMERICAN_WORDS


@settings(max_examples=200, deadline=None)
@given(st.sets(st.sampled_from(sorted(formats.GATE_WORDS | {"per", "said"})), max_size=6))
def test_a_format_mix_needs_a_trigger_word(lower_words):
    if formats.may_mix_formats(lower_words, lower_words):
        assert lower_words & formats.TRIGGERS


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abAB é\u0301’-İıſ5", max_size=20), st.text(alphabet="abé\u0301İıſ", min_size=1, max_size=4))
def test_a_lower_case_word_looked_for_alone_is_one_the_scan_finds(view, word):
    assert names._is_lower_word(view, word) == (word in names._LOWER_WORD.findall(view))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab“\"‘«”’ -x\u0130", max_size=20), st.text(alphabet="abx-", min_size=1, max_size=3))
def test_a_word_after_an_opening_mark_is_one_the_scan_finds(low, word):
    assert quoted._opened(low, word) == (word in quoted._OPENED_WORD.findall(low))
