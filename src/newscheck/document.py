"""Document: the checked text, never modified, segmented once into offset spans.

``text`` is exactly what the caller passed in. ``view`` is a same-length copy in which
parts that must not be checked (Markdown front matter, code, HTML comments, link URLs,
suppression comments) are blanked with spaces, so every offset is valid in both and
nothing is ever re-mapped. Lines, paragraphs, sentences and tokens are computed lazily,
once, and shared by every checker.
"""

from __future__ import annotations

import bisect
import codecs
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from itertools import accumulate, chain, repeat

import regex

from .findings import Span, trusted_span

__all__ = ["Document", "Paragraph", "Tokens"]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph (or a heading, list item, one-line block) as a trimmed span."""

    start: int
    end: int
    index: int
    #: ``"paragraph"``, ``"heading"`` (Markdown ``#``) or ``"list-item"``.
    kind: str = "paragraph"
    #: True when a blank line (or the text's start) stands before it.
    after_blank: bool = True


_SET_START, _SET_END, _SET_INDEX, _SET_KIND, _SET_AFTER_BLANK = (
    getattr(Paragraph, f).__set__ for f in ("start", "end", "index", "kind", "after_blank")
)


def _trusted_paragraph(start: int, end: int, index: int, kind: str, after_blank: bool = True) -> Paragraph:
    """``Paragraph(start, end, index, kind, after_blank)`` without the frozen dataclass's
    per-field ``object.__setattr__`` (one per one-line block of an article)."""
    para = object.__new__(Paragraph)
    _SET_START(para, start)
    _SET_END(para, end)
    _SET_INDEX(para, index)
    _SET_KIND(para, kind)
    _SET_AFTER_BLANK(para, after_blank)
    return para


_NEWLINE = regex.compile(r"\r\n|\r|\n|\u2028|\u2029|\x85|\x0b|\x0c")
_BLANK_SPLIT = re.compile(r"(?:\r\n|\r|\n)[ \t\u00a0\u3000]*(?:\r\n|\r|\n)")
# The same for text without "\r": a literal first character, which re finds several times faster.
_BLANK_SPLIT_LF = re.compile(r"\n[ \t\u00a0\u3000]*\n")
_BULLET = regex.compile(r"[ \t]*(?:[-*•‣◦▪●–+]|\d{1,3}[.)])[ \t]+")
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’\-.][\p{L}\p{M}\p{N}]+)*")
_LINE = regex.compile(r"[^\r\n]+")
_MATCH_SPAN = type(_WORD.match("a")).span
# The same words with the stdlib's faster engine: ``[^\W_]`` is ``[\p{L}\p{M}\p{N}]`` except
# for combining marks and letters newer than Python's Unicode database, none of which occur
# in the scripts of _FAST_SCRIPTS (checked code point by code point; tests compare both).
_WORD_SPLIT = re.compile(r"([^\W_]+(?:['’\-.][^\W_]+)*)")
_NOT_FAST_SCRIPTS = re.compile(
    "[^\x00-\u024f\u0370-\u03ff\u0400-\u0482\u048a-\u04ff\u2000-\u206f\u20a0-\u20cf\u2100-\u2bff]"
)
_WORD_CHARS = regex.compile(r"[\p{L}\p{M}\p{N}]")
_WORD_CHAR = _WORD_CHARS.match
_WORD_CHAR_FAST = re.compile(r"[^\W_]").match
_JOINERS = "'’-."


def _cp1252_word_classes() -> bytes:
    table = bytearray(b" " * 256)
    for b in range(256):
        try:
            ch = bytes([b]).decode("cp1252")
        except UnicodeDecodeError:
            continue
        if _WORD_CHAR_FAST(ch):
            table[b] = ord("a")
        elif ch in _JOINERS:
            table[b] = ord("j")
    return bytes(table)


_CP1252_WORD_CLASSES = _cp1252_word_classes()
_NOT_A = re.compile("[^a]")


def _class_unencodable(err: UnicodeError) -> tuple[str, int]:
    """Encoding error handler: characters cp1252 lacks become ``a`` (a word character of
    the word pattern) or a space. (No joiner is among them, and on the fast scripts
    ``[^\\W_]`` classes alike.) One call per run of such characters."""
    if not isinstance(err, UnicodeEncodeError):  # pragma: no cover - only used to encode
        raise err
    run = err.object[err.start : err.end]
    return _NOT_A.sub(" ", _WORD_CHARS.sub("a", run)), err.end


_WORD_CLASS_ERRORS = "newscheck.word-classes"
codecs.register_error(_WORD_CLASS_ERRORS, _class_unencodable)
#: In that map: a joiner before a word character and after a space or joiner. (The literal
#: "j" first: the engine skips to each joiner in C; a lookbehind first would try every byte.)
_OPENING_JOINER = re.compile(rb"j(?<=[ j]j)(?=a)")
# Line breaks (those of str.splitlines(); \x1c-\x1e are its only ones _NEWLINE does not know).
_LINE_BREAK_CHARS = "\r\n\u2028\u2029\x85\x0b\x0c"
_ATX_HEADING = regex.compile(r"[ \t]{0,3}#{1,6}[ \t]")
_LEADING_WORD = regex.compile(r"[\p{L}\p{N}]+")
_WS = frozenset(" \t\r\n\u00a0\u2028\u2029\x0b\x0c\x85\u3000\u2009\u202f\ufeff")


def _load_abbreviations() -> frozenset[str]:
    raw = resources.files("newscheck.data").joinpath("abbreviations.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#")
    )


_ABBREVIATIONS = _load_abbreviations()
#: The plain words (a letter, then lowercase) after which _is_boundary finds no sentence end
#: at a single stop: abbreviations, and plural titles ("Govs.", "Sens.").
_NO_END_AFTER = _ABBREVIATIONS | {
    a + "s" for a in _ABBREVIATIONS if a[:1].isupper() and len(a) > 1
}

# A candidate sentence end: terminal punctuation, optional closing quotes/brackets, then
# whitespace. Whether it really ends a sentence is decided in _is_boundary.
_CANDIDATE = regex.compile(r"(?:[.!?]+|…)[\"'”’»)\]]*(?=\s+\S)")
# The same candidates in a whole view (group 2), with the first character of the next word
# (group 3) and, when a space and a plain word (lowercase after its first letter) stand
# before a stop, that word (group 1; otherwise it did not take part).
_CANDIDATE_IN_VIEW = regex.compile(r"(?:(?<= ([A-Za-z][a-z]{1,39}))|)((?:[.!?]+|…)[\"'”’»)\]]*)(?=\s+(\S))")
# Characters the walk of _word_before crosses: str.isalnum() is re's [^\W_].
_WORDISH_RUN = re.compile(r"(?:[^\W_]|[.\-'])+")
_PARTY_STATE = regex.compile(r"[DRI]-[A-Z][A-Za-z]{0,4}")
_DOTTED = regex.compile(r"(?:\p{L}\.)+\p{L}$")
_SENTENCE_STARTERS = frozenset(
    "The A An It He She They We I But And In On At This That These Those Its His Her Their "
    "There Then So Yet Still Now However Meanwhile After Before When While If As For "
    "Officials Police".split()
)


class Document:
    """A text to check, with its segmentation computed lazily and cached.

    >>> doc = Document("Mr. Smith went to Washington. He said so.")
    >>> [doc.text[s.start:s.end] for s in doc.sentences]
    ['Mr. Smith went to Washington.', 'He said so.']
    """

    def __init__(self, text: str, *, path: str | None = None, format: str = "text"):
        from .formats import FORMAT_NAMES

        if format not in FORMAT_NAMES:
            raise ValueError(f"unknown format {format!r}; valid formats: {', '.join(FORMAT_NAMES)}")
        self.text = text
        self.path = path
        self.format = format

    def __repr__(self) -> str:
        return f"Document(path={self.path!r}, format={self.format!r}, {len(self.text)} chars)"

    def __len__(self) -> int:
        return len(self.text)

    # -- the analysis view -------------------------------------------------------------
    @cached_property
    def view(self) -> str:
        """Same length as ``text``; unchecked regions blanked (newlines kept)."""
        from .formats import mask_for

        return mask_for(self.format, self.text)

    def slice(self, span: Span | Paragraph) -> str:
        """The analysis view of a span (equal to the text where nothing is masked)."""
        return self.view[span.start : span.end]

    # -- lines ---------------------------------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        text = self.text
        # Separators str.splitlines() breaks at and _NEWLINE does not (three C-level scans
        # are cheaper than one character class).
        if "\x1c" in text or "\x1d" in text or "\x1e" in text:
            return [0] + [m.end() for m in _NEWLINE.finditer(text)]
        # Offsets from the line lengths, without a match object per line.
        starts = list(accumulate(map(len, text.splitlines(True)), initial=0))
        if text and text[-1] not in _LINE_BREAK_CHARS:
            starts.pop()  # the total length, not the start of a line
        return starts

    @cached_property
    def lines(self) -> list[Span]:
        """Each line without its line break."""
        starts = self.line_starts
        out = []
        for i, s in enumerate(starts):
            if i + 1 < len(starts):
                nxt = starts[i + 1]
                brk = 2 if self.text.startswith("\r\n", nxt - 2) and nxt - 2 >= s else 1
                out.append(Span(s, nxt - brk))
            else:
                out.append(Span(s, len(self.text)))
        return out

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset; columns count Python characters."""
        starts = self.line_starts
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    # -- paragraphs ----------------------------------------------------------------------
    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        return _split_paragraphs(self.view, self.text)

    def paragraph_at(self, offset: int) -> Paragraph | None:
        paras = self.paragraphs
        i = bisect.bisect_right([p.start for p in paras], offset) - 1 if paras else -1
        if i >= 0 and paras[i].start <= offset < max(paras[i].end, paras[i].start + 1):
            return paras[i]
        return None

    # -- sentences -----------------------------------------------------------------------
    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences of every paragraph; the label is the paragraph index as a string."""
        by_paragraph = self._sentences_by_paragraph
        return [s for p in self.paragraphs for s in by_paragraph.get(p.index, ())]

    def sentences_in(self, para: Paragraph) -> list[Span]:
        return self._sentences_by_paragraph.get(para.index, [])

    @cached_property
    def _sentences_by_paragraph(self) -> dict[int, list[Span]]:
        """What :func:`split_sentences` gives for each paragraph, from one scan of the
        whole view: a candidate stop belongs to the paragraph it lies in, if the next
        word after it does too (the first non-space character, captured by the scan)."""
        view = self.view
        out: dict[int, list[Span]] = {}
        candidates = _CANDIDATE_IN_VIEW.finditer(view)
        m = next(candidates, None)
        for para in self.paragraphs:
            start, end = para.start, para.end
            cuts = [start]
            while m is not None:
                cs = m.start(2)
                if cs >= end:
                    break
                if cs >= start and m.start(3) < end:
                    # "said. The": after a plain word (and its space, inside the paragraph)
                    # a single stop ends a sentence unless the word abbreviates.
                    if m.start(1) > start and view[cs] == "." and view[cs + 1] != ".":
                        if m.group(1) not in _NO_END_AFTER:
                            cuts.append(m.end(2))
                    elif _is_boundary(view, cs, m.end(2), start):
                        cuts.append(m.end(2))
                m = next(candidates, None)
            cuts.append(end)
            label = str(para.index)
            spans = []
            for i in range(len(cuts) - 1):
                s, e = cuts[i], cuts[i + 1]
                while s < e and view[s] in _WS:
                    s += 1
                while e > s and view[e - 1] in _WS:
                    e -= 1
                if s < e:
                    spans.append(trusted_span(s, e, label))
            if spans:
                out[para.index] = spans
        return out

    # -- tokens --------------------------------------------------------------------------
    @cached_property
    def tokens(self) -> Tokens:
        """Word tokens as ``(start, end)`` pairs (letters/digits with inner apostrophes,
        hyphens and dots). Plain tuples, not Spans: an article has thousands of them."""
        view = self.view
        if self._fast_words:
            # Separators and words alternate in the split; their running lengths are the offsets.
            offsets = array("q", accumulate(map(len, _WORD_SPLIT.split(view)), initial=0))
            return Tokens(offsets[1:-1:2], offsets[2::2])
        flat = array("q", chain.from_iterable(map(_MATCH_SPAN, _WORD.finditer(view))))
        return Tokens(flat[0::2], flat[1::2])

    def words_in(self, start: int, end: int) -> list[str]:
        """The words of ``view[start:end]`` as :attr:`tokens` reads them, as strings.

        For a paragraph or sentence (spans that start and end beside white space) this is
        ``[view[s:e] for s, e in tokens if start <= s < end]``, at about half the cost of
        computing :attr:`tokens` when only some spans' words (or their number) are wanted.
        """
        return (_WORD_SPLIT if self._fast_words else _WORD).findall(self.view, start, end)

    def word_count(self, start: int, end: int) -> int:
        """``len(self.words_in(start, end))``, without building the words.

        Each character is mapped to a word character (``a``), a joiner (``j``: ``'’-.``)
        or anything else (a space), once per document (through cp1252, whose bytes one
        table translates); a token starts at an ``a`` after a space or after a joiner that
        no ``a`` precedes, and ``bytes.count`` counts those starts in the span.
        """
        classes = self._word_classes
        count = classes.count
        # A token starts at an "a" after a space, or after a joiner that no "a" precedes.
        first = classes[start : start + 2] if start < end else b""
        return (
            count(b" a", start, end) + count(b" ja", start, end) + count(b"jja", start, end)
            + (first[:1] == b"a") + (first == b"ja" and end - start >= 2)
        )

    def word_counts(self, spans: Sequence[Span | Paragraph]) -> list[int]:
        """``[self.word_count(s.start, s.end) for s in spans]``, by one count per span
        instead of three: in the map of word characters (``a``), joiners (``j``) and the
        rest (space), a word starts at an ``a`` after a space or after a joiner that no
        ``a`` precedes; such joiners become spaces once per call (one substitution), and
        the words of a span that follows a space are then its " a" pairs counted from that
        space. Other spans get their first character looked at as well."""
        classes = self._word_classes
        if b"j" in classes:
            classes = _OPENING_JOINER.sub(b" ", classes)
        count = classes.count
        before = [s.start - 1 for s in spans]
        out = list(map(count, repeat(b" a"), before, [s.end for s in spans]))
        for k, a in enumerate(before):
            if a < 0 or classes[a] != 32:
                a += 1
                b = spans[k].end
                n = count(b" a", a, b)
                if a < b:
                    c = classes[a]
                    if c == 97 or (c == 106 and b - a >= 2 and classes[a + 1] == 97):  # "a", or a "j" kept before one
                        n += 1
                out[k] = n
        return out

    @cached_property
    def _word_classes(self) -> bytes:
        try:
            encoded = self.view.encode("cp1252")
        except UnicodeEncodeError:
            self._encodes_in_cp1252 = False
            # The characters cp1252 lacks (a zero-width space, "ğ", a Cyrillic word) are
            # classed by the error handler, a run at a time, as the word pattern classes them.
            encoded = self.view.encode("cp1252", _WORD_CLASS_ERRORS)
        else:
            self._encodes_in_cp1252 = True
        return encoded.translate(_CP1252_WORD_CLASSES)

    def token_end(self, start: int) -> int | None:
        """The end of the token that starts at ``start``; None when none starts there.

        One match at ``start`` instead of all the :attr:`tokens`: a token starts at a word
        character that neither follows one nor follows a joiner (``'’-.``) after one."""
        view = self.view
        fast = self._fast_words
        m = (_WORD_SPLIT if fast else _WORD).match(view, start)
        if m is None:
            return None
        if start:
            is_word = _WORD_CHAR_FAST if fast else _WORD_CHAR
            if is_word(view, start - 1) or (view[start - 1] in _JOINERS and start > 1 and is_word(view, start - 2)):
                return None
        return m.end()

    @cached_property
    def _fast_words(self) -> bool:
        view = self.view
        if view.isascii():
            return True
        self._word_classes  # noqa: B018 - sets _encodes_in_cp1252
        if self._encodes_in_cp1252:
            # All characters of cp1252 are of _FAST_SCRIPTS but two (a test compares them
            # code point by code point): two C-level scans instead of the class.
            return "\u02c6" not in view and "\u02dc" not in view
        return not _NOT_FAST_SCRIPTS.search(view)


class Tokens(Sequence[tuple[int, int]]):
    """A read-only sequence of ``(start, end)`` pairs kept as two arrays of offsets.

    Indexing, slicing, iteration, ``len`` and ``bisect`` work as on a list of tuples; a
    list of tuples costs about 125 bytes per token (8x the text itself), this 16. For
    speed in a hot loop, index ``starts`` and ``ends`` (``array('q')``) directly.
    """

    __slots__ = ("ends", "starts")

    def __init__(self, starts: array, ends: array) -> None:
        self.starts = starts
        self.ends = ends

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            if index.step in (None, 1):
                return Tokens(self.starts[index], self.ends[index])
            return list(zip(self.starts[index], self.ends[index]))
        return self.starts[index], self.ends[index]

    def __iter__(self):
        return zip(self.starts, self.ends)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Tokens):
            return self.starts == other.starts and self.ends == other.ends
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"Tokens({list(self)!r})"


def _split_paragraphs(view: str, text: str) -> list[Paragraph]:
    """Blank-line blocks; inside a block, lines are paragraphs unless the block is hard-wrapped."""
    out: list[Paragraph] = []
    pos = 0
    n = len(view)
    blocks: list[tuple[int, int]] = []
    has_cr = "\r" in view
    for m in (_BLANK_SPLIT if has_cr else _BLANK_SPLIT_LF).finditer(view):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, n))
    find = view.find
    for bstart, bend in blocks:
        if find("\n", bstart, bend) < 0 and not (has_cr and find("\r", bstart, bend) >= 0):
            _one_line_paragraph(view, text, bstart, bend, out)  # the common case, quicker
            continue
        lines = [
            (bstart + m.start(), bstart + m.end())
            for m in _LINE.finditer(view[bstart:bend])
            if view[bstart + m.start() : bstart + m.end()].strip(" \t\u00a0\u3000\ufeff")
        ]
        if not lines:
            continue
        wrapped = len(lines) > 1 and _is_hard_wrapped(view, lines)
        groups: list[list[tuple[int, int]]] = []
        for ls, le in lines:
            line = view[ls:le]
            continuation = (
                groups
                and not _BULLET.match(line)
                and (wrapped or (line[:1] in " \t" and len(groups[-1]) >= 1 and _BULLET.match(view[groups[-1][0][0]:groups[-1][0][1]])))
            )
            if continuation:
                groups[-1].append((ls, le))
            else:
                groups.append([(ls, le)])
        for gi, group in enumerate(groups):
            start, end = group[0][0], group[-1][1]
            while start < end and view[start] in _WS:
                start += 1
            while end > start and view[end - 1] in _WS:
                end -= 1
            if start >= end:
                continue
            first = text[group[0][0] : group[0][1]]
            kind = "paragraph"
            if _ATX_HEADING.match(first):
                kind = "heading"
            elif bm := _BULLET.match(first):
                kind = "list-item"
                start = max(start, group[0][0] + bm.end())
            out.append(Paragraph(start, end, len(out), kind, after_blank=gi == 0))
    return out


def _one_line_paragraph(view: str, text: str, start: int, end: int, out: list[Paragraph]) -> None:
    """What the general loop of _split_paragraphs does with a block of one line."""
    line_start, line_end = start, end
    while start < end and view[start] in _WS:
        start += 1
    while end > start and view[end - 1] in _WS:
        end -= 1
    if start >= end:  # (the trimmed line opens with none of the characters the general loop strips)
        return
    kind = "paragraph"
    if text[line_start].isalpha():
        pass  # a heading opens with "#" or blanks, a list item with blanks, a bullet or a digit
    elif _ATX_HEADING.match(text, line_start, line_end):
        kind = "heading"
    elif bm := _BULLET.match(text, line_start, line_end):
        kind = "list-item"
        start = max(start, bm.end())
    out.append(_trusted_paragraph(start, end, len(out), kind))


def _is_hard_wrapped(view: str, lines: list[tuple[int, int]]) -> bool:
    lengths = [len(view[s:e].rstrip()) for s, e in lines]
    widest = max(lengths)
    if widest > 100:
        return False
    body = lengths[:-1]
    return min(body) >= 0.6 * widest and widest >= 30


def split_sentences(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``view[start:end]`` (one paragraph) into trimmed sentence ranges.

    A Document splits all its paragraphs in one scan instead (``sentences_in``), with the
    same result; this is the plain per-paragraph definition, which tests compare it with.

    The scan runs on the whole view between ``start`` and ``end`` (no copy of the
    paragraph): a paragraph is trimmed and starts after white space, so the look-around
    of _is_boundary never leaves it, except after its last stop, where the answer no longer
    matters."""
    out: list[tuple[int, int]] = []
    seg_start = start
    for m in _CANDIDATE.finditer(view, start, end):
        pend = m.end()
        if _is_boundary(view, m.start(), pend, start):
            out.append((seg_start, pend))
            seg_start = pend
    out.append((seg_start, end))
    trimmed = []
    for s, e in out:
        while s < e and view[s] in _WS:
            s += 1
        while e > s and view[e - 1] in _WS:
            e -= 1
        if s < e:
            trimmed.append((s, e))
    return trimmed


def _word_before(text: str, end: int, floor: int = 0) -> str:
    r"""What ``([\p{L}\p{N}][\p{L}\p{N}.\-']*)$`` finds in ``text[end - 64:end]``, by a
    backwards walk: a regex anchored at the end would be tried from every position."""
    if end > floor and text[end - 1] == "\n":
        end -= 1  # "$" also matches before a final newline
    lo = max(floor, end - 64)
    # Usually a space stands before the word: one C-level check instead of the walk.
    space = text.rfind(" ", lo, end)
    i = space + 1 if space >= 0 else lo
    if not _WORDISH_RUN.fullmatch(text, i, end):
        i = end
        while i > lo and (text[i - 1].isalnum() or text[i - 1] in ".-'"):
            i -= 1
    while i < end and not text[i].isalnum():
        i += 1
    return text[i:end]


def _is_boundary(text: str, pstart: int, pend: int, floor: int = 0) -> bool:
    punct = text[pstart:pend]
    after = text[pend : pend + 64].lstrip()  # bounded windows keep splitting linear
    nxt = after[:1]
    if punct[0] in "?!" or punct.startswith("…") or punct.startswith(".."):
        # "Why?" she asked. / "Stop!" he shouted. / trailing ellipsis then lowercase.
        return not nxt.islower()
    # A single period: look at the word before it (usually after a space, without a walk:
    # _word_before's first step, inlined).
    space = text.rfind(" ", max(floor, pstart - 64), pstart)
    if space >= 0 and text[pstart - 1] != "\n" and _WORDISH_RUN.fullmatch(text, space + 1, pstart) and text[space + 1].isalnum():
        word = text[space + 1 : pstart]
    else:
        word = _word_before(text, pstart, floor)
    if not word:
        return True
    bare = word.rstrip(".")
    if "-" in bare:
        if _PARTY_STATE.fullmatch(bare):
            return False  # "(D-Calif.) said", "(R-Ky.) has"
        # The abbreviation is the last part of a hyphenated word.
        bare = bare.rsplit("-", 1)[1] or bare
    if bare[-1:] == "s" and bare[:1].isupper() and bare[:-1] in _ABBREVIATIONS and len(bare) > 2:
        return False  # plural titles: "Govs. Barbara Roberts", "Sens. Casey and Coons"
    if bare in _ABBREVIATIONS or (bare.lower() in _ABBREVIATIONS and bare.islower()):
        if bare in ("No", "Nos", "Nr") and not nxt.isdigit():
            return nxt.isupper() or nxt in "\"“‘'"
        return False
    if len(bare) == 1 and bare.isalpha():
        # Initials ("J. K. Rowling") and single letters; a lowercase next word after an
        # initial is rare, an uppercase one is usually the next name part.
        return bare.islower() and not nxt.islower()
    if "." in word and (_DOTTED.match(word) or "." in bare):
        # U.S., a.m., p.m., Ph.D.: a boundary only before a typical sentence opener.
        next_word = _LEADING_WORD.match(after)
        return (next_word.group(0) if next_word else "") in _SENTENCE_STARTERS
    return True
