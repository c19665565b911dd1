"""NC405 negated-restatement: one sentence says a named subject did something, another that it did not.

Statements are read with one pattern: a capitalised subject, an optional auxiliary, an optional
negation, a verb and a few words of object. Two statements are compared only when subject and
verb stem match, their objects share a content word and nothing in either sentence reconciles
them (a change over time, a contrast, a condition, a quotation, a disputed claim).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ._text import (
    Sentence,
    ascii_of,
    bucket,
    content_words,
    data_toml,
    inside,
    quotes_of,
    starts_of,
    stem,
    trie,
    view_of,
)

_DATA = data_toml("negation.toml")
_EXCLUDED = frozenset(_DATA["excluded_verbs"])
_RECONCILE = regex.compile(
    r"\b(?:"
    + "|".join(regex.escape(w) for w in sorted(_DATA["reconcilers"], key=len, reverse=True))
    + r")\b",
    regex.I,
)
_TIME = regex.compile(
    r"\b(?:(?:19|20)\d\d|January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
    r"tomorrow|tonight)\b"
)
_MODALS = frozenset("will would can could should may might must shall".split())
# Statements start where a clause can: the sentence start, after a comma, a colon or "that".
_CLAUSE_STARTS = regex.compile(r"[,;:]\s+|\bthat\s+")
_STATEMENT = regex.compile(
    r"(?P<subj>(?:[A-Z][\p{L}'’\-]+\s){0,3}[A-Z][\p{L}'’\-]+)\s+"
    r"(?:(?P<aux>has|have|had|did|does|do|is|are|was|were|will|would|can|could|should|may|might)\s+)?"
    r"(?P<neg>not\s+|never\s+|n['’]t\s+)?"
    r"(?:(?P<aux2>been|be|have)\s+)?"
    r"(?P<verb>\p{Ll}{3,})\b"
    r"(?P<obj>[^.;:!?,“”\"]{0,80})"
)
_CONTRACTED = regex.compile(
    r"(?P<subj>(?:[A-Z][\p{L}'’\-]+\s){0,3}[A-Z][\p{L}'’\-]+)\s+"
    r"(?P<aux>hasn|haven|hadn|didn|doesn|don|isn|aren|wasn|weren|won|wouldn|can|couldn|shouldn)(?P<neg>['’]t)\s+"
    r"(?:(?P<aux2>been|be|have)\s+)?"
    r"(?P<verb>\p{Ll}{3,})\b"
    r"(?P<obj>[^.;:!?,“”\"]{0,80})"
)
_SKIP_SUBJECTS = frozenset(
    "The A An It He She They We I This That These Those There His Her Their Its But And In On At "
    "If When While As For After Before Some Many Most Both All Such No Not".split()
)


@dataclass(frozen=True, slots=True)
class Statement:
    start: int
    end: int
    sentence: int
    subject: str
    verb: str
    negated: bool
    modal: str
    objects: frozenset[str]
    text: str
    times: frozenset[str] = frozenset()


def _modal(aux: str | None) -> str:
    a = (aux or "").lower()
    a = {"won": "will", "wouldn": "would", "couldn": "could", "shouldn": "should"}.get(a, a)
    return a if a in _MODALS else ""


_NEG_HINT = regex.compile(r"\b(?:not|never)\b|n['’]t\b")


def _indexes_with(sents: list[Sentence], hint: regex.Pattern) -> list[int]:
    view = view_of(sents)
    starts = [s.start for s in sents]
    out: list[int] = []
    for m in hint.finditer(view):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and m.start() < sents[i].end and (not out or out[-1] != i):
            out.append(i)
    return out


# Where a negation may start, on an ASCII copy of the view ("’" becomes "?"): every branch of
# _NEG_HINT starts with an "n" that no candidate can hide inside itself.
_NEG_CANDIDATE = re.compile(rb"n(?:ot|ever|'t|\?t)")


def _negation_positions(sents: list[Sentence]) -> list[int]:
    """Where ``_NEG_HINT`` matches in the view: tried only where a candidate starts."""
    view = view_of(sents)
    match = _NEG_HINT.match
    return [m.start() for m in _NEG_CANDIDATE.finditer(ascii_of(view, sents)) if match(view, m.start())]


def _negated_indexes(sents: list[Sentence]) -> list[int]:
    """``_indexes_with(sents, _NEG_HINT)``."""
    return bucket(sents, _negation_positions(sents))


_AUX = "has|have|had|did|does|do|is|are|was|were|will|would|can|could|should|may|might"
# Read backwards from a negation hint: a capitalised word, then an auxiliary or the head of a
# contracted one ("did" of "didn't", "ca" of "can't"). Every negated statement has one before
# its negation; a sentence with no such hint holds none.
_NEGATED_SUBJECT = regex.compile(
    rf"[A-Z][\p{{L}}'’\-]+\s+(?:(?:{_AUX})\s+|has|have|had|did|does|do|is|are|was|were|wo|would|ca|could|should)?",
    regex.REVERSE,
)


_WORD_CHAR = regex.compile(r"\w")
_SPACE_CHAR = regex.compile(r"\s")
_SUBJECT_CHAR = regex.compile(r"[\p{L}'’\-]")


def _subject_before(view: str, positions: list[int]) -> list[int]:
    """The negations a negated statement may end at: those with a capitalised word and maybe an
    auxiliary before them (``_NEGATED_SUBJECT``), unless that word is one no statement starts
    with ("He", "It") and it can only be the subject's first word (no other word and a single
    space before it): such a statement is passed over anyway."""
    before = _NEGATED_SUBJECT.match
    out = []
    for p in positions:
        m = before(view, 0, p)
        if m is None:
            continue
        w = m.start()
        if (
            m.group().split(None, 1)[0] in _SKIP_SUBJECTS
            and w != 1
            and not (w and _SPACE_CHAR.match(view, w - 1) and _SUBJECT_CHAR.match(view, w - 2))
        ):
            continue
        out.append(p)
    return out


def _mark_edges(sents: list[Sentence], view: str, marked: set[int]) -> None:
    """Mark the sentences with a word character just outside them in ``view``: there a
    boundary the sentence has on its own is missing in the view."""
    word = _WORD_CHAR.match
    n = len(view)
    for i, sent in enumerate(sents):
        if sent.start and word(view, sent.start - 1) or sent.end < n and word(view, sent.end):
            marked.add(i)


#: Up to this many subjects, the exact test is an alternation (faster than a named list).
_ALTERNATION_SUBJECTS = 64
#: Up to this many subjects, candidate sentences are found with one str.find scan per subject.
_FIND_SUBJECTS = 12


def statements(sents: list[Sentence]) -> list[Statement]:
    """Statements of sentences that name a subject some negated statement also names: all
    that can pair with a negated statement (its subject and verb), and maybe others."""
    positions = _negation_positions(sents)
    if not positions:
        return []
    view = view_of(sents)
    # The negated statements, from the sentences where one may stand.
    with_subject = bucket(sents, _subject_before(view, positions))
    # Their negated statements first: most articles have none, and then the other statements
    # of those sentences are not needed.
    # A negated statement starts before its negation: only clause starts before the last
    # negation of a sentence are tried for one.
    last: dict[int, int] = {}
    starts = starts_of(sents)
    for p in positions:
        last[bisect.bisect_right(starts, p) - 1] = p
    negated_statements = _statements(sents, with_subject, negated_before=last)
    if not negated_statements:
        return []
    subjects = {st.subject for st in negated_statements}
    # A statement pairs only with one of the same verb: outside the sentences read already, only
    # those holding the stem of a negated statement's verb (a prefix of it) are read.
    verbs = sorted({st.verb.encode() for st in negated_statements if st.verb.isascii()})
    if len(verbs) < len({st.verb for st in negated_statements}):
        verbs = []  # a stem outside ASCII: every sentence naming a subject is read
    out = _statements(sents, with_subject)
    negated = bucket(sents, positions)
    names = sorted(subjects)
    ascii_only = "ſ" not in view and "\u212a" not in view and all(s.isascii() for s in names)
    # A few ASCII subjects are looked for with ``bytes.find``; compiling a pattern for them
    # would cost more than the searches it serves.
    few = ascii_only and len(names) <= _FIND_SUBJECTS
    pattern = None if few else _subject_pattern(names)
    skip = set(negated)
    starts = starts_of(sents)
    marked: set[int] = set()

    def mark(start: int, end: int) -> None:
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_right(starts, max(start, end - 1)) - 1
        marked.update(range(max(first, 0), last + 1))

    if ascii_only:
        # On a lowercased ASCII copy of the view (offsets carry over; no character outside
        # ASCII matches an ASCII letter case-insensitively but these two), every occurrence
        # of a subject marks the sentences it overlaps as candidates for the exact test.
        low = ascii_of(view, sents, lower=True)
        if len(names) <= _FIND_SUBJECTS:
            for subject in names:
                needle = subject.encode()
                i = low.find(needle)
                while i != -1:
                    mark(i, i + len(needle))
                    i = low.find(needle, i + 1)
        else:
            # One scan for all of them, each occurrence after a non-word character (an
            # occurrence a match hides lies in a marked sentence); a subject at the start of
            # a sentence glued to a word before it is caught by the edge test below.
            for m in re.finditer(rb"(?<![a-z0-9_])" + trie([n.encode() for n in names]), low):
                mark(m.start(), m.end())
            _mark_edges(sents, view, marked)
    else:
        # Non-ASCII subjects: one scan of the view with the exact pattern. It finds every
        # match a sentence holds except where a word character just outside the sentence
        # breaks a boundary, so sentences with such an edge are candidates too.
        for m in pattern.finditer(view):
            mark(m.start(), m.end())
        _mark_edges(sents, view, marked)
    candidates = sorted(marked)
    if verbs:
        # A verb is lowercase letters (which lowercase to themselves), so the ASCII stem of one
        # stands in the lowercased ASCII copy where the verb does.
        low = ascii_of(view, sents, lower=True)
        holds = _holder(verbs)
        candidates = [i for i in candidates if holds(low, sents[i][0], sents[i][1])]
    if few:
        needles = [n.encode() for n in names]
        low = ascii_of(view, sents, lower=True)
        others = [i for i in candidates if i not in skip and _names_subject(sents[i], needles, low)]
    else:
        others = [i for i in candidates if i not in skip and pattern.search(sents[i].text)]
    # The other negated sentences: only a statement about one of the subjects can pair. Its
    # subject stands after a space or at the start of the sentence, where the ASCII scans above
    # find it; the exact pattern may not (a subject ending in "-"), so there all are read.
    read = set(with_subject)
    others.extend(
        i
        for i in negated
        if i not in read
        and (i in marked or not ascii_only)
        and (not verbs or holds(low, sents[i][0], sents[i][1]))
    )
    out.extend(_statements(sents, others))
    out.sort(key=lambda st: st.start)
    return out


#: Up to this many verb stems, a sentence is tested with one ``bytes.find`` per stem.
_FIND_VERBS = 4


def _holder(needles: list[bytes]):
    """``holds(low, start, end)``: whether ``low[start:end]`` holds one of ``needles``."""
    if len(needles) <= _FIND_VERBS:
        return lambda low, start, end: any(low.find(n, start, end) != -1 for n in needles)
    search = re.compile(trie(needles)).search
    return lambda low, start, end: search(low, start, end) is not None


def _subject_pattern(names: list[str]) -> regex.Pattern:
    """Any of ``names`` as a whole word, in any case."""
    if len(names) <= _ALTERNATION_SUBJECTS:
        return regex.compile(r"\b(?:" + "|".join(regex.escape(s) for s in names) + r")\b", regex.I)
    # A named list is matched by set lookup: thousands of subjects stay linear.
    return regex.compile(r"\b\L<names>\b", regex.I, names=names)


def _at_boundary(text: str, k: int) -> bool:
    """Whether ``\\b`` holds at ``k`` in ``text``."""
    before = k > 0 and _WORD_CHAR.match(text, k - 1) is not None
    after = k < len(text) and _WORD_CHAR.match(text, k) is not None
    return before != after


def _names_subject(sent: Sentence, needles: list[bytes], low: bytes) -> bool:
    """``_subject_pattern(names).search(sent.text)`` for ASCII names (``needles``), read on
    the lowercased ASCII copy ``low`` of a view holding neither "ſ" nor the Kelvin sign (no
    other character outside ASCII matches an ASCII letter case-insensitively): compiling
    the pattern costs more than the few searches it serves."""
    start, end, text = sent.start, sent.end, sent.text
    for needle in needles:
        q = low.find(needle, start, end)
        while q != -1:
            k = q - start
            if _at_boundary(text, k) and _at_boundary(text, k + len(needle)):
                return True
            q = low.find(needle, q + 1, end)
    return False


def _statements(
    sents: list[Sentence], indexes: list[int], negated_before: dict[int, int] | None = None
) -> list[Statement]:
    """The statements of ``sents[i]`` for each of ``indexes``; with ``negated_before`` (sentence
    index -> view offset of its last negation), only the negated ones, which start before that
    offset (each match is read on its own, so these are the same)."""
    negated_only = negated_before is not None
    out = []
    for si in indexes:
        sent = sents[si]
        text = sent.text
        if sent.is_headline_like:
            continue
        quotes = None  # found when a statement needs them
        # Both patterns start with a capital: other clause starts are not tried.
        # Clause starts up to ``limit`` (a match ending before it is found the same way when
        # the scan stops there).
        limit = negated_before.get(si, -1) - sent.start if negated_only else len(text) + 1
        if limit <= 0:
            continue
        starts = [
            p
            for p in (0, *(c.end() for c in _CLAUSE_STARTS.finditer(text, 0, min(limit, len(text)))))
            if p < limit and "A" <= text[p : p + 1] <= "Z"
        ]
        # A contraction needs "n't" (every auxiliary of the pattern ends in "n").
        patterns = (_STATEMENT, _CONTRACTED) if "n't" in text or "n’t" in text else (_STATEMENT,)
        for pattern in patterns:
            for m in filter(None, (pattern.match(text, p) for p in starts)):
                if negated_only and not m.group("neg"):
                    continue
                subj = m.group("subj")
                words = subj.split()
                if words[0] == "The" and len(words) > 1:
                    words = words[1:]  # "The Senate"
                if words[0] in _SKIP_SUBJECTS:
                    continue
                if quotes is None:
                    quotes = quotes_of(sents, sent)
                if inside(m.start(), quotes):
                    continue
                verb = m.group("verb").lower()
                if verb in _EXCLUDED or verb in _MODALS:
                    continue
                if _RECONCILE.search(text, 0, m.end("obj")):
                    continue  # "initially", "no longer", "but" before or inside the statement
                aux = m.group("aux")
                if aux is None and not verb.endswith(("ed", "s")):
                    continue  # a bare word after a name is rarely a finite verb
                objects = frozenset(content_words(m.group("obj")))
                if not objects:
                    continue
                out.append(
                    Statement(
                        start=sent.start + m.start(),
                        end=sent.start + m.end("obj") - (len(m.group("obj")) - len(m.group("obj").rstrip())),
                        sentence=si,
                        subject=words[-1].lower(),
                        verb=stem(verb),
                        negated=bool(m.group("neg")),
                        modal=_modal(aux),
                        objects=objects,
                        text=m.group(0).strip(),
                        times=frozenset(_TIME.findall(m.group(0))),
                    )
                )
    return out


def conflicts(sents: list[Sentence], max_block: int = 20) -> Iterator[tuple[Statement, Statement]]:
    by_key: dict[tuple[str, str], list[Statement]] = {}
    for st in statements(sents):
        block = by_key.setdefault((st.subject, st.verb), [])
        for other in block[-max_block:]:
            if other.negated == st.negated or other.sentence == st.sentence or other.modal != st.modal:
                continue
            if other.times and st.times and other.times != st.times:
                continue  # "did not attend the 2003 summit" / "attended the 2004 summit"
            shared = other.objects & st.objects
            if not shared or len(shared) / min(len(other.objects), len(st.objects)) < 0.5:
                continue
            yield other, st
            break
        block.append(st)
