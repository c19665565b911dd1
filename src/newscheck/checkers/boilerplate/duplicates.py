"""Exact and near-duplicate paragraphs, found in linear time.

Exact repeats are found by a dictionary of normalised paragraphs. Near repeats are
compared with rapidfuzz only when two paragraphs open or close with the same few words
(the blocking keys), and a key shared by many paragraphs is dropped, so the number of
comparisons stays close to the number of paragraphs instead of growing with its square.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from collections import Counter
from itertools import compress, repeat
from operator import itemgetter
from typing import Protocol

from rapidfuzz import fuzz

from ._data import lower

__all__ = ["find_duplicates"]

#: Fewest words for an exact repeat to count (shorter lines repeat legitimately: names, labels).
EXACT_MIN_WORDS = 6
#: Fewest words for a near repeat to count.
NEAR_MIN_WORDS = 12
EDGE_WORDS = 4
#: A blocking key shared by more paragraphs than this is ignored (boilerplate-like phrasing).
MAX_BUCKET = 8


class _Para(Protocol):
    index: int
    kind: str
    kept: tuple[str, int]


# The comparison is of words, in lower case: whitespace and the punctuation and symbols
# below U+2FFF (except apostrophes) separate them. As str.translate is slow on non-ASCII
# text, the non-ASCII separators become spaces by one regex substitution, and the rest is
# done on the UTF-8 bytes (bytes.translate and bytes.split run at memory speed).
def _is_separator(c: int) -> bool:
    ch = chr(c)
    return ch.isspace() or (c < 0x2FFF and not ch.isalnum() and ch not in "'’")


def _class_of(codes: list[int]) -> str:
    parts, i = [], 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        parts.append(f"\\U{codes[i]:08x}" + (f"-\\U{codes[j]:08x}" if j > i else ""))
        i = j + 1
    return "".join(parts)


#: The one character above U+2FFF that str.isspace() accepts (a test checks).
IDEOGRAPHIC_SPACE = 0x3000
_NON_ASCII_SEPARATORS = re.compile(
    "[" + _class_of([c for c in range(128, 0x2FFF) if _is_separator(c)] + [IDEOGRAPHIC_SPACE]) + "]+"
)
_ASCII_SEPARATORS = bytes(32 if c < 128 and _is_separator(c) else c for c in range(256))


_NON_ASCII = re.compile("[^\x00-\x7f]")
_SEPARATOR_CHARS = frozenset(chr(c) for c in range(128, 0x2FFF) if _is_separator(c)) | {chr(IDEOGRAPHIC_SPACE)}
#: Non-ASCII characters from which the one substitution is cheaper than a replace of each kind.
_FEW = 24


def _flat(text: str) -> bytes:
    """The paragraph in lower case and UTF-8, every separator a space: its words are
    ``_flat(text).split()`` (runs of separators are not merged: only the words count)."""
    low = lower(text)
    if not low.isascii():
        # Mostly a few curly quotes and dashes in English text: each kind is replaced in
        # one pass, as the big class of the substitution costs a test per character.
        odd = _NON_ASCII.findall(low)
        if len(odd) > _FEW:
            low = _NON_ASCII_SEPARATORS.sub(" ", low)
        else:
            for ch in _SEPARATOR_CHARS.intersection(odd):
                low = low.replace(ch, " ")
    return low.encode("utf-8", "surrogatepass").translate(_ASCII_SEPARATORS)


#: The same for ASCII characters, on text encoded one byte per character: ``flat_text``
#: below, whose slice for an ASCII paragraph is its ``_flat``.
FLAT_TABLE = bytes(c + 32 if 65 <= c <= 90 else _ASCII_SEPARATORS[c] for c in range(256))


def _cp1252_flat_table() -> bytes:
    table = bytearray(FLAT_TABLE)
    for c in range(128, 256):
        try:
            low = bytes([c]).decode("cp1252").lower()
        except UnicodeDecodeError:
            continue  # (a byte the encoder never writes)
        table[c] = 32 if _is_separator(ord(low)) else low.encode("cp1252")[0]
    return bytes(table)


#: For every character of cp1252 (which holds the curly quotes, dashes and accented
#: letters of most English and Western European text), one byte: its lower case in
#: cp1252, or a space for a separator. On a view that cp1252 encodes whole, the slice of
#: the translated text for any paragraph has the words of its ``_flat``, in cp1252.
CP1252_FLAT_TABLE = _cp1252_flat_table()


def encode_view(view: str) -> tuple[bytes, bool]:
    """The view one byte per character in cp1252 ("?" for a character it lacks), and
    whether it lacks none (no more "?" than the view holds). The gate text and the ASCII
    paragraphs read the same as from latin-1. (One pass: a strict encoding that fails
    near the end of a long text would cost a second.)"""
    if view.isascii():
        return view.encode("ascii"), True
    encoded = view.encode("cp1252", "replace")
    return encoded, encoded.count(b"?") == view.count("?")


def flat_document(encoded: bytes, whole: bool) -> bytes:
    """The ``flat_text`` of :func:`find_duplicates` from :func:`encode_view`'s answer."""
    return encoded.translate(CP1252_FLAT_TABLE if whole else FLAT_TABLE)


def _flat_cp1252(text: str) -> bytes:
    """``_flat(text)``'s words in cp1252 rather than UTF-8, for a text cp1252 encodes."""
    return text.encode("cp1252").translate(CP1252_FLAT_TABLE)


def _words(text: str) -> list[bytes]:
    """The paragraph's words, lower case and UTF-8 encoded, punctuation dropped."""
    return _flat(text).split()


def find_duplicates(
    paras: Sequence[_Para], skip: Iterable[int], threshold: float, flat_text: bytes | None = None,
    *, whole: bool = False, encoded: bytes | None = None,
) -> Iterator[tuple[int, int, float]]:
    """Yield ``(later, earlier, score)`` for each paragraph repeating an earlier one.

    ``score`` is 100 for an exact (normalised) repeat, else the rapidfuzz ratio.
    ``flat_text``, the document's view encoded one byte per character (latin-1 or cp1252,
    "?" for the rest) and translated by FLAT_TABLE, saves flattening each ASCII paragraph
    on its own (the paragraphs then need ``start``, ``end`` and ``text``). With ``whole``,
    it is a view that cp1252 encodes whole translated by CP1252_FLAT_TABLE (see
    :func:`flat_document`): every paragraph is sliced from it, and when no two paragraphs
    share an opening or closing, which C-level splits and sets tell, nothing else is done
    (that test reads each paragraph's ``kept_text``, the text of ``kept``, and no count),
    and else only the paragraphs that share one are read further. Without ``whole``, given
    ``encoded`` (:func:`encode_view`'s bytes, "?" for what cp1252 lacks), the same test
    runs on each paragraph's words in UTF-8 (from those bytes where cp1252 holds it all).

    A paragraph's whole normalised text is built only when it is compared: an exact
    repeat opens with the same words, so the texts of paragraphs are joined only once
    another paragraph opens like them (every paragraph still at most once).
    """
    skipped = set(skip)
    if whole or encoded is not None:
        # Only the paragraphs that share an opening or close with another can repeat one,
        # or be repeated: the others would only add keys that nothing looks up.
        sharing = _sharing(paras, skipped, flat_text) if whole else _sharing_utf8(paras, skipped, encoded)
        if not sharing:
            return
        paras = [p for p in paras if p.index in sharing]
    seen: dict[bytes, int] = {}  # normalised text -> first paragraph with it
    # opening words -> paragraphs not yet in ``seen`` (none of them repeats another): the
    # one paragraph that opens so, or () once several did. And blocking key -> paragraphs,
    # the one or a list. (A lone index is no new object: most keys have one paragraph.)
    waiting: dict[bytes, int | tuple[()]] = {}
    buckets: dict[bytes, int | list[int]] = {}
    # the flattened paragraph, or the paragraph until that is needed (its opening and close
    # were flattened on their own)
    flat: dict[int, bytes | _Para] = {}
    norms: dict[int, bytes] = {}
    texts: dict[int, str] = {}  # decoded norms, for rapidfuzz: only of the paragraphs compared

    def flat_of(q: _Para) -> bytes:
        text = q.kept[0]
        if whole:
            return flat_text[q.start : q.end] if text is q.text else _flat_cp1252(text)
        if flat_text is not None and text is q.text and text.isascii():
            return flat_text[q.start : q.end]
        return _flat(text)

    decode = _decode_cp1252 if whole else _decode

    def norm_of(i: int) -> bytes:
        norm = norms.get(i)
        if norm is None:
            f = flat.pop(i)
            if not isinstance(f, bytes):
                f = flat_of(f)
            norm = norms[i] = b" ".join(f.split())
        return norm

    for p in paras:
        text, n = p.kept  # what stays of the paragraph once its own flagged sentences go
        i = p.index
        if p.kind == "heading" or n < EXACT_MIN_WORDS or i in skipped:
            continue
        # The first NEAR_MIN_WORDS - 1 words, then the rest unsplit: enough for the opening
        # words and to tell whether there are NEAR_MIN_WORDS words. Read from the opening
        # characters alone when they hold them all.
        f = None
        first = None
        if whole:
            f = flat_of(p)
        elif flat_text is not None and text is p.text:
            if text.isascii():
                f = flat_text[p.start : p.end]
            elif len(text) > EDGE_CHARS:
                first = _edge(text[:EDGE_CHARS], flat_text, p.start, False)
                if first is not None and len(first) < NEAR_MIN_WORDS:
                    first = None
        if first is None:
            if f is None:
                f = _flat(text)
            first = f.split(None, NEAR_MIN_WORDS - 1)
        flat[i] = p if f is None else f
        head = b" ".join(first[:EDGE_WORDS])
        earlier = waiting.get(head)
        if earlier is None:
            waiting[head] = i
        else:
            if earlier != ():
                seen.setdefault(norm_of(earlier), earlier)
                waiting[head] = ()
            norm = norm_of(i)
            if norm in seen:
                yield i, seen[norm], 100.0
                continue
            seen[norm] = i
        if len(first) < NEAR_MIN_WORDS:
            continue
        last = None
        if f is None:  # the opening was enough: try the close
            last = _edge(text[-EDGE_CHARS:], flat_text, p.end - EDGE_CHARS, True)
            if last is not None and len(last) <= EDGE_WORDS:
                last = None
            if last is None:
                f = flat_of(p)
                if i in flat:  # (not yet taken for its norm)
                    flat[i] = f
        if last is None:
            last = f.rsplit(None, EDGE_WORDS)
        keys = head, b" ".join(last[-EDGE_WORDS:])
        if keys[0] in buckets or keys[1] in buckets:
            best: tuple[float, int] | None = None
            checked: set[int] = set()
            b = ""
            for key in keys:
                bucket = buckets.get(key, ())
                for other in (bucket,) if isinstance(bucket, int) else bucket:
                    if other in checked:
                        continue
                    checked.add(other)
                    a = texts.get(other)
                    if a is None:
                        a = texts[other] = decode(norm_of(other))
                    b = b or decode(norm_of(i))
                    if not 0.8 <= len(a) / len(b) <= 1.25:
                        continue
                    score = fuzz.ratio(a, b, score_cutoff=threshold)
                    if score and (best is None or score > best[0]):
                        best = (score, other)
            if best is not None:
                yield i, best[1], min(best[0], 99.9)
                continue
        for key in keys:
            bucket = buckets.get(key)
            if bucket is None:
                buckets[key] = i
            elif isinstance(bucket, int):
                buckets[key] = [bucket, i]
            elif len(bucket) < MAX_BUCKET:
                bucket.append(i)


#: Characters of a paragraph's opening (and close) read for its first (last) words.
EDGE_CHARS = 160


def _edge(part: str, flat_text: bytes, start: int, end: bool) -> list[bytes] | None:
    """The words of ``part``, the opening (``end`` False) or close of a paragraph starting
    at ``start`` in the document, split as ``_flat`` of the whole paragraph is: the first
    NEAR_MIN_WORDS - 1 words and the rest, or the rest and the last EDGE_WORDS words. Only
    the words whose separator on the cut's side is inside ``part`` are sure to be the
    paragraph's own. None when a capital sigma (lower-cased by what follows) is in it."""
    if part.isascii():
        f = flat_text[start : start + len(part)]
    elif "Σ" in part:
        return None
    else:
        f = _flat(part)
    return f.rsplit(None, EDGE_WORDS) if end else f.split(None, NEAR_MIN_WORDS - 1)


def _decode(norm: bytes) -> str:
    return norm.decode("utf-8", "surrogatepass")


def _decode_cp1252(norm: bytes) -> str:
    return norm.decode("cp1252")


def _sharing(paras: Sequence[_Para], skipped: set[int], flat_text: bytes) -> set[int]:
    """The paragraphs :func:`find_duplicates` (given ``whole``) needs to read: of those with
    EXACT_MIN_WORDS words or more once flattened (as all it reads have: a word token of a
    text cp1252 encodes holds a letter or digit, so no paragraph counts more tokens than
    flattened words), the ones whose
    opening EDGE_WORDS words or closing ones are another's opening or closing words (as if
    each had NEAR_MIN_WORDS words). Mostly none, found by splits, joins and sets run by
    ``map``, with no Python step per paragraph."""
    read = [p for p in paras if p.kind != "heading" and p.index not in skipped]
    flats = [
        flat_text[p.start : p.end] if p.kept_text is p.text else _flat_cp1252(p.kept_text)  # type: ignore[attr-defined]
        for p in read
    ]
    firsts = list(map(bytes.split, flats, repeat(None), repeat(EXACT_MIN_WORDS - 1)))
    enough = list(map(_EXACT_PARTS.__eq__, map(len, firsts)))
    return _shared(list(compress(read, enough)), list(compress(flats, enough)), list(compress(firsts, enough)))


def _sharing_utf8(paras: Sequence[_Para], skipped: set[int], encoded: bytes) -> set[int]:
    """:func:`_sharing` for a view cp1252 cannot encode whole (``encoded`` has "?" for what
    it lacks): the words of each paragraph in UTF-8, as ``_flat`` gives them, read from
    those bytes unless the paragraph holds a character cp1252 lacks (or its kept text is
    not its own). All paragraphs are read, whatever their number of words (a combining mark
    may be a word token that flattening drops)."""
    read = [p for p in paras if p.kind != "heading" and p.index not in skipped]
    cp_flat = encoded.translate(CP1252_FLAT_TABLE)
    flats = []
    for p in read:
        text = p.kept_text  # type: ignore[attr-defined]
        if text is not p.text:
            flats.append(_flat(text))
        elif text.isascii():
            flats.append(cp_flat[p.start : p.end])
        elif encoded.count(b"?", p.start, p.end) == text.count("?"):
            flats.append(cp_flat[p.start : p.end].decode("cp1252").encode("utf-8"))
        else:
            flats.append(_flat(text))
    return _shared(read, flats, list(map(bytes.split, flats, repeat(None), repeat(EDGE_WORDS))))


def _shared(read: list[_Para], flats: list[bytes], firsts: list[list[bytes]]) -> set[int]:
    """The paragraphs of ``read`` whose keys (of ``flats``, split first into ``firsts``)
    are another's."""
    heads = list(map(b" ".join, map(_OPENING_WORDS, firsts)))
    tails = list(map(b" ".join, map(_CLOSING_WORDS, map(bytes.rsplit, flats, repeat(None), repeat(EDGE_WORDS)))))
    # Each paragraph's keys once (its opening and close may be the same words).
    keys = len(heads) + len(tails) - sum(map(bytes.__eq__, heads, tails))
    if len(set(heads).union(tails)) == keys:
        return set()
    counts = Counter(heads)
    counts.update(t for h, t in zip(heads, tails) if t != h)
    shared = {key for key, k in counts.items() if k > 1}
    return {p.index for p, h, t in zip(read, heads, tails) if h in shared or t in shared}


#: (the words and the rest, when a paragraph has EXACT_MIN_WORDS of them)
_EXACT_PARTS = EXACT_MIN_WORDS
_OPENING_WORDS = itemgetter(slice(None, EDGE_WORDS))
_CLOSING_WORDS = itemgetter(slice(-EDGE_WORDS, None))
