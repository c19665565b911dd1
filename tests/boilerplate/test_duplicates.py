"""Duplicate detection stays linear: blocking keeps rapidfuzz comparisons near one per paragraph."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newscheck import Document
from newscheck.checkers.boilerplate import duplicates, patterns
from newscheck.checkers.boilerplate.checker import BoilerplateChecker


def test_comparisons_grow_linearly(monkeypatch):
    calls = []
    real = duplicates.fuzz.ratio

    def counting(a, b, **kw):
        calls.append(1)
        return real(a, b, **kw)

    monkeypatch.setattr(duplicates.fuzz, "ratio", counting)
    paras = [
        f"The committee heard evidence number {i} from witness {i * 7} about the budget for year {i % 13}."
        for i in range(600)
    ]
    list(BoilerplateChecker().check(Document("\n\n".join(paras))))
    assert 0 < len(calls) <= 2 * duplicates.MAX_BUCKET * len(paras)  # all pairs would be ~180,000


def test_near_duplicate_found_whatever_end_changed():
    base = "Ministers said the new tax on sugary drinks would raise £500m a year for school sport."
    start = "Officials said the new tax on sugary drinks would raise £500m a year for school sport."
    end = "Ministers said the new tax on sugary drinks would raise £500m a year for sports clubs."
    for variant in (start, end):
        text = f"{base}\n\nThe levy starts in April.\n\n{variant}\n"
        codes = [f.code for f in BoilerplateChecker().check(Document(text))]
        assert codes == ["NC107"], variant


def test_word_split_equals_translate_and_split_on_every_character():
    # _words avoids the slow str.translate; it must split exactly as the plain definition:
    # whitespace and the punctuation and symbols below U+2FFF, apostrophes kept.
    table = {c: " " for c in range(0x2FFF) if not chr(c).isalnum() and not chr(c).isspace() and chr(c) not in "'’"}
    text = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    # Few non-ASCII characters at a time, as in English text (each kind replaced on its own).
    few = ["a" + "b ".join(chr(c) for c in range(k, k + 12) if not 0xD800 <= c < 0xE000) + "z"
           for k in range(128, 0x110000, 12)]
    for chunk in (text, text[:0x3100], "Don’t  miss—the “Best” café\u00a0deals!\u3000Now… 2,000", *few):
        assert [w.decode() for w in duplicates._words(chunk)] == chunk.lower().translate(table).split()
    assert [c for c in range(0x2FFF, 0x110000) if chr(c).isspace()] == [duplicates.IDEOGRAPHIC_SPACE]


_TABLE = {c: " " for c in range(0x2FFF) if not chr(c).isalnum() and not chr(c).isspace() and chr(c) not in "'’"}


def _plain_find_duplicates(paras, skip, threshold):
    """The definition find_duplicates implements, without its shortcuts."""
    seen, buckets, norms = {}, {}, {}
    for p in paras:
        text, n = p.kept
        if p.kind == "heading" or n < duplicates.EXACT_MIN_WORDS or p.index in skip:
            continue
        words = text.lower().translate(_TABLE).split()
        norm = " ".join(words)
        if norm in seen:
            yield p.index, seen[norm], 100.0
            continue
        seen[norm] = p.index
        norms[p.index] = norm
        if len(words) < duplicates.NEAR_MIN_WORDS:
            continue
        keys = " ".join(words[: duplicates.EDGE_WORDS]), " ".join(words[-duplicates.EDGE_WORDS :])
        best, checked = None, set()
        for key in keys:
            for other in buckets.get(key, ()):
                if other in checked:
                    continue
                checked.add(other)
                a = norms[other]
                if not 0.8 <= len(a) / len(norm) <= 1.25:
                    continue
                score = duplicates.fuzz.ratio(a, norm, score_cutoff=threshold)
                if score and (best is None or score > best[0]):
                    best = (score, other)
        if best is not None:
            yield p.index, best[1], min(best[0], 99.9)
            continue
        for key in keys:
            bucket = buckets.setdefault(key, [])
            if len(bucket) < duplicates.MAX_BUCKET:
                bucket.append(p.index)


class _P:
    def __init__(self, index, text, kind):
        self.index, self.kind, self.kept = index, kind, (text, len(text.split()))


_WORDS = st.sampled_from(
    ["the", "The", "council", "said", "said,", "“Yes”", "tax", "Tax—", "rise", "café", "ΟΔΟΣ", "Don’t", "—", "2,000", "x"]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(_WORDS, min_size=0, max_size=20).map(" ".join), min_size=1, max_size=12),
    st.lists(st.integers(0, 30), max_size=12),
    st.data(),
)
def test_find_duplicates_equals_its_plain_definition(pool, picks, data):
    texts = [pool[i % len(pool)] for i in picks] or pool
    kinds = data.draw(st.lists(st.sampled_from(["paragraph", "paragraph", "heading"]), min_size=len(texts), max_size=len(texts)))
    paras = [_P(i, t, k) for i, (t, k) in enumerate(zip(texts, kinds))]
    skip = set(data.draw(st.lists(st.integers(0, len(paras)), max_size=2)))
    for threshold in (90.0, 60.0):
        want = list(_plain_find_duplicates(paras, skip, threshold))
        assert list(duplicates.find_duplicates(paras, skip, threshold)) == want


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_WORDS, min_size=0, max_size=70).map(" ".join), min_size=1, max_size=12), st.data())
def test_the_flat_document_text_gives_what_each_paragraph_flattened_gives(pool, data):
    # Long paragraphs too: their first and last words are read from their opening and close.
    from newscheck import Document
    from newscheck.checkers.boilerplate.checker import _Para

    texts = data.draw(st.lists(st.sampled_from(pool), min_size=1, max_size=14))
    cut = data.draw(st.integers(0, 3))  # near repeats: a copy losing a word at either end
    texts = [t.split(" ", cut)[-1] if k % 3 == 1 else t.rsplit(" ", cut)[0] if k % 3 == 2 else t
             for k, t in enumerate(texts)]
    doc = Document("\n\n".join(t or "x" for t in texts))
    paras = [_Para(p, doc.view, doc) for p in doc.paragraphs]
    flat_text = doc.view.encode("latin-1", "replace").translate(duplicates.FLAT_TABLE)
    encoded, whole = duplicates.encode_view(doc.view)  # (what the checker passes)
    for threshold in (90.0, 60.0):
        want = list(duplicates.find_duplicates(paras, set(), threshold))
        assert list(duplicates.find_duplicates(paras, set(), threshold, flat_text)) == want
        got = duplicates.find_duplicates(
            paras, set(), threshold, duplicates.flat_document(encoded, whole), whole=whole, encoded=encoded
        )
        assert list(got) == want


def test_cp1252_flat_has_the_words_of_flat_for_every_cp1252_character():
    chars = []
    for b in range(256):
        try:
            chars.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            pass
    for text in ("".join(chars), " ".join(chars), "x".join(chars), "Don’t  miss—the “Best” CAFÉ\u00a0deals… ŒUVRE Š"):
        assert duplicates._flat_cp1252(text).decode("cp1252").split() == duplicates._flat(text).decode().split()


_CP1252_WORDS = st.sampled_from(
    ["the", "The", "council", "said", "said,", "“Yes”", "tax", "Tax—", "rise", "café", "CAFÉ", "Don’t", "don't", "—",
     "2,000", "x", "Œuvre", "naïve", "…", "«non»"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_CP1252_WORDS, min_size=0, max_size=30).map(" ".join), min_size=1, max_size=10), st.data())
def test_the_cp1252_document_text_and_its_repeat_check_give_the_plain_definition(pool, data):
    # The whole-document shortcut: every paragraph (and what is kept of one) sliced from the
    # cp1252 text, and the split-and-set test that most documents stop at.
    from newscheck import Document
    from newscheck.checkers.boilerplate.checker import _Para

    texts = data.draw(st.lists(st.sampled_from(pool), min_size=1, max_size=12))
    cut = data.draw(st.integers(0, 3))
    texts = [t.split(" ", cut)[-1] if k % 3 == 1 else t.rsplit(" ", cut)[0] if k % 3 == 2 else t
             for k, t in enumerate(texts)]
    doc = Document("\n\n".join(t or "x" for t in texts))
    paras = [_Para(p, doc.view, doc) for p in doc.paragraphs]
    for p in paras:
        if data.draw(st.booleans()) and " " in p.text:  # what stays once a flagged sentence goes
            kept = p.text.split(" ", 1)[1]
            p.kept = (kept, len(patterns.WORD.findall(kept)))  # (counted as the checker counts)
    encoded, whole = duplicates.encode_view(doc.view)
    assert whole
    flat_text = duplicates.flat_document(encoded, whole)
    skip = set(data.draw(st.lists(st.integers(0, len(paras)), max_size=2)))
    for threshold in (90.0, 60.0):
        want = list(_plain_find_duplicates(paras, skip, threshold))
        assert list(duplicates.find_duplicates(paras, skip, threshold, flat_text, whole=True)) == want
        sharing = duplicates._sharing(paras, skip, flat_text)
        assert {i for pair in want for i in pair[:2]} <= sharing


def test_a_view_cp1252_cannot_encode_gets_no_shortcut():
    text = "Ein Straßenfest in Łódź, “heute”?"
    encoded, whole = duplicates.encode_view(text)
    assert not whole and encoded == text.encode("cp1252", "replace")
    assert duplicates.encode_view("naïve “café”?") == ("naïve “café”?".encode("cp1252"), True)


def test_every_word_character_cp1252_holds_stays_in_a_flattened_word():
    # So no paragraph of a text cp1252 encodes counts more word tokens than flattened words,
    # which the shortcut of find_duplicates relies on.
    import regex

    word_char = regex.compile(r"[\p{L}\p{M}\p{N}]")
    for b in range(256):
        try:
            c = bytes([b]).decode("cp1252")
        except UnicodeDecodeError:
            continue
        if word_char.fullmatch(c):
            assert duplicates.CP1252_FLAT_TABLE[b] != 32, c


_ANY_WORDS = st.sampled_from(
    ["the", "The", "council", "said,", "“Yes”", "Tax—", "café", "ΟΔΟΣ", "οδός", "Σ", "Łódź", "Don’t", "—", "x", "?",
     "naïve", "e\u0301", "\u0301", "日本", "😀", "İ", "K"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_ANY_WORDS, min_size=0, max_size=30).map(" ".join), min_size=1, max_size=10), st.data())
def test_the_repeat_check_of_any_text_gives_the_plain_definition(pool, data):
    # What the checker passes: the cp1252 bytes of the view, whole or not, and kept texts.
    from newscheck import Document
    from newscheck.checkers.boilerplate.checker import _Para

    texts = data.draw(st.lists(st.sampled_from(pool), min_size=1, max_size=12))
    doc = Document("\n\n".join(t or "x" for t in texts))
    paras = [_Para(p, doc.view, doc) for p in doc.paragraphs]
    for p in paras:
        if data.draw(st.booleans()) and " " in p.text:
            kept = p.text.split(" ", 1)[1]
            p.kept = (kept, len(patterns.WORD.findall(kept)))
    encoded, whole = duplicates.encode_view(doc.view)
    flat_text = duplicates.flat_document(encoded, whole)
    skip = set(data.draw(st.lists(st.integers(0, len(paras)), max_size=2)))
    for threshold in (90.0, 60.0):
        want = list(_plain_find_duplicates(paras, skip, threshold))
        assert list(duplicates.find_duplicates(paras, skip, threshold, flat_text, whole=whole, encoded=encoded)) == want
