"""Invariants over arbitrary and generated text: no crash, spans in bounds, determinism,
and fixes that restore the text the boilerplate was injected into."""

from __future__ import annotations

import itertools
import random

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscheck import Document, apply_fixes
from newscheck.checkers.boilerplate import patterns as P
from newscheck.checkers.boilerplate._data import KEY_LEN, TriggerScanner, trie_pattern
from newscheck.testing import generate_article, generate_labelled_article

from .conftest import CHECKER, run

pieces = st.sampled_from(
    [
        "The council said. ", "CLICK HERE TO GET THE APP", "Advertisement", "\n", "\n\n", "\r\n", " ",
        "Read more: Bank raises rates", "(AP Photo/Evan Vucci)", "© 2024 ", "Putin signs decree naming",
        "“Quote,” he said. ", "- ", "## ", "Getty Images", "|", "/", "(", ")", "\u00a0", "é", "😀",
        "Follow us on Twitter.", "Officials said the bridge would reopen on Monday after repairs. ",
    ]
)
texts = st.text() | st.lists(pieces, max_size=40).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts, st.sampled_from(["text", "markdown"]))
def test_no_crash_spans_in_bounds_one_finding_per_unit_deterministic(text, fmt):
    findings = list(CHECKER.check(Document(text, format=fmt)))
    assert findings == list(CHECKER.check(Document(text, format=fmt)))
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert f.code.startswith("NC1") and f.fix is not None
        for e in f.fix.edits:
            assert 0 <= e.start <= f.start and f.end <= e.end <= len(text) and e.replacement == ""
    spans = sorted((f.start, f.end) for f in findings)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), "units never overlap"
    _, applied = apply_fixes(text, findings, unsafe=True)
    assert len(applied) == len(findings), "fixes never overlap"


@SETTINGS
@given(st.integers(0, 10_000))
def test_clean_generated_articles_have_no_boilerplate(seed):
    rnd = random.Random(seed)
    text = generate_article(rnd, paragraphs=rnd.randint(6, 12), variant=rnd.choice(["us", "gb"]))
    assert run(text) == []


@SETTINGS
@given(st.integers(0, 10_000))
def test_fixes_restore_the_article_the_boilerplate_was_injected_into(seed):
    rnd = random.Random(seed)
    base = generate_article(rnd, paragraphs=rnd.randint(6, 12), variant=rnd.choice(["us", "gb"]))
    damaged = generate_labelled_article(rnd, categories="boilerplate", base=base)
    findings = run(damaged.text)
    for d in damaged.defects:
        if d.kind != "inserted-headline":  # headlines with a bare plural verb are missed
            assert any(f.start < d.end and d.start < f.end for f in findings), d.slice(damaged.text)
    for f in findings:
        assert any(f.start < d.end and d.start < f.end for d in damaged.defects), damaged.text[f.start : f.end]
    if len(findings) == len(damaged.defects):
        fixed, _ = apply_fixes(damaged.text, findings, unsafe=True)
        assert fixed == base
        assert run(fixed) == []


phrases = st.lists(st.text(alphabet="abcAB '-x", min_size=1, max_size=8), min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(phrases, st.text(alphabet="abcAB '-xy", max_size=60))
def test_trie_pattern_matches_like_a_plain_alternation(words, text):
    words = [" ".join(w.split()) for w in words if w.split()]
    if not words:
        return
    trie = regex.compile(trie_pattern(words), regex.I)
    plain = regex.compile(
        "|".join(sorted((regex.escape(w).replace("\\ ", r"[\s\u00a0]+").replace("'", "['’‘]")
                         for w in words), key=len, reverse=True)),
        regex.I,
    )
    for i in range(len(text) + 1):
        a, b = trie.match(text, i), plain.match(text, i)
        assert (a is None) == (b is None)
        if a:
            assert a.end() == b.end() or a.group(0).lower() in {w.lower() for w in words}


paragraph_texts = st.lists(
    st.lists(pieces, min_size=1, max_size=8).map(lambda ps: " ".join("".join(ps).split()) or "x"), max_size=8
).map("\n\n".join)


@SETTINGS
@given(paragraph_texts, st.sampled_from(["text", "markdown"]))
def test_after_the_fixes_a_second_run_finds_nothing(text, fmt):
    # Blank-line paragraphs: a fix never changes how the remaining lines group into paragraphs.
    findings = list(CHECKER.check(Document(text, format=fmt)))
    fixed, _ = apply_fixes(text, findings, unsafe=True)
    assert list(CHECKER.check(Document(fixed, format=fmt))) == []


def _keys_by_token(view: str, tokens) -> list[tuple[int, str]]:
    """The plain definition the scanner replaces: every token's key, filtered."""
    low = view.lower() if len(view.lower()) == len(view) else view.translate({c: c + 32 for c in range(65, 91)})
    return [(s, low[s:e][:KEY_LEN]) for s, e in tokens]


trigger_text = st.text(st.characters(blacklist_categories=("Cs",))) | st.lists(
    st.sampled_from(["get", "Have", "THIS", "_you", "x-you", "don't", "e-mail", "’sign", "İ", "\u0301", "subscribe",
                     "see", "-", ".", "'", " ", "\n", "9", "é", "K\u212a", "şhare", "ﬁ"]),
    max_size=30,
).map("".join)


@SETTINGS
@given(trigger_text)
def test_trigger_scanner_finds_exactly_the_tokens_whose_key_opens_a_pattern(text):
    scanner = TriggerScanner((P.PROMO, P.LISTED))
    doc = Document(text)
    want = [(s, k) for s, k in _keys_by_token(doc.view, doc.tokens) if k in scanner.keys]
    assert scanner.triggers(doc.view, doc.tokens.starts, doc.tokens.ends) == want


def test_lowering_in_pieces_equals_lowering_at_once(monkeypatch):
    from newscheck import lowercase
    from newscheck.checkers.boilerplate import _data

    monkeypatch.setattr(lowercase, "LOWER_CHUNK", 8)  # lower() lives there, shared with consistency
    rnd = random.Random(3)
    alphabet = list("aAΣσς ΑΒ.'\u0301\u00ad-x  \nİé")  # final sigma, a length-changing İ, ignorables
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 60)))
        whole = text.lower()
        want = whole if len(whole) == len(text) else text.translate({c: c + 32 for c in range(65, 91)})
        assert _data._lower(text) == want, text
        assert _data.lower(text) == whole, text


def test_a_heading_whose_opening_sentence_goes_is_compared_as_the_paragraph_that_stays():
    # The fix deletes "## Follow us on Twitter." with its "#": what stays repeats paragraph 1,
    # so the first run already reports the repeat (and the second run finds nothing).
    text = "The council said. The council said.\n\n## Follow us on Twitter. The council said. The council said."
    findings = list(CHECKER.check(Document(text)))
    assert [(f.code, f.start) for f in findings] == [("NC107", 37)]
    fixed, _ = apply_fixes(text, findings, unsafe=True)
    assert list(CHECKER.check(Document(fixed))) == []
    # In Markdown the "## " stays (it is outside the sentence): a heading, not a repeat.
    assert [f.code for f in CHECKER.check(Document(text, format="markdown"))] == ["NC101"]
