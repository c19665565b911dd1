"""UTF-16 offsets from LanguageTool map back to the exact Python characters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newscheck.checkers.grammar.utf16 import Utf16Index, utf16_length

ASTRAL_HEAVY = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.sampled_from("🙂😀👍🏽𝔘𠀋\u200d\u00e9"),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=60,
)


def test_bmp_text_is_identity():
    idx = Utf16Index("plain text, é and ü")
    assert [idx.to_python(i) for i in range(5)] == [0, 1, 2, 3, 4]
    assert idx.length == len("plain text, é and ü")


def test_emoji_before_and_inside_a_span():
    text = "🙂 x 😀😀 yz"
    idx = Utf16Index(text)
    # "😀😀 y" starts after "🙂 x " (5 UTF-16 units) and is 6 units long.
    start, end = idx.to_python(5), idx.to_python(5 + 6, end=True)
    assert text[start:end] == "😀😀 y"


def test_offset_inside_a_surrogate_pair_keeps_the_whole_character():
    idx = Utf16Index("a😀b")
    assert idx.to_python(2) == 1  # start rounds down to the emoji
    assert idx.to_python(2, end=True) == 2  # end rounds up past it


@given(ASTRAL_HEAVY)
def test_length_matches_java(text):
    assert utf16_length(text) == len(text.encode("utf-16-le")) // 2 == Utf16Index(text).length


@given(ASTRAL_HEAVY, st.data())
def test_round_trip(text, data):
    idx = Utf16Index(text)
    i = data.draw(st.integers(0, len(text)))
    j = data.draw(st.integers(i, len(text)))
    u_start = len(text[:i].encode("utf-16-le")) // 2
    u_len = len(text[i:j].encode("utf-16-le")) // 2
    assert idx.to_utf16(i) == u_start
    assert (idx.to_python(u_start), idx.to_python(u_start + u_len, end=True)) == (i, j)


@given(ASTRAL_HEAVY, st.data())
def test_any_utf16_offset_lands_in_bounds_and_orders(text, data):
    idx = Utf16Index(text)
    o = data.draw(st.integers(0, idx.length))
    start, end = idx.to_python(o), idx.to_python(o, end=True)
    assert 0 <= start <= end <= len(text)
    assert end - start <= 1
