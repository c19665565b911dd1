"""NC401 conflicting-figures: one quantity given two incompatible values in one article.

A *mention* is a number with its unit (currency, per cent or the noun after it), its
approximation ("about", "more than", a range) turned into an interval, and the content words
around it. Mentions are blocked by unit, so only a handful of pairs are ever compared.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ._text import WORD, Sentence, content_words, data_toml, excerpt, stem, stopwords

_ORD = data_toml("ordinals.toml")
_WORDNUM = {k: v for k, v in _ORD["cardinals"].items() if k not in ("hundred", "dozen")}
_CUES = data_toml("figure_cues.toml")
UPDATE = frozenset(_CUES["update"])
TIME = frozenset(_CUES["time"])
DISPUTE = frozenset(_CUES["dispute"])

_UNITS = "|".join(sorted(_WORDNUM, key=len, reverse=True))
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SMALL = "one|two|three|four|five|six|seven|eight|nine"
_APPROX = {
    "about": "about", "around": "about", "approximately": "about", "roughly": "about", "some": "about",
    "an estimated": "about", "estimated": "about", "close to": "under", "nearly": "under",
    "almost": "under", "just under": "under", "more than": "over", "over": "over", "at least": "over",
    "upwards of": "over", "in excess of": "over", "just over": "over", "above": "over",
    "less than": "under", "fewer than": "under", "under": "under", "up to": "upto", "at most": "upto",
    "as many as": "upto", "as much as": "upto", "below": "under",
}
_APPROX_RE = "|".join(sorted((regex.escape(k) for k in _APPROX), key=len, reverse=True))
_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:{_TENS})-(?:{_SMALL})|{_UNITS})"
_CUR = r"(?:US\$|A\$|C\$|HK\$|NZ\$|\$|£|€|¥|Rs\.?\s?)"
_SCALE = r"(?:bn|m|k|tn|million|billion|trillion|thousand)"
_MENTION = regex.compile(
    rf"""(?<![\p{{L}}\p{{N}}\-/.,:£$€¥])
    (?:(?P<approx>{_APPROX_RE})\s+)?
    (?:between\s+)?
    (?P<cur>{_CUR})?
    (?P<num>{_NUM})
    (?:\s?(?P<scale>{_SCALE})\b)?
    (?:\s?(?:-|–|to|and)\s?(?P<cur2>{_CUR})?(?P<num2>{_NUM})(?:\s?(?P<scale2>{_SCALE})\b)?)?
    (?P<pct>\s?(?:%|per\s?cent\b|percent\b))?
    (?![\p{{L}}\p{{N}}]|[\-/:]\d|,\d|\.\d|-year|-month|-week|-day|-hour|-minute)
    """,
    regex.X | regex.I,
)
_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9,
           "tn": 1e12, "trillion": 1e12}
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_NOT_UNIT = frozenset("am pm a.m p.m gmt bst et est pt utc st nd rd th mph".split())
_BEFORE_SKIP = regex.compile(
    r"(?:\b(?:no|number|nos|page|pages|article|section|chapter|version|windows|level|grade|"
    r"route|flight|room|channel|division|top|rank|ranked|aged|age|ages|category|phase|stage|"
    r"episode|series|season|model|vol|volume|issue|mark|mk|figure|table|class|round|lap|hole|"
    r"game|match|race|leg|year|week|day|under|u|squad|tier|band|grade|size|rule|clause|bill)|[#№])\s*$",
    regex.I,
)
_YEARISH = regex.compile(r"^(?:1[89]|20)\d\d$")


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
    cues: bool
    text: str


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
    return value, unit / 2


def _interval(m: regex.Match) -> tuple[float, float] | None:
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
    kind = _APPROX.get((m.group("approx") or "").lower(), "")
    if kind == "about":
        return value * 0.85 - half, value * 1.15 + half
    if kind == "over":
        return value - half, math.inf
    if kind == "under":
        return 0.0, value + half
    if kind == "upto":
        return 0.0, value + half
    return value - half, value + half


def _unit(m: regex.Match, sentence_text: str, rel_end: int) -> str:
    cur = m.group("cur") or m.group("cur2")
    if cur:
        c = cur.strip().upper().replace("US$", "$").replace("RS.", "RS")
        return "cur:" + c
    if m.group("pct"):
        return "%"
    nxt = WORD.search(sentence_text, rel_end)
    if nxt is None or nxt.start() - rel_end > 2:
        return ""
    word = nxt.group(0).lower()
    if word in stopwords() or word in _NOT_UNIT or word in _MONTHS or not word.isalpha():
        return ""
    return "n:" + stem(word)


def extract(sents: list[Sentence]) -> list[Mention]:
    out: list[Mention] = []
    stops = stopwords()
    for si, sent in enumerate(sents):
        text = sent.text
        found = []
        for m in _MENTION.finditer(text):
            num = m.group("num")
            before = text[max(0, m.start() - 30) : m.start()]
            bare = not (m.group("cur") or m.group("scale") or m.group("pct") or m.group("approx"))
            if bare and (_YEARISH.match(num) or _BEFORE_SKIP.search(before)):
                continue
            if num.isalpha() and not m.group("approx") and bare:
                # written-out numbers only with a noun unit (handled below) and not "one of"
                pass
            prev_word = regex.search(r"([\p{L}]+)\W*$", before)
            if prev_word and prev_word.group(1).lower() in _MONTHS:
                continue
            after = text[m.end() : m.end() + 12].lower()
            if regex.match(r"\s?(?:st|nd|rd|th)\b|\s?(?:" + "|".join(_MONTHS) + r")\b", after):
                continue
            unit = _unit(m, text, m.end())
            if not unit:
                continue
            interval = _interval(m)
            if interval is None:
                continue
            found.append((m, unit, interval))
        if not found:
            continue
        units = [u for _, u, _ in found]
        for m, unit, (lo, hi) in found:
            if units.count(unit) > 1:
                continue  # an enumeration or a comparison inside one sentence
            ws = max(0, m.start() - 70)
            we = min(len(text), m.end() + 70)
            window = text[ws:we]
            toks = [t.group(0) for t in WORD.finditer(window)]
            lowered = {t.lower() for t in toks}
            local = text[max(0, m.start() - 40) : min(len(text), m.end() + 40)].lower()
            local_toks = {t.group(0).lower() for t in WORD.finditer(local)}
            names = frozenset(
                stem(t.group(0))
                for t in WORD.finditer(window)
                if t.group(0)[0].isupper() and t.start() + ws > 0 and t.group(0).lower() not in stops
                and not t.group(0).isupper()
            )
            times = frozenset(w for w in lowered if w in TIME or _YEARISH.match(w))
            words = frozenset(content_words(window)) - {unit[2:]}
            out.append(
                Mention(
                    start=sent.start + m.start(),
                    end=sent.start + m.end(),
                    unit=unit,
                    low=lo,
                    high=hi,
                    sentence=si,
                    words=words,
                    names=names,
                    times=times,
                    cues=bool(local_toks & UPDATE) or bool(lowered & DISPUTE),
                    text=m.group(0),
                )
            )
    return out


def conflicts(sents: list[Sentence], *, min_shared: int = 2, min_overlap: float = 0.5,
              max_block: int = 40) -> Iterator[tuple[Mention, Mention, float]]:
    """Pairs (earlier, later, confidence) of incompatible values of one quantity."""
    by_unit: dict[str, list[Mention]] = {}
    for mention in extract(sents):
        block = by_unit.setdefault(mention.unit, [])
        for other in block[-max_block:]:
            if other.sentence == mention.sentence or other.cues or mention.cues:
                continue
            if other.high >= mention.low and mention.high >= other.low:
                continue
            shared = other.words & mention.words
            if len(shared) < min_shared:
                continue
            overlap = len(shared) / max(1, min(len(other.words), len(mention.words)))
            if overlap < min_overlap:
                continue
            if other.times and mention.times and other.times != mention.times:
                continue
            if other.names and mention.names and not (other.names & mention.names):
                continue
            yield other, mention, min(0.95, 0.5 + overlap / 2)
            break
        block.append(mention)


def describe(text: str, sents: list[Sentence], first: Mention, second: Mention) -> str:
    s1 = sents[first.sentence]
    return (
        f"“{excerpt(text, second.start, second.end)}” here, but “{excerpt(text, first.start, first.end)}” "
        f"for what looks like the same quantity in “{excerpt(text, s1.start, s1.end, 110)}”"
    )
