"""The checker's cheap tests in front of its patterns give what the patterns alone give."""

from __future__ import annotations

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscheck.checkers.boilerplate import checker as C
from newscheck.checkers.boilerplate import patterns as P

SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_ALL = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)

credit_text = st.lists(
    st.sampled_from(["Photo", "PHOTOS", "photograph", "Picture", "images", "Getty", "courtesy", "Credit", "pool",
                     "Handout", "Shutterstock", "Alamy", "iStock", "via", "VIA", "ſhutterstock", "\u212aelvin", "İmage",
                     "x", "Reuters", "/", " ", "(", ")", "-", "é", "\u0301", "’", "3"]),
    max_size=12,
).map(" ".join) | st.text()


def test_what_credit_words_match_case_insensitively_folds_to_their_letters():
    for x in set("photopictureimagegettycourtesycreditpoolhandoutshutterstockalamyistockvia"):
        for c in regex.compile(x, regex.I).findall(_ALL):
            assert C._credit_fold(c) == x, (hex(ord(c)), x)


@SETTINGS
@given(credit_text)
def test_credit_word_is_the_pattern(c):
    assert C._credit_word(c) == (P.CREDIT_WORD.search(c) is not None)


def test_a_lower_case_second_character_rules_out_a_dateline():
    second = regex.compile(r"[\p{Lu}\p{Zs}.,'’-]")
    assert not [c for c in second.findall(_ALL) if c.islower()]


tail_text = st.lists(
    st.sampled_from(["Photo:", "Credit:", "AP", "REUTERS", "/", "|", "(", ")", "[", "]", "Getty Images", "John Smith",
                     "via", "said", ".", ":", " ", "  ", "\n", "x", "Image", "PHOTO", "Reuters/File"]),
    max_size=14,
).map(" ".join) | st.text()


@SETTINGS
@given(tail_text, st.integers(0, 70))
def test_a_text_that_cannot_end_in_a_credit_has_no_credit_tail(t, n):
    if not C._may_end_in_credit(t):
        assert not C._credit_tail(t, n) and not C._credit_tail(t, n, strict=True)


end_text = st.lists(st.sampled_from(["x", "Yes", ".", "!", "?", "…", ":", ";", ",", '"', "'", "”", "’", "»", ")", "]",
                                     " ", "Read more", "“"]), min_size=1, max_size=8).map("".join) | st.text(min_size=1)


@SETTINGS
@given(end_text)
def test_sentence_end_is_ends_terminal_and_tells_prose_endings(t):
    from newscheck.checkers.boilerplate.headline import _ends_like_prose

    end = C._sentence_end(t)
    assert (end is not None) == P.ends_terminal(t)
    if end is not None:
        assert (end == "!" or end == "?") == (not _ends_like_prose(t))


notice_text = st.lists(st.sampled_from(["©", "(c)", "(C)", "Copyright", "COPR.", "copr.", "2024", "1999", "All rights reserved",
                                        "ALL RIGHTS RESERVED", "may not be published", "May not be reproduced", " ", "-", "*",
                                        "_", "“", "x", "Ç", "ç", "Ⓒ", "\u212a", "ſ", "İ", "."]), max_size=8).map("".join) | st.text()


@SETTINGS
@given(notice_text)
def test_a_text_that_cannot_open_a_notice_matches_no_copyright(t):
    if not C._may_open_a_notice(t):
        assert not P.COPYRIGHT.match(t)


def test_only_ascii_letters_match_the_notice_openers_case_insensitively():
    for x in "cam":
        assert set(regex.compile(x, regex.I).findall(_ALL)) == {x, x.upper()}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10**6), st.sampled_from(["\n\n", "\n"]), st.lists(st.sampled_from(
    ["Putin signs new law on media", "SENATE PASSES BUDGET BILL TODAY", "Markets rally as rates fall", "Read more",
     "Photo: Getty Images", "Why it matters", "The minister said the plan would cost more than expected.",
     "Advertisement", "Chelsea sack Mutu"]), max_size=4))
def test_headline_candidates_found_by_the_checker_give_the_plain_test(seed, sep, lines):
    import random

    from newscheck import Document
    from newscheck.checkers.boilerplate import headline as H
    from newscheck.testing import generate_labelled_article

    text = generate_labelled_article(random.Random(seed), categories="boilerplate").text
    paras = text.split(sep)
    for k, line in enumerate(lines):
        paras.insert(1 + (seed + 3 * k) % max(1, len(paras)), line)
    doc = Document(sep.join(paras))
    checker = C.BoilerplateChecker()
    fast = list(checker.check(doc))

    class Plain(H.HeadlineContext):  # every paragraph tested again, as without the checker's list
        def __init__(self, paras, claimed, partial, candidates=None):
            super().__init__(paras, claimed, partial, None)

    real, C.HeadlineContext = C.HeadlineContext, Plain
    try:
        plain = list(checker.check(doc))
    finally:
        C.HeadlineContext = real
    assert fast == plain


@SETTINGS
@given(end_text | st.just(""))
def test_ends_terminal_is_its_plain_definition(t):
    core = t.rstrip(P.CLOSERS)
    plain = core[-1:] in ".!?…" if len(core) < len(t) else t[-1:] in ".!?…:;,"
    assert P.ends_terminal(t) == plain


@SETTINGS
@given(end_text)
def test_a_text_ending_in_a_terminal_mark_ends_terminal(t):
    from newscheck.checkers.boilerplate.headline import _TERMINAL

    if t[-1:] in _TERMINAL:
        assert P.ends_terminal(t)


@SETTINGS
@given(tail_text, st.integers(0, 200))
def test_a_credit_tail_with_no_words_is_the_most_permissive(t, n):
    for strict in (False, True):
        if C._credit_tail(t, n, strict=strict):
            assert C._credit_tail(t, 0, strict=strict)
