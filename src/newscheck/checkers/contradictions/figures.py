"""NC401 conflicting-figures: one quantity given two incompatible values in one article.

A *mention* is a number with its unit (currency, per cent or the noun after it), its
approximation ("about", "more than", a range) turned into an interval, and the content words
around it. Mentions are blocked by unit, so only a handful of pairs are ever compared.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter

import regex

from ._text import (
    _CLOSERS,
    WORD,
    Sentence,
    ascii_of,
    content_word,
    data_toml,
    digit_runs,
    inside,
    quotes_of,
    starts_of,
    stem,
    stopwords,
    trie,
)

_ORD = data_toml("ordinals.toml")
_WORDNUM = {k: v for k, v in _ORD["cardinals"].items() if k not in ("hundred", "dozen")}
_CUES = data_toml("figure_cues.toml")
CHANGE = frozenset(_CUES["change"])
REFERENCE = frozenset(_CUES["reference"])
TIME = frozenset(_CUES["time"])
DISPUTE = frozenset(_CUES["dispute"])

_UNITS = "|".join(sorted(_WORDNUM, key=len, reverse=True))
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SMALL = "one|two|three|four|five|six|seven|eight|nine"
_APPROX = {
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "close to": "under",
    "nearly": "under",
    "almost": "under",
    "just under": "under",
    "more than": "over",
    "over": "over",
    "at least": "over",
    "upwards of": "over",
    "in excess of": "over",
    "just over": "over",
    "above": "over",
    "less than": "under",
    "fewer than": "under",
    "under": "under",
    "up to": "upto",
    "at most": "upto",
    "as many as": "upto",
    "as much as": "upto",
    "below": "under",
}
#: The last word of each approximation: no phrase can match unless the word before the figure is one.
_APPROX_LAST = frozenset(k.split()[-1] for k in _APPROX)
_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:{_TENS})-(?:{_SMALL})|{_UNITS})"
_CUR = r"(?:US\$|A\$|C\$|HK\$|NZ\$|\$|£|€|¥|Rs\.?\s?)"
_SCALE = r"(?:bn|m|k|tn|million|billion|trillion|thousand)"
# The figure itself, matched where an anchor (a currency sign, a digit, a number word) starts;
# an approximation before it is read from a short look-back, which keeps the scan cheap.
# Our own patterns without \p{..} classes run on the stdlib ``re`` (faster here than ``regex``):
# ``[^\W_]`` is ``[\p{L}\p{N}]`` (``str.isalnum``).
_CORE = re.compile(
    rf"""(?P<cur>{_CUR})?
    (?P<num>{_NUM})
    (?:\s?(?P<scale>{_SCALE})\b)?
    (?:\s?(?:-|–|to|and)\s?(?P<cur2>{_CUR})?(?P<num2>{_NUM})(?:\s?(?P<scale2>{_SCALE})\b)?)?
    (?P<pct>\s?(?:%|per\s?cent\b|percent\b))?
    (?![^\W_]|[\-/:]\d|,\d|\.\d|-year|-month|-week|-day|-hour|-minute)
    """,
    re.VERBOSE | re.IGNORECASE,
)
# ``_CORE`` for ASCII text, with ASCII matching: on an ASCII text it matches as ``_CORE`` does
# (``\s`` written out as the ASCII characters ``str.isspace`` accepts), with cheaper case folding
# and character classes.
_CORE_ASCII = re.compile(
    _CORE.pattern.replace(r"\s", r"[\t\n\x0b\x0c\r\x1c-\x1f ]"), re.VERBOSE | re.IGNORECASE | re.ASCII
)
_CURRENCY_SIGNS = "$£€¥"
# Number words at a word start, found on an ASCII copy of the text in which every character but
# a letter is a space (same length, so offsets carry over): one scan of a byte string with a
# literal first character instead of a Unicode regex tried at every position.
_LETTERS = bytes(c if 97 <= c <= 122 else c + 32 if 65 <= c <= 90 else 32 for c in range(256))
_NUMBER_WORD = re.compile(b" " + trie([w.encode() for w in _WORDNUM]) + b"(?![a-z])")


def anchors(
    view: str, runs: list[tuple[int, int]] | None = None, ascii_view: bytes | None = None
) -> list[int]:
    """Sorted offsets where a figure may start: a currency sign, a digit run, a number word.

    ``runs`` are the digit runs of ``view`` (:func:`digit_runs`) when the caller has them.
    """
    plain = view.isascii()
    signs = []
    for sign in "$" if plain else _CURRENCY_SIGNS:  # the others are outside ASCII
        i = view.find(sign)
        while i != -1:
            signs.append(i)
            i = view.find(sign, i + 1)
    out = list(map(_FIRST, digit_runs(view) if runs is None else runs))
    if signs:
        # A digit run right after a sign is part of the figure the sign starts.
        after_sign = {i + 1 for i in signs}
        out = [p for p in out if p not in after_sign]
        out += signs
    if ascii_view is None:
        ascii_view = view.encode("ascii", "replace")
    letters = b" " + ascii_view.translate(_LETTERS)
    # The padding space shifts a match one to the left: its start is the word's offset. Before
    # it stands no ASCII letter; in an ASCII view, no letter at all.
    if plain:
        out += map(_MATCH_START, _NUMBER_WORD.finditer(letters))
    else:
        for i in map(_MATCH_START, _NUMBER_WORD.finditer(letters)):
            if i == 0 or not view[i - 1].isalpha():
                out.append(i)
    out.sort()
    return out


_FIRST = itemgetter(0)
_MATCH_START = re.Match.start
_CUR_PREFIX = regex.compile(r"(?:US|A|C|HK|NZ)$")
_BLOCKED_BEFORE = frozenset("-/.,:£$€¥")


_SCALES = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "million": 1e6,
    "bn": 1e9,
    "billion": 1e9,
    "tn": 1e12,
    "trillion": 1e12,
}
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_UNIT_WORDS = frozenset("people years months weeks days times".split())
_NOT_UNIT = frozenset("am pm a.m p.m gmt bst et est pt utc st nd rd th mph".split())
# Words after which a bare number is an identifier or a rank, not a quantity.
_BEFORE_SKIP = frozenset(
    "no number nos page pages article section chapter version windows level grade route flight room "
    "channel division top rank ranked aged age ages category phase stage episode series season model "
    "vol volume issue mark mk figure table class round lap hole game match race leg year week day "
    "under u squad tier band size rule clause bill # №".split()
)
_ORDINAL_OR_MONTH = re.compile(r"\s?(?:st|nd|rd|th)\b|\s?(?:" + "|".join(_MONTHS) + r")\b")
#: The first letters of what ``_ORDINAL_OR_MONTH`` matches (after an optional space).
_ORDINAL_OR_MONTH_FIRST = frozenset("snrtjfmaod")
_YEARISH = re.compile(r"^(?:1[89]|20)\d\d$")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    unit: str
    low: float
    high: float
    sentence: int
    words: frozenset[str]
    names: frozenset[str]
    times: frozenset[str]
    changes: bool
    quoted: bool
    reference: frozenset[str]
    disputed: bool
    bound: str
    point: float
    text: str
    #: The three words just before the figure (or its approximation), lowercased.
    lead: tuple[str, ...] = ()


@lru_cache(maxsize=4096)
def _value(num: str) -> tuple[float, float] | None:
    """The value and the half-width its rounding allows."""
    n = num.lower()
    if n in _WORDNUM:
        return float(_WORDNUM[n]), 0.0
    if "-" in n and n.split("-")[0] in _WORDNUM:
        a, b = n.split("-", 1)
        return float(_WORDNUM[a] + _WORDNUM.get(b, 0)), 0.0
    digits = n.replace(",", "")
    try:
        value = float(digits)
    except ValueError:
        return None
    if "." in digits:
        unit = 10 ** -len(digits.split(".")[1])
    else:
        zeros = len(digits) - len(digits.rstrip("0"))
        unit = 10 ** min(zeros, len(digits) - 1) if value else 1
        # "240" may be a rounded 243, but "10" is rarely a rounded 12.
        return value, min(unit / 2, max(0.5, 0.05 * value))
    return value, unit / 2


def _interval(m: regex.Match, approx: str) -> tuple[float, float] | None:
    v = _value(m.group("num"))
    if v is None:
        return None
    scale = _SCALES.get((m.group("scale") or m.group("scale2") or "").lower(), 1.0)
    value, half = v[0] * scale, v[1] * scale
    if m.group("num2"):
        v2 = _value(m.group("num2"))
        if v2 is None:
            return None
        s2 = _SCALES.get((m.group("scale2") or m.group("scale") or "").lower(), 1.0)
        lo, hi = sorted((value, v2[0] * s2))
        return lo - half, hi + v2[1] * s2
    kind = _APPROX.get(approx.lower(), "")
    if kind == "about":
        return value * 0.85 - half, value * 1.15 + half
    if kind == "over":
        return value - half, math.inf
    if kind == "under":
        return 0.0, value + half
    if kind == "upto":
        return 0.0, value + half
    return value - half, value + half


def _label(text: str, m: regex.Match, approx: str, unit: str) -> str:
    """How the figure reads: "more than $240 billion", "21 people"."""
    out = (approx + " " if approx else "") + m.group(0)
    if unit.startswith("n:"):
        nxt = WORD.search(text, m.end())
        if nxt is not None:
            out += text[m.end() : nxt.end()]
    return " ".join(out.split())


def _point(m: regex.Match) -> float:
    v = _value(m.group("num"))
    scale = _SCALES.get((m.group("scale") or m.group("scale2") or "").lower(), 1.0)
    return v[0] * scale if v else 0.0


#: ``WORD`` on the stdlib ``re``.
_WORD_RE = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*(?:['’]s)?")
#: ``_WORD_RE`` for ASCII text ("’" cannot stand there).
_WORD_RE_ASCII = re.compile(r"[A-Za-z0-9]+(?:['\-.][A-Za-z0-9]+)*(?:'s)?")


_TIME_PART = regex.compile(r"(?:year|month|week|quarter|day)s?$")
# The capital first, then the look-behind (which includes it): the scan skips to capitals
# instead of trying the variable-length look-behind at every position.
_CAP_WORD = regex.compile(r"[A-Z](?<=[\p{L}\p{N},;:)]\s+[A-Z])[\p{L}'’\-]+")


def _names(text: str) -> frozenset[str]:
    """Capitalised words after the first one: the names a statement is about."""
    stops = stopwords()
    return frozenset(stem(w) for w in _CAP_WORD.findall(text) if not w.isupper() and w.lower() not in stops)


# Matched backwards from a window start: the run of characters a token may contain.
_TOKEN_CHARS = regex.compile(r"[\p{L}\p{N}'’\-.]+", regex.REVERSE)


def _restart(text: str, lo: int) -> int:
    """A point ``<= lo`` that no ``WORD`` token spans: tokenising from there gives the tokens
    of the whole text."""
    q = max(0, lo)
    if q and text[q - 1] not in " \n":
        tail = _TOKEN_CHARS.match(text, 0, q)
        if tail is not None:
            q = tail.start()
    return q


@lru_cache(maxsize=16384)
def _is_time(word: str) -> bool:
    return bool(word in TIME or _YEARISH.match(word) or _TIME_PART.search(word))


@lru_cache(maxsize=16384)
def _noun_unit(word: str) -> str | None:
    """The unit a lowercased word after a figure names, or None if it names none."""
    if (
        (word in stopwords() and word not in _UNIT_WORDS)
        or word in _NOT_UNIT
        or word in _MONTHS
        or not word.isalpha()
    ):
        return None
    return "n:" + stem(word)


def _figures(sents: list[Sentence], view: str | None = None, *, shortcut: bool = True) -> list[tuple]:
    """(sentence index, core match, unit, interval, approximation) of each figure that has a
    figure of its unit in another sentence: the only ones a conflict can involve.

    One loop over the anchors of each sentence (it runs for every anchor of every article):
    a figure is the core pattern matched at an anchor not glued to a word or a sign before it;
    its approximation is the phrase before it; its unit the currency, the per cent sign or the
    word after it. The tests of what stands before a figure (and of an ordinal or a month after
    it) are made only in sentences with a figure whose unit some other sentence has too (in all,
    without ``shortcut``): they only drop figures, so elsewhere no figure can be kept.
    """
    raw: list[tuple] = []
    if view is None:
        view = "".join(" " * (s.start - (sents[i - 1].end if i else 0)) + s.text for i, s in enumerate(sents))
    starts = anchors(view, digit_runs(view, sents), ascii_of(view, sents))
    sent_starts = starts_of(sents)
    n_anchors = len(starts)
    bisect_left = bisect.bisect_left
    bisect_right = bisect.bisect_right
    core_any, core_ascii = _CORE.match, _CORE_ASCII.match
    word_any, word_ascii = _WORD_RE.search, _WORD_RE_ASCII.search
    ordinal_or_month = _ORDINAL_OR_MONTH.match
    yearish = _YEARISH.match
    # Each figure with a unit (start, core match, unit: flat lists, few objects on long texts),
    # the sentences they are in with where their figures end in those lists, and the sentences
    # each unit is in.
    fig_start: list[int] = []
    fig_match: list[re.Match] = []
    fig_unit: list[str] = []
    read: list[int] = []
    read_end: list[int] = []
    sentences_of: dict[str, set[int]] = {}
    k = 0
    # Only sentences with an anchor are visited: the anchors are bucketed by sentence.
    while k < n_anchors:
        si = bisect_right(sent_starts, starts[k]) - 1
        if si < 0 or starts[k] >= sents[si][1]:
            k += 1
            continue
        sent = sents[si]
        s0 = sent[0]
        lo = k
        k = hi = bisect_left(starts, sent[1], lo)
        text = sent[3]
        # ``is_headline_like``, read only where the last character is no closing punctuation.
        if sent[2] > 0 and text[-1:] not in _CLOSERS and sent.is_headline_like:
            continue  # captions, video labels and other furniture; the headline is paragraph 0
        if text.isascii():
            core, word_after = core_ascii, word_ascii
        else:
            core, word_after = core_any, word_any
        n = len(text)
        first = len(fig_match)
        pos = 0
        for j in range(lo, hi):
            a = starts[j] - s0
            if a < pos:
                continue
            s = a
            if text[a] == "$" and (p := _CUR_PREFIX.search(text, max(0, s - 2), s)):
                s = p.start()
            if s:
                b = text[s - 1]
                if b.isalnum() or b in _BLOCKED_BEFORE if b != "-" else not text[s - 2 : s - 1].isspace():
                    pos = a + 1
                    while pos < n and (text[pos].isalnum() or text[pos] in ",."):
                        pos += 1
                    continue
            m = core(text, s)
            if m is None:
                pos = a + 1
                continue
            cur, num, _, cur2, num2, _, pct = m.groups()
            if not num:
                pos = a + 1
                continue
            me = pos = m.end()
            # The unit, as :func:`_unit` reads it.
            c = cur or cur2
            if c:
                unit = "cur:" + c.strip().upper().replace("US$", "$").replace("RS.", "RS")
            elif pct:
                unit = "%"
            else:
                nxt = word_after(text, me)
                if nxt is None or nxt.start() - me > 2:
                    continue
                unit = _noun_unit(nxt.group(0).lower())
                if unit is None:
                    continue
            # The interval is worked out only for the figures kept (below); a figure whose
            # value cannot be read is dropped here, as its interval would be None.
            if _value(num) is None or num2 and _value(num2) is None:
                continue
            fig_start.append(s)
            fig_match.append(m)
            fig_unit.append(unit)
            sentences_of.setdefault(unit, set()).add(si)
        if len(fig_match) > first:
            read.append(si)
            read_end.append(len(fig_match))
    shared = {unit for unit, where in sentences_of.items() if len(where) > 1}
    for si, lo, end in zip(read, [0, *read_end], read_end):
        if shortcut:
            for k in range(lo, end):
                if fig_unit[k] in shared:
                    break
            else:
                continue
        text = sents[si][3]
        found = []
        for k in range(lo, end):
            s, m, unit = fig_start[k], fig_match[k], fig_unit[k]
            cur, num, scale, _, _, _, pct = m.groups()
            me = m.end()
            approx = ""
            # An approximation is a phrase before the figure, with a space between them.
            if s and text[s - 1].isspace():
                # The last word first (one split from the right): most are no approximation.
                tail = text[max(0, s - 24) : s].rsplit(None, 1)
                last = tail[-1].lower() if tail else ""
                if last == "between" or last in _APPROX_LAST:
                    words = text[max(0, s - 24) : s].split()
                    if last == "between":
                        words.pop()
                        last = words[-1].lower() if words else ""
                    if last in _APPROX_LAST:
                        for w in (3, 2, 1):
                            cand = " ".join(words[-w:]).lower()
                            if len(words) >= w and cand in _APPROX:
                                approx = " ".join(words[-w:])
                                break
            before = text[max(0, s - 16) : s].rsplit(None, 1)
            prev = before[-1].lower().strip(".,:;(") if before else ""
            if not (cur or scale or pct or approx) and (yearish(num) or prev in _BEFORE_SKIP):
                continue
            if prev in _MONTHS:
                continue
            # An ordinal suffix or a month after it: every one starts with one of these letters.
            c = text[me : me + 1]
            if c.isspace():
                c = text[me + 1 : me + 2]
            if c and c.lower() in _ORDINAL_OR_MONTH_FIRST and ordinal_or_month(text[me : me + 12].lower()):
                continue
            found.append((m, unit, approx))
        if not found:
            continue
        # Several figures of one unit in a sentence, or a sentence dense with figures:
        # an enumeration, a comparison or a table in prose.
        if len(found) == 1:  # the common case
            raw.append((si, *found[0]))
        elif len(found) < 4:
            units = [f[1] for f in found]
            raw.extend((si, *f) for f in found if units.count(f[1]) == 1)
    sentences_per_unit: dict[str, set[int]] = {}
    for si, _, unit, _ in raw:
        sentences_per_unit.setdefault(unit, set()).add(si)
    # A figure with nothing to compare with needs no context.
    return [
        (si, m, unit, _interval(m, approx), approx)
        for si, m, unit, approx in raw
        if len(sentences_per_unit[unit]) >= 2
    ]


_TOKEN_CHARS_AHEAD = re.compile(r"(?:[^\W_]|['’\-.])*")
# WORD (as ``_WORD_RE``) with a capture group: ``split`` gives the tokens at the odd places, the
# text between them at the even ones, and their offsets follow from the lengths.
_WORD_SPLIT = re.compile(f"({_WORD_RE.pattern})")
#: ``_WORD_SPLIT`` for lowercased ASCII text, where ``[^\W_]`` is ``[a-z0-9]`` and "’" cannot
#: stand: the same parts, found without a Unicode category test per character.
_WORD_SPLIT_LOWER_ASCII = re.compile(r"([a-z0-9]+(?:['\-.][a-z0-9]+)*(?:'s)?)")


def _cues(sents: list[Sentence], fig: tuple) -> tuple:
    """(disputed, reference, changes, window) of one figure of :func:`_figures`: the cues a pair
    is tested on first, from one tokenisation of a window of its sentence; ``window`` is what
    :func:`_words_of` needs for the rest of the context (read only for pairs those cues pass)."""
    si, m, unit, _, approx = fig
    text = sents[si].text
    ms, me = m.start(), m.end()
    ws = ms - 70
    we = me + 70
    # The approximation ("more than", "up to") is not a cue of its own.
    a_start = ms - len(approx) - 1 if approx else ms
    # Only the window around the figure is tokenised, not the whole sentence: from a point no
    # token spans to the end of the token characters at the window's end.
    restart = _restart(text, ws)
    stop = _TOKEN_CHARS_AHEAD.match(text, we).end() if we < len(text) else len(text)
    chunk = text[restart:stop]
    if chunk.isascii():
        # Lowercasing an ASCII window changes no token boundary: its tokens come out lowered.
        parts = _WORD_SPLIT_LOWER_ASCII.split(chunk.lower())
        offsets = list(accumulate(map(len, parts), initial=restart))
        tokens = low = parts[1::2]
    else:
        parts = _WORD_SPLIT.split(chunk)
        offsets = list(accumulate(map(len, parts), initial=restart))
        tokens = parts[1::2]
        low = list(map(str.lower, tokens))
    starts = offsets[1::2]
    n = bisect.bisect_left(starts, we)
    i_ws = bisect.bisect_left(starts, ws)
    i_a = bisect.bisect_left(starts, a_start)
    i_me = bisect.bisect_left(starts, me)
    i_lo = bisect.bisect_left(starts, ms - 40)
    i_hi = bisect.bisect_left(starts, me + 40)
    window = tokens[i_ws:n]
    lowered = set(low[i_ws:n])
    # Near the figure, without the figure and its approximation: two runs of tokens, each
    # tested against the cue lists without building their union.
    near = low[i_lo : max(i_lo, min(i_a, i_hi))]
    after = low[max(i_lo, i_me) : i_hi]
    reference = REFERENCE.intersection(near)
    if after:
        reference |= REFERENCE.intersection(after)
    return (
        not DISPUTE.isdisjoint(lowered),
        reference,
        not (CHANGE.isdisjoint(near) and CHANGE.isdisjoint(after)),
        (si, unit, text, window, lowered, tokens[max(0, min(i_a, n) - 3) : min(i_a, n)], restart, a_start),
    )


def _words_of(window: tuple, names_of: dict[int, frozenset[str]]) -> tuple:
    """(words, names, times, lead) of a figure, from the ``window`` of :func:`_cues`."""
    si, unit, text, tokens, lowered, lead_tokens, restart, a_start = window
    content = set(map(content_word, tokens))
    content.discard(None)
    lead = tuple(map(str.lower, lead_tokens))
    if len(lead) < 3 and restart > 0:  # fewer than three words in the window before the figure
        before = []
        for t in WORD.finditer(text):
            if t.start() >= a_start:
                break
            before.append(t.group().lower())
        lead = tuple(before[-3:])
    names = names_of.get(si)
    if names is None:
        names = names_of[si] = _names(text)
    return (
        frozenset(content) - {unit[2:]},
        names,
        frozenset(filter(_is_time, lowered)),
        lead,
    )


def _context(sents: list[Sentence], fig: tuple, names_of: dict[int, frozenset[str]]) -> tuple:
    """(words, names, times, changes, reference, disputed, lead) of one figure of :func:`_figures`:
    the words around it, from one tokenisation of a window of its sentence."""
    disputed, reference, changes, window = _cues(sents, fig)
    words, names, times, lead = _words_of(window, names_of)
    return words, names, times, changes, reference, disputed, lead


def _mention(sents: list[Sentence], fig: tuple, context: tuple) -> Mention:
    si, m, unit, (lo, hi), approx = fig
    sent = sents[si]
    words, names, times, changes, reference, disputed, lead = context
    return Mention(
        start=sent.start + m.start(),
        end=sent.start + m.end(),
        unit=unit,
        low=lo,
        high=hi,
        sentence=si,
        words=words,
        names=names,
        times=times,
        changes=changes,
        quoted=inside(m.start(), quotes_of(sents, sent)),
        reference=reference,
        disputed=disputed,
        bound=_APPROX.get(approx.lower(), ""),
        point=_point(m),
        text=_label(sent.text, m, approx, unit),
        lead=lead,
    )


def extract(sents: list[Sentence], view: str | None = None) -> list[Mention]:
    """Every comparable figure; ``view`` is the whole text the sentences index into."""
    names_of: dict[int, frozenset[str]] = {}
    return [_mention(sents, f, _context(sents, f, names_of)) for f in _figures(sents, view)]


def _is_headline(sent: Sentence) -> bool:
    return sent.paragraph == 0 and sent.is_headline_like


def conflicts(
    sents: list[Sentence],
    view: str | None = None,
    *,
    min_shared: int = 2,
    min_overlap: float = 0.5,
    max_block: int = 40,
) -> Iterator[tuple[Mention, Mention, float]]:
    """Pairs (earlier, later, confidence) of incompatible values of one quantity.

    The same pairs as comparing the :func:`extract` mentions, but a figure's context (the
    costly part) is read only once a pair has passed the tests that need none: most pairs
    of one unit have compatible values.
    """
    figs = _figures(sents, view)
    if not figs:
        return
    per_unit: dict[str, set[int]] = {}
    for f in figs:
        per_unit.setdefault(f[2], set()).add(f[0])
    # (sentence, bound, point, low, high) of each figure: all the first tests need.
    cheap = [(si, _APPROX.get(approx.lower(), ""), _point(m), lo, hi) for si, m, _, (lo, hi), approx in figs]
    # Whether a figure stands in a quotation: read when a pair of values conflicts (the tests are
    # independent, so their order does not change which pairs pass).
    quoted_of: list[bool | None] = [None] * len(figs)

    def quoted(i: int) -> bool:
        q = quoted_of[i]
        if q is None:
            si, m = figs[i][0], figs[i][1]
            q = quoted_of[i] = inside(m.start(), quotes_of(sents, sents[si]))
        return q

    # A figure's context in two stages: the cues the first tests read, then its words (the costly
    # part), read only for a pair those cues pass.
    cues_of: list[tuple | None] = [None] * len(figs)
    words_of: list[tuple | None] = [None] * len(figs)
    names_of: dict[int, frozenset[str]] = {}

    def cues(i: int) -> tuple:
        c = cues_of[i]
        if c is None:
            c = cues_of[i] = _cues(sents, figs[i])
        return c

    def words_in(i: int) -> tuple:
        w = words_of[i]
        if w is None:
            w = words_of[i] = _words_of(cues(i)[3], names_of)
        return w

    def context(i: int) -> tuple:
        disputed, reference, changes, _ = cues(i)
        words, names, times, lead = words_in(i)
        return words, names, times, changes, reference, disputed, lead

    by_unit: dict[str, list[int]] = {}
    for i, fig in enumerate(figs):
        unit = fig[2]
        block = by_unit.setdefault(unit, [])
        # The more values of one unit an article gives (a survey, a results story), the
        # more alike two statements must be to count as one quantity.
        busy = len(per_unit[unit]) >= 4
        need_shared = min_shared + 1 if busy else min_shared
        need_overlap = max(min_overlap, 0.75) if busy else min_overlap
        si, bound, point, low, high = cheap[i]
        for j in block[-max_block:]:
            osi, obound, opoint, olow, ohigh = cheap[j]
            if osi == si:
                continue
            if obound == bound and obound in ("over", "under", "upto"):
                # Two bounds of the same kind: compatible only if they say about the same.
                if abs(opoint - point) <= 0.15 * max(opoint, point):
                    continue
            elif ohigh >= low and high >= olow:
                continue
            if quoted(j) != quoted(i):
                continue  # somebody's claim beside the article's own statement
            odisputed, oreference, ochanges, _ = cues(j)
            disputed, reference, changes, _ = cues(i)
            if odisputed or disputed:
                continue
            if oreference != reference:
                continue  # a target, a forecast or an earlier value beside a plain figure
            if ochanges != changes:
                continue
            owords, onames, otimes, olead = words_in(j)
            words, names, times, lead = words_in(i)
            shared = owords & words
            overlap = len(shared) / max(1, min(len(owords), len(words)))
            # "a spy for over 30 years" / "a spy for over 75 years": the same three words lead
            # into the figure, which names the quantity even when the rest of the sentence differs.
            same_lead = len(lead) == 3 and lead == olead and not busy
            # A headline states a figure in few words: one shared word, half of the headline's.
            headline = not busy and _is_headline(sents[osi])
            ok = len(shared) >= need_shared and overlap >= need_overlap
            if headline and not ok:
                ok = bool(shared) and len(shared) / max(1, len(owords)) >= 0.5 and not times
            if not (same_lead or ok):
                continue
            if otimes and times and otimes != times:
                continue
            if onames != names and not headline:
                # "3,000 people in Britain" / "12,000 people": a name scopes the quantity. A
                # restatement may drop some names but keeps one; a headline may drop them all.
                small, big = sorted((onames, names), key=len)
                if not small or not small <= big:
                    continue
            yield (
                _mention(sents, figs[j], context(j)),
                _mention(sents, fig, context(i)),
                min(0.95, 0.5 + overlap / 2),
            )
            break
        block.append(i)
