"""NC406 headline-tense-conflict: a headline announcing an event the body reports as happening.

A headline-shaped line ("President Putin will visit China this week", "Putin to visit China")
is read for its subject, event verb and object; the rest of the article is searched for the
same subject with the event's past form or its noun next to an "under way" phrase.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ._text import Sentence, bucket, content_words, data_toml, finds, headline_like_indexes, view_of

_EVENTS = data_toml("events.toml")
VERBS: dict[str, dict[str, list[str]]] = _EVENTS["verbs"]
_UNDER_WAY = _EVENTS["under_way"]["phrases"]
_VERB_RE = "|".join(sorted(VERBS, key=len, reverse=True))
FUTURE = regex.compile(
    r"(?P<subj>(?:[A-Z][\p{L}'’\-]+\s){0,3}[A-Z][\p{L}'’\-]+)\s+"
    r"(?:will|to|is\s+to|is\s+set\s+to|is\s+expected\s+to|plans\s+to|is\s+due\s+to|set\s+to)\s+"
    rf"(?P<verb>{_VERB_RE})\b(?P<obj>(?:[ \t]+[^\s.;:!?,“”\"]+){{0,8}})"
)
# Every FUTURE match holds "will" or "to" after a space and before the verb: a cheap test first.
_FUTURE_HINT = regex.compile(rf"\s(?:will|to)\s+(?:{_VERB_RE})\b")
_UNDER_WAY_RE = regex.compile(
    r"\b(?:" + "|".join(regex.escape(p) for p in sorted(_UNDER_WAY, key=len, reverse=True)) + r")\b",
    regex.I,
)
_NOT_HAPPENED = regex.compile(
    r"\b(?:will|would|plans?|planned|expected|upcoming|ahead\s+of|before\s+(?:his|her|the|their)|"
    r"next|scheduled|due|set\s+to|to\s+be|"
    # an earlier occasion: "Obama met Putin in Moscow in 2013", "last year", "previously"
    r"(?:19|20)\d\d|last\s+(?:year|month|decade|time)|previous|previously|earlier|ago|former|once)\b",
    regex.I,
)


#: Announcing lines examined per article: each is compared with every sentence, so a text made
#: of nothing but announcements must not turn this quadratic.
MAX_LINES = 8


def conflicts(sents: list[Sentence]) -> Iterator[tuple[Sentence, regex.Match, Sentence]]:
    """(headline line, its future-tense match, body sentence reporting the event)."""
    examined = 0
    for hi in headline_like_indexes(sents):
        line = sents[hi]
        if len(line.text.split()) < 4 or not _FUTURE_HINT.search(line.text):
            continue
        m = FUTURE.search(line.text)
        if m is None:
            continue
        examined += 1
        if examined > MAX_LINES:
            return
        surname = m.group("subj").split()[-1]
        verb = m.group("verb").lower()
        forms = VERBS[verb]
        objects = content_words(m.group("obj")) - {"week", "month", "today", "tomorrow"}
        past = regex.compile(
            rf"\b{regex.escape(surname)}\b[^.;]{{0,40}}?\b(?:{'|'.join(map(regex.escape, forms['past']))})\b",
        )
        nouns = regex.compile(
            rf"\b(?:{'|'.join(map(regex.escape, forms['nouns']))})\b",
            regex.I,
        )
        # Only sentences holding the surname can report the event: found with str.find.
        for oi in bucket(sents, finds(view_of(sents), surname)):
            sent = sents[oi]
            if oi == hi or sent.is_headline_like:
                continue
            text = sent.text
            if surname not in text or _NOT_HAPPENED.search(text):
                continue
            if objects and not (content_words(text) & objects):
                continue
            if past.search(text) or (nouns.search(text) and _UNDER_WAY_RE.search(text)):
                yield line, m, sent
                break
