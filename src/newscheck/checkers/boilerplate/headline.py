"""Inserted headlines: another story's headline pasted between two body paragraphs.

A candidate is a short paragraph with no final punctuation, after the first line and
between two prose paragraphs. It is reported when it has headline syntax (a name or noun
first, then a present-tense, modal or "to" verb) or is set in capitals, and when it does
not introduce the paragraph after it (a subhead shares that paragraph's rare words). A
document with a run of such paragraphs uses subheads, and is left alone.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import regex

from ...findings import Severity
from ...rules import Rule
from . import patterns as P
from ._data import lower

__all__ = ["HeadlineContext", "inserted_headlines"]

#: Findings at or below this confidence (a verbless or final line) are reported as info.
WEAK = 0.6
MIN_WORDS = 3
#: Below this length only "Name verbs Name" counts ("Mirza shocks Kuznetsova").
SHORT_WORDS = 4
MIN_CAPS_WORDS = 4
MAX_WORDS = 25
#: From this many headline-shaped paragraphs on, a document is using subheads.
SUBHEAD_RUN = 3
#: Share of a candidate's (rarity-weighted) words found in the next paragraph for a subhead.
SUBHEAD_OVERLAP = 0.35

# An attribution ("… ,” Obama said"), a source label, an author's bio, the reader or
# the writer addressed: the marks of quotes, notes and subheads, not of headlines.
_NOT_HEADLINE = regex.compile(
    r"[\"”’]\s*(?:\p{Lu}[\p{L}.]*\s+){0,3}(?:said|says|told|added|asked)\b|\b(?:Source|Sources|Credit|Photo|Via|H/T)\s*:"
    r"|\b(?:is|was)\s+(?:a |an |the )?(?:[\p{L}-]+\s+){0,3}(?:correspondent|editor|reporter|writer|"
    r"columnist|contributor|professor|author|analyst|fellow|director|producer|presenter|host|founder)\b"
    r"|(?i:\b(?:i|we|our|my|me|you|your|us)\b)(?<!\bUS)|\b(?:he|she|they)['’](?:s|re|ve|d|ll)\b"
)
# Closed-class words a finished headline never ends on.
_DANGLING = frozenset(
    "a an the of to in on for at by with from and or but nor that which who whose as if than "
    "into about his her their its our your my this these those".split()
)
# Linking verbs: "X is out now" ends reviews and bios, so they do not mark a headline at the end.
_COPULAS = frozenset("is are was were has have had be".split())
_PARENTHESES = regex.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_VERBISH = regex.compile(r"^\p{Ll}{2,}(?:s|ed)$")
_NOT_VERB_S = regex.compile(r"(?:ss|us|is|ous|ics|ness)$")
_STOP = frozenset(
    "a an the of to in on for and or but with at by from as is are was were be been has have had "
    "will would could should may might can it its this that these those he she they we you i his "
    "her their our your not no after before over into about than then there here what who which "
    "when where why how all any some more most new says said say".split()
)


@dataclass
class HeadlineContext:
    paras: Sequence[Any]
    #: Paragraphs that other rules delete whole: neither candidates nor neighbours.
    claimed: set[int]
    #: Paragraphs that keep some text after their fix: neighbours, not candidates.
    partial: set[int] = field(default_factory=set)
    #: The paragraphs (indices, in order) that pass the first tests of a candidate, which
    #: the checker has made (after the first, a single sentence of MIN_WORDS to MAX_WORDS
    #: words, not ending like prose), claimed or not; None: every paragraph is tested.
    candidates: Sequence[int] | None = None


def inserted_headlines(ctx: HeadlineContext, rule: Rule) -> Iterator[tuple[int, Any]]:
    """Yield ``(paragraph index, hit)`` for each inserted headline.

    Capitalised headlines are decided first; the others are then judged with those
    removed, so that deleting what is reported never makes new findings appear.
    """
    from .checker import _Hit  # the checker's hit record; imported late to avoid a cycle

    if ctx.candidates is None:
        first = [
            p for p in ctx.paras
            if p.index not in ctx.claimed and p.index > 0 and p.kind == "paragraph"
            and not _ends_like_prose(p.text)  # _shape's first test, before the words are counted
            and MIN_WORDS <= p.n <= MAX_WORDS and p.one_sentence and p.index not in ctx.partial
        ]
    else:
        first = [ctx.paras[i] for i in ctx.candidates if i not in ctx.claimed and i not in ctx.partial]
    styles = {}
    for p in first:
        style = _shape(p.text, p.words)
        if style is not None:
            styles[p.index] = style
    if not styles:
        return
    free = [p for p in ctx.paras if p.index not in ctx.claimed]
    caps = [i for i, style in styles.items() if style == "caps"]
    flagged: dict[int, float] = {}
    stems = None
    if len(caps) < SUBHEAD_RUN:
        lone = len(caps) == 1 and _short_lines(free) == 1
        verbed = {i for i in caps if _headline_syntax(_bare_words(ctx.paras[i].text), "title")}
        for p, prev, nxt in _with_neighbours(free, set(caps), verbed):
            if not _between_prose(prev, nxt):
                continue
            if p.index in verbed:
                flagged[p.index] = 0.85
            elif lone and p.n >= MIN_CAPS_WORDS:
                # The text's only capitalised line, sharing nothing with its neighbours.
                stems = stems or _StemIndex(free)
                if stems.overlap(p, nxt) < 0.1 and stems.overlap(p, prev) < 0.1:
                    flagged[p.index] = 0.6
    rest = [p for p in free if p.index not in flagged]
    if _short_lines(rest) < SUBHEAD_RUN:
        wanted = {i for i, style in styles.items() if style != "caps"}
        verbed = {i for i in wanted if _headline_syntax(ctx.paras[i].words, styles[i])}
        stems = _StemIndex(rest)
        lone = []
        for p, prev, nxt in _with_neighbours(rest, wanted, verbed):
            if nxt is None and prev is not None and _prose(prev):
                # Last in the text: no paragraph to introduce, but taglines end texts too.
                if _headline_syntax(p.words, styles[p.index], strict=True):
                    flagged[p.index] = 0.6
            elif not _between_prose(prev, nxt):
                continue
            elif p.index in verbed:
                if stems.overlap(p, nxt) < SUBHEAD_OVERLAP:
                    flagged[p.index] = 0.75
            elif styles[p.index] == "sentence" and p.n > SHORT_WORDS:
                lone.append((p, prev, nxt))
        # A verbless line counts only as the text's one short line left, sharing nothing
        # with the paragraphs around it.
        if len(lone) == 1 and _short_lines([q for q in rest if q.index not in flagged]) == 1:
            p, prev, nxt = lone[0]
            if stems.overlap(p, nxt) < 0.1 and stems.overlap(p, prev) < 0.1:
                flagged[p.index] = 0.6
    for index in sorted(flagged):
        confidence = flagged[index]
        yield index, _Hit(
            rule,
            "Headline of another story between two paragraphs; delete it"
            if confidence > WEAK
            else "Looks like another story's headline (no verb, or at the end); delete it if so",
            confidence,
            severity=None if confidence > WEAK else Severity.INFO,
        )


def _ends_like_prose(t: str) -> bool:
    core = t.rstrip(P.CLOSERS)
    return not core or core[-1] in ".:;,…"


def _bare_words(t: str) -> list[str]:
    """The words of ``t`` outside brackets."""
    return P.WORD.findall(_PARENTHESES.sub(" ", t))


def _short_lines(paras: Sequence[Any]) -> int:
    """Short unpunctuated lines after the first one: three make a scheme of subheads, or a table."""
    return sum(
        1
        for p in paras[1:]  # the first line that stays is the headline
        # (a text that ends in one of _TERMINAL ends like a sentence: P.ends_terminal, its
        # first test; the words are counted last)
        if p.kind == "paragraph" and p.kept_text[-1:] not in _TERMINAL and not P.ends_terminal(p.kept_text)
        and 0 < p.kept[1] <= MAX_WORDS
    )


_TERMINAL = frozenset(".!?…:;,")


def _with_neighbours(
    paras: Sequence[Any], wanted: set[int], skip: set[int] = frozenset()
) -> Iterator[tuple[Any, Any, Any]]:
    """Each wanted paragraph with its nearest neighbours outside ``skip`` (other candidates:
    two related headlines often stand together)."""
    for pos, p in enumerate(paras):
        if p.index not in wanted:
            continue
        before = pos - 1
        while before >= 0 and paras[before].index in skip:
            before -= 1
        after = pos + 1
        while after < len(paras) and paras[after].index in skip:
            after += 1
        yield p, (paras[before] if before >= 0 else None), (paras[after] if after < len(paras) else None)


def _between_prose(prev: Any, nxt: Any) -> bool:
    return prev is not None and nxt is not None and _prose(prev) and _prose(nxt)


def _shape(t: str, words: list[str]) -> str | None:
    """"caps", "title" or "sentence" for a headline-shaped paragraph, else None."""
    n = len(words)
    if n < MIN_WORDS or n > MAX_WORDS:
        return None
    if _ends_like_prose(t):
        return None
    core = t.rstrip(P.CLOSERS)
    caps = P.is_caps(t)
    if core[-1] in "?!" and not caps:
        return None
    first = t.lstrip(P.OPEN_QUOTES)[:1]
    if not (first.isupper() or first.isdigit()):
        return None
    if t[:1] in P.OPEN_QUOTES and _closing_quote_at_end(t):
        return None  # a pull quote
    if t[:1] in "-–—•*(" or words[-1].lower() in _DANGLING:
        return None  # a list item or note; or it ends on "that", "the", "of": an unfinished sentence
    if P.NOT_HEADLINE_START.match(t) or _NOT_HEADLINE.search(t):
        return None
    if caps:
        return "caps" if n >= MIN_CAPS_WORDS else None
    if words[0].lower() in P.OPENERS:
        return None
    title = sum(w[:1].isupper() for w in words) >= 0.8 * n
    if n < SHORT_WORDS and (title or not _headline_syntax(words[:2], "sentence", strict=True)):
        return None
    return "title" if title else "sentence"


def _headline_syntax(words: list[str], style: str, *, strict: bool = False) -> bool:
    """A verb of headline grammar after the first word ("Putin signs", "Talks to resume"),
    before any preposition or conjunction ("Tough history of billionaire candidates" has none).
    ``strict`` does not count linking verbs ("is", "has")."""
    for k, w in enumerate(words[1:9], 1):
        low = w.lower()
        if low == "to":  # "Talks to resume", not "Carter to Clinton"
            nxt = words[k + 1] if k + 1 < len(words) else ""
            return bool(nxt) and (nxt.islower() or style == "title") and nxt.lower() not in P.OPENERS
        if low in P.HEADLINE_VERBS:
            return not (strict and low in _COPULAS)
        if low in P.OPENERS:
            return False
        if style == "sentence" and w.islower() and low in P.BASE_VERBS and words[k - 1][:1].isupper():
            return True  # "Chelsea sack Mutu", "MPs back plan"
        cand = low if style == "title" else w
        if _VERBISH.match(cand) and not _NOT_VERB_S.search(cand):
            return True
    return False


def _prose(p: Any) -> bool:
    """Body text: a sentence of five words or more with its final punctuation, or a long
    paragraph. Judged on what stays of the paragraph once its own flagged sentences go."""
    text, n = p.kept
    return (n >= 5 and P.ends_terminal(text)) or n >= 25


def _closing_quote_at_end(t: str) -> bool:
    return t.rstrip()[-1:] in "\"”’'»"


class _StemIndex:
    """How rare a candidate's words are in the document, to tell a subhead (which shares
    rare words with the paragraph it introduces) from another story's headline."""

    def __init__(self, paras: Sequence[Any]):
        self._paras = paras
        self._low: dict[int, str] | None = None  # built on the first comparison: most texts have none

    def overlap(self, cand: Any, nxt: Any) -> float:
        if self._low is None:
            self._low = {p.index: lower(p.text) for p in self._paras}
        low = self._low
        stems = {w.lower()[:6] for w in cand.words if len(w) > 2 and w.lower() not in _STOP}
        texts = [t for i, t in low.items() if i != cand.index]
        following = low[nxt.index]
        weights = {x: 1.0 / (1 + sum(x in t for t in texts)) for x in stems}
        # fsum is exact whatever the order: summed in the set's order (which changes with
        # the hash seed), a ratio of exactly 0.1 came out either side of the threshold.
        total = math.fsum(weights.values())
        shared = math.fsum(w for x, w in weights.items() if x in following)
        return shared / total if total else 0.0
