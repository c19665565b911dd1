"""Compiled patterns of the boilerplate family, built once at import from ``data/``."""

from __future__ import annotations

import regex

from ._data import TriggeredPattern, load_lines, trie_pattern

# A word as counted for length limits: letters/digits with inner apostrophes, dots, hyphens.
WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*")
_B = r"(?<![\p{L}\p{N}])"  # word start
_E = r"(?![\p{L}\p{N}])"  # word end


def _promo() -> tuple[TriggeredPattern, frozenset[str]]:
    lines = load_lines("promo.txt")
    strong = frozenset(f"b{i}" for i, line in enumerate(lines) if line.startswith("!"))
    return TriggeredPattern([(f"b{i}", line.lstrip("!")) for i, line in enumerate(lines)]), strong


PROMO, PROMO_STRONG = _promo()
# The reader addressed: second person or the outlet's "we/our/us" (not "US", the country).
READER = regex.compile(r"(?i:\b(?:you|your|yours|you['’](?:re|ll|ve))\b)|\b(?:[Oo]ur|[Uu]s|[Ww]e)\b")
# Reported speech: a call to action told about someone else, not to the reader.
REPORTED = regex.compile(
    r"\b(?:said|says|told|tells|according to|urged|urges|asked|asks|announced|reported|"
    r"wrote|tweeted|posted|claimed|added|warned)\b"
)

AD_LINE = regex.compile(
    r"^[\W_]*(?:" + trie_pattern(load_lines("ad_markers.txt")) + r")[\W_]*$", regex.I
)
# An ad label left standing between two sentences of a paragraph.
AD_INLINE = regex.compile(
    r"(?:(?<=[.!?…][\"'”’)\]]*)\s+|^)(?P<m>ADVERTISEMENT|Advertisement|"
    r"(?i:story continues below(?: advertisement)?|continue reading the main story))(?=\s+[\p{Lu}\"“‘'])"
)

COPYRIGHT = regex.compile(
    r"^[\W_]{0,3}(?:©|\([cC]\)\s*(?:19|20)\d\d|(?i:copyright|copr\.)\s*(?:©|\([cC]\))?\s*(?:19|20)\d\d)"
    r"|©\s*(?:19|20)?\d\d|(?i:\ball rights reserved\b)"
    r"|(?i:\bmay not be (?:published|reproduced|broadcast|rewritten|redistributed)\b)"
)

_LABELS = trie_pattern(load_lines("related_labels.txt"))
RELATED_PREFIX = regex.compile(
    r"^[(\[*_\s]*(?P<label>" + _LABELS + r")[*_]*\s*(?:[:|>»]+|\s[-–—]\s)[*_]*\s*(?P<rest>[\p{Lu}\p{N}\"“‘'(\[*_].*)$",
    regex.I,
)
# "JUST WATCHED Obama faces the press Replay More Videos": a capitalised label with no colon.
RELATED_CAPS = regex.compile(
    r"^(?:JUST WATCHED|MUST WATCH|READ MORE|RELATED CONTENT|RELATED COVERAGE|MORE FROM [A-Z]+|"
    r"WATCH VIDEO|WATCH LIVE|SEE ALSO|ALSO READ)\s+(?P<rest>\S.*)$"
)
RELATED_ALONE = regex.compile(r"^[\W_]*(?:" + _LABELS + r")[\W_]*$", regex.I)
RELATED_SUFFIX = regex.compile(
    r"(?<=\S)\s+(?:Read more|READ MORE|Read More|Continue reading|Read the full story|Full story)"
    r"\s*[.»›>…]*\s*$"
)
# "Bloomberg is debate-bound:Mike Bloomberg qualifies …": a link label glued to its headline.
GLUED_LABEL = regex.compile(r"[\p{Ll}'’?!)]:(?=[\p{Lu}'‘\"“])")

_AGENCIES = trie_pattern(load_lines("credits.txt"), fold_case=False)
AGENCY_ONLY = regex.compile(r"^(?:" + _AGENCIES + r")$")
# Credit keywords: one (or a slash, "Name/Agency") makes a bracketed tail a credit.
CREDIT_WORD = regex.compile(
    r"(?i:\b(?:photo|photos|photograph|photographer|picture|image|images|getty|courtesy|credit|"
    r"pool|handout|shutterstock|alamy|istock|via)\b)"
)
# Lower-case words allowed in a credit ("Kremlin pool photo, via AP"; "Name for The Times").
CREDIT_LOWER = frozenset(
    "via photo photos photograph picture pool file for by of the and courtesy handout staff "
    "illustration images image de van von da del la le di du al el bin dos das y".split()
)
CREDIT_BRACKET_END = regex.compile(r"[(\[]\s*(?P<c>[^()\[\]\n]{2,160}?)\s*[)\]]\s*$")
CREDIT_LABEL_END = regex.compile(
    r"(?:^|(?<=[\s.|]))(?:Photo|Photos|Photograph|Picture|Image|Credit|Photo credit|Image credit|"
    r"PHOTO|Photo illustration)\s*:\s*(?P<c>[^:\n]{2,120})$"
)
CREDIT_PIPE_END = regex.compile(r"\|\s*(?P<c>[^|\n]{2,100})$")
CREDIT_SLASH_END = regex.compile(
    r"(?:^|(?<=\s))(?P<c>(?:\p{Lu}[\p{L}.'’-]*\s+){1,4}\p{Lu}[\p{L}.'’-]*\s*/\s*(?:" + _AGENCIES + r")"
    r"(?:\s*/\s*\p{Lu}[\p{L}-]*)*)\s*$"
)
# A bare credit line: "REUTERS/Kevin Lamarque", "AP Photo/Evan Vucci", "Getty Images".
CREDIT_LINE = regex.compile(
    r"^[(\[]?\s*(?:(?:" + _AGENCIES + r")(?:\s+Photo)?\s*/\s*(?:\p{Lu}[\p{L}.'’-]*[\s,]*){1,5}"
    r"|(?:\p{Lu}[\p{L}.'’-]*\s+){1,4}\p{Lu}[\p{L}.'’-]*\s*/\s*(?:" + _AGENCIES + r"))"
    r"(?:[\s,]*(?:File|Pool|Handout|via (?:" + _AGENCIES + r")))?\s*[)\]]?$"
)
CAPTION_LABEL_START = regex.compile(
    r"^[(\[*_]*\s*(?:(?:Photo|Photos|Photograph|Picture|Pictured|Image|Caption|Image caption|"
    r"Media caption|Photo credit|Image credit|Above|Main picture|Inset|FILE PHOTO|File photo|"
    r"PHOTO|PICTURED)\s*:|Image caption\b|Media caption\b|Image copyright\b|Enlarge this image\b|"
    r"toggle caption\b|hide caption\b)"
)
# A dateline ("MOSCOW (Reuters) -", "WASHINGTON (AP) —") is not a credit.
DATELINE = regex.compile(r"^[\p{Lu}][\p{Lu}\p{Zs}.,'’-]{1,40}\((?:[^()]{1,30})\)\s*[-–—]")

_LISTED = load_lines("phrases.txt")

OPENERS = frozenset(w.lower() for w in load_lines("openers.txt"))
HEADLINE_VERBS = frozenset(w.lower() for w in load_lines("headline_verbs.txt"))
BASE_VERBS = frozenset(w.lower() for w in load_lines("base_verbs.txt"))
# Paragraph openers of bylines, credits, notes and labels: never an inserted headline.
NOT_HEADLINE_START = regex.compile(
    r"(?i)^(?:by|from|with|via|photo|photos|source|sources|contributing|reporting|additional|"
    r"written|edited|compiled|updated|posted|published|editor['’]?s['’]? note|correction|"
    r"clarification|note|follow|email|contact|video|watch|listen|subscribe|read|more|see|"
    r"related|copyright|share|advertisement|image|picture|credit|interview|transcript|"
    r"q|a|question|answer)\b"
)
OPEN_QUOTES = "\"“‘'«"
CLOSERS = "\"'”’»)]"


def ends_terminal(t: str) -> bool:
    """Whether ``t`` ends like a sentence: final punctuation, maybe closed by quotes/brackets."""
    last = t[-1:]
    if last and last in CLOSERS:  # (the closers are stripped only when there is one)
        return t.rstrip(CLOSERS)[-1:] in ".!?…"
    return last in ".!?…:;,"


def listed_pattern(extra_literals: list[str]) -> TriggeredPattern:
    """The shipped page-furniture phrases plus the user's literal ones that open with a
    word, as one trie-shaped pattern tried at the tokens that open a phrase."""
    return TriggeredPattern.from_phrases(_LISTED + extra_literals)


LISTED = listed_pattern([])


def is_caps(t: str) -> bool:
    """Set in capitals: at least six letters, nine in ten of them upper case."""
    if t.isascii():  # the same counts, by deleting bytes in C instead of a call per character
        b = t.encode("ascii")
        letters = len(b) - len(b.translate(None, _ASCII_LETTERS))
        lower = len(b) - len(b.translate(None, _ASCII_LOWER))
        return letters >= 6 and lower <= 0.1 * letters
    letters = sum(map(str.isalpha, t))
    return letters >= 6 and sum(map(str.islower, t)) <= 0.1 * letters


_ASCII_LOWER = bytes(range(97, 123))
_ASCII_LETTERS = bytes(range(65, 91)) + _ASCII_LOWER
