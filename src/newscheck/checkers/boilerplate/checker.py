"""BoilerplateChecker: page furniture copied into an article's text (NC101–NC108).

Each paragraph is classified once, by the first rule that claims it (see ``_classify``);
the sentences of the prose that is left are tested next, then repeats, then inserted
headlines, each judged on what stays once the earlier findings are deleted. Every finding
covers one whole unit (a paragraph, a run of sentences or an inline label) and carries a
fix that deletes it with the break it leaves, so a second run finds nothing.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Iterator
from itertools import repeat
from dataclasses import dataclass, field
from typing import Any, ClassVar

import regex

from ...checker import Checker
from ...errors import ConfigError, NewscheckError
from ...findings import Applicability, Edit, Finding, Fix, Severity, Span
from ...rules import Rule
from . import patterns as P
from ._data import TriggerScanner, gate_opening, gate_text, lower, parse_lines
from .duplicates import encode_view, find_duplicates, flat_document
from .headline import HeadlineContext, _ends_like_prose, inserted_headlines
from .rules import (
    AD_MARKER,
    COPYRIGHT_LINE,
    DUPLICATE_PARAGRAPH,
    INSERTED_HEADLINE,
    LISTED_PHRASE,
    PHOTO_CAPTION,
    PROMO_LINE,
    RELATED_LINK,
    RULES,
)

__all__ = ["BoilerplateChecker", "PhrasePatternTimeout"]

#: A unit longer than this is prose, not furniture (words).
SHORT_UNIT = 40
#: A paragraph ending in a credit is a caption up to this length; beyond, only its last sentence.
CAPTION_MAX = 120
#: Seconds a user's regular expression may run on one document: this much, plus
#: USER_REGEX_SECONDS_PER_MCHAR per million characters of it, so that a pattern that scans
#: at least two million characters a second is never cut off on a long document.
USER_REGEX_TIMEOUT = 0.25
USER_REGEX_SECONDS_PER_MCHAR = 0.5
#: Where the shipped phrase lists can start (a checker with literal phrases of its own builds its own).
_TRIGGERS = TriggerScanner((P.PROMO, P.LISTED))
#: Where the rules that read a paragraph's opening can match it, in the gate text: a
#: paragraph that opens otherwise, ends like a sentence and holds no phrase is prose. The
#: gate text shows "©" and an opening quote alike, so a text without "©" gets its own.
_OPENING_RULES = (P.AD_LINE, P.COPYRIGHT, P.RELATED_ALONE, P.RELATED_PREFIX, P.RELATED_CAPS, P.CAPTION_LABEL_START)
_OPENING = gate_opening(p.pattern for p in _OPENING_RULES)
_OPENING_WITHOUT_SIGN = gate_opening((p.pattern for p in _OPENING_RULES), absent="©")


def user_regex_limit(chars: int) -> float:
    """Seconds each ``re:`` phrase may run on a document of ``chars`` characters."""
    return USER_REGEX_TIMEOUT + USER_REGEX_SECONDS_PER_MCHAR * chars / 1e6


class PhrasePatternTimeout(NewscheckError):
    """A ``re:`` phrase of the configuration ran past its time limit on a document.

    Raised, not skipped: a pattern silently dropped would hide furniture without a word.
    The linter reports it as an error of this checker for that document (the other
    families' findings stay); the message names the pattern and says how to fix it.
    """


@dataclass
class _Hit:
    rule: Rule
    message: str
    confidence: float = 0.9
    related: tuple[Span, ...] = ()
    safe: bool = True
    #: None: the rule's own severity.
    severity: Severity | None = None


class _Para:
    """One paragraph of the document as the rules see it. Its words, and their number ``n``,
    are read on demand: most paragraphs of prose need neither."""

    __slots__ = ("_doc", "_kept_n", "_words", "end", "index", "kept_text", "kind", "n", "one_sentence", "start", "text")

    def __init__(self, para: Any, view: str, doc: Any, n: int | None = None):
        self.index = para.index
        self.start = start = para.start
        self.end = end = para.end
        self.kind = para.kind
        self.text = self.kept_text = view[start:end]
        self._kept_n = None
        self._doc = doc
        if n is not None:
            self.n = n
        self.one_sentence = True

    def __getattr__(self, name: str) -> Any:
        # (called only while a slot is unset: the word count, on first use)
        if name == "n":
            n = self.n = self._doc.word_count(self.start, self.end)
            return n
        raise AttributeError(name)

    @property
    def kept(self) -> tuple[str, int]:
        """(text, word count) of what stays once the paragraph's own flagged sentences go;
        ``kept_text`` alone is that text, without counting words."""
        n = self._kept_n
        return self.kept_text, self.n if n is None else n

    @kept.setter
    def kept(self, value: tuple[str, int]) -> None:
        self.kept_text, self._kept_n = value

    @property
    def words(self) -> list[str]:
        """The paragraph's tokens as strings (Document.words_in), read on first use: most
        paragraphs need only their number."""
        try:
            return self._words
        except AttributeError:
            self._words = self._doc.words_in(self.start, self.end)
        return self._words


@dataclass
class _Units:
    """What a run has flagged so far: whole paragraphs, sentence runs, inline labels."""

    whole: dict[int, _Hit] = field(default_factory=dict)
    #: paragraph index -> [(first sentence, last sentence, hit)]
    sentences: dict[int, list[tuple[int, int, _Hit]]] = field(default_factory=dict)
    #: paragraph index -> (start, end, hit); a paragraph has at most one inline label
    inline: dict[int, tuple[int, int, _Hit]] = field(default_factory=dict)

    def drop_inside(self, index: int) -> None:
        self.sentences.pop(index, None)
        self.inline.pop(index, None)

    def partial(self) -> set[int]:
        """Paragraphs that keep some of their text after their fixes."""
        return set(self.sentences) | set(self.inline)


class _Kept:
    """A paragraph as it will read after its own sentence fixes, for re-classification."""

    __slots__ = ("end", "index", "kind", "n", "start", "text")

    def __init__(self, p: _Para):
        self.index, self.start, self.end, self.kind = p.index, p.start, p.end, p.kind
        self.text, self.n = p.kept


class BoilerplateChecker(Checker):
    """Promos, ad markers, copyright lines, related links, inserted headlines, captions,
    duplicate paragraphs and listed phrases."""

    name: ClassVar[str] = "boilerplate"
    rules: ClassVar[tuple[Rule, ...]] = RULES
    options: ClassVar[dict[str, Any]] = {
        # A file of the outlet's own boilerplate: one phrase per line, or "re:" and a regex.
        "phrases": "",
        # The same, given inline in the configuration.
        "extra-phrases": [],
        # rapidfuzz ratio (0-100) from which two paragraphs are near duplicates.
        "duplicate-threshold": 90.0,
    }

    def __init__(self, options: dict[str, Any] | None = None, *, base_dir: str | None = None):
        super().__init__(options, base_dir=base_dir)
        lines = [str(x) for x in self.config["extra-phrases"]]
        path = self.config["phrases"]
        if path:
            full = path if os.path.isabs(path) else os.path.join(self.base_dir or os.getcwd(), path)
            try:
                with open(full, encoding="utf-8") as fh:
                    lines += parse_lines(fh.read())
            except OSError as exc:
                raise ConfigError(
                    f"boilerplate.phrases: cannot read phrase file {full!r} ({exc.strerror}); "
                    "give a path relative to the configuration file, or remove the option"
                ) from None
        literals: list[str] = []
        self._user_regexes: list[regex.Pattern[str]] = []
        for line in lines:
            if line.startswith("re:"):
                try:
                    self._user_regexes.append(regex.compile(line[3:].strip(), regex.I | regex.M))
                except regex.error as exc:
                    raise ConfigError(
                        f"boilerplate.phrases: bad regular expression {line[3:].strip()!r}: {exc}; "
                        "fix it or write the phrase without the 're:' prefix"
                    ) from None
            elif line[:1].isalnum():
                literals.append(line)
            else:  # a phrase opening with punctuation cannot be triggered by a word
                self._user_regexes.append(regex.compile(regex.escape(line), regex.I))
        self._listed = P.listed_pattern(literals) if literals else P.LISTED
        self._triggers = TriggerScanner((P.PROMO, self._listed)) if literals else _TRIGGERS
        self._dup_threshold = float(self.config["duplicate-threshold"])
        if not 50.0 <= self._dup_threshold <= 100.0:
            raise ConfigError(
                f"boilerplate.duplicate-threshold must be between 50 and 100, got {self._dup_threshold}"
            )

    # -- the run ----------------------------------------------------------------------
    def check(self, doc) -> Iterator[Finding]:
        view = doc.view
        # Each paragraph's number of words; the document's token offsets are not needed.
        doc_paragraphs = doc.paragraphs
        encoded, whole_cp1252 = encode_view(view)  # one byte per character, for the gate and the repeats
        # (a paragraph counts its words when a rule asks: most are prose that none reads)
        paras = list(map(_Para, doc_paragraphs, repeat(view), repeat(doc)))
        gate = gate_text(view, encoded, whole_cp1252)
        triggers = self._triggers.candidates(doc, gate)
        promo = listed = {}
        user = self._user_hits(view)
        if triggers or user:
            starts = [p.start for p in paras]
            promo = _by_paragraph(
                starts,
                [(m.start(), m.end(), m.lastgroup in P.PROMO_STRONG) for m in P.PROMO.matches(view, triggers)],
            )
            listed = _by_paragraph(
                starts, [(m.start(), m.end(), True) for m in self._listed.matches(view, triggers)] + user
            )
        units = _Units()
        # 1. Whole paragraphs of furniture; 2. furniture sentences and labels inside prose;
        # 3. repeats; 4. headlines, judged on what stays after all of those go.
        opening = None
        if gate is not None:
            rx = _OPENING if "©" in view else _OPENING_WITHOUT_SIGN
            opening = rx.match if rx is not None else None
        # Each paragraph's rules read only that paragraph: one pass does 1 and 2, most
        # paragraphs with the cheap tests below alone.
        whole = units.whole
        marks = _Marks(view, gate)
        quiet = marks.quiet
        sentences_in = doc.sentences_in
        no_hits = ()
        shaped: list[int] = []  # (what passes the first tests of inserted_headlines)
        for p in paras:
            i = p.index
            pr, li = (promo.get(i, no_hits), listed.get(i, no_hits)) if promo or listed else (no_hits, no_hits)
            t = p.text
            tail = t[-130:]
            # A bracket, colon, pipe or slash at the end: a credit or label may end it.
            cue = t[-1:] in ")]" or ":" in tail or "|" in tail or "/" in tail
            # The rules that read a paragraph's opening need it to open as one of them can;
            # none of the others can claim a paragraph without a phrase or a cue that ends like prose.
            opened = opening is None or opening(gate, p.start + 1) is not None
            prose = False
            if not (opened or pr or li or cue):
                # It ends like a sentence (P.ends_terminal, inlined) and not in "Read more"
                # (_may_end_in_read_more, inlined).
                end = _sentence_end(t)
                prose = end is not None
                if prose:
                    close = t[-40:]
                    if ("Read" in close or "READ" in close or "Continue" in close or "Full story" in close) and p.n <= 30:
                        prose = False
            if not prose:
                hit = self._classify_paragraph(doc, p, pr, li, opened)
                if hit is not None:
                    whole[i] = hit
                    continue
            if pr or li or cue or not quiet:
                ad = marks.inside(p, (pr, li))
                if ad is not None:
                    self._inside_paragraph(doc, p, (pr, li), units, ad)
            # (the first tests of inserted_headlines: without such a paragraph it finds none;
            # it reads whether one is a single sentence only if it does not end like prose,
            # which a paragraph that ends like a sentence does unless in "!" or "?")
            if i not in whole and ((end == "!" or end == "?") if prose else not _ends_like_prose(t)) and 3 <= p.n <= 25:
                p.one_sentence = one = len(sentences_in(doc_paragraphs[i])) == 1
                if one and i > 0 and p.kind == "paragraph":
                    shaped.append(i)
        flat_text = flat_document(encoded, whole_cp1252)
        for index, earlier, score in find_duplicates(
            paras, set(units.whole), self._dup_threshold, flat_text, whole=whole_cp1252, encoded=encoded
        ):
            units.drop_inside(index)  # a repeat goes whole, flagged sentences and all
            q = paras[earlier]
            exact = score >= 100.0
            units.whole[index] = _Hit(
                DUPLICATE_PARAGRAPH,
                ("Repeats" if exact else f"Nearly repeats ({score:.0f}%)")
                + f" paragraph {earlier + 1}; delete the later copy",
                confidence=0.95 if exact else round(score / 100 * 0.9, 2),
                related=(Span(q.start, q.end, "earlier copy"),),
                safe=exact,
            )
        if shaped:
            # Paragraphs that keep some text after their fix stay as neighbours, not as candidates.
            ctx = HeadlineContext(paras, set(units.whole), units.partial(), shaped)
            for index, hit in inserted_headlines(ctx, INSERTED_HEADLINE):
                units.whole[index] = hit
        if units.whole or units.sentences or units.inline:
            yield from self._findings(doc, paras, units)

    def _classify_paragraph(self, doc, p: _Para, promo, listed, opened: bool = True) -> _Hit | None:
        if (promo or listed) and p.n > 3:
            # A whole paragraph is a promo (or listed) only if it opens with one; otherwise
            # its sentences are tested one by one.
            first = doc.sentences_in(doc.paragraphs[p.index])[0]
            if promo and not _is_promo(doc.view[first.start : first.end], first.start, promo):
                promo = ()
            if listed and not any(a < first.end for a, _, _ in listed):
                listed = ()
        return self._classify(p, promo, listed, opened)

    def _inside_paragraph(self, doc, p: _Para, hits, units: _Units, ad) -> None:
        """Furniture sentences (runs of them) and ad labels inside a prose paragraph that
        :meth:`_Marks.inside` sends here; ``ad``: the ad label in it, or a false value."""
        view = doc.view
        sents = doc.sentences_in(doc.paragraphs[p.index])
        runs = self._sentence_units(sents, view, hits)
        if runs and _covers(runs, len(sents)):
            units.whole[p.index] = runs[0][2]
            return
        gone = {k for a, b, _ in runs for k in range(a, b + 1)}
        ad_span = None
        if ad and len(sents) > 1:
            s, e = p.start + ad.start("m"), p.start + ad.end("m")
            if not any(k in gone for k, x in enumerate(sents) if x.start <= s < x.end):
                ad_span = (s, e)
        if not gone and not ad_span:
            return
        # What stays of the paragraph after its fixes: its prose and repeats are judged on it,
        # and if it is furniture itself, it goes whole.
        kept = " ".join(view[x.start : x.end] for k, x in enumerate(sents) if k not in gone)
        if ad_span:
            kept = kept.replace(view[ad_span[0] : ad_span[1]], "", 1)
        p.kept = (kept, len(P.WORD.findall(kept)))
        hit = self._classify(_Kept(p), (), ())
        if hit is not None:
            units.whole[p.index] = hit
            return
        if p.kind == "heading" and 0 in gone and view[p.start] == "#":
            # The fix deletes the "#" opener with the first sentence ("## Follow us on
            # Twitter. The council said."): what stays is a paragraph, repeats and all.
            p.kind = "paragraph"
        if runs:
            units.sentences[p.index] = runs
        if ad_span:
            units.inline[p.index] = (*ad_span, _Hit(AD_MARKER, "Ad marker between two sentences; delete it"))

    def _user_hits(self, view: str) -> list[tuple[int, int, bool]]:
        out: list[tuple[int, int, bool]] = []
        if not self._user_regexes:
            return out
        limit = user_regex_limit(len(view))
        for rx in self._user_regexes:
            try:
                out.extend((m.start(), m.end(), True) for m in rx.finditer(view, timeout=limit) if m.end() > m.start())
            except TimeoutError:
                raise PhrasePatternTimeout(
                    f"boilerplate.phrases: the regular expression {rx.pattern!r} ran longer than {limit:.2f} s "
                    f"on this {len(view):,}-character text and was stopped, so no boilerplate was checked in it; "
                    "simplify the pattern (alternatives or repeats that can match the same text, such as "
                    "(a|aa)+, backtrack without end) or remove it"
                ) from None
        return out

    # -- whole paragraphs ---------------------------------------------------------------
    def _classify(self, p: _Para, promo, listed, opened: bool = True) -> _Hit | None:
        """The rule that claims the whole paragraph, if one does. ``opened``: False when the
        gate has ruled out the openings that the rules reading one look for. (Each rule's
        tests of the text come before its limit on the words, which are counted only then.)"""
        t = p.text
        if opened and p.n <= 8 and P.AD_LINE.match(t):
            return _Hit(AD_MARKER, f"Ad marker {_quote(t)}; delete it", 0.95)
        if opened and p.n <= 60 and P.COPYRIGHT.match(t):
            return _Hit(COPYRIGHT_LINE, "Copyright notice from the page footer; delete it", 0.95)
        hit = self._related(p, opened)
        if hit:
            return hit
        if promo and p.n <= SHORT_UNIT and _is_promo(t, p.start, promo):
            return _Hit(PROMO_LINE, f"Call to action from the web page {_quote(t)}; delete it", 0.9)
        hit = self._caption(p, opened)
        if hit:
            return hit
        if listed and p.n <= SHORT_UNIT:
            return _Hit(LISTED_PHRASE, f"Listed boilerplate phrase {_quote(t)}; delete it", 0.9)
        return None

    def _related(self, p: _Para, opened: bool = True) -> _Hit | None:
        # (no link is longer than 35 words: each test below has its limit)
        t = p.text
        if opened:
            n = p.n
            if n > 35:
                return None
            if n <= 4 and P.RELATED_ALONE.match(t):
                return _Hit(RELATED_LINK, f"Link label {_quote(t)} from the web page; delete it", 0.9)
            m = P.RELATED_PREFIX.match(t) or P.RELATED_CAPS.match(t)
            if m and t.lstrip("([*_ \t")[:1].isupper():
                rest = m.group("rest")
                if len(P.WORD.findall(rest)) <= 30:
                    return _Hit(RELATED_LINK, f"Link to another story {_quote(t)}; delete it", 0.9)
        if _may_end_in_read_more(t) and p.n <= 30 and P.RELATED_SUFFIX.search(t, max(0, len(t) - 40)):
            return _Hit(RELATED_LINK, f"Link to another story {_quote(t)}; delete it", 0.9)
        if ":" in t and not P.ends_terminal(t) and p.n <= 30 and P.GLUED_LABEL.search(t):  # (it holds a colon)
            return _Hit(RELATED_LINK, f"Link to another story {_quote(t)}; delete it", 0.8)
        return None

    def _caption(self, p: _Para, opened: bool = True) -> _Hit | None:
        t = p.text
        if opened and p.n <= 80 and P.CAPTION_LABEL_START.match(t):
            return _Hit(PHOTO_CAPTION, "Photo caption or credit from the web page; delete it", 0.9)
        # (a credit line has a slash: "REUTERS/Name", "Name/AP")
        if not P.ends_terminal(t) and p.n <= 10 and (
            ("/" in t and P.CREDIT_LINE.match(t)) or _credit_ok(t, agency=False, slash=False)
        ):
            return _Hit(PHOTO_CAPTION, f"Photo credit {_quote(t)} from the web page; delete it", 0.9)
        # (_credit_tail with no words is its most permissive: False there, False for any)
        if not _may_end_in_credit(t) or (not t[1:2].islower() and P.DATELINE.match(t)) or not _credit_tail(t, 0):
            return None
        n = p.n
        if n <= CAPTION_MAX and _credit_tail(t, n):
            return _Hit(PHOTO_CAPTION, "Photo caption ending in its credit; delete it", 0.9)
        return None

    # -- sentences inside prose paragraphs ---------------------------------------------
    def _sentence_units(self, sents: list[Span], view: str, hits) -> list[tuple[int, int, _Hit]]:
        """Runs (first, last, hit) of flagged sentences, adjacent ones of a rule merged."""
        promo, listed = hits
        # The hits are sorted by start: a sentence's are found by bisection, not by a scan
        # of the paragraph's (quadratic on one huge paragraph).
        promo_starts = [a for a, _, _ in promo]
        listed_starts = [a for a, _, _ in listed]
        flags: list[_Hit | None] = []
        last = len(sents) - 1
        for k, s in enumerate(sents):
            t = view[s.start : s.end]
            promo_in = _within(promo, promo_starts, s.start, s.end)
            listed_in = _within(listed, listed_starts, s.start, s.end)
            copyright = _may_open_a_notice(t) and P.COPYRIGHT.match(t)
            if not (copyright or promo_in or listed_in or (k == last and k > 0 and _may_end_in_credit(t))):
                # no test below can pass (the last one reads a credit at the end, which
                # _may_end_in_credit rules out): the words need no counting
                flags.append(None)
                continue
            n = len(P.WORD.findall(t))
            hit = None
            if n <= 30 and copyright:
                hit = _Hit(COPYRIGHT_LINE, "Copyright notice from the page footer; delete it", 0.9)
            elif n <= 30 and promo_in and _is_promo(t, s.start, promo_in):
                hit = _Hit(PROMO_LINE, f"Call to action from the web page {_quote(t)}; delete it", 0.85)
            elif n <= 30 and any(b <= s.end for _, b, _ in listed_in):
                hit = _Hit(LISTED_PHRASE, f"Listed boilerplate phrase {_quote(t)}; delete it", 0.85)
            elif k == last and k > 0 and n <= 40 and _credit_tail(t, n, strict=True):
                hit = _Hit(PHOTO_CAPTION, "Photo caption ending in its credit; delete it", 0.8)
            flags.append(hit)
        runs: list[tuple[int, int, _Hit]] = []
        for k, hit in enumerate(flags):
            if hit is None:
                continue
            if runs and runs[-1][1] == k - 1 and runs[-1][2].rule is hit.rule:
                runs[-1] = (runs[-1][0], k, runs[-1][2])
            else:
                runs.append((k, k, hit))
        return runs

    # -- findings and fixes -------------------------------------------------------------
    def _findings(self, doc, paras: list[_Para], units: _Units) -> Iterator[Finding]:
        whole, sentence_units, inline_spans = units.whole, units.sentences, units.inline
        text = doc.text
        line_starts = doc.line_starts

        def lead(i: int) -> int:
            return line_starts[bisect.bisect_right(line_starts, paras[i].start) - 1]

        def line_end(i: int) -> int:
            # The paragraph's last line, with what the view masks (a Markdown link's URL).
            end = paras[i].end
            k = bisect.bisect_right(line_starts, end - 1) - 1
            stop = line_starts[k + 1] if k + 1 < len(line_starts) else len(text)
            return len(text[end:stop].rstrip()) + end

        # Paragraphs deleted at the very end take the break before them, the others the
        # break after them: the text keeps its final newline, and no two edits overlap.
        trailing_from = len(paras)
        while trailing_from > 0 and trailing_from - 1 in whole:
            trailing_from -= 1
        out: list[Finding] = []
        for i, hit in whole.items():
            p = paras[i]
            end = line_end(i)
            if i >= trailing_from:
                edit = Edit(line_end(i - 1) if i > 0 else 0, end)
            else:
                edit = Edit(lead(i), lead(i + 1))
            out.append(self._finding(hit, p.start, end, edit))
        for i, runs in sentence_units.items():
            sents = doc.sentences_in(doc.paragraphs[i])
            # Runs reaching the paragraph's end take the space before them, the others
            # the space after them, so that neighbouring runs' edits never overlap.
            tail = len(sents)
            for a, b, _ in reversed(runs):
                if b != tail - 1:
                    break
                tail = a
            for a, b, hit in runs:
                if a >= tail:
                    edit = Edit(sents[a - 1].end, sents[b].end)
                else:
                    edit = Edit(sents[a].start, sents[b + 1].start)
                out.append(self._finding(hit, sents[a].start, sents[b].end, edit))
        for i, (s, e, hit) in inline_spans.items():
            p = paras[i]
            after = e
            while after < p.end and text[after] in " \t\u00a0":
                after += 1
            edit = Edit(s, after) if after < p.end else Edit(_trim_back(text, s, p.start), e)
            out.append(self._finding(hit, s, e, edit))
        out.sort(key=lambda f: f.sort_key)
        return iter(out)

    @staticmethod
    def _finding(hit: _Hit, start: int, end: int, edit: Edit) -> Finding:
        fix = Fix(
            (edit,),
            Applicability.SAFE if hit.safe else Applicability.UNSAFE,
            f"Delete this {hit.rule.name.replace('-', ' ')}",
        )
        return hit.rule.finding(
            start, end, hit.message, related=hit.related, fix=fix, confidence=hit.confidence,
            severity=hit.severity,
        )


# -- helpers -------------------------------------------------------------------------------
class _Marks:
    """Which paragraphs the sentence tests need: those with a phrase, an ad label, a
    copyright notice or a possible credit at the end. The words of labels and notices are
    found in the gate text once (mostly nowhere); a paragraph is lower-cased for them only
    when one of them starts inside it."""

    __slots__ = ("ad", "gate", "notice", "quiet", "sign")

    def __init__(self, view: str, gate: bytes | None):
        self.gate = gate
        # Where the labels P.AD_INLINE finds and the notice words can be, in the gate text.
        self.ad = _places(gate, _AD_LABELS) if gate is not None else None
        self.notice = _places(gate, _NOTICE_WORDS) if gate is not None else None
        self.sign = "©" in view
        #: None of those words: only a phrase or an end cue sends a paragraph to the tests.
        self.quiet = gate is not None and not (self.ad or self.notice or self.sign)

    def inside(self, p: _Para, hits):
        """None if no sentence test can flag a sentence or label of the paragraph, else its
        ad label between two sentences (a match) or a false value."""
        t = p.text
        if self.gate is None:
            low = lower(t)
            ad = ("dvertis" in low or "continue" in low) and P.AD_INLINE.search(t)
            notice = "©" in t or "rights reserved" in low or "may not be" in low
        else:
            a, b = p.start + 1, p.end + 1
            ad = _any_in(self.ad, a, b) and P.AD_INLINE.search(t)
            notice = (self.sign and "©" in t) or (_any_in(self.notice, a, b) and _notice_words(lower(t)))
        tail = t[-130:]
        if hits[0] or hits[1] or ad or notice or t[-1:] in ")]" or "/" in tail or ":" in tail or "|" in tail:
            return ad or False
        return None


def _places(gate: bytes, words: tuple[bytes, ...]) -> list[int]:
    """Sorted starts of ``words`` in ``gate``."""
    out = []
    for w in words:
        i = gate.find(w)
        while i >= 0:
            out.append(i)
            i = gate.find(w, i + 1)
    out.sort()
    return out


def _any_in(places: list[int], a: int, b: int) -> bool:
    if not places:
        return False
    k = bisect.bisect_left(places, a)
    return k < len(places) and places[k] < b


_AD_LABELS = (b"advertisement", b"story continues below", b"continue reading the main story")
_NOTICE_WORDS = (b"rights reserved", b"may not be")


def _notice_words(low: str) -> bool:
    return "rights reserved" in low or "may not be" in low


_CLOSERS = P.CLOSERS


def _may_open_a_notice(t: str) -> bool:
    """False when ``P.COPYRIGHT.match(t)`` surely fails: each of its branches opens, within
    its first four characters, with "©", "(" or a letter of "copyright", "all" or "may" in
    either case (no other character matches those letters case-insensitively)."""
    return not _NOTICE_OPENERS.isdisjoint(t[:4])


_NOTICE_OPENERS = frozenset("©(cCaAmM")


def _sentence_end(t: str) -> str | None:
    """None unless ``t`` ends like a sentence (``P.ends_terminal``); else the character it
    ends in before its closing quotes and brackets ("" if it is all of those). Such a
    text ends like prose (headline.py) unless that is "!" or "?"."""
    last = t[-1:]
    if last in _CLOSERS:
        end = t.rstrip(_CLOSERS)[-1:]
        return end if end in ".!?…" else None
    return last if last in ".!?…:;," else None


def _covers(runs: list[tuple[int, int, _Hit]], total: int) -> bool:
    """Whether the runs leave no sentence of the paragraph unflagged."""
    return sum(b - a + 1 for a, b, _ in runs) == total


def _trim_back(text: str, pos: int, floor: int) -> int:
    while pos > floor and text[pos - 1] in " \t\u00a0":
        pos -= 1
    return pos


def _quote(t: str, limit: int = 48) -> str:
    t = " ".join(t.split())
    return f"“{t}”" if len(t) <= limit else f"“{t[: limit - 1].rstrip()}…”"


def _is_promo(t: str, offset: int, hits) -> bool:
    """Whether unit ``t`` (at ``offset``) is a call to action, given the promo matches."""
    inside = [(a - offset, strong) for a, b, strong in hits if offset <= a and b <= offset + len(t)]
    if not inside:
        return False
    caps = P.is_caps(t)
    if not caps and any(q in t for q in "\"“”"):
        return False
    if any(strong for _, strong in inside):
        return True
    if P.REPORTED.search(t):
        return False
    lead = t[: inside[0][0]].strip(" \t•*-–—>»|([\"'“‘")
    return caps or not lead or bool(P.READER.search(t))


def _within(hits: list, starts: list[int], lo: int, hi: int) -> list:
    """The sorted ``hits`` whose start is in ``[lo, hi]``."""
    return hits[bisect.bisect_left(starts, lo) : bisect.bisect_right(starts, hi)]


def _by_paragraph(starts: list[int], hits: list[tuple[int, int, bool]]) -> dict[int, list[tuple[int, int, bool]]]:
    out: dict[int, list[tuple[int, int, bool]]] = {}
    for a, b, strong in sorted(hits):
        i = bisect.bisect_right(starts, a) - 1
        if i >= 0:
            out.setdefault(i, []).append((a, b, strong))
    return out


def _credit_ok(c: str, *, agency: bool = True, slash: bool = True, labelled: bool = False) -> bool:
    """Whether a bracketed or labelled tail reads as an image credit: names, with a credit
    word ("photo", "via", "Getty"), or a slash (``slash``), or after a label such as
    "Credit:" (``labelled``); a bare agency name ("Reuters") counts when ``agency``."""
    c = c.strip()
    if not (agency or labelled or (slash and "/" in c) or _credit_word(c)):
        return False  # what the tests below end in, found first
    words = P.WORD.findall(c)
    if not words or len(words) > 14:
        return False
    if agency and P.AGENCY_ONLY.match(c):
        return True
    if not (labelled or _credit_word(c) or (slash and "/" in c)):
        return False
    for w in words:
        if w[0].islower() and w.lower() not in P.CREDIT_LOWER:
            return False
    return True


def _credit_word(c: str) -> bool:
    """``P.CREDIT_WORD.search(c)``, looked for only when the folded text holds the letters
    of one of its words: what its case-insensitive match reads as one of those letters
    folds to exactly that letter (a test checks every character)."""
    low = _credit_fold(c)
    return (
        "photo" in low or "picture" in low or "image" in low or "getty" in low or "courtesy" in low
        or "credit" in low or "pool" in low or "handout" in low or "shutterstock" in low or "alamy" in low
        or "istock" in low or "via" in low
    ) and P.CREDIT_WORD.search(c) is not None


def _credit_fold(c: str) -> str:
    # (casefold() turns "İ", which matches "i", into two characters)
    return (c.replace("\u0130", "i") if "\u0130" in c else c).casefold()


def _may_end_in_read_more(t: str) -> bool:
    """False when ``P.RELATED_SUFFIX`` cannot match in the last 40 characters: each of
    its labels opens with one of these words."""
    tail = t[-40:]
    return "Read" in tail or "READ" in tail or "Continue" in tail or "Full story" in tail


def _may_end_in_credit(t: str) -> bool:
    """False when ``_credit_tail`` is surely False: the tests it opens each branch with."""
    t = t.rstrip()
    tail = t[-130:]
    return t[-1:] in ")]" or ":" in tail or "|" in tail or "/" in tail[-100:]


def _credit_tail(t: str, n: int, *, strict: bool = False) -> bool:
    """Whether ``t`` ends in an image credit (bracketed, labelled, after a pipe or Name/AGENCY).

    Cheap tests of the last characters come first: most paragraphs end in a full stop.
    """
    t = t.rstrip()
    if t[-1:] in ")]":
        m = P.CREDIT_BRACKET_END.search(t, max(0, len(t) - 170))
        if m and m.start() > 0:
            c = m.group("c")
            if P.AGENCY_ONLY.match(c.strip()):
                return not strict and n <= 60
            if _credit_ok(c):
                return True
    tail = t[-130:]
    # (every label P.CREDIT_LABEL_END knows holds one of these words)
    if ":" in tail and ("Photo" in tail or "Picture" in tail or "Image" in tail or "Credit" in tail or "PHOTO" in tail):
        m = P.CREDIT_LABEL_END.search(tail)
        if m and _credit_ok(m.group("c"), labelled=True):
            return True
    if "|" in tail:
        m = P.CREDIT_PIPE_END.search(tail)
        if m and (m.start() > 0 or len(tail) < len(t)) and _credit_ok(m.group("c")):
            return True
    if "/" in tail[-100:]:
        return bool(P.CREDIT_SLASH_END.search(tail))
    return False

