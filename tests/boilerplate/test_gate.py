"""The gate text and the scans on it only ever skip work: every test of the rules they
stand in front of gives what it gives without them."""

from __future__ import annotations

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscheck import Document
from newscheck.checkers.boilerplate import checker as C
from newscheck.checkers.boilerplate import patterns as P
from newscheck.checkers.boilerplate._data import GATE_EXOTIC, TriggerScanner, gate_prefixes, gate_text

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

words = st.sampled_from(
    ["Click", "here", "SIGN UP", "sign", "up", "for", "our", "newsletter", "Follow", "us", "on", "Twitter", "this",
     "article", "Don't", "don’t", "miss", "Share", "Advertisement", "Read more", "READ MORE", "Photo", "©", "2024",
     "Copyright", "All rights reserved", "Related", "JUST WATCHED", "Image caption", "toggle caption", "Get the",
     "app", "Replay More Videos", "Enlarge this image", "subscribe", "to", "you", "agree", "é", "’", "\u00a0", " ",
     "  ", "\n", "\n\n", "-", ":", "|", "(", ")", "[", "*", "_", ".", ",", "'", "\u0301", "x", "K", "\u212a", "İ",
     "ß", "Σ", "😀"]
)
phrase_text = st.lists(words, max_size=30).map(" ".join) | st.lists(words, max_size=30).map("".join)


def test_exotic_characters_are_every_one_that_can_pass_for_ascii():
    ascii_i = regex.compile(r"[\x00-\x7f]", regex.I)
    found = set()
    for cp in range(0x80, 0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        low = c.lower()
        if (
            ascii_i.fullmatch(c) or len(low) != 1
            or any(x.isascii() for x in low + c.upper() + c.casefold())
        ):
            found.add(c)
    assert found <= set(GATE_EXOTIC)


def test_the_gate_text_has_one_byte_per_character_after_one_space():
    view = "Ab9 é’“x_K\u0301😀-Z"
    gate = gate_text(view)
    assert gate == b" ab9    x k   z" and len(gate) == len(view) + 1
    assert gate_text("Stra\u00dfe") is None and gate_text("\u212aelvin") is None


def test_shipped_patterns_all_have_a_gate():
    assert C._TRIGGERS._gate_scan is not None and C._OPENING is not None
    for body in P.PROMO.bodies + P.LISTED.bodies:
        assert gate_prefixes(body), body


def _gated_and_every_trigger(text):
    """The shipped scanner's candidates (through the gate) and every trigger of ``text``."""
    doc = Document(text)
    view, starts, ends = doc.view, doc.tokens.starts, doc.tokens.ends
    return view, C._TRIGGERS.candidates(doc, gate_text(view)), C._TRIGGERS.triggers(view, starts, ends)


def _assert_same_matches(view, some, every):
    for pattern in (P.PROMO, P.LISTED):
        assert [m.span() for m in pattern.matches(view, some)] == [m.span() for m in pattern.matches(view, every)]


@SETTINGS
@given(phrase_text | st.text())
def test_candidates_find_the_same_matches_as_every_trigger(text):
    view, some, every = _gated_and_every_trigger(text)
    assert set(some) <= set(every)
    _assert_same_matches(view, some, every)


USER_LISTED = P.listed_pattern(["Über uns", "the story continues", "5 things to know", "Don't miss"])
USER_SCANNER = TriggerScanner((P.PROMO, USER_LISTED))


@SETTINGS
@given(phrase_text)
def test_user_phrases_get_a_gate_that_misses_nothing(text):
    listed, scanner = USER_LISTED, USER_SCANNER
    doc = Document(text + " über uns, the  story continues; 5 things to know")
    view, starts, ends = doc.view, doc.tokens.starts, doc.tokens.ends
    every = scanner.triggers(view, starts, ends)
    some = scanner.candidates(doc, gate_text(view))
    assert [m.span() for m in listed.matches(view, some)] == [m.span() for m in listed.matches(view, every)]


@SETTINGS
@given(phrase_text)
def test_the_opening_gate_lets_through_every_paragraph_a_rule_reads_the_opening_of(text):
    gate = gate_text(text)
    if gate is None:
        return
    opening = C._OPENING if "©" in text else C._OPENING_WITHOUT_SIGN
    for rx in C._OPENING_RULES:
        for i in range(len(text)):
            if rx.match(text[i:]):
                assert opening.match(gate, i + 1), (rx.pattern[:40], text[i:])


def test_the_opening_gate_stops_ordinary_prose():
    for text in ("“There’s an art to it,” he said.", "The council met.", "(CNN) Officials said"):
        assert not C._OPENING_WITHOUT_SIGN.match(gate_text(text), 1), text
    assert C._OPENING_WITHOUT_SIGN.match(gate_text("“Read more: x"), 1)


@SETTINGS
@given(st.lists(st.sampled_from(["ADVERTISEMENT", "Advertisement", "story continues below", "STORY  CONTINUES BELOW",
                                 "Continue reading the main story", "continue", "advert", ". ", " ", "\n", "The",
                                 "“", "’", "x"]), max_size=20).map("".join))
def test_ad_labels_in_the_gate_text_stand_for_every_label_the_pattern_finds(text):
    gate = gate_text(text)
    if gate is not None and P.AD_INLINE.search(text):
        assert any(w in gate for w in C._AD_LABELS)


def test_every_credit_label_holds_a_word_the_credit_test_looks_for_first():
    labels = P.CREDIT_LABEL_END.pattern.split("(?:", 2)[2].split(")", 1)[0].split("|")
    assert labels and all(any(w in label for w in ("Photo", "Picture", "Image", "Credit", "PHOTO")) for label in labels)


def test_of_the_exotic_characters_cp1252_holds_only_sharp_s():
    held = []
    for c in GATE_EXOTIC:
        try:
            c.encode("cp1252")
            held.append(c)
        except UnicodeEncodeError:
            pass
    assert held == ["ß"]


@SETTINGS
@given(phrase_text | st.text(alphabet=st.characters(max_codepoint=0x2122)))
def test_the_gate_text_from_cp1252_is_the_gate_text(text):
    try:
        encoded = text.encode("cp1252")
    except UnicodeEncodeError:
        return
    assert gate_text(text, encoded, True) == gate_text(text)


# A bounded run of any characters ("get ... app") still gates what follows it.
app_text = st.builds(
    lambda verb, filler, end: f"{verb} {filler}{end}",
    st.sampled_from(["Get", "get", "Download", "open", "Try", "install", "UPDATE", "Open the"]),
    st.text(alphabet=st.sampled_from("ab ’'&.-é\u00a0\nXY9"), max_size=40),
    st.sampled_from(["app", "apps", "App", "APP now", "application", "ap", " app.", "appx"]),
)


@SETTINGS
@given(st.lists(app_text | phrase_text, min_size=1, max_size=3).map(" ".join))
def test_candidates_past_a_bounded_wildcard_find_the_same_matches(text):
    _assert_same_matches(*_gated_and_every_trigger(text))


def test_a_bounded_wildcard_keeps_the_gate_going():
    found = gate_prefixes(r"get [\p{L} ]{0,30}?\bapps?\b")
    assert found and all(len(atoms) > 4 for atoms in found)
    assert gate_prefixes(r"get .*app") and all(len(atoms) == 4 for atoms in gate_prefixes(r"get .*app"))
