"""The fragments checker: broken sentences, stray punctuation and unbalanced quotes (NC2xx).

One pass over the document's paragraphs and sentences. Decisions rest on the shape of the
text (punctuation, capitals, position) and a small lexicon (``lexicon.py``), never on a parser.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from itertools import accumulate
from typing import TYPE_CHECKING, ClassVar

import regex

from ...checker import Checker
from ...findings import Applicability, Edit, Finding, Fix
from .lexicon import LEXICON as LX
from .rules import (
    DOUBLED_PUNCTUATION,
    FIRST_PERSON_NARRATION,
    LOWERCASE_START,
    MISSING_END_PUNCTUATION,
    ORPHANED_ATTRIBUTION,
    RULES,
    SPACED_PUNCTUATION,
    SUBJECTLESS_STUB,
    TRUNCATED_SENTENCE,
    UNBALANCED_BRACKETS,
    UNBALANCED_QUOTES,
    VERBLESS_FRAGMENT,
)

if TYPE_CHECKING:
    from ...document import Document, Paragraph
    from ...findings import Span

__all__ = ["FragmentsChecker"]

# Words with inner apostrophes, hyphens and dots ("don't", "Kilroy-Silk", "U.S"). The standard
# library's engine is used here because tokenizing is the checker's hottest loop.
_WORD = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*")
_WORD_SPLIT = re.compile(r"([^\W_]+(?:['’\-.][^\W_]+)*)")  # the same words, as split() keeps them
_TERMINAL = regex.compile(r"(?:[.!?…]|\.\.\.)[\"'”’»)\]]*(?:\[\d{1,3}\])?\s*$")
_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
_HSPACE = " \t\u00a0\u2009\u202f"
_SPACES = frozenset(" \t\u00a0")

_MORE_COMMAS = re.compile(r"[ \t\u00a0]*,")
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+\S")
_WIDE_GAP = re.compile(r"\S {3,}\S")
_DIGIT = re.compile(r"\d")
_DIGIT_WORD = re.compile(r"\d(?<!\w\d)")  # a figure that starts a word: r"\b\d", scanned from the figures
_VOWEL = re.compile(r"[aeiouyAEIOUY]")
_NOT_PROSE_MARK = re.compile(r"[:;\"“”()\[\]—–]")
_WORD_END = regex.compile(r"\p{L}+$")
_STOP_COMMA_OK = LX.stop_comma_abbreviations
_ENUMERATOR = regex.compile(r"(?:^|(?<=[\s,;:]))(?:[a-z]|[ivx]{1,4}|[A-Z]|\d{1,2}[a-z]?)\)")
_SMILEY = regex.compile(r"(?<!\S)(?:[:;=][\-']?[()\[\]]|[()\[\]][\-']?[:;=])(?!\S)")
# A looser form of the pattern for the standard library's faster engine: where it finds nothing,
# neither does _SMILEY.
_MAY_SMILE = re.compile(r"[:;=][\-']?[()\[\]]|[()\[\]][\-']?[:;=]")
_NAME = r"[\p{Lu}][\p{L}'’.\-]+"
_ATTRIB = "|".join(sorted(LX.attribution_verbs, key=len, reverse=True))
_CORE_ATTRIB = "|".join(sorted(LX.core_attribution_verbs, key=len, reverse=True))
_SHORT_ATTRIBUTION = regex.compile(
    rf"(?:(?:He|She|They|We|It|I)|{_NAME}(?:\s+{_NAME}){{0,3}})\s+(?:{_CORE_ATTRIB})"
    r"(?:\s+(?:on|in|at|last|this)\s+\p{L}+)?\s*\.$"
)
_LOWER_ATTRIBUTION = regex.compile(rf"[”\"’']?[ \t]*(?:(?:he|she|they|we|it|I)\s+)?(?:{_ATTRIB})\b")
_TITLE_WORD = regex.compile(r"[\p{Lu}\p{N}]")
# Labels, credits and link lines: "Related: ...", "Harnik/AP", "... Read more".
_LABEL_LINE = regex.compile(r":|\w/\w|\bRead more\s*$|\bmore\s*$")
_NO_SPACE_COLON = regex.compile(r"\p{Ll}:\p{Lu}")
_CONTINUES = regex.compile(r"[\p{Ll}\p{N}\[…]|\.\.\.")
_PICTURED = regex.compile(r"\b(?:[Pp]ictured|[Ii]nset)\b")
_INTRODUCES_QUOTE = regex.compile(rf"\b(?:{_ATTRIB}|asserted|wrote|tweeted|posted)\s+(?:that|this)$")
_CAPS_RUN = regex.compile(r"\b\p{Lu}{2,}\s+\p{Lu}{2,}\b")
# Looser, for the faster engine: two letters that are no lowercase ASCII around white space.
_MAY_CAPS_RUN = re.compile(r"[^\W\d_a-z]\s+[^\W\d_a-z]")


def _may_be_label(text: str) -> bool:
    """False if ``_LABEL_LINE`` finds nothing: each of its forms needs ":", "/" or "more"."""
    return ":" in text or "/" in text or "more" in text


# Part-of-speech letters of the lexicon as bits: ``_TAG_BITS[LX.tags.get(word, "")] & (_Z | _D)`` is
# ``LX.has_tag(word, "zd")`` without a generator per call. Keyed by the lexicon's few distinct tag strings.
_TAG_LETTERS = "nardpbzgx"
_N, _A, _R, _D, _P, _B, _Z, _G, _X = (1 << i for i in range(len(_TAG_LETTERS)))
_TAG_BITS: dict[str, int] = {
    t: sum(1 << _TAG_LETTERS.index(c) for c in set(t) if c in _TAG_LETTERS) for t in {"", *LX.tags.values()}
}


_TAGS_GET = LX.tags.get


def _bits(word: str) -> int:
    """The tag bits of a lowercase word (0 if unknown)."""
    return _TAG_BITS[LX.tags.get(word, "")]


class _Sentence:
    """A sentence span with its text; words are tokenized only when a rule asks for them."""

    __slots__ = ("_words", "end", "first", "start", "text")

    def __init__(self, start: int, end: int, text: str, first: tuple[int, str]):
        self.start = start
        self.end = end
        self.text = text
        #: Absolute offset and text of the first word.
        self.first = first
        self._words: tuple[tuple[int, int, str], ...] | None = None

    @property
    def words(self) -> tuple[tuple[int, int, str], ...]:
        """(absolute start, end, word) for each word."""
        if self._words is None:
            # Separators and words alternate in the split; their running lengths are the offsets.
            parts = _WORD_SPLIT.split(self.text)
            offsets = list(accumulate(map(len, parts), initial=self.start))
            self._words = tuple(zip(offsets[1::2], offsets[2::2], parts[1::2]))
        return self._words


class FragmentsChecker(Checker):
    """Reports the NC2xx fragment rules."""

    name: ClassVar[str] = "fragments"
    rules = RULES
    options: ClassVar[dict[str, object]] = {
        # Fewest words a sentence needs before the verbless-fragment rule looks at it.
        "min-verbless-words": 4,
        # An article with more first-person sentences outside quotes than this is treated as
        # written in the first person, and none of them is reported.
        "first-person-limit": 2,
        # First-person sentences other than "I ..." ("We will see", "In my view, ...") are reported
        # only in an article that reads as a report: at least this many attribution verbs ("said",
        # "says", "told", "according to") per 1,000 words. Editorials and columns have fewer.
        "first-person-report-density": 7.0,
        # A one-sentence paragraph without final punctuation is reported from this many words on
        # (0: never). Off by default: news decks, captions and subheads are long unpunctuated lines.
        "long-line-words": 0,
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        view = doc.view
        paras = doc.paragraphs
        para_starts = [p.start for p in paras]
        yield from _punctuation(view)
        quoted, quote_findings = _quotes(view, paras, para_starts)
        yield from quote_findings
        yield from _bracket_findings(view, paras, para_starts)
        lone_lines: list[Finding] = []
        unpunctuated_other = 0
        first_person: list[tuple[_Sentence, bool, int]] = []
        quoted_starts = [a for a, _ in quoted]
        all_spans = doc.sentences
        # The sentences (by number) with "I" or "We" after a comma ("Still, I think ..."), which
        # may open as the writer's voice, found for the whole text at once.
        comma_voice = _sentences_at(view, all_spans, _COMMA_VOICE)
        # First-person narration is reported only if a sentence outside quotations opens as the
        # writer's voice (_FIRST_PERSON_START, which _FIRST_PERSON_I implies): "I ...", "We ...", "In
        # my ...", or the same after "Word word,". The loop below looks for one; most articles have
        # none, and their first-person words are never looked for.
        voice = False
        roles: dict[int, tuple[str, bool]] = {}
        # The sentences (by number) without a word, outside "skip" paragraphs.
        wordless: set[int] = set()
        long_line = self.config["long-line-words"]
        # The number of the next sentence: doc.sentences are those of doc.sentences_in(p) for
        # each paragraph p in turn.
        j = 0
        sentences_in = doc.sentences_in
        word_search = _WORD.search
        sentence_rule = self._sentence_rule
        bisect_right = bisect.bisect_right
        first_flags = _FIRST_WORD_FLAGS.get
        decisive = _DECISIVE
        stop_word_before_final_stop = _stop_word_before_final_stop
        stop_word_ends = _STOP_WORD_ENDS
        stop_word_ends_cased = _STOP_WORD_ENDS_CASED
        may_end_on_stop_word = _may_end_on_stop_word
        core_attribution = _CORE_ATTRIBUTION_ANY.search
        may_be_verbless = _may_be_verbless
        maybe_skip = _MAYBE_SKIP.search
        find = view.find
        count = view.count
        tab_or_pipe = "\t" in view or "|" in view

        def role_of(pos: int) -> Callable[[], str]:
            def role() -> str:
                if pos not in roles:
                    roles[pos] = _role(view, paras, pos)
                return roles[pos][0]

            return role

        for pos, para in enumerate(paras):
            start, end = para.start, para.end
            # The role is worked out only when something needs it: most paragraphs are plain prose
            # whose sentences no rule can fire on, and only a tab, "|" or line break can make one "skip".
            role = None
            terminal = False
            if (
                para.kind == "paragraph"
                and (tab_or_pipe or find("\n", start, end) >= 0)
                and maybe_skip(view, start, end)
            ):
                role, terminal = _role(view, paras, pos)
                if role == "skip":
                    j += len(sentences_in(para))
                    continue
            # One pass over the paragraph's sentences (those with a word) runs the sentence rules;
            # their findings follow the paragraph's own, found once the last sentence is known.
            found: list[Finding] | None = None
            index = 0  # sentences with a word so far in the paragraph
            pa = pb = -1  # the last of them
            pm = None  # (its first word)
            prev_sent = None  # the same as a _Sentence, if one was made
            for span in sentences_in(para):
                j += 1
                a = span.start
                b = span.end
                m = word_search(view, a, b)
                if m is None:
                    wordless.add(j - 1)
                    continue
                first = m[0]
                fl = first_flags(first)
                if fl is None:
                    fl = _first_word_flags(first)
                # Which sentences a sentence rule may fire on (_sentence_rule decides), from what
                # each rule needs first. Most sentences start with a capitalized word that tells
                # nothing, and only the short-attribution and verbless tests are left for them.
                text = None
                if fl & _F_ASK or (comma_voice and j - 1 in comma_voice):
                    lw = first.lower()
                    c = first[0]
                    text = view[a:b]
                    last = text[-1]
                    if fl & _F_RARE or (index and c.islower()):
                        candidate = True  # an attribution verb or a verb with no subject first; lowercase
                    elif last == ".":
                        candidate = bool(
                            (  # TRUNCATED_SENTENCE: the quick test of _stop_word_before_final_stop first
                                ((ends := text[-3:-1].lower()) in stop_word_ends or ends[-1:] == "a")
                                and stop_word_before_final_stop(text)
                            )
                            or (  # a short attribution ("He said.")
                                index and text.count(" ") <= 7 and core_attribution(text)
                            )
                            or (  # VERBLESS_FRAGMENT
                                index
                                and not fl & _F_NOT_VERBLESS
                                and c.isupper()
                                and (fl & _F_RELATIVE_HEAD or decisive.isdisjoint(text.split(None, 8)))
                                and may_be_verbless(text, lw)
                            )
                        )
                    else:  # only a verbless fragment ending '."' is left
                        candidate = bool(
                            index
                            and last in _CLOSERS
                            and not fl & _F_NOT_VERBLESS
                            and c.isupper()
                            and may_be_verbless(text, lw)
                        )
                    if (
                        not voice
                        and (
                            fl & _F_VOICE
                            or (c in "IW" and lw.startswith(_VOICE_CLITICS))
                            or j - 1 in comma_voice
                        )
                        # "In ...", "To ...", "For ...", "From ..." open the writer's voice only
                        # before "my" or "our" (or as "In fact, I ...", found by _COMMA_VOICE).
                        and (
                            lw not in _VOICE_PREPOSITIONS
                            or j - 1 in comma_voice
                            or text.split(None, 2)[1:2] in (["my"], ["our"])
                        )
                        and _FIRST_PERSON_START.match(text)
                    ):
                        # It must be one the report would name: in prose, outside quotations, not
                        # after "he said:".
                        if role is None:
                            role, terminal = roles[pos] if pos in roles else _role(view, paras, pos)
                        at = m.start()
                        q = bisect_right(quoted_starts, at) - 1
                        voice = (
                            role == "prose"
                            and not (q >= 0 and at < quoted[q][1])
                            and not view[max(0, a - 3) : a].strip().endswith(":")
                            and not (pm is not None and view[pa:pb].rstrip().endswith(":"))
                        )
                else:
                    # The first word is capitalized and tells nothing: TRUNCATED_SENTENCE (the quick
                    # test of _stop_word_before_final_stop first), a short attribution ("He said.")
                    # and VERBLESS_FRAGMENT are left.
                    if (z := view[b - 1]) != ".":
                        candidate = bool(
                            index
                            and z in _CLOSERS
                            and not fl & _F_NOT_VERBLESS
                            and may_be_verbless(text := view[a:b], first.lower())
                        )
                    elif (
                        # (what _may_end_on_stop_word needs first, tested here without a call)
                        (view[b - 2] in "aA" or view[b - 3 : b - 1] in stop_word_ends_cased)
                        and may_end_on_stop_word(view, a, b)
                        and stop_word_before_final_stop(text := view[a:b])
                    ):
                        candidate = True
                    elif not index:
                        candidate = False
                    elif count(" ", a, b) <= 7 and core_attribution(view, a, b):
                        candidate = True
                    elif fl & _F_NOT_VERBLESS:
                        candidate = False
                    else:
                        text = view[a:b]
                        if fl & _F_RELATIVE_HEAD:
                            candidate = may_be_verbless(text, first.lower())
                        else:  # (what _may_be_verbless does, without splitting the text twice)
                            words = text.split(None, 8)
                            candidate = decisive.isdisjoint(words) and _may_be_verbless_after(text, words)
                if candidate:
                    at = m.start()
                    if text is None:
                        text = view[a:b]
                    sent = _Sentence(a, b, text, (at, first))
                    if pm is not None and prev_sent is None:
                        prev_sent = _Sentence(pa, pb, view[pa:pb], (pm.start(), pm.group()))
                    q = bisect_right(quoted_starts, at) - 1  # _inside(quoted, at), inlined
                    in_quote = q >= 0 and at < quoted[q][1]
                    f = sentence_rule(
                        view, sent, prev_sent, index, role if role is not None else role_of(pos), in_quote
                    )
                    if f is None:
                        pass
                    elif found is None:
                        found = [f]
                    else:
                        found.append(f)
                    prev_sent = sent
                else:
                    prev_sent = None
                index += 1
                pa, pb, pm = a, b, m
            if role is not None:
                roles[pos] = (role, terminal)
            if not index:
                continue  # no word in the paragraph
            if (z := view[end - 1]) in ".!?…" or (
                z in _CLOSERS and end - start > 1 and view[end - 2] in ".!?…"
            ):
                # Final punctuation at the end (_TERMINAL finds it, whatever the role): never
                # reported, nor counted as unpunctuated.
                pass
            else:
                if role is not None:
                    pass
                elif pos in roles:
                    role, terminal = roles[pos]  # found for a sentence rule
                else:
                    role, terminal = roles[pos] = _role(view, paras, pos)
                if role == "prose" and not (terminal and not view[end - 1].isspace()):
                    # (A paragraph with final punctuation right at its end is never reported.)
                    f = _paragraph_end(
                        view,
                        para,
                        _Sentence(pa, pb, view[pa:pb], (pm.start(), pm.group())),  # type: ignore[union-attr]
                        index,
                        paras[pos + 1] if pos + 1 < len(paras) else None,
                        long_line,
                        terminal,
                    )
                    if f is not None:
                        if f.extra.get("lone-line"):
                            lone_lines.append(f)
                        else:
                            yield f
                elif (
                    role == "other"
                    and pos > 0
                    # (_role found ``terminal`` with the same search, for a paragraph of kind "paragraph")
                    and not (terminal if para.kind == "paragraph" else _TERMINAL.search(view, max(start, end - 24), end))
                ):
                    unpunctuated_other += 1
            if found:
                yield from found
        if len(lone_lines) == 1 and unpunctuated_other == 0 and not lone_lines[0].extra["subhead-like"]:
            # One unpunctuated line in an article whose other paragraphs all end properly: not a
            # house style of subheads, decks or captions.
            yield lone_lines[0]
        # The article is a third-person report with a few first-person sentences outside quotes, at
        # least one opening with "I": report those sentences. Columns written in the first person
        # have more of them and stay quiet.
        limit = self.config["first-person-limit"]
        if voice:
            first_person = _first_person_sentences(view, paras, all_spans, quoted, roles, limit, wordless)
        if (
            0 < len(first_person) <= limit
            and all(ok for _, ok, _ in first_person)
            and first_person[-1][2] - first_person[0][2] == len(first_person) - 1  # one run of sentences
            and self._first_person_voice(view, [x for x, _, _ in first_person])
        ):
            for x, _, _ in first_person:
                yield FIRST_PERSON_NARRATION.finding(
                    x.start,
                    x.end,
                    "First-person sentence outside quotes in a third-person report: a quotation that lost "
                    "its quotation marks?",
                    confidence=0.7,
                )

    def _first_person_voice(self, view: str, sentences: list[_Sentence]) -> bool:
        """True if one of the sentences speaks as the writer: "I think ...", or, in an article that
        reads as a report, the forms editorials and columns use as well ("We will see", "In my
        view, ...", "Still, I ..."), which need attribution verbs ("said", "told", "according
        to") as dense as in a typical news report."""
        if any(_FIRST_PERSON_I.match(x.text) for x in sentences):
            return True
        if not any(_FIRST_PERSON_START.match(x.text) for x in sentences):
            return False
        n = sum(1 for _ in _REPORTING.finditer(view))
        return 1000 * n / (view.count(" ") + 1) >= self.config["first-person-report-density"]

    def _sentence_rule(
        self,
        view: str,
        s: _Sentence,
        prev: _Sentence | None,
        index: int,
        role: str | Callable[[], str],
        in_quote: bool,
    ) -> Finding | None:
        """The first sentence-level rule that fires on ``s``, if any (at most one per sentence).
        ``role``: the paragraph's, or a function that finds it, called only if a rule needs it."""
        text = s.text
        first = s.first[1]
        lw = first.lower()
        if prev is not None and prev.text.rstrip(_CLOSERS_SPACE).endswith("."):
            lower = first[:1].islower()
            if lower and _LOWER_ATTRIBUTION.match(text):
                after_quote = prev.text.rstrip(" .")[-1:] in _CLOSERS or text[:1] in _CLOSERS
                return ORPHANED_ATTRIBUTION.finding(
                    s.start,
                    s.end,
                    "Attribution cut off by a full stop: join it to the sentence before "
                    "(end a quotation with a comma: 'soon,” said …')"
                    if after_quote
                    else "Attribution cut off by a full stop and left without a speaker: join it to the "
                    "sentence before or delete it",
                    confidence=0.9,
                )
            if (lw in _ATTRIBUTION_VERBS and len(s.words) == 1) or (
                not in_quote
                and text[:1] not in _OPENERS
                and text.count(" ") <= 7
                and _SHORT_ATTRIBUTION.match(text)
                and len(s.words) <= 6
                and (role if isinstance(role, str) else role()) == "prose"
            ):
                return ORPHANED_ATTRIBUTION.finding(
                    s.start,
                    s.end,
                    "Attribution stands alone as a sentence: join it to the sentence before",
                    confidence=0.7,
                )
            if lower and text[:1].islower() and _lowercase_start_is_error(view, s, prev):
                return LOWERCASE_START.finding(
                    s.start,
                    s.end,
                    f"Sentence starts with lowercase {first!r}: a fragment split off the sentence before?",
                    confidence=0.8,
                )
        if in_quote or text[:1] in _OPENERS:
            return None
        # The rules below hold in prose only. The role is asked for last: finding it may read the
        # whole paragraph, and these rules seldom fire.
        found = None
        if first[:1].isupper():  # both tests below need it: decided here for most sentences
            if lw in _STUB_FIRST_WORDS and _is_stub(s):
                found = SUBJECTLESS_STUB.finding(
                    s.start,
                    s.end,
                    f"Sentence starts with the verb {first!r} and has no subject",
                    confidence=0.8,
                )
            elif (
                index > 0
                and lw not in _FRAGMENT_OPENERS
                and _is_verbless(s, self.config["min-verbless-words"])
            ):
                found = VERBLESS_FRAGMENT.finding(
                    s.start,
                    s.end,
                    "Sentence has no verb: a fragment split off the sentence before?",
                    confidence=0.6,
                )
        # A non-final sentence ending in "the." / "and." / "during." is cut off as well.
        if found is None and text[-1:] == "." and _stop_word_before_final_stop(text) and len(s.words) >= 2:
            words = s.words
            last = words[-1][2].lower()
            before_by = words[-2][2].lower()
            agentless = (
                last == "by"
                and _TAG_BITS[LX.tags.get(before_by, "")] & _P
                and before_by.endswith(("ed", "en", "wn"))
            )
            if (last in _CANNOT_END_WITH_STOP or agentless) and words[-1][1] == s.end - 1:
                found = TRUNCATED_SENTENCE.finding(
                    s.start, s.end, f"Sentence ends on {words[-1][2]!r}: it was cut off", confidence=0.85
                )
        if found is None or (role if isinstance(role, str) else role()) != "prose":
            return None
        return found


_CLOSERS_SPACE = _CLOSERS + " "
# A core attribution verb anywhere: what _SHORT_ATTRIBUTION needs.
_CORE_ATTRIBUTION_ANY = re.compile("|".join(sorted(LX.core_attribution_verbs, key=len, reverse=True)))
_ATTRIBUTION_VERBS = LX.attribution_verbs


def _stop_word_before_final_stop(text: str) -> bool:
    r"""What ``re.search(r"([^\W_]+)\.$", text[-24:])`` finds (the letters and digits before the final
    full stop) is a word a sentence cannot end on before a full stop, or "by". ``text`` ends with ".";
    a backward walk: the regex would be tried from every position of the window."""
    j = len(text) - 1
    ends = text[-3:-1].lower()
    if ends not in _STOP_WORD_ENDS and ends[-1:] != "a":
        return False  # the word before the stop does not end like any of them (nor is it "a")
    k = text.rfind(" ", 0, j) + 1
    word = text[k:j]
    if k >= j - 23 and word.isalnum():  # the common case: a plain word after a space
        return word == "by" or word.lower() in _CANNOT_END_WITH_STOP
    i = j
    lo = max(0, j - 23, j - _STOP_WORD_MAX - 1)  # the 24-character window; longer runs are no stop word
    while i > lo and text[i - 1].isalnum():
        i -= 1
    if i == j:
        return False
    word = text[i:j]
    return word == "by" or word.lower() in _CANNOT_END_WITH_STOP


def _may_end_on_stop_word(view: str, a: int, b: int) -> bool:
    """False if ``_stop_word_before_final_stop(view[a:b])`` is (``view[b - 1]`` is "."): the word before
    the stop is "a" with no letter or figure before it, or ends like a longer stop word (its last
    two letters, and the last three or a start right before them). Three characters looked at."""
    if view[b - 2] in "aA" and (b - a <= 2 or not view[b - 3].isalnum()):
        return True
    return (
        b - a > 2
        and view[b - 3 : b - 1] in _STOP_WORD_ENDS_CASED
        and (b - a <= 3 or not view[b - 4].isalnum() or view[b - 4 : b - 1].lower() in _STOP_WORD_TAILS)
    )


def _inside(ranges: list[tuple[int, int]], offset: int) -> bool:
    i = bisect.bisect_right(ranges, (offset, 1 << 62)) - 1
    return i >= 0 and ranges[i][0] <= offset < ranges[i][1]


# -- paragraph roles -------------------------------------------------------------------------


_LAST_WORD = re.compile(r"([^\W_]+)[\W_]*$")
_LAST_WORD_REVERSED = re.compile(r"[\W_]*([^\W_]*)")
# A mark _TERMINAL needs (the faster engine finds where there is none).
_ANY_STOP = re.compile(r"[.!?…]")
# Only a paragraph with one of these can be "skip" (see _role).
_MAYBE_SKIP = re.compile(r"[\t|\n]")


def _role(view: str, paras: list[Paragraph], pos: int) -> tuple[str, bool]:
    """``"prose"`` for running text, ``"other"`` for structure (headline, list, table, label),
    ``"skip"``; and whether the paragraph ends with final punctuation (False unless known).
    (A paragraph without a word gets a role too, which nothing uses.)"""
    para = paras[pos]
    if para.kind != "paragraph":
        return "other", False
    text = view[para.start : para.end]
    if _skipped(text):
        return "skip", False
    # The end is all it needs; a final mark right at the end is the common case.
    tail = max(0, len(text) - 24)
    terminal = text[-1] in ".!?…" or bool(_ANY_STOP.search(text, tail) and _TERMINAL.search(text, tail))
    if pos > 0:
        if not terminal:
            # The last run of letters and figures in the last 40 characters (what _LAST_WORD
            # finds there), read backwards: the pattern would be tried at every position.
            last = _LAST_WORD_REVERSED.match(text[-40:][::-1]).group(1)[::-1]  # type: ignore[union-attr]
            if last.islower() and (_cannot_end_unpunctuated(last) or last in _OBJECT_PREPOSITIONS):
                # Stops on "to", "the", "at": a cut sentence, however title-like or full of figures.
                return "prose", terminal
        elif not (
            "0" in text
            or "1" in text
            or "2" in text
            or "3" in text
            or "4" in text
            or "5" in text
            or "6" in text
            or "7" in text
            or "8" in text
            or "9" in text
        ):
            return "prose", terminal  # only the figures test below could say otherwise
    # Words are whitespace-separated here: close enough for the thresholds below.
    digits = sum(map(text.count, "0123456789"))
    if digits:
        # Results, tables, figures: at least 3 words, and a figure for every 3 of them. Splitting
        # off at most 3 * digits + 1 words tells whether there are more without splitting them all.
        limit = 3 * digits
        n_words = len(text.split(None, limit))  # the word count, or limit + 1 if there are more
        if 3 <= n_words <= limit and len(_DIGIT_WORD.findall(text)) * 3 >= n_words:
            return "other", terminal
    if pos == 0 or not terminal:
        # (Compared with 12 and 20 alone: the words past the 22nd are not split off.)
        n_words = len(text.split(None, 21))
        if pos == 0 and len(paras) > 1 and (not terminal or n_words <= 12) and len(_sentence_ends(text)) <= 1:
            return "other", terminal  # headline
        if not terminal and n_words <= 20 and _headline_like(_WORD.findall(text)):
            return "other", terminal
    return "prose", terminal


def _skipped(text: str) -> bool:
    """The text of a "paragraph" (kind) is a table or tab-separated data: its role is "skip"."""
    return "\t" in text or "|" in text or "\n" in text and "\n" in text.strip() and _looks_tabular(text)


def _sentence_ends(text: str) -> list[str]:
    return _SENTENCE_END.findall(text)


def _looks_tabular(text: str) -> bool:
    return bool(_WIDE_GAP.search(text))


def _title_word(word: str) -> bool:
    """``_TITLE_WORD.match(word)``: a capital or figure first; ASCII letters decided without it."""
    c = word[0]
    if c.isascii():
        return c.isupper() or c.isdigit()
    return _TITLE_WORD.match(word) is not None


def _headline_like(words: list[str]) -> bool:
    """Short and title-case or all capitals: a headline, label or promo line, not a cut sentence."""
    if len(words) > 15:
        return False
    letters = [w for w in words if w[:1].isalpha()]
    if not letters:
        return True
    if all(w.isupper() or not w.isalpha() for w in letters if len(w) > 1):
        return True
    long = [w for w in letters if len(w) > 3 and w.lower() not in LX.loose_prepositions]
    return bool(long) and sum(1 for w in long if _title_word(w)) >= 0.85 * len(long)


# -- paragraph ends --------------------------------------------------------------------------


_CANNOT_END_WITH_STOP = (
    LX.articles
    | LX.coordinators
    | LX.strict_prepositions
    | frozenset(("my", "your", "our", "their", "every"))
)
_STOP_WORD_MAX = max(map(len, _CANNOT_END_WITH_STOP | {"by"}))
# Their last two letters (one-letter words, "a", are tested apart).
_STOP_WORD_ENDS = frozenset(w[-2:] for w in _CANNOT_END_WITH_STOP | {"by"} if len(w) >= 2)
# The same in every case: ``ends.lower() in _STOP_WORD_ENDS`` for two characters (only ASCII
# letters lowercase to them, and the Kelvin sign to "k", which ends none).
_STOP_WORD_ENDS_CASED = frozenset(
    a + b for e in _STOP_WORD_ENDS for a in {e[0], e[0].upper()} for b in {e[1], e[1].upper()}
)
# The last three letters of those of three or more: a word before the final stop that is longer
# than two letters ends like one of them (lowercased) if it is one. (A one-letter "a", or a
# two-letter word, has no letter or figure before it.)
_STOP_WORD_TAILS = frozenset(w[-3:] for w in _CANNOT_END_WITH_STOP | {"by"} if len(w) >= 3)


def _sentences_at(view: str, spans: list[Span], pattern: re.Pattern[str]) -> set[int]:
    """Numbers of the sentences a match of ``pattern`` starts in."""
    hits = [m.start() for m in pattern.finditer(view)]
    if not hits:
        return set()
    starts = [s.start for s in spans]
    out = set()
    for i in hits:
        k = bisect.bisect_right(starts, i) - 1
        if k >= 0 and i < spans[k].end:
            out.add(k)
    return out


def _cannot_end_with_stop(word: str) -> bool:
    return word in _CANNOT_END_WITH_STOP


_NEVER_PARTICLES = frozenset(
    [
        "of",
        "from",
        "with",
        "to",
        "at",
        "for",
        "into",
        "onto",
        "between",
        "among",
        "amongst",
        "within",
        "without",
        "toward",
        "towards",
    ]
)


def _cannot_end_unpunctuated(word: str) -> bool:
    # Other prepositions double as particles ("two candidates drop out") and only count in
    # paragraphs of running text (see _paragraph_end).
    return (
        _cannot_end_with_stop(word)
        or word in LX.possessives
        or word in LX.determiners
        or word in LX.subordinators
        or word in _NEVER_PARTICLES
        or word == "which"  # "... the massacre, in which"
    )


# "in", "on", "by" may end a clause as particles ("was sworn in", "the talks dragged on"), but not
# after a noun, a name or a number ("new plants in", "arrived in Berlin on").
_OBJECT_PREPOSITIONS = frozenset(["in", "on", "by"])
_VERB_BEFORE = LX.modals | LX.auxiliaries | LX.subject_pronouns | {"to"}


def _object_missing(words: tuple[tuple[int, int, str], ...]) -> bool:
    """True if the final preposition follows a noun, so it needs an object to end on."""
    if len(words) < 4:
        return False
    prev = words[-2][2]
    if prev[:1].isdigit() or (prev[:1].isupper() and len(words) > 2):
        return True  # "to Berlin on", "in 2019 in"
    lp = prev.lower()
    tags = LX.tags.get(lp, "")
    if lp in LX.object_pronouns or any(c in tags for c in "rdpx") or lp in LX.verb_particles:
        return False  # "hand it in", "moved back in", "was sworn in", "kicked in"
    before = words[-3][2].lower()
    if before in _VERB_BEFORE:
        return False  # "would report on": a verb with its particle
    if tags == "g":  # "prioritize spending on", "the meeting in", not "people moving in"
        return before in _NP_START or LX.has_tag(before, "bzd")
    return not tags or "n" in tags


def _subhead_like(words: tuple[tuple[int, int, str], ...]) -> bool:
    """A short clause ending on a noun, adjective, adverb or -ing form: how sentence-style subheads end."""
    if len(words) > 17:
        return False
    last = words[-1][2]
    return last[:1].isupper() or LX.has_tag(last.lower(), "narg") or last.lower() not in LX.tags


def _paragraph_end(
    view: str,
    para: Paragraph,
    last: _Sentence,
    n_sentences: int,
    next_para: Paragraph | None,
    long_line: int,
    terminal: bool,
) -> Finding | None:
    """A finding if the paragraph breaks off; ``last``: its last sentence with a word, of ``n_sentences``;
    ``terminal``: it ends with final punctuation (``_role``)."""
    tail = view[last.start : para.end]
    if tail[-1:].isspace():
        # The paragraph's end is trimmed of document whitespace only; other white space may remain.
        tail = tail.rstrip()
        terminal = bool(_TERMINAL.search(tail, max(0, len(tail) - 24)))
    # Otherwise ``terminal``, found on the whole paragraph, is what the search on the tail would
    # find: final punctuation cannot reach back past the white space before the last sentence.
    if terminal or tail.endswith((":", "—", "–")):
        return None
    if next_para is not None and _CONTINUES.match(view, next_para.start):
        return  # the sentence runs on into a block quotation or the next paragraph
    if tail[:1] in "([" and tail[-1:] in ")]":
        return  # a parenthetical credit or caption: "(Photo: AP)"
    if (
        view.find("ictured", para.start, para.end) >= 0 or view.find("nset", para.start, para.end) >= 0
    ) and _PICTURED.search(view, para.start, para.end):  # (the pattern is slow; the words are rare)
        return  # a photo caption ("Benny Gantz is pictured arriving ..."): the boilerplate checkers'
    if next_para is not None and tail.endswith(("that", "this")) and _INTRODUCES_QUOTE.search(tail):
        return  # "Trump asserted in a tweet that" + the tweet as a block quotation
    if (tail[:1] in "'‘\"“" and tail[-1:] in "'’\"”") or tail[:1] in "—–":
        return  # a pull quote ("'Sovereign power is not unfettered'") or its credit ("— Suzi Brown")
    word = last.words[-1][2]
    if last.words[-1][1] < last.start + len(tail.rstrip(_CLOSERS)) and tail.rstrip(_CLOSERS)[-1:] not in ",;":
        return  # ends on a symbol, a URL, a number with a unit sign...
    lw = word.lower()
    prev_word = last.words[-2][2].lower() if len(last.words) > 1 else ""
    prev_2 = last.words[-3][2].lower() if len(last.words) > 2 else ""
    if (
        (tail.rstrip(_CLOSERS).endswith((",", ";")) and len(_WORD.findall(view, para.start, para.end)) >= 12)
        or _cannot_end_unpunctuated(lw)
        or (lw in LX.loose_prepositions and n_sentences >= 2)
        or (lw in _OBJECT_PREPOSITIONS and _object_missing(last.words))
        or (lw == "by" and LX.has_tag(prev_word, "p") and prev_word.endswith(("ed", "en", "wn")))
        or (
            (lw in _FINITE_AUX or lw in ("be", "been", "being"))
            and prev_word not in _ELLIPSIS_SUBJECTS
            and prev_2 not in _ELLIPSIS_SUBJECTS
            and len(last.words) >= 3
        )
        or (prev_word in _NP_START and LX.tags.get(lw, "n").strip("ar") == "" and len(last.words) >= 3)
    ):
        return TRUNCATED_SENTENCE.finding(
            last.start,
            para.end,
            f"Paragraph breaks off after {word!r}: the sentence was cut off",
            confidence=0.9,
        )
    if tail.rstrip(_CLOSERS).endswith((",", ";")):
        return
    if view.find(":", para.start, para.end) >= 0 and _NO_SPACE_COLON.search(view, para.start, para.end):
        return  # "More:Headline of a related story": a link line
    if _MAY_CAPS_RUN.search(view, para.start, para.end) and _CAPS_RUN.search(view, para.start, para.end):
        return  # "JUST WATCHED ... MUST WATCH": a promo block, the boilerplate checkers' business
    if _headline_like([w for _, _, w in last.words]):
        return
    if len(last.words) >= 3 and all(w[:1].isupper() for _, _, w in last.words[-2:]):
        return  # ends on a name or a title: a credit, a link or a call to action ("... our Privacy Policy")
    # Deep in an article a short unpunctuated line is usually a subhead; right after the
    # headline it is the cut-off first sentence.
    lone_min = 5 if para.index <= 1 else 9
    if (
        n_sentences == 1
        and len(last.words) >= lone_min
        and not (
            _may_be_label(view[para.start : para.end]) and _LABEL_LINE.search(view, para.start, para.end)
        )
    ):
        # Reported only if it is the article's one such line (see FragmentsChecker.check).
        return MISSING_END_PUNCTUATION.finding(
            last.start,
            para.end,
            "Paragraph ends without final punctuation, unlike every other paragraph: cut off, or pasted in?",
            confidence=0.6,
            extra={"lone-line": True, "subhead-like": para.index > 1 and _subhead_like(last.words)},
        )
    if (n_sentences >= 2 and len(last.words) >= 3) or (long_line > 0 and len(last.words) >= long_line):
        return MISSING_END_PUNCTUATION.finding(
            last.start,
            para.end,
            "Paragraph ends without final punctuation: cut off, or pasted in from elsewhere?",
            confidence=0.7,
        )
    return None


# -- sentences -------------------------------------------------------------------------------

_FINITE_AUX = LX.finite_auxiliaries
# "... the career killer it once was": an auxiliary after these may end a clause by ellipsis.
_ELLIPSIS_SUBJECTS = LX.ellipsis_subjects
# "... from their current": an adjective or adverb right after a determiner ends nothing.
_NP_START = LX.noun_phrase_starts
_AFTER_VERB = (
    LX.loose_prepositions | LX.strict_prepositions | LX.articles | LX.object_pronouns | LX.possessives
) - {"her"}
_MODALS = LX.modals
_STUB_SECOND = LX.stub_second_words


# First words _is_stub can accept: finite auxiliaries and -s or past forms, not stylistic openers.
_STUB_FIRST_WORDS = (
    frozenset(w for w, t in LX.tags.items() if _TAG_BITS[t] & (_Z | _D)) | LX.finite_auxiliaries
) - LX.stylistic_openers


def _is_stub(s: _Sentence) -> bool:
    # The cheap tests on the first word come first: most sentences fail them.
    first = s.first[1]
    if not (first[:1].isupper() and first[1:].islower()):
        return False
    lw = first.lower()
    if lw in LX.stylistic_openers or not (lw in _FINITE_AUX or _bits(lw) & (_Z | _D)):
        return False
    if not s.text.rstrip(_CLOSERS).endswith(".") or "," in s.text or len(s.words) > 10:
        return False
    tags = LX.tags.get(lw, "")
    second = s.words[1][2] if len(s.words) > 1 else ""
    rest = [w.lower() for _, _, w in s.words[1:]]
    if "d" in tags and not _DIGIT.search(s.text):
        # "Rejected.", "Suspended both athletes.", "Said there were no.": a past-tense verb with
        # no subject. A form that is also an adjective counts only before a preposition, an
        # article or a pronoun ("Noted in the article", not "Noted author Jane Smith").
        verb_reading = not any(c in tags for c in "nab") or lw in LX.attribution_verbs
        if not verb_reading and "a" in tags and "n" not in tags and "b" not in tags:
            verb_reading = second.lower() in _AFTER_VERB
        if verb_reading and (
            len(s.words) <= 2
            or (len(s.words) <= 6 and not any(w in LX.subject_pronouns or LX.has_tag(w, "xz") for w in rest))
        ):
            return True
    if (
        "p" in tags
        and all(c in "dpba" for c in tags)
        and "by" in rest
        and len(s.words) <= 8
        and not any(LX.has_tag(w, "xz") or w in LX.subject_pronouns for w in rest)
    ):
        return True  # "Rejected by the LSE.", "Followed by Shrek.": a passive with no subject
    if any(w[:1].isupper() or w[:1].isdigit() for _, _, w in s.words[1:]):
        return False
    if lw in _FINITE_AUX:
        if not second:
            return True
        if second in LX.subject_pronouns or second in LX.object_pronouns:
            return False
        if lw in _MODALS:
            # "May will not leave": a name before a modal is not a stub.
            return (
                ("b" in LX.tags.get(second, "") and "x" not in LX.tags.get(second, ""))
                or second in _STUB_SECOND
                # "Will be.", "Could have gone.", "Could be done.": a verb group with no subject
                or (second in ("be", "have") and (len(s.words) == 2 or LX.has_tag(rest[1], "pg")))
            )
        if lw in ("has", "have", "had"):
            return second in _STUB_SECOND or LX.has_tag(second, "p") or LX.tags.get(second) == "d"
        return len(s.words) <= 6 or second in _STUB_SECOND or LX.has_tag(second, "pdg")
    return "z" in tags and not any(c in tags for c in "nar") and len(s.words) <= 8


_ABBREV_LIKE = regex.compile(r"\b\p{Lu}[\p{L}.]{0,3}\.")
_NP_OPENERS = (
    LX.articles
    | LX.possessives
    | LX.determiners
    | LX.loose_prepositions
    | LX.strict_prepositions
    | LX.quantifiers
)
_OBJECT_START = (LX.articles | LX.possessives | LX.object_pronouns | LX.verb_particles) - {"it"}


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s")) and len(word) > 3


_NP_GLUE = LX.noun_phrase_glue
_RELATIVES = LX.relatives
_RELATIVE_HEADS = LX.relative_heads
_FRAGMENT_OPENERS = (
    LX.stylistic_openers | LX.loose_prepositions | LX.strict_prepositions | LX.subordinators | LX.coordinators
)


_SUBJECT_WORDS = LX.first_person | (LX.subject_pronouns - {"that", "this", "one"})
_CLITIC_HOSTS = frozenset(("it", "that", "he", "she", "there", "what", "who", "here", "this"))


def _is_verbless(s: _Sentence, min_words: int) -> bool:
    """No finite verb at all, or only the one inside a relative clause ("An approach that would
    become his trademark.")."""
    text = s.text
    first = s.first[1]
    # The cheap tests on the first word come first: most sentences fail them.
    if not first[:1].isupper() or first.lower() in _FRAGMENT_OPENERS:
        return False
    if not text.rstrip(_CLOSERS).endswith(".") or text.count(",") > 2 or _NOT_PROSE_MARK.search(text):
        return False
    # The list-of-abbreviations test (a slow pattern, rarely true) is made after the words.
    relative_ok = first.lower() in _RELATIVE_HEADS and "," not in text
    chain = False  # inside a noun phrase opened by an article, determiner or preposition
    prev = ""
    count = 0
    relative_at = -1  # index of "that/which/who" after the opening noun phrase
    groups = 0  # runs of verbs after it
    in_group = False
    group_has_main = False  # the run already has its main verb: a finite verb after it starts a new run
    # Words one at a time: most sentences are decided within their first few words.
    for i, m in enumerate(_WORD.finditer(text)):
        w = m.group()
        count += 1
        c0 = w[0]
        if c0.isdigit():
            if i == 0:
                return False  # results, listings
            chain, prev, in_group = True, "1", False  # "An 82% jump", "five shields"
            continue
        lw = w.lower()
        if i > 0 and c0.isupper():
            chain, prev, in_group = False, lw, False
            continue  # a name
        if "'" in lw or "’" in lw:
            base = lw[:-2] if lw.endswith(("'s", "’s")) else lw
            if "-" in base:
                base = base.rsplit("-", 1)[1]
            if base != lw and base in _CLITIC_HOSTS:
                return False
            if "'" in base or "’" in base:
                return False  # contractions: they're, won't
        elif "-" in lw:
            base = lw.rsplit("-", 1)[1]  # the head of a compound ("well-known" -> "known")
            if base in _CLITIC_HOSTS:
                return False
        else:
            base = lw  # most words
        if relative_at < 0 and i > 1 and relative_ok and base in _RELATIVES:
            relative_at, chain, prev = i, False, base
            continue
        if base in _SUBJECT_WORDS:
            return False
        if base in _NP_OPENERS:
            chain, prev, in_group = True, base, False
            continue
        if base in _NP_GLUE and chain:
            prev, in_group = base, False
            continue  # "a smoke bomb and five shields": the noun phrase goes on
        tags = _TAG_BITS[_TAGS_GET(base, "")]
        if not tags:
            if base.endswith(("ed", "ing", "es")):
                return False
            prev, in_group = base, False  # an unknown word: a noun inside a noun phrase
            continue
        finite = tags & (_X | _Z | _D) or (tags & _B and prev != "to")
        if i == 0 and tags & _G:
            return False  # a gerund subject ("Losing twice in a row.")
        if (
            not tags & _X
            and chain
            and tags & (_N | _A)
            and (prev in _NP_OPENERS or prev in _NP_GLUE or not tags & (_Z | _D))
            and not (
                prev not in _NP_OPENERS and tags & _B and (_plural(prev) or _object_follows(text, m.end()))
            )
        ):
            # "a carbon copy": inside a noun phrase an ambiguous word is read as a noun; an
            # unambiguous noun or adjective keeps the phrase open for the next word. A -s or
            # past form after a noun is the verb ("the episode comes", "the French go").
            # A base form that is also a noun or adjective stays in the phrase ("reinsurance firm"),
            # unless a plural noun stands before it or an object after it ("the cops report
            # finding", "his family hold a stake").
            chain = True
            prev, in_group = base, False
            continue
        auxiliary = tags & _X or base in LX.auxiliaries
        if finite or auxiliary or (in_group and tags & (_P | _G | _B)):
            if relative_at < 0:
                return False
            if not in_group or (group_has_main and finite):
                groups += 1
                if groups > 1:
                    return False  # "A spokesman who declined to comment said ..."
                group_has_main = False
            in_group = True
            group_has_main = group_has_main or not auxiliary
        elif not (tags & _R and in_group):
            in_group = False
        chain, prev = False, base
    return count >= min_words and len(_ABBREV_LIKE.findall(text)) < 3  # not a list of abbreviations


# Words that make _is_verbless false wherever they stand after a capitalized first word: a subject
# pronoun; and, unless the sentence may hold a relative clause ("An approach that would ..."),
# a finite verb or auxiliary that is never read as a noun or adjective ("said", "was", "has").
_ALWAYS_FINITE = frozenset(
    w for w in _SUBJECT_WORDS - _RELATIVES if w.isascii() and w.isalpha() and w.islower()
)
_FINITE_UNLESS_RELATIVE = frozenset(
    w
    for w, t in LX.tags.items()
    if w.isascii()
    and w.isalpha()
    and w.islower()
    and w not in _SUBJECT_WORDS
    and w not in _NP_OPENERS
    and w not in _NP_GLUE
    and w not in _RELATIVES
    and _TAG_BITS[t]
    and (_TAG_BITS[t] & _X or not _TAG_BITS[t] & (_N | _A))
    and (_TAG_BITS[t] & (_X | _Z | _D) or w in LX.auxiliaries)
)


_DECISIVE = _ALWAYS_FINITE | _FINITE_UNLESS_RELATIVE
# Capitalized first words after which _is_verbless is false: fragment openers ("But", "In"), and the
# words its loop returns on at once as the first word (a subject pronoun; a verb, auxiliary or
# -ing form that does not open a noun phrase: "Is", "Make", "Losing").
_NOT_VERBLESS_FIRST = (
    _FRAGMENT_OPENERS
    | frozenset(w for w in _SUBJECT_WORDS if w.isalpha())
    | frozenset(
        w
        for w, t in LX.tags.items()
        if w.isascii()
        and w.isalpha()
        and w.islower()
        and w not in _NP_OPENERS
        and (_TAG_BITS[t] & (_X | _Z | _D | _B | _G) or w in LX.auxiliaries)
    )
)


# Sentences that may open as the writer's voice (_FIRST_PERSON_START): their first word is one of
# these or starts "I'"/"We'" ("I'm", "We're"), or "I"/"We" follows a comma ("Still, I ..."). A superset.
_VOICE_FIRST_WORDS = frozenset(("i", "we", "in", "to", "for", "from"))
_VOICE_CLITICS = ("i'", "i’", "we'", "we’")
_VOICE_PREPOSITIONS = frozenset(("in", "to", "for", "from"))
_COMMA_VOICE = re.compile(r",\s+(?:I|We)(?![A-Za-z0-9_])")

# What the sentence loop of FragmentsChecker.check looks up about a sentence's first word
# (lowercased), in one table: it may start an orphaned attribution or a subjectless stub
# (_F_RARE); a verbless fragment cannot start with it; it may open as the writer's voice; it
# may head a relative clause ("An approach that would ...").
_F_RARE, _F_NOT_VERBLESS, _F_VOICE, _F_RELATIVE_HEAD = 1, 2, 4, 8
_F_LOOK = _F_RARE | _F_VOICE  # the sentence needs every test
_FIRST_FLAGS: dict[str, int] = {}
for _flag, _words in (
    (_F_RARE, _ATTRIBUTION_VERBS | _STUB_FIRST_WORDS),
    (_F_NOT_VERBLESS, _NOT_VERBLESS_FIRST),
    (_F_VOICE, _VOICE_FIRST_WORDS),
    (_F_RELATIVE_HEAD, _RELATIVE_HEADS),
):
    for _w in _words:
        _FIRST_FLAGS[_w] = _FIRST_FLAGS.get(_w, 0) | _flag
del _flag, _words, _w
# Two more bits for a first word as written: it does not start with a capital; it is "I'm",
# "We're"... (I or W, and an apostrophe). Either, or _F_LOOK, sends the sentence through every test.
_F_UNCAPPED, _F_CLITIC = 16, 32
_F_ASK = _F_LOOK | _F_UNCAPPED | _F_CLITIC
# The flags of first words as written, worked out once each (words repeat: "The", "He", "But").
_FIRST_WORD_FLAGS: dict[str, int] = {}


def _first_word_flags(first: str) -> int:
    """The _FIRST_FLAGS of ``first`` lowercased, with _F_UNCAPPED and _F_CLITIC; remembered."""
    c = first[0]
    fl = _FIRST_FLAGS.get(first.lower(), 0)
    if not c.isupper():
        fl |= _F_UNCAPPED
    if c in "IW" and ("'" in first or "’" in first):
        fl |= _F_CLITIC
    if len(_FIRST_WORD_FLAGS) >= 50_000:
        _FIRST_WORD_FLAGS.clear()  # (a bound: most articles use a few thousand)
    _FIRST_WORD_FLAGS[first] = fl
    return fl


def _may_be_verbless(text: str, lw: str) -> bool:
    """False if ``_is_verbless`` is sure to be false for the sentence ``text``, whose first word
    (``lw`` lowercased, not in ``_NOT_VERBLESS_FIRST``) is capitalized: one of the words above
    stands alone between spaces (a whole word, so the loop reaches it and returns), or a test the
    loop comes after fails. Most sentences are decided by their first nine words here."""
    if (
        lw in _RELATIVE_HEADS
        and "," not in text
        and ("that" in (low := text.lower()) or "which" in low or "who" in low)
    ):
        decisive = _ALWAYS_FINITE  # a relative clause may hold the verb ("An approach that would ...")
    else:
        decisive = _DECISIVE
    words = text.split(None, 8)  # (the ninth: the rest of the text)
    if not decisive.isdisjoint(words):
        return False
    return _may_be_verbless_after(text, words, decisive)


def _may_be_verbless_after(text: str, words: list[str], decisive: frozenset[str] = _DECISIVE) -> bool:
    """The rest of ``_may_be_verbless`` once none of ``words`` (``text.split(None, 8)``) is in
    ``decisive``."""
    if not text.rstrip(_CLOSERS).endswith(".") or text.count(",") > 2 or _NOT_PROSE_MARK.search(text):
        return False
    return len(words) < 9 or decisive.isdisjoint(words[8].split())


def _object_follows(text: str, end: int) -> bool:
    """The word after ``text[:end]`` opens an object ("his family hold a stake")."""
    m = _WORD.search(text, end)
    return m is not None and m.group().lower() in _OBJECT_START


def _lowercase_start_is_error(view: str, s: _Sentence, prev: _Sentence) -> bool:
    first = s.first[1]
    core = re.split(r"['’]", first, maxsplit=1)[0]
    if not core.isalpha() or not core.islower():
        return False  # iPhone, e-mail, 3m
    if core in LX.lowercase_openers or len(core) == 1:
        return False
    if len(core) < 3 and core not in LX.tags:
        return False  # a unit or a code
    # The word before the full stop may be an abbreviation the splitter did not know.
    if prev.text.rstrip().endswith((",.", ";.", ":.")):
        return False  # reported as doubled punctuation
    if prev.text.rstrip()[-1:] in "”\"’'" and not LX.has_tag(core, "xzdp"):
        return False  # '“get the transcript.” and Candy ...': a quoted sentence inside this one
    before = prev.words[-1][2] if prev.words else ""
    if prev.words and prev.words[-1][1] + 1 < prev.end and view[prev.words[-1][1]] != ".":
        before = ""  # the sentence ended "word)." or "word.": a real boundary
    # "approx. five", "Corp. said": an abbreviation the splitter did not know.
    abbreviation = (
        bool(before)
        and not before.isdigit()
        and not (before.isupper() and before.isalpha())
        and (
            (len(before) <= 4 and before.isalpha() and before.lower() not in LX.tags)
            or not _VOWEL.search(before)
            or "." in before
        )
    )
    return not abbreviation


_REPORTING = re.compile(r"\b(?:said|says|told|according to)\b")
_FIRST_PERSON_I = regex.compile(r"I(?:\s+\p{Ll}|['’](?:m|ve|d|ll)\b)")
_FIRST_PERSON_START = regex.compile(
    r"(?:\p{Lu}\p{Ll}*(?:\s+\p{Ll}+){0,3},\s+)?"
    r"(?:I|We)(?:\s+\p{Ll}|['’](?:m|ve|d|ll|re)\b)"
    r"|(?:In|To|For|From)\s+(?:my|our)\s+\p{Ll}+"
)
_FIRST_PERSON_ANY = regex.compile(
    r"\b(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ww]e|[Uu]s|[Oo]urs?|[Oo]urselves)\b"
)
# The same words found faster with the standard library's engine: candidates between ASCII word
# boundaries, each then checked against the set and, where a neighbour is not ASCII, against the
# ``regex`` module's \w (what \b above means). Equal to ``_FIRST_PERSON_ANY``'s match starts.
_FIRST_PERSON_CANDIDATE = re.compile(
    r"[IMmWwUuOo](?<![A-Za-z0-9_].)(?:e|y|ine|yself|s|urs?|urselves)?(?![A-Za-z0-9_])"
)
_FIRST_PERSON_WORDS = frozenset(
    ("I", "me", "Me", "my", "My", "mine", "Mine", "myself", "Myself", "we", "We", "us", "Us")
    + ("our", "Our", "ours", "Ours", "ourselves", "Ourselves")
)
_WORD_CHAR = regex.compile(r"\w")


def _first_person_marks(view: str) -> list[int]:
    """Offsets of every first-person word (``_FIRST_PERSON_ANY``) in the text."""
    return list(_iter_first_person_marks(view))


def _iter_first_person_marks(view: str) -> Iterator[int]:
    """The offsets of ``_first_person_marks``, found as they are asked for."""
    n = len(view)
    words = _FIRST_PERSON_WORDS
    for m in _FIRST_PERSON_CANDIDATE.finditer(view):
        a, b = m.span()
        if view[a:b] not in words:
            continue
        if a and view[a - 1] >= "\x80" and _WORD_CHAR.match(view[a - 1]):
            continue
        if b < n and view[b] >= "\x80" and _WORD_CHAR.match(view[b]):
            continue
        yield a


def _first_person_sentences(
    view: str,
    paras: list[Paragraph],
    spans: list[Span],
    quoted: list[tuple[int, int]],
    roles: dict[int, tuple[str, bool]],
    limit: int,
    wordless: set[int],
) -> list[tuple[_Sentence, bool, int]]:
    """The sentences with first-person words outside quotations, each with whether it may be
    reported (in prose, outside a quotation, not after "he said:") and its number among the
    document's sentences with a word (those of "skip" paragraphs not counted). ``roles``: the
    paragraph roles known already; ``wordless``: the numbers of the sentences without a word outside
    "skip" paragraphs (the words are looked for only in sentences with a first-person word). Empty as soon as they cannot be reported: more than ``limit``,
    one that may not be, or two that are not neighbours."""
    # The first-person words are found as the sentences are read, as most articles that get here
    # are columns that stop this early (a third sentence in the first person).
    marks: list[int] = []
    more = _iter_first_person_marks(view)
    exhausted = False
    quoted_starts = [a for a, _ in quoted]
    out: list[tuple[_Sentence, bool, int]] = []
    order = 0
    n_spans = len(spans)
    j = 0
    k = 0  # the first mark at or after the current sentence
    word_search = _WORD.search
    bisect_right = bisect.bisect_right
    for pos, para in enumerate(paras):
        end = para.end
        # The role itself is needed only where a first-person sentence is found.
        role = roles[pos][0] if pos in roles else None
        if role == "skip" or (
            role is None and para.kind == "paragraph" and _skipped(view[para.start : end])
        ):
            while j < n_spans and spans[j].start < end:
                j += 1
            continue
        prev = None
        while j < n_spans and (span := spans[j]).start < end:
            j += 1
            if j - 1 in wordless:
                continue
            a, b = span.start, span.end
            while not exhausted and (not marks or marks[-1] < b):
                nxt = next(more, -1)
                if nxt < 0:
                    exhausted = True
                else:
                    marks.append(nxt)
            while k < len(marks) and marks[k] < a:
                k += 1
            if k < len(marks) and marks[k] < b:
                m = word_search(view, a, b)
                at = m.start()  # type: ignore[union-attr]
                sent = _Sentence(a, b, view[a:b], (at, m.group()))  # type: ignore[union-attr]
                if _first_person_tokens(view, sent, quoted, marks):
                    q = bisect_right(quoted_starts, at) - 1  # _inside(quoted, at), inlined
                    in_quote = q >= 0 and at < quoted[q][1]
                    before = view[max(0, a - 3) : a].strip()
                    # After "he said:" a quotation may follow without marks; it is not narration.
                    speech = before.endswith(":") or (
                        prev is not None and view[prev[0] : prev[1]].rstrip().endswith(":")
                    )
                    if role is None:
                        role = roles[pos][0] if pos in roles else _role(view, paras, pos)[0]
                    ok = role == "prose" and not in_quote and not speech
                    if not ok or len(out) == limit or (out and out[-1][2] != order - 1):
                        return []
                    out.append((sent, ok, order))
            order += 1
            prev = (a, b)
    return out


_HOUSE_VOICE = regex.compile(
    r"[Oo]ur\s+(?:[\p{L}\-]+\s+){0,2}?(?:"
    + "|".join(sorted(LX.house_voice_nouns, key=len, reverse=True))
    + r")\b"
)
_NEXT_WORD = re.compile(r"[\W_]*?(?:['’][a-z]+)?[\W_]*([^\W_]+)")


def _first_person_tokens(view: str, s: _Sentence, quoted: list[tuple[int, int]], marks: list[int]) -> int:
    """First-person words outside quotations ("World War I" and "Elizabeth I" are not).

    ``marks`` are the offsets of every first-person word in the document, found once.
    """
    n = 0
    k = bisect.bisect_left(marks, s.start)
    while k < len(marks) and marks[k] < s.end:
        a = marks[k]
        k += 1
        if _inside(quoted, a):
            continue  # never counted: tested first, as most first-person words in news are quoted
        if view[a] == "I" and not view[a + 1 : a + 2].isalpha():
            # The word before: what re.compile(r"([^\W_]+)[\W_]*$").search(view, lo, a) finds, by
            # a backward walk (the pattern would be tried from every position of the window).
            lo = max(s.start, a - 40)
            j = a
            while j > lo and not view[j - 1].isalnum():
                j -= 1
            i = j
            while i > lo and view[i - 1].isalnum():
                i -= 1
            prev = view[i:j]
            after = _NEXT_WORD.match(view, a + 1, min(s.end, a + 40))
            nxt = after.group(1) if after else ""
            if (
                prev[:1].isupper()
                and prev not in ("And", "But", "So", "Then", "Now", "Here")
                and not view[j:a].strip()
            ):
                continue  # "World War I", "Elizabeth I" (not "Still, I")
            if nxt[:1].isupper() or nxt[:1].isdigit():
                continue
        elif view[a + 1 : a + 3] == "ur" and _HOUSE_VOICE.match(view, a):
            continue  # "our correspondent added"
        n += 1
    return n


# -- punctuation -----------------------------------------------------------------------------


def _punctuation_classes() -> bytes:
    """A ``bytes.translate`` table: "." "," ";" ":" to ``p``, space, tab and no-break space to
    ``s``, any other byte to ``x``."""
    table = bytearray(b"x" * 256)
    for c in b".,;:":
        table[c] = ord("p")
    for c in b" \t\xa0":
        table[c] = ord("s")
    return bytes(table)


_PUNCTUATION_CLASSES = _punctuation_classes()


def _punctuation_candidates(view: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Every overlapping match of "[.,;:][ \t\u00a0]*[.,;:]" as (start, end), and the offset of the
    mark of every "[ \t\u00a0]+[,;:.?!”]" match.

    The text is mapped to one byte a character (Latin-1, any other character to "?") and then to
    classes, in which ``bytes.find`` looks for the two shapes of . , ; : a candidate has: a mark
    right after a mark ("pp"), or right after a space ("sp"), where a mark before the run of
    spaces makes a pair. The rarer ? ! ” are found with ``str.find``. A regular expression would
    stop at every mark of the text; these finds stop at the few candidates only."""
    classes = view.encode("latin-1", "replace").translate(_PUNCTUATION_CLASSES)
    pairs = []  # (start, end) of two marks with spaces between
    spaced = []  # offsets of marks after a space
    find = classes.find
    i = find(b"pp")
    while i >= 0:
        pairs.append((i, i + 2))
        i = find(b"pp", i + 1)
    i = find(b"sp")
    while i >= 0:
        spaced.append(i + 1)
        k = i - 1
        while k >= 0 and classes[k] == 0x73:  # "s": the run of spaces before
            k -= 1
        if k >= 0 and classes[k] == 0x70:  # "p": a mark, then spaces, then this mark
            pairs.append((k, i + 2))
        i = find(b"sp", i + 2)
    pairs.sort()
    more = [i for c in "?!”" for i in _positions(view, c) if i and view[i - 1] in _SPACES]
    if more:
        spaced = sorted(spaced + more)
    return pairs, spaced


def _punctuation(view: str) -> Iterator[Finding]:
    """Doubled marks (". .", ",,", ".,") and a space before a mark ("word ,", "soon. ”")."""
    doubled_at: set[int] = set()
    n = len(view)
    taken_to = 0
    pairs, spaced = _punctuation_candidates(view)
    for a, b in pairs:
        if a < taken_to:
            continue  # ",,," is one finding, not two
        first, last = view[a], view[b - 1]
        gap = b - a - 2
        prev = view[a - 1] if a else " "
        nxt = view[b] if b < n else " "
        safe = False
        if first == "." and last == ".":
            if prev == "." or prev.isspace() or view[b : b + 4].lstrip(" \t\u00a0").startswith("."):
                continue  # an ellipsis, spaced ("word . . .") or not
            if gap == 0 and (not prev.isalpha() or nxt.isalnum() or nxt in "/"):
                continue  # "../", "1..2"
            title, safe = ("Doubled full stop", gap > 0)
        elif first == "," and last == ",":
            title, safe = "Doubled comma", True
            while True:  # ",,," is one finding whose fix keeps one comma
                more = _MORE_COMMAS.match(view, b)
                if not more:
                    break
                b = more.end()
        elif gap:
            continue
        elif first == "." and last == ",":
            word = _WORD_END.search(view, max(0, a - 30), a)
            if word is None or not word.group().islower() or len(word.group()) < 3:
                continue  # "U.S.,", "R-Ky.,": an abbreviation's full stop before a comma
            if word.group() in _STOP_COMMA_OK or view[word.start() - 1 : word.start()] == ".":
                continue
            title = "Doubled punctuation '.,'"
        elif first == "," and last == "." and nxt != "." and prev != ".":
            title = "Doubled punctuation ',.'"
        elif first == last and first in ";:" and not (nxt.isalnum() or nxt == ":"):
            title = f"Doubled punctuation {first + last!r}"
        else:
            continue
        doubled_at.update(range(a, b))
        taken_to = b
        if safe:
            fix = Fix(
                (Edit(a + 1, b, ""),),
                Applicability.SAFE,
                f"Keep one {'comma' if first == ',' else 'full stop'}",
            )
        else:
            fix = Fix((Edit(a + 1, b, ""),), Applicability.UNSAFE, f"Keep {first!r}")
        yield DOUBLED_PUNCTUATION.finding(a, b, title, fix=fix)
    for b in spaced:
        a = b - 1
        while a > 0 and view[a - 1] in _SPACES:
            a -= 1  # the whole run: matches never overlap, and a mark ends the one before
        mark = view[b]
        prev = view[a - 1] if a else ""
        if not prev or prev.isspace():
            continue
        after = view[b + 1] if b + 1 < n else " "
        if mark == "”":
            if prev not in ".,!?":
                continue
            what = "closing quotation mark"
        else:
            if not (prev.isalnum() or prev in "%”’)]") or b in doubled_at:
                continue
            if mark in ",;:" and (after.isdigit() or after in ":/"):
                continue  # "2 :1", ", 000"
            if mark == ":" and view[b + 1 : b + 3].lstrip()[:1].isdigit():
                continue  # a score or time written "2 : 1"
            if mark == "." and (
                after == "." or after.isalnum() or view[b + 1 : b + 3].strip().startswith(".")
            ):
                continue  # " ..." and ". . .", ".5"
            if mark in "?!" and not (after.isspace() or b + 1 >= n):
                continue
            what = repr(mark)
        fix = Fix((Edit(a, b, ""),), Applicability.UNSAFE, "Remove the space")
        yield SPACED_PUNCTUATION.finding(a, b + 1, f"Space before {what}", fix=fix)


_BRACKET = re.compile(r"[()\[\]]")
# A paragraph whose brackets are pairs, none inside another ("(...)" and "[...]" in turn): its
# brackets alone, in order, match this.
_FLAT_BRACKET_MARKS = re.compile(r"(?:\(\)|\[\])*")


def _bracket_findings(view: str, paras: list[Paragraph], para_starts: list[int]) -> Iterator[Finding]:
    """Unbalanced brackets, paragraph by paragraph, looking only at paragraphs with a bracket."""
    at: list[int] = []
    for c in "()[]":
        i = view.find(c)
        while i >= 0:
            at.append(i)
            i = view.find(c, i + 1)
    at.sort()
    x, n = 0, len(at)
    while x < n:
        i = at[x]
        k = bisect.bisect_right(para_starts, i) - 1
        if k >= 0 and i < paras[k].end:
            para = paras[k]
            y = bisect.bisect_left(at, para.end, x)  # past the paragraph's brackets
            yield from _brackets(view, para, at[x:y])
            x = y
        else:
            x += 1  # between paragraphs


def _brackets(view: str, para: Paragraph, marks: list[int]) -> Iterator[Finding]:
    """Unbalanced brackets in a paragraph that has one, at the offsets ``marks``."""
    text = view[para.start : para.end]
    # The smiley pattern needs a character most bracketed paragraphs lack: tried only if it is there.
    if (":" in text or ";" in text or "=" in text) and _MAY_SMILE.search(text):
        skip = {i for m in _SMILEY.finditer(text) for i in range(m.start(), m.end())}
    elif _FLAT_BRACKET_MARKS.fullmatch("".join(map(view.__getitem__, marks))):
        return  # pairs that close in turn, none inside another: every closing mark finds its own
    else:
        skip = set()
    # The enumerators ("a)", "ii)") matter only for a ")" with no bracket open: found at the first.
    enumerators: set[int] | None = None
    stack: list[tuple[int, str]] = []
    pairs = {")": "(", "]": "["}
    for m in _BRACKET.finditer(text):
        i, c = m.start(), m.group()
        if c in "([":
            if i not in skip:
                stack.append((i, c))
        elif c in ")]":
            if i in skip:
                continue
            if not stack:
                if enumerators is None:
                    enumerators = {m.end() - 1 for m in _ENUMERATOR.finditer(text)}
                if i in enumerators:
                    continue
            if stack and stack[-1][1] == pairs[c]:
                stack.pop()
            else:
                at = para.start + i
                yield UNBALANCED_BRACKETS.finding(at, at + 1, f"{c!r} closes a bracket that was never opened")
                return
    if stack:
        at = para.start + stack[0][0]
        yield UNBALANCED_BRACKETS.finding(at, at + 1, f"{stack[0][1]!r} is never closed in this paragraph")


# -- quotations ------------------------------------------------------------------------------

_OPEN_CONTEXT = frozenset(" \t\n\r\u00a0([{—–-/‘“")
# 'Quoted speech in single marks,' he said. (Used to find quoted text, not to report imbalance:
# the same marks are apostrophes.)
_SINGLE_QUOTED = regex.compile(r"(?<![\p{L}\p{N}])['‘](?=\p{Lu})[^\n'‘’]{1,600}?[.,!?]['’](?![\p{L}])")
# ', he said.' / ', said Mr Smith' inside what parses as a quotation: the closing mark is missing.
_ATTRIBUTION_INSIDE = regex.compile(
    # ', he said', ', festival organiser Michael Eavis said', ', argued Mr Davis'
    rf"[,?!]\s+(?:(?:he|she|they|(?:\p{{Ll}}+\s+){{0,3}}{_NAME}(?:\s+{_NAME}){{0,3}}|the\s+[\p{{Ll}}\s]{{1,40}}?)"
    rf"\s+(?:{_ATTRIB})\b(?!\s+(?:to\s+)?(?:me|us|you|him|her|them|that)\b)"
    rf"|(?:{_ATTRIB})\s+(?:{_NAME}|he|she|they)\b"
    # "..., Jane Smith, the chief executive, told analysts": a name with its title.
    rf"|{_NAME}(?:\s+{_NAME}){{0,3}},\s+(?:the|a|an|its|their)\s+[^,“”\"\n]{{2,60}}?,\s+(?:{_ATTRIB})\b)"
    # A narrative sentence inside: "... gangsters. But the Commissioner said", "He said: ..."
    rf"|[.!?]\s+(?:But\s+|And\s+)?(?:{_NAME}(?:\s+{_NAME}){{0,3}}|[Tt]he\s+[\p{{L}}\s]{{1,40}}?)\s+"
    rf"(?:{_ATTRIB}|admits|admitted|insists)\b(?!\s+(?:to\s+)?(?:me|us|you|him|her|them|that)\b)"
)


def _continuation(text: str, i: int) -> bool:
    """True if the quote mark at ``i`` follows a sentence end: a run-on quotation's next paragraph."""
    j = i - 1
    while j >= 0 and (text[j].isspace() or text[j] in "\u200b\u200c\u200d\ufeff"):
        j -= 1
    while j > 0 and text[j] in "'’" and text[j - 1] in ".!?…":
        j -= 1  # "... 'This is not my day.' "But then ..." — an inner quotation closed first
    return j < i - 1 and j >= 0 and text[j] in ".!?…"


def _quoted_term(text: str, open_at: int, end: int) -> bool:
    """True if the quotation opened at ``open_at`` is a term of a word or two inside the writer's
    sentence ('called the plan "comprehensive.'): such a quotation never runs on into a new
    paragraph of quoted speech, which a quoted remark may."""
    if end - open_at > 60:
        return False
    j = open_at - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return j >= 0 and text[j].isalnum() and len(text[open_at + 1 : end].split()) <= 2


def _positions(view: str, c: str) -> list[int]:
    """Offsets of every ``c`` (one character) in the text, in order, found with ``str.find``."""
    out = []
    find = view.find
    i = find(c)
    while i >= 0:
        out.append(i)
        i = find(c, i + 1)
    return out


def _single_quoted(view: str, apostrophes: list[int]) -> list[tuple[int, int]]:
    """The spans ``_SINGLE_QUOTED.finditer(view)`` finds, tried only where a match can start (at
    ' or ‘; ``apostrophes`` are the offsets of ') instead of at every position of the text."""
    lefts = _positions(view, "‘")
    at = sorted(apostrophes + lefts) if lefts else apostrophes
    out = []
    end = 0
    match = _SINGLE_QUOTED.match
    for i in at:
        # The pattern needs no letter or figure before the mark and a capital after it: most
        # apostrophes ("it's") fail the first, tested here without a call into the pattern.
        if (
            i >= end
            and not (i and view[i - 1].isalnum())
            and view[i + 1 : i + 2].isupper()
            and (m := match(view, i))
        ):
            out.append(m.span())
            end = m.end()
    return out


def _quote_marks_by_paragraph(
    view: str, paras: list[Paragraph], para_starts: list[int], apostrophes: list[int]
) -> list[tuple[int, list[int]]]:
    """(paragraph index, offsets) of the quotation marks (the matches of ``''|["“”«»]``: '' is one
    mark) of each paragraph with a " “ ” or '', in order. Found with ``str.find``, which is much
    faster than a pattern scan; a run of apostrophes pairs up from its left as the pattern does."""
    at = _positions(view, '"')
    at += _positions(view, "“")
    at += _positions(view, "”")
    guillemets = _positions(view, "«") + _positions(view, "»")
    at += guillemets
    if apostrophes and "''" in view:
        # A run of apostrophes pairs up from its left: the non-overlapping finds of "''".
        find = view.find
        i = find("''")
        while i >= 0:
            at.append(i)
            i = find("''", i + 2)
    if not at:
        return []
    at.sort()
    out: list[tuple[int, list[int]]] = []
    bisect_right = bisect.bisect_right
    bisect_left = bisect.bisect_left
    x, n = 0, len(at)
    while x < n:  # a paragraph at a time
        i = at[x]
        k = bisect_right(para_starts, i) - 1
        if k < 0 or i >= paras[k].end:
            x += 1
            continue  # between paragraphs: never looked at
        y = bisect_left(at, paras[k].end, x)
        out.append((k, at[x:y]))
        x = y
    if guillemets:  # a paragraph whose only marks are « and » is not looked at
        return [(k, marks) for k, marks in out if any(view[i] not in "«»" for i in marks)]
    return out


def _quotes(
    view: str, paras: list[Paragraph], para_starts: list[int]
) -> tuple[list[tuple[int, int]], list[Finding]]:
    """Quoted ranges (sorted) and unbalanced-quote findings, paragraph by paragraph."""
    ranges: list[tuple[int, int]] = []
    # Per paragraph: (index, offset of a quotation left open, offset of a stray closing mark, problem,
    # whether the quotation left open is a quoted term of a word or two).
    states: list[tuple[int, int, int, tuple[int, str] | None, bool]] = []
    apostrophes = _positions(view, "'")
    for pos, marks in _quote_marks_by_paragraph(view, paras, para_starts, apostrophes):
        para = paras[pos]
        text = view[para.start : para.end]
        open_at = -1
        stray = -1
        problem: tuple[int, str] | None = None
        for i in marks:
            i -= para.start
            c = text[i]
            if c == "“" or c == "«":
                opening = True
            elif c == "”" or c == "»":
                opening = False
            else:  # " or the '' of the typewriter style: which one, from what stands around it
                qm_end = i + 1 if c == '"' else i + 2
                before = text[i - 1] if i else " "
                after = text[qm_end] if qm_end < len(text) else " "
                if before.isdigit() and open_at < 0:
                    continue  # 6' 2": inches
                if before in _OPEN_CONTEXT and not after.isspace():
                    opening = True
                elif open_at >= 0:
                    opening = False
                else:
                    opening = not after.isspace() and after not in ".,;:!?" or before.isspace()
            if opening:
                if open_at >= 0:
                    if (
                        _continuation(text, i)
                        and not _quoted_term(text, open_at, i)
                        and not _ATTRIBUTION_INSIDE.search(text, open_at, i)
                    ):
                        # A new paragraph of the same quotation (paragraph breaks lost in the text).
                        ranges.append((para.start + open_at, para.start + i))
                    else:
                        problem = problem or (
                            open_at,
                            "opened here and never closed before the next quotation",
                        )
                open_at = i
            else:
                if open_at < 0:
                    if stray < 0 and problem is None and True:
                        stray = i
                    else:
                        problem = problem or (i, "closes a quotation that was never opened")
                    continue
                ranges.append((para.start + open_at, para.start + i + 1))
                open_at = -1
        term = False
        if open_at >= 0:
            ranges.append((para.start + open_at, para.end))
            term = _quoted_term(text, open_at, len(text))
            if problem is None and _ATTRIBUTION_INSIDE.search(text, open_at):
                problem = (open_at, "is never closed: the attribution after it is inside the quotation")
        states.append((pos, open_at, stray, problem, term))

    findings: list[Finding] = []
    # A quotation left open may close in a later paragraph (a long quotation whose inner paragraphs
    # lost their opening marks, or a paragraph split mid-sentence): pair it with the next stray mark.
    paired: set[int] = set()
    for k, (pos, open_at, _stray, _problem, term) in enumerate(states):
        if open_at < 0:
            continue
        nxt = paras[pos + 1] if pos + 1 < len(paras) else None
        if not term and nxt is not None and view[nxt.start : nxt.start + 1] in ('"', "“"):
            paired.add(pos)
            continue
        if k + 1 < len(states) and states[k + 1][2] >= 0 and states[k + 1][0] - pos <= 4:
            later = states[k + 1][0]
            if states[k + 1][0] == pos + 1 or all(
                '"' not in view[p.start : p.end] for p in paras[pos + 1 : later]
            ):
                paired.update((pos, -later - 1))
                for p in paras[pos + 1 : later]:
                    ranges.append((p.start, p.end))
                ranges.append((paras[later].start, paras[later].start + states[k + 1][2] + 1))
    for pos, open_at, stray, problem, _term in states:
        para = paras[pos]
        if problem is None and open_at >= 0 and pos not in paired:
            problem = (open_at, "opened here and never closed in this paragraph")
        if problem is None and stray >= 0 and -pos - 1 not in paired:
            problem = (stray, "closes a quotation that was never opened")
        if problem is not None and para.kind != "heading":
            at = para.start + problem[0]
            findings.append(UNBALANCED_QUOTES.finding(at, at + 1, f"Quotation mark {problem[1]}"))
    # Quotations in single marks, found in one pass over the text. A match that is not inside one
    # paragraph (possible only across a line break other than "\n") means the paragraphs must be
    # searched one by one, as a quotation never runs from one paragraph into the next.
    singles = _single_quoted(view, apostrophes)
    for a, b in singles:
        k = bisect.bisect_right(para_starts, a) - 1
        if k < 0 or b > paras[k].end:
            singles = [m.span() for p in paras for m in _SINGLE_QUOTED.finditer(view, p.start, p.end)]
            break
    ranges.extend(singles)
    ranges.sort()
    return ranges, findings
