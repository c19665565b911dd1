"""NC405 negated-restatement: one sentence says a named subject did something, another that it did not.

Statements are read with one pattern: a capitalised subject, an optional auxiliary, an optional
negation, a verb and a few words of object. Two statements are compared only when subject and
verb stem match, their objects share a content word and nothing in either sentence reconciles
them (a change over time, a contrast, a condition, a quotation, a disputed claim).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from ._text import Sentence, content_words, data_toml, inside, starts_of, stem, view_of

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


def statements(sents: list[Sentence]) -> list[Statement]:
    """Statements of sentences that name a subject some negated statement also names."""
    negated = _indexes_with(sents, _NEG_HINT)
    if not negated:
        return []
    out = _statements(sents, negated)
    subjects = {st.subject for st in out if st.negated}
    if not subjects:
        return []
    pattern = regex.compile(r"\b(?:" + "|".join(regex.escape(s) for s in subjects) + r")\b", regex.I)
    skip = set(negated)
    # Candidate sentences from str.find on the lowercased view (every sentence a subject
    # overlaps), then the exact per-sentence test on the candidates only.
    view = view_of(sents)
    low = view.lower()
    if len(low) != len(view) or "ſ" in view or "\u212a" in view or not all(s.isascii() for s in subjects):
        candidates: Iterable[int] = range(len(sents))  # offsets would not carry over: test every sentence
    else:
        starts = starts_of(sents)
        marked: set[int] = set()
        for subject in subjects:
            i = low.find(subject)
            while i != -1:
                first = bisect.bisect_right(starts, i) - 1
                last = bisect.bisect_right(starts, i + len(subject) - 1) - 1
                marked.update(range(max(first, 0), last + 1))
                i = low.find(subject, i + 1)
        candidates = sorted(marked)
    others = [i for i in candidates if i not in skip and pattern.search(sents[i].text)]
    out.extend(_statements(sents, others))
    out.sort(key=lambda st: st.start)
    return out


def _statements(sents: list[Sentence], indexes: list[int]) -> list[Statement]:
    out = []
    for si in indexes:
        sent = sents[si]
        text = sent.text
        if sent.is_headline_like:
            continue
        quotes = sent.quotes
        # Both patterns start with a capital: other clause starts are not tried.
        starts = [
            p for p in (0, *(c.end() for c in _CLAUSE_STARTS.finditer(text))) if "A" <= text[p : p + 1] <= "Z"
        ]
        for pattern in (_STATEMENT, _CONTRACTED):
            for m in filter(None, (pattern.match(text, p) for p in starts)):
                subj = m.group("subj")
                words = subj.split()
                if words[0] == "The" and len(words) > 1:
                    words = words[1:]  # "The Senate"
                if words[0] in _SKIP_SUBJECTS or inside(m.start(), quotes):
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
