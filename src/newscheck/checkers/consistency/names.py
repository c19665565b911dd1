"""Proper names spelled more than one way in one article.

``find_name_variants`` works without a list: it collects capitalised name candidates,
blocks them by a transliteration-aware consonant skeleton, and compares only forms in
the same block. ``KnownVariants`` matches the curated table in ``data/known_variants.toml``.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache, partial
from itertools import chain, compress, filterfalse

import regex
from rapidfuzz.distance import Levenshtein

from ...document import Document
from ._data import data_lines, read_toml
from ._text import Ranges, TextFacts

# A capitalised word, with an optional Arabic article ("al-Qaeda") and an optional
# possessive ("Putin’s"). Inner hyphens and apostrophes belong to the name ("O'Brien").
_NAME = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}_'’\-‐])"
    r"(?P<prefix>(?:[aAeE]l|[aA][dnrstz]|[aA]sh)[-‐])?"
    r"(?P<stem>\p{Lu}[\p{L}\p{M}]*(?:[-‐](?:\p{Lu}[\p{L}\p{M}]*|\p{Ll}{1,3}(?![\p{L}\p{M}]))"
    r"|['’](?!(?:[sdmt]|ll|re|ve)(?![\p{L}\p{M}]))\p{L}[\p{L}\p{M}]*)*)"
    r"(?P<poss>['’][sS]?)?"
    r"(?![\p{L}\p{M}\p{N}])"
)
_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{M}])\p{Ll}[\p{Ll}\p{M}]+")
# "ObamaCare", "McDonald", "NATO": internal capitals are brand or acronym styling, not spelling.
_INNER_CAP = regex.compile(r"(?<=[\p{L}\p{M}])\p{Lu}")
# Letters that transliterations swap (Yasser/Yasir, Mahmoud/Mahmud, Victor/Viktor).
_SWAPS = frozenset(
    (a, b) for x, y in ("ei", "ou", "ae", "ck", "gk", "sz") for a, b in ((x, y), (y, x))
)
_APOSTROPHES_HYPHENS = str.maketrans("", "", "'’-‐`´")
# Ordered transliteration folds; each maps spellings that stand for one sound or letter.
_FOLDS = (
    ("shch", "sh"), ("sch", "sh"), ("tch", "ch"), ("dzh", "j"), ("kh", "h"), ("ph", "f"), ("ue", "u"), ("oe", "o"),
    ("ck", "k"), ("dh", "d"), ("gh", "g"), ("q", "k"), ("ks", "x"), ("ou", "u"), ("w", "v"),
    ("iy", "i"), ("yy", "i"), ("y", "i"), ("ij", "i"),
)
_LEADING_IE = regex.compile(r"^ie")
_FINAL_OV = regex.compile(r"ov$")
# Older French-style romanisation of Russian -ov (Rachmaninoff, Smirnoff, Niyazoff).
_FINAL_OFF = regex.compile(r"off$")
# Ukrainian -enko surnames end in -enka in Belarusian romanisation (Lukashenko/Lukashenka).
_FINAL_ENKA = regex.compile(r"enka$")
_FINAL_H = regex.compile(r"(?<=[aeiou])h$")
# (the standard library's re: the same pattern, less call overhead on short names)
_DOUBLE = re.compile(r"(.)\1+")
_VOWEL_CHARS = frozenset("aeiou")
# The skeleton drops vowels and h and merges g/k/c and s/z.
_NO_VOWELS_H = str.maketrans({**dict.fromkeys("aeiouh"), "g": "k", "c": "k", "z": "s"})
# Real articles put a handful of forms in one block; a text that puts hundreds there (word
# lists, garbage) is compared only within its first _MAX_BLOCK forms, keeping the check linear.
_MAX_BLOCK = 32
_SUFFIXES = ("a", "s", "es", "n", "an", "ian", "ia", "i", "ese", "ite", "ites", "ist", "ists", "ic", "ish", "ns")


def strip_diacritics(s: str) -> str:
    if s.isascii():  # nothing to decompose (most names: the fast path)
        return s
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _single(s: str) -> str:
    """Doubled letters single."""
    return _DOUBLE.sub(r"\1", s)


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """A spelling-insensitive key: "Kharkov" and "Kharkiv" both give "hariv"-like keys."""
    s = strip_diacritics(name).lower().translate(_APOSTROPHES_HYPHENS)
    for old, new in _FOLDS:
        s = s.replace(old, new)
    if "\n" in s:  # (never in a name) "$" also matches before a final newline
        s = _LEADING_IE.sub("e", s)
        s = _FINAL_OFF.sub("ov", s)
        s = _FINAL_OV.sub("iv", s)
        s = _FINAL_ENKA.sub("enko", s)
        s = _FINAL_H.sub("", s)
        return _DOUBLE.sub(r"\1", s)
    # The same edits as those patterns, by string tests (a regex sub costs microseconds).
    if s.startswith("ie"):
        s = "e" + s[2:]
    if s.endswith("off"):
        s = s[:-3] + "ov"
    if s.endswith("ov"):
        s = s[:-2] + "iv"
    if s.endswith("enka"):
        s = s[:-4] + "enko"
    if s.endswith("h") and s[-2:-1] in _VOWEL_CHARS:
        s = s[:-1]
    return _single(s)


@lru_cache(maxsize=65536)
def skeleton(norm: str) -> str:
    """The blocking key: consonants only, with g/k/c and s/z merged."""
    return _single(norm.translate(_NO_VOWELS_H))


def _load_distinct() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for line in data_lines("distinct_names.txt"):
        names = [n.strip().lower() for n in line.split("|") if n.strip()]
        for n in names:
            out[n].update(x for x in names if x != n)
    return {k: frozenset(v) for k, v in out.items()}


_DISTINCT = _load_distinct()
_TITLES = frozenset(data_lines("titles.txt"))
_OPENERS = frozenset(data_lines("sentence_openers.txt"))


@dataclass(slots=True)
class Occurrence:
    start: int  # of the stem
    end: int
    stem: str
    initial: bool  # sentence-initial or in a headline: capitalisation proves nothing
    prev: str | None  # the capitalised word right before, if any
    nxt: str | None  # the capitalised word right after, if any


@dataclass(slots=True)
class Form:
    stem: str
    norm: str
    occurrences: list[Occurrence] = field(default_factory=list)
    #: the word also appears in lower case in the article ("More" / "more")
    common_word: bool = False

    @property
    def name_like(self) -> bool:
        """Capitalised where a capital proves a name, or never written in lower case."""
        return not self.common_word or any(not o.initial for o in self.occurrences)

    @property
    def first(self) -> int:
        return self.occurrences[0].start


@dataclass(frozen=True, slots=True)
class VariantGroup:
    """Forms judged to be one name; ``majority`` is the form the others should follow."""

    majority: Form
    minority: tuple[Form, ...]
    exact: bool  # every minority form has the same normalised key as the majority
    tie: bool


def collect_forms(doc: Document, facts: TextFacts) -> dict[str, Form]:
    """The name forms of ``doc`` that ``find_name_variants`` may join: those whose block holds
    another form (a form alone in its block is never compared, so it is not built)."""
    view = doc.view
    # (match start, match end, stem start, stem end) of each name, flat: little memory
    spans = array("q", chain.from_iterable((*m.span(), *m.span("stem")) for m in _NAME.finditer(view)))
    by_block: dict[str, list[str]] = defaultdict(list)
    for stem in dict.fromkeys(map(view.__getitem__, map(slice, spans[2::4], spans[3::4]))):
        if len(stem) >= 4 and not _INNER_CAP.search(stem):  # long enough, without inner capitals
            by_block[skeleton(normalise(stem))].append(stem)
    wanted = {stem for block in by_block.values() if len(block) > 1 for stem in block}
    if not wanted:
        return {}
    # Whether a word is written in lower case: looked for alone while few are asked about,
    # then (a long text of many names) all lower-case words found in one scan.
    asked: dict[str, bool] = {}
    lower: set[str] | None = None

    def in_lower(word: str) -> bool:
        nonlocal lower
        if lower is not None:
            return word in lower
        found = asked.get(word)
        if found is None:
            if len(asked) >= _FEW_WORDS:
                lower = set()
                for a, b in _piece_bounds(view):  # (a list of every word of a long text would be big)
                    lower.update(_LOWER_WORD.findall(view, a, b))
                return word in lower
            found = asked[word] = _is_lower_word(view, word)
        return found

    initials, in_title = facts.initial, facts.in_title

    def stem_of(i: int) -> str:
        return view[spans[4 * i + 2] : spans[4 * i + 3]]

    def initial(i: int) -> bool:
        """Sentence-initial or in a headline (the prefix, "al-", is there when the match
        starts before the stem)."""
        m_start, start = spans[4 * i], spans[4 * i + 2]
        return start in initials or in_title(start) or (m_start != start and m_start in initials)

    def adjacent(i: int) -> bool:
        """One space between this name and the one before."""
        gap = spans[4 * i - 3]
        return i > 0 and spans[4 * i] - gap == 1 and view[gap] in " \u00a0"

    forms: dict[str, Form] = {}
    n = len(spans) // 4
    for i in range(n):
        stem = stem_of(i)
        if stem not in wanted:
            continue
        prev = None
        if adjacent(i):
            before = stem_of(i - 1)
            # A sentence-initial common word ("Then Abramovitch") is no first name.
            if not (initial(i - 1) and (before in _OPENERS or in_lower(before.lower()))):
                prev = before
        nxt = stem_of(i + 1) if i + 1 < n and adjacent(i + 1) else None
        form = forms.get(stem)
        if form is None:
            form = forms[stem] = Form(stem, normalise(stem))
        form.occurrences.append(Occurrence(spans[4 * i + 2], spans[4 * i + 3], stem, initial(i), prev, nxt))
    for form in forms.values():
        form.common_word = in_lower(form.stem.lower())
    return forms


#: Words looked for one by one before all are found at once (each search reads the text).
_FEW_WORDS = 16
_LOWER_WORD_ALONE = regex.compile(r"\p{Ll}[\p{Ll}\p{M}]+")
_LETTER_OR_MARK = regex.compile(r"[\p{L}\p{M}]")
_LOWER_OR_MARK = regex.compile(r"[\p{Ll}\p{M}]")


def _is_lower_word(view: str, word: str) -> bool:
    """``word in _LOWER_WORD.findall(view)``, by looking for the word alone: its matches are
    the runs of lower-case letters (and marks) after no letter, each as long as it goes."""
    if not _LOWER_WORD_ALONE.fullmatch(word):
        return False
    n = len(word)
    i = view.find(word)
    while i >= 0:
        if (i == 0 or not _LETTER_OR_MARK.match(view, i - 1)) and not _LOWER_OR_MARK.match(view, i + n):
            return True
        i = view.find(word, i + 1)
    return False


def _root(parent: dict[str, str], s: str) -> str:
    while parent[s] != s:
        parent[s] = parent[parent[s]]
        s = parent[s]
    return s


def _is_derived(a: str, b: str) -> bool:
    """One is the other plus a common suffix (Niger/Nigeria, Iraq/Iraqi, Serb/Serbs)."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return long_.startswith(short) and long_[len(short):] in _SUFFIXES


def _same_name(a: Form, b: Form) -> tuple[bool, bool]:
    """(is a variant pair, exact normalised match)."""
    return _spelled_alike(a.stem, a.norm, b.stem, b.norm)


@lru_cache(maxsize=16384)
def _spelled_alike(a: str, an: str, b: str, bn: str) -> tuple[bool, bool]:
    la, lb = a.lower(), b.lower()
    if lb in _DISTINCT.get(la, ()):  # listed look-alikes
        return False, False
    sa, sb = strip_diacritics(la), strip_diacritics(lb)
    if _is_derived(sa, sb) or _is_derived(an, bn):
        return False, False
    if la == lb:  # differ only in case: styling, not spelling
        return False, False
    if an == bn:
        return True, True
    shortest = min(len(an), len(bn))
    # The first letter must agree, or be a swap romanisations make (Gaddafi/Kadafi, Catalonia/Katalonia).
    if an[0] != bn[0] and (an[0], bn[0]) not in _SWAPS or shortest < 6:
        return False, False
    ops = Levenshtein.editops(an, bn)
    vowel_swaps = all(op.tag == "replace" and an[op.src_pos] in "aeiou" for op in ops)
    if not (len(ops) == 1 or len(ops) == 2 and (shortest >= 9 or vowel_swaps and shortest >= 7)):
        return False, False
    for op in ops:
        if op.tag == "replace" and (an[op.src_pos], bn[op.dest_pos]) not in _SWAPS:
            return False, False
    # Different final vowels usually mark different names (Mario/Maria, Roberto/Roberta).
    if an[:-1] == bn[:-1] and an[-1] in "aeiou" and bn[-1] in "aeiou":
        return False, False
    return True, False


def _neighbours(form: Form, attr: str) -> set[str]:
    out = set()
    for o in form.occurrences:
        w = getattr(o, attr)
        if w and w not in _TITLES and not w.isupper():
            out.add(normalise(w))
    return out


def _different_people(a: Form, b: Form, exact: bool) -> bool:
    """"Jon Smith" and "John Brown": both used with other names, never the same ones.

    For an exact match after folding only the next word counts (first names: Dianne
    Feinstein / Diane Black): the word before differs in "Campaign Committee" and
    "Congressional Commitee", yet one is a misspelling.
    """
    for attr in ("nxt",) if exact else ("prev", "nxt"):
        na, nb = _neighbours(a, attr), _neighbours(b, attr)
        if na and nb and not (na & nb):
            return True
    return False


def _may_be_name(token: str) -> bool:
    if token.isascii() and token.isalpha():  # (the same test without a regex)
        return len(token) >= 4 and token.istitle()
    return len(token) >= 4 and token[0].isupper() and not _INNER_CAP.search(token)


_LINE_IE = re.compile(r"^ie", re.M)
_LINE_EDITS = (
    (re.compile(r"off$", re.M), "ov"),
    (re.compile(r"ov$", re.M), "iv"),
    (re.compile(r"enka$", re.M), "enko"),
    (re.compile(r"(?<=[aeiou])h$", re.M), ""),
)


def _normalise_lines(names: list[str]) -> list[str]:
    """``[normalise(n) for n in names]`` for names without a line break, as a few string
    operations on the names joined one per line instead of two dozen per name."""
    if not names:
        return []
    s = "\n".join(names)
    if not s.isascii():
        s = "\n".join(map(strip_diacritics, names))
    s = s.lower().translate(_APOSTROPHES_HYPHENS)
    for old, new in _FOLDS:
        if old in s:
            s = s.replace(old, new)
    # normalise's edits at either end of a name, at either end of each line (re.M)
    s = _LINE_IE.sub("e", s)
    for pattern, repl in _LINE_EDITS:
        s = pattern.sub(repl, s)
    return _DOUBLE.sub(r"\1", s).split("\n")


class _BlockMemo:
    """Word -> blocking key, remembered across articles (names recur), bounded like an lru_cache.

    A word that may not be a name gets the key ``(word,)``, which is no block and no other
    word's key: it never shares a block.

    Besides, each word gets a narrower key that two words spelled alike always share: two
    normalised forms shorter than six letters are alike only when equal (``_spelled_alike``),
    so such a word's narrow key is its normalised form; a longer word's is its block.
    """

    _LIMIT = 65536

    def __init__(self) -> None:
        self.block: dict[str, str | tuple[str]] = {}
        self.narrow: dict[str, str | tuple[str]] = {}
        self.norm: dict[str, str] = {}

    def cache_clear(self) -> None:
        self.block.clear()
        self.narrow.clear()
        self.norm.clear()

    def blocks(self, tokens: list[str]) -> list[str | tuple[str]]:
        return self._keys(self.block, tokens)

    def narrow_blocks(self, tokens: list[str]) -> list[str | tuple[str]]:
        """Each word's narrow key: words spelled alike share one (and a block)."""
        return self._keys(self.narrow, tokens)

    def _keys(self, memo: dict[str, str | tuple[str]], tokens: list[str]) -> list[str | tuple[str]]:
        keys = list(map(memo.get, tokens))
        if None not in keys:
            return keys
        if len(self.block) > self._LIMIT:
            self.cache_clear()
        missing = [t for t, k in zip(tokens, keys) if k is None]
        names = [t for t in missing if _may_be_name(t)]
        new: dict[str, str | tuple[str]] = {}
        new_narrow: dict[str, str | tuple[str]] = {}
        if names:
            norms = _normalise_lines(names) if "\n" not in "".join(names) else []
            skeletons = _DOUBLE.sub(r"\1", "\n".join(norms).translate(_NO_VOWELS_H)).split("\n")
            if len(norms) != len(names) or len(skeletons) != len(names):  # (a line break in a name)
                norms = list(map(normalise, names))
                skeletons = list(map(skeleton, norms))
            self.norm.update(zip(names, norms))
            new.update(zip(names, skeletons))
            # ("=" never starts a skeleton; were one equal, the two words would merely be compared)
            new_narrow.update((t, "=" + n if len(n) < 6 else k) for t, n, k in zip(names, norms, skeletons))
        for t in missing:
            new.setdefault(t, (t,))
            new_narrow.setdefault(t, (t,))
        self.block.update(new)
        self.narrow.update(new_narrow)
        computed = new if memo is self.block else new_narrow
        return [computed[t] if k is None else k for t, k in zip(tokens, keys)]

    def normalised(self, token: str) -> str:
        """``normalise(token)`` of a word ``blocks`` has seen."""
        norm = self.norm.get(token)
        return normalise(token) if norm is None else norm


_MEMO = _BlockMemo()


def _covered(known: Mapping[str, frozenset[int]], a: str, b: str) -> bool:
    """Both words are one-word forms of one known-variant entry: NC302 reports them."""
    ea = known.get(a)
    return bool(ea and ea & known.get(b, frozenset()))


def may_have_variants(tokens: Iterable[str], known: Mapping[str, frozenset[int]] | None = None) -> bool:
    """A cheap test on the article's distinct words: could any two capitalised words be variants?

    ``tokens`` are the distinct words with a capital (the caller passes words minus their
    lower-case forms, a set difference done in C). ``known`` maps one-word forms of the
    known-variant table to their entries: a pair of forms of one entry is left to NC302,
    but a listed form and an unlisted spelling of it are compared here.

    Only when it says yes are names located and compared with their context. The blocking
    keys of all the words are looked up (or computed) at once; only words that share a
    block with another are compared, in the order given.
    """
    known = known or {}
    tokens = list(tokens)
    seen = set(map(_MEMO.narrow.get, tokens))  # (the words met before: most of them)
    if None not in seen and len(seen) == len(tokens):  # no two words are spelled alike
        return False
    narrow = _MEMO.narrow_blocks(tokens)
    if len(set(narrow)) == len(narrow):
        return False
    keys = _MEMO.blocks(tokens)
    if len(tokens) - len(set(keys)) < _MAX_BLOCK:
        # No block holds more than _MAX_BLOCK words, so every pair of a block is compared;
        # two words spelled alike share a narrow key as well: compare only those.
        keys = narrow
    shared = {k for k, n in Counter(keys).items() if n > 1}
    in_shared = list(map(shared.__contains__, keys))
    normalised = _MEMO.normalised
    blocks: dict[str, list[tuple[str, str]]] = {}
    for t, block in zip(compress(tokens, in_shared), compress(keys, in_shared)):
        nt = normalised(t)
        other = blocks.get(block)
        if other is None:
            blocks[block] = [(t, nt)]
            continue
        for b, nb in other:
            if not _covered(known, t, b) and _spelled_alike(t, nt, b, nb)[0]:
                return True
        if len(other) < _MAX_BLOCK:
            other.append((t, nt))
    return False


def find_name_variants(
    forms: dict[str, Form], known: Mapping[str, frozenset[int]] | None = None
) -> Iterator[VariantGroup]:
    """Groups of forms that spell one name differently.

    ``known`` maps one-word forms of the known-variant table to their entries; two forms
    of one entry are NC302's to report and are not joined here.
    """
    known = known or {}
    blocks: dict[str, list[Form]] = defaultdict(list)
    for form in forms.values():
        block = blocks[skeleton(form.norm)]
        if len(block) < _MAX_BLOCK:
            block.append(form)
    for block in blocks.values():
        if len(block) < 2:
            continue
        # Union-find over the (few) forms of one block.
        parent = {f.stem: f.stem for f in block}
        root = partial(_root, parent)

        exact_pairs: dict[tuple[str, str], bool] = {}
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if _covered(known, a.stem, b.stem):
                    continue
                same, exact = _same_name(a, b)
                if not same or not (a.name_like and b.name_like) or _different_people(a, b, exact):
                    continue
                parent[root(a.stem)] = root(b.stem)
                exact_pairs[(a.stem, b.stem)] = exact_pairs[(b.stem, a.stem)] = exact
        groups: dict[str, list[Form]] = defaultdict(list)
        for f in block:
            groups[root(f.stem)].append(f)
        for members in groups.values():
            if len(members) < 2:
                continue
            members.sort(key=lambda f: (-len(f.occurrences), f.first))
            majority = members[0]
            tie = len(members[1].occurrences) == len(majority.occurrences)
            exact = all(exact_pairs.get((majority.stem, f.stem), False) for f in members[1:])
            yield VariantGroup(majority, tuple(members[1:]), exact, tie)


# -- the curated table -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KnownEntry:
    preferred: str
    forms: tuple[str, ...]
    note: str
    exempt: tuple[str, ...]
    house: bool


@dataclass(frozen=True, slots=True)
class KnownHit:
    entry: int
    form: str  # as listed in the table
    start: int
    end: int  # of the form, without a possessive


def _cap_variants(form: str) -> set[str]:
    return {form, form[:1].upper() + form[1:], form[:1].lower() + form[1:]}


def _alternation(phrases: Iterable[str]) -> str:
    parts = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(regex.escape(p).replace(r"\ ", r"[ \u00a0]+") for p in parts)


class KnownVariants:
    """The curated table of name variants.

    ``candidates`` tests an article's distinct words against an index of the table's
    words, so only entries that may occur in two forms are searched with their pattern.
    """

    def __init__(self, name: str = "known_variants.toml"):
        raw = read_toml(name)["variant"]
        self.entries = tuple(
            KnownEntry(
                e["preferred"],
                tuple(e["forms"]),
                e.get("note", ""),
                tuple(e.get("exempt", ())),
                bool(e.get("house", False)),
            )
            for e in raw
        )
        self.lookup: dict[str, tuple[int, str]] = {}
        self._patterns = []
        self._form_words: list[list[tuple[str, ...]]] = []
        index: dict[str, set[int]] = defaultdict(set)
        for i, e in enumerate(self.entries):
            spellings = {v: f for f in e.forms for v in _cap_variants(f)}
            for v, f in spellings.items():
                self.lookup.setdefault(v, (i, f))
            self._patterns.append(
                regex.compile(
                    r"(?<![\p{L}\p{M}\p{N}\-‐])(?P<form>" + _alternation(spellings)
                    + r")(?:['’]s?)?(?![\p{L}\p{M}\p{N}])"
                )
            )
            self._form_words.append([tuple(words(f)) for f in e.forms])
            for f in e.forms:
                # A form is present only if its longest word is: index that word alone, so
                # that short common words of some forms ("an" of "Qur'an") touch no entry.
                w = max(words(f), key=len)
                index[w].add(i)
                index[_swap_first(w)].add(i)
        self._index = {k: frozenset(v) for k, v in index.items()}
        self._index_keys = frozenset(self._index)
        #: the indexed words in lower case: an article none of whose lower-cased words is
        #: among them has no candidates (a test that can share a pass with other rules')
        self.gate_words = frozenset(k.lower() for k in self._index_keys)
        self._by_lower: dict[str, list[str]] = defaultdict(list)
        for k in sorted(self._index_keys):
            self._by_lower[k.lower()].append(k)
        exempt = [p for e in self.entries for p in e.exempt]
        self.exempt = regex.compile(_alternation(exempt)) if exempt else None
        one_word: dict[str, set[int]] = defaultdict(set)
        for v, (i, _) in self.lookup.items():
            if v[:1].isupper() and not regex.search(r"[ \-‐]", v):
                one_word[v].add(i)
        #: one-word forms (capitalised) -> the entries that list them
        self.one_word = {k: frozenset(v) for k, v in one_word.items()}

    def candidates(self, tokens: Container[str], lower: Iterable[str] | None = None) -> list[int]:
        """Entries of which at least two forms may occur among ``tokens``.

        ``tokens`` is a set, or any container when ``lower`` holds (at least) those of
        the article's lower-cased words that are in ``gate_words``.
        """
        if lower is None:
            assert isinstance(tokens, (set, frozenset))
            hit = tokens & self._index_keys
        else:
            by_lower = self._by_lower
            hit = {k for w in self.gate_words.intersection(lower) for k in by_lower[w] if k in tokens}
        if not hit:
            return []
        entries = set().union(*(self._index[w] for w in hit))
        out = []
        for i in sorted(entries):
            present = sum(
                1
                for ws in self._form_words[i]
                if all(w in tokens or _swap_first(w) in tokens for w in ws)
            )
            if present >= 2:
                out.append(i)
        return out

    def hits(self, view: str, entries: Iterable[int]) -> list[KnownHit]:
        entries = list(entries)
        if not entries:
            return []
        exempt = Ranges(self.exempt.finditer(view) if self.exempt else ())
        out = []
        for i in entries:
            for m in self._patterns[i].finditer(view):
                s, e = m.span("form")
                if exempt.covers(s):
                    continue
                text = regex.sub(r"[ \u00a0]+", " ", m.group("form"))
                entry, form = self.lookup[text]
                out.append(KnownHit(entry, form, s, e))
        return out


def _letter_ranges() -> list[tuple[int, int]]:
    """Code point ranges of what ``str.isalpha`` calls a letter below U+3000, and of anything
    above but the ideographic space (CJK text has no spaces between words)."""
    ranges, start = [], None
    for i in range(0x3001):
        alpha = i < 0x3000 and chr(i).isalpha()
        if alpha and start is None:
            start = i
        elif not alpha and start is not None:
            ranges.append((start, i - 1))
            start = None
    ranges.append((0x3001, 0x10FFFF))
    return ranges


def _char_class(ranges: Iterable[tuple[int, int]]) -> str:
    return "[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges) + "]"


_LETTER_RANGES = _letter_ranges()
_LETTER_RUNS = re.compile(_char_class(_LETTER_RANGES) + "+")


@cache
def _non_ascii_letter() -> re.Pattern[str]:
    """A character of a word that is not ASCII ("í" of "Benítez"; not "’" or "—"). (Compiled
    on first use: few articles need it, and the class is long.)"""
    return re.compile(_char_class((max(a, 0x80), b) for a, b in _LETTER_RANGES if b >= 0x80))


def words(text: str) -> list[str]:
    """Letter-only words: what ``str.split`` gives after blanking everything but letters."""
    return _LETTER_RUNS.findall(text)


#: UTF-8 bytes: ASCII letters and every byte of a non-ASCII character kept, the rest blanked.
_ASCII_LETTERS_KEPT = bytes(b if (65 <= b <= 90 or 97 <= b <= 122 or b >= 128) else 32 for b in range(256))
#: ASCII bytes: letters kept, the rest blanked.
_ONLY_ASCII_LETTERS = bytes(b if (65 <= b <= 90 or 97 <= b <= 122) else 32 for b in range(256))
_ASCII = bytes(range(128))
# In " "-padded ASCII letters: a word that may be a name (``_may_be_name``).
_ASCII_NAME = re.compile(r" ([A-Z][a-z]{3,})(?= )")


def distinct_words(text: str) -> set[str]:
    """``set(words(text))``, faster: split where ASCII non-letters are blanked.

    A piece of only ASCII letters between blanks (or other whitespace, never part of a word)
    is a word; the few pieces with a non-ASCII character ("Putin’s", "“We", "Benítez") are
    split into words by ``words``. (bytes.translate and str.split beat a regex scan.)
    """
    if len(text) > PIECE_CHARS:  # a long text a piece at a time: no list of all its words
        out: set[str] = set()
        for a, b in _piece_bounds(text):
            out |= _distinct_words(text[a:b])
        return out
    return _distinct_words(text)


def _distinct_words(text: str) -> set[str]:
    pieces = set(
        text.encode("utf-8", "surrogatepass").translate(_ASCII_LETTERS_KEPT).decode("utf-8", "surrogatepass").split()
    )
    if not text.isascii():
        other = set(filterfalse(str.isascii, pieces))
        if other:
            pieces -= other
            pieces.update(words("\n".join(other)))
    return pieces


class ArticleWords:
    """An article's distinct words, with each view of them built only when a rule asks.

    Most articles have no word with a non-ASCII letter (curly quotes and dashes are not
    letters): their words are then the pieces of ``letters``, the text with everything but
    ASCII letters blanked, and the questions the rules ask are answered from those pieces
    without building the set of all words: one lower() and split() for the lower-case words
    a gate asks about, one scan for the capitalised words that may be names.
    """

    def __init__(self, text: str):
        self.text = text
        #: " " + the text with all but ASCII letters blanked + " "; None if a word has another letter.
        #: (Blanked in its UTF-8 bytes: a character that is not ASCII becomes two to four blanks.)
        self.letters: str | None = None
        if text.isascii():
            encoded = text.encode("ascii")
        else:
            encoded = text.encode("utf-8", "surrogatepass")
            # The characters that are not ASCII, without the rest (a few, most often quotation
            # marks and dashes): a search of them is quicker than one of the whole text.
            if _non_ascii_letter().search(encoded.translate(None, _ASCII).decode("utf-8", "surrogatepass")):
                return
        self.letters = " " + encoded.translate(_ONLY_ASCII_LETTERS).decode("ascii") + " "

    @cached_property
    def tokens(self) -> set[str]:
        """``set(words(text))``."""
        if self.letters is not None:
            out: set[str] = set()
            for piece in _pieces(self.letters):
                out.update(piece.split())
            return out
        return distinct_words(self.text)

    @cached_property
    def lower(self) -> set[str]:
        """The words in lower case: one lower() of them all (no word holds a space, and a
        space ends a word for lower()'s one rule of context, a final sigma, as the end does)."""
        tokens = self.tokens
        return set(" ".join(tokens).lower().split(" ")) if tokens else set()

    def asked(self, gate: frozenset[str]) -> set[str]:
        """``self.lower & gate``."""
        letters = self.letters
        if letters is not None:
            if len(letters) <= PIECE_CHARS:  # (most articles: one piece)
                return set(gate.intersection(letters.lower().split()))
            out: set[str] = set()
            for piece in _pieces(letters):
                out.update(gate.intersection(piece.lower().split()))
            return out
        return self.lower & gate

    def names(self) -> set[str]:
        """The words with a capital (``tokens - lower``), or of them at least those that may
        be names (``_may_be_name``): the others never share a block in ``may_have_variants``."""
        if self.letters is not None:
            return set(_ASCII_NAME.findall(self.letters))
        return self.tokens - self.lower

    def __contains__(self, word: object) -> bool:
        """``word in self.tokens``."""
        if self.letters is not None:  # every word is a piece of ASCII letters
            return isinstance(word, str) and word.isascii() and word.isalpha() and f" {word} " in self.letters
        return word in self.tokens


#: Characters split into words at a time: a list of every word of a 2 MB article would hold
#: 330,000 strings (about 9x the text); pieces of this size cost the same per word.
PIECE_CHARS = 1 << 16


def _piece_bounds(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of pieces of ``text`` cut at spaces (so no word is cut), each about
    PIECE_CHARS long; the whole text in one piece when it is shorter."""
    n = len(text)
    pos = 0
    while pos < n:
        cut = text.find(" ", pos + PIECE_CHARS) if pos + PIECE_CHARS < n else n
        if cut < 0:
            cut = n
        yield pos, cut
        pos = cut


def _pieces(letters: str) -> Iterator[str]:
    """``letters`` (words between spaces) in pieces cut at spaces."""
    if len(letters) <= PIECE_CHARS:
        yield letters
        return
    for a, b in _piece_bounds(letters):
        yield letters[a:b]


def _swap_first(w: str) -> str:
    return (w[:1].lower() if w[:1].isupper() else w[:1].upper()) + w[1:]
