"""NC404 self-reference: an entity acting on itself through an alias.

"Russia supports Moscow's claims" or "Russia is supplying parts ... to Russia": the subject of a
clause and the object or possessor after its verb name the same state, which in news copy almost
always means one of them should have been another country.
"""

from __future__ import annotations

import bisect
import itertools
import re
import sys
from collections import Counter
from collections.abc import Iterator, Mapping
from itertools import repeat
from operator import itemgetter, methodcaller

import regex

from ._text import Sentence, ascii_of, data_text, inside, quotes_of, starts_of, trie, view_of

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from ...errors import ConfigError


def parse_aliases(text: str, source: str) -> dict[str, list[str]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"alias file {source} is not valid TOML: {exc}") from None
    table = data.get("entities", data)
    if not isinstance(table, Mapping) or not all(
        isinstance(v, list) and all(isinstance(a, str) for a in v) for v in table.values()
    ):
        raise ConfigError(f'alias file {source} must hold an [entities] table of name = ["alias", ...] lists')
    return {str(k): list(v) for k, v in table.items()}


def builtin_aliases() -> dict[str, list[str]]:
    return parse_aliases(data_text("aliases.toml"), "aliases.toml (built in)")


_CLAUSE_START = regex.compile(
    r"(?:^|[,;:(—–]\s*|\b(?:that|and|but|while|as|because|after|since|when|although|though|whereas|"
    r"say|says|said|claim|claims|claimed|believe|believes|fear|fears|insist|insists|insisted|"
    r"argue|argues|argued|warn|warns|warned|note|notes|noted|think|thinks|suggest|suggests)\s+)$",
    regex.I,
)
_BOUNDARY = regex.compile(
    r"[,;:()“”\"—–]|\b(?:that|which|who|whom|whose|said|says|say|told|while|whereas|but|and|or|"
    r"as|because|if|when|after|before|between|against\s+which|not|nor|unlike|like|with\s+which|"
    r"including|rather|instead|versus|vs)\b",
    regex.I,
)
_IRREGULAR = (
    r"left|beat|hit|met|won|led|sent|sold|bought|fought|brought|gave|took|made|told|urged|cut|"
    r"struck|sought|kept|held|lent|paid|built|shot|overtook|outpaced|ran|became|join"
)
_VERBISH = regex.compile(
    rf"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|{_IRREGULAR}|"
    r"\p{Ll}+(?:s|ed|es|ing))\b"
)
_VERB_BEFORE = regex.compile(rf"\b(?:{_IRREGULAR}|\p{{Ll}}{{2,}}(?:s|ed))\s+$")
_NOT_VERB = regex.compile(
    r"\b(?:is|was|has|as|its|this|his|does|us|plus|across|unless|less|thus|whereas|towards)\s+$"
)
_OBJECT_PREP = regex.compile(
    r"\b(?:to|with|toward|towards|against|on|onto|into|from|for|at|over|than(?:\s+what)?)\s+$", regex.I
)
_OF = regex.compile(r"\bof\s+$", regex.I)
_LOCATIVE = regex.compile(
    r"\b(?:in|across|throughout|within|inside|outside|around|near|of|by|at)\s+$", regex.I
)
_DIRECT_VERBS = regex.compile(
    r"\b(?:support|supports|supported|supporting|back|backs|backed|backing|accuse|accuses|accused|"
    r"sanction|sanctions|sanctioned|criticise|criticises|criticised|criticize|criticizes|criticized|"
    r"condemn|condemns|condemned|warn|warns|warned|urge|urges|urged|attack|attacks|attacked|invade|"
    r"invades|invaded|threaten|threatens|threatened|blame|blames|blamed|supply|supplies|supplied|"
    r"supplying|arm|arms|armed|fund|funds|funded|help|helps|helped|helping|recognise|recognises|"
    r"recognised|recognize|recognizes|recognized|join|joins|joined|defeat|defeats|defeated|echo|"
    r"echoes|echoed|endorse|endorses|endorsed|reject|rejects|rejected|oppose|opposes|opposed|"
    r"praise|praises|praised|thank|thanks|thanked|pressure|pressures|pressured|sue|sues|sued|"
    r"bomb|bombs|bombed|ally|allies|allied|trust|trusts|trusted|fight|fights|fought|provoke|"
    r"provoked|provokes|mediate|mediates|mediated|court|courts|courted)\s+$",
    regex.I,
)


_SPAN = methodcaller("span")
#: Each capital ASCII letter to \x01, every other byte kept.
_MARK_CAPITALS = bytes(1 if 65 <= c <= 90 else c for c in range(256))


def _name_trie(names: list[str]) -> str:
    """A ``regex`` pattern matching any of ``names`` ("" included), factored character by
    character; where one name is a prefix of another, the longer is tried first."""
    groups: dict[str, list[str]] = {}
    empty = False
    for n in sorted(set(names)):
        if n:
            groups.setdefault(n[0], []).append(n[1:])
        else:
            empty = True
    if not groups:
        return ""
    body = "(?:" + "|".join(regex.escape(first) + _name_trie(rests) for first, rests in groups.items()) + ")"
    return body + "?" if empty else body


def _letter_trie(words: list[bytes]) -> bytes:
    """A pattern matching any of ``words`` (b"" included), factored letter by letter: at each
    point at most one branch can go on, so a failing attempt costs a few steps."""
    groups: dict[bytes, list[bytes]] = {}
    empty = False
    for w in sorted(set(words)):
        if w:
            groups.setdefault(w[:1], []).append(w[1:])
        else:
            empty = True
    if not groups:
        return b""
    body = (
        b"(?:" + b"|".join(re.escape(first) + _letter_trie(rests) for first, rests in groups.items()) + b")"
    )
    return body + b"?" if empty else body


_FIRST = itemgetter(0)
_SECOND = itemgetter(1)
_CAP = regex.compile(r"(?<![\p{L}])[A-Z][\p{L}]*")


_COORD = regex.compile(r"\s*(?:and|&)\s+(?:the\s+)?")
_COORD_LOCATIVE = regex.compile(
    r"\b(?:in|across|throughout|outside|around|within|at|from|to|into|both|near|visit\w*|"
    r"travel\w*|flights?|routes?|based)\s+$",
    regex.I,
)


# These patterns end in "$" and are only tested for a match somewhere in the text before a name:
# matched from the end (REVERSE, which finds a match exactly when a forward search does), a
# search settles at the end instead of trying every word of that text.
_CLAUSE_START, _VERB_BEFORE, _NOT_VERB, _OBJECT_PREP, _OF, _LOCATIVE, _DIRECT_VERBS, _COORD_LOCATIVE = (
    regex.compile(p.pattern, p.flags | regex.REVERSE)
    for p in (
        _CLAUSE_START,
        _VERB_BEFORE,
        _NOT_VERB,
        _OBJECT_PREP,
        _OF,
        _LOCATIVE,
        _DIRECT_VERBS,
        _COORD_LOCATIVE,
    )
)


def _strip_article(before: str) -> str:
    for article in ("the ", "The "):
        if before.endswith(article):
            return before[: -len(article)]
    return before


def _name_span(m: regex.Match, offset: int) -> tuple[int, int]:
    """The alias without a leading "the"."""
    s, e = m.span("name")
    if m.group("name").startswith("the "):
        s += 4
    return offset + s, offset + e


class AliasTable:
    """Surface name -> entity, matched as whole words in one compiled pattern."""

    def __init__(self, entities: Mapping[str, list[str]]):
        self.entity_of: dict[str, str] = {}
        for entity, names in entities.items():
            for name in names:
                self.entity_of[name] = entity
                if name.startswith("the "):
                    self.entity_of[name[4:]] = entity
        # Cheap pre-filter: the capitalised words an alias can start with, per entity; after an
        # article ("the Kremlin", "The Hague"), the word after it, which the text also holds.
        self.heads: dict[str, set[str]] = {}
        for name, entity in self.entity_of.items():
            words = name.split()
            head = words[1] if words[0] in ("the", "The") and len(words) > 1 else words[0]
            self.heads.setdefault(head.rstrip("."), set()).add(entity)
        # Only heads a capitalised word (_CAP) can equal are ever looked up.
        capital = [h for h in self.heads if _CAP.fullmatch(h)]
        # The ASCII heads are found by one scan of a copy of the view where every capital is one
        # byte (\x01): the scan stops only at capitals (a literal first byte) and follows a
        # letter-by-letter trie of the heads' tails; the capital itself is checked afterwards.
        # The non-ASCII heads are found with bytes.find. See :meth:`_head_words`.
        plain = [h.encode() for h in capital if h.isascii()]
        # For a view holding \x01 itself: one scan of its ASCII copy.
        self._ascii_heads = re.compile(trie(plain) + b"(?![A-Za-z])") if plain else None
        self._plain_heads = frozenset(plain)
        self._marked_heads = (
            re.compile(
                b"\x01" + _letter_trie([h[1:].translate(_MARK_CAPITALS) for h in plain]) + b"(?![a-z\x01])"
            )
            if plain
            else None
        )
        self._non_ascii_heads = [(h, h.encode("ascii", "replace")) for h in capital if not h.isascii()]
        #: The first character outside ASCII of each of those heads: a head whose character the
        #: view does not hold is not searched for (``in`` on the view is cheaper than the search).
        self._non_ascii_firsts = {h: next(c for c in h if not c.isascii()) for h, _ in self._non_ascii_heads}
        self._non_ascii_chars = frozenset(self._non_ascii_firsts.values())
        #: Per head, a key for each of its entities: a key twice in one sentence means two heads
        #: there may name one entity.
        ids = {e: k for k, e in enumerate(sorted({e for es in self.heads.values() for e in es}))}
        self._head_keys = {h: tuple(ids[e] for e in sorted(es)) for h, es in self.heads.items()}
        self._plain_head_keys = {h: self._head_keys[h.decode()] for h in plain}
        names = sorted(self.entity_of, key=len, reverse=True)
        # The names factored character by character: the same longest-first choice as their
        # alternation sorted by length, with a few steps per position instead of one per name.
        alt = _name_trie(names) or "(?!)"
        # A match starts with the first character of a name: tested first, it lets the scan
        # skip the other positions without trying the look-behind and every name there.
        first = "".join(sorted({regex.escape(n[0]) for n in names})) if all(names) else ""
        ahead = f"(?=[{first}])" if first else ""
        self.pattern = regex.compile(
            rf"{ahead}(?<![\p{{L}}\p{{N}}\-.’'])(?P<name>{alt})(?P<poss>['’]s)?"
            rf"(?![\p{{L}}\p{{N}}\-]|\.[\p{{L}}]|\s+(?:[A-Z][\p{{L}}]+|&))"
        )

    def sentences_worth_scanning(self, sents: list[Sentence], view: str | None = None) -> list[Sentence]:
        """Sentences in which two capitalised words could name the same entity."""
        if not sents:
            return []
        if view is None:
            view = view_of(sents)
        lo, hi = sents[0].start, sents[-1].end
        ascii_view = ascii_of(view, sents)
        if self._marked_heads is not None and b"\x01" not in ascii_view:
            if not self._with_non_ascii_heads(view, lo, hi, ascii_view, []):
                return self._worth_scanning_ascii_heads(sents, view, lo, hi, ascii_view)
            words = self._marked_head_words_paired(sents, view, lo, hi, ascii_view)
        else:
            words = self._head_words(view, lo, hi, ascii_view)
        if len(words) < 2:
            return []
        # A sentence is worth scanning when one (sentence, entity) pair comes up twice in it.
        # Most sentences hold at most one head: those are counted out in C first.
        places = list(map(bisect.bisect_right, repeat(starts_of(sents)), map(_FIRST, words)))  # index + 1
        counts = Counter(places)
        if len(counts) == len(places):
            return []
        keys = self._head_keys
        pairs = Counter((si, k) for si, (_, word) in zip(places, words) if counts[si] > 1 for k in keys[word])
        return [sents[si - 1] for si in sorted({si for (si, _), n in pairs.items() if n > 1})]

    def _worth_scanning_ascii_heads(
        self, sents: list[Sentence], view: str, lo: int, hi: int, ascii_view: bytes
    ) -> list[Sentence]:
        """:meth:`sentences_worth_scanning` where no head outside ASCII stands: the scan of
        :meth:`_marked_head_words_paired`, its matches checked and counted per (sentence,
        entity) in one pass, only in the sentences where two of them fall (counted in C)."""
        spans = list(map(_SPAN, self._marked_heads.finditer(ascii_view.translate(_MARK_CAPITALS), lo, hi)))
        if len(spans) < 2:
            return []
        places = list(map(bisect.bisect_right, repeat(starts_of(sents)), map(_FIRST, spans)))  # index + 1
        counts = Counter(places)
        if len(counts) == len(places):
            return []
        keys = self._plain_head_keys
        isalpha = str.isalpha
        pairs: Counter[tuple[int, int]] = Counter()
        for (i, e), si in zip(spans, places):
            if counts[si] > 1:
                found = keys.get(ascii_view[i:e])
                if found is not None and not (
                    i and isalpha(view[i - 1]) or e < hi and ascii_view[e] == 63 and isalpha(view[e])
                ):
                    for k in found:
                        pairs[si, k] += 1
        return [sents[si - 1] for si in sorted({si for (si, _), n in pairs.items() if n > 1})]

    def _head_words(
        self, view: str, lo: int, hi: int, ascii_view: bytes | None = None
    ) -> list[tuple[int, str]]:
        """(offset, word) of each capitalised word in ``view[lo:hi]`` that is an alias head.

        The same words as ``_CAP.finditer(view, lo, hi)`` filtered by ``heads``, found by one
        C-level scan of an ASCII copy for the ASCII heads (checked against ``view`` on both sides)
        and by ``str.find`` for the others.
        """
        # One byte per character ("?" for the others): offsets carry over. The patterns rule out
        # an ASCII letter after the head; a "?" there may stand for another letter.
        if ascii_view is None:
            ascii_view = view.encode("ascii", "replace")
        if b"\x01" not in ascii_view:
            return self._marked_head_words(view, lo, hi, ascii_view)
        isalpha = str.isalpha
        out: list[tuple[int, str]] = []
        if self._ascii_heads is not None:
            out = [
                (i, view[i:e])
                for i, e in map(_SPAN, self._ascii_heads.finditer(ascii_view, lo, hi))
                if not (i and isalpha(view[i - 1]) or e < hi and isalpha(view[e]))
            ]
        return self._with_non_ascii_heads(view, lo, hi, ascii_view, out)

    def _marked_head_words(self, view: str, lo: int, hi: int, ascii_view: bytes) -> list[tuple[int, str]]:
        """:meth:`_head_words` on a copy of ``ascii_view`` (which holds no \x01) with each capital
        turned into \x01. A match there is a capital and the tail of some head; it is kept if its
        ASCII text is a head. A match may be longer than the head an exact scan would find at its
        start only by going on with letters, after which no head can end; and a head it hides
        starts after a letter, as do the matches ``_CAP`` rules out."""
        isalpha = str.isalpha
        out: list[tuple[int, str]] = []
        if self._marked_heads is not None:
            plain = self._plain_heads
            out = [
                (i, view[i:e])
                for i, e in map(
                    _SPAN, self._marked_heads.finditer(ascii_view.translate(_MARK_CAPITALS), lo, hi)
                )
                if ascii_view[i:e] in plain
                and not (i and isalpha(view[i - 1]) or e < hi and ascii_view[e] == 63 and isalpha(view[e]))
            ]
        return self._with_non_ascii_heads(view, lo, hi, ascii_view, out)

    def _marked_head_words_paired(
        self, sents: list[Sentence], view: str, lo: int, hi: int, ascii_view: bytes
    ) -> list[tuple[int, str]]:
        """:meth:`_marked_head_words` without the words of the sentences in which the scan
        matched only once, when the view holds no non-ASCII head: those sentences hold at most
        one head, and a sentence with one head is never worth scanning. The scan's matches are
        counted per sentence in C first, so the Python checks run only where two matches share
        a sentence."""
        spans = list(map(_SPAN, self._marked_heads.finditer(ascii_view.translate(_MARK_CAPITALS), lo, hi)))
        others = self._with_non_ascii_heads(view, lo, hi, ascii_view, [])
        if others:
            spans_kept = spans
        elif len(spans) > 1:
            places = list(map(bisect.bisect_right, repeat(starts_of(sents)), map(_FIRST, spans)))
            counts = Counter(places)
            if len(counts) < len(places):
                spans_kept = [span for span, si in zip(spans, places) if counts[si] > 1]
            else:
                spans_kept = []
        else:
            spans_kept = []
        isalpha = str.isalpha
        plain = self._plain_heads
        out = [
            (i, view[i:e])
            for i, e in spans_kept
            if ascii_view[i:e] in plain
            and not (i and isalpha(view[i - 1]) or e < hi and ascii_view[e] == 63 and isalpha(view[e]))
        ]
        if others:
            out.extend(others)
            out.sort()
        return out

    def _with_non_ascii_heads(
        self, view: str, lo: int, hi: int, ascii_view: bytes, out: list[tuple[int, str]]
    ) -> list[tuple[int, str]]:
        """``out`` and the non-ASCII heads in ``view[lo:hi]``, in order: each is looked for in the
        ASCII copy with "?" for its other characters, and checked against the view."""
        isalpha = str.isalpha
        if self._non_ascii_heads and not view.isascii() and b"?" in ascii_view:
            firsts = self._non_ascii_firsts
            present = {c for c in self._non_ascii_chars if c in view}
            if not present:
                return out
            found = False
            for head, needle in self._non_ascii_heads:
                if firsts[head] not in present:
                    continue
                i = ascii_view.find(needle, lo, hi)
                while i != -1:
                    e = i + len(head)
                    if view[i:e] == head and not (i and isalpha(view[i - 1]) or e < hi and isalpha(view[e])):
                        out.append((i, head))
                        found = True
                    i = ascii_view.find(needle, i + 1, hi)
            if found:
                out.sort()
        return out

    def entity(self, surface: str) -> str:
        s = surface
        return self.entity_of.get(s) or self.entity_of.get(s.removeprefix("the "), s)


def find(
    sents: list[Sentence], table: AliasTable, view: str | None = None
) -> Iterator[tuple[int, int, int, int, str, str, str]]:
    """(subj_start, subj_end, obj_start, obj_end, subject, object, entity) for each self-reference.

    ``view`` is the whole text the sentences index into (rebuilt from them when omitted).
    """
    for sent in table.sentences_worth_scanning(sents, view):
        text = sent.text
        hits = list(table.pattern.finditer(text))
        if len(hits) < 2:
            continue
        quotes = quotes_of(sents, sent)
        for a, b in itertools.pairwise(hits):
            # "India and Delhi signed…", "between Russia and Moscow": one party twice.
            if (
                a.group("poss")
                or b.group("poss")
                or table.entity(a.group("name")) != table.entity(b.group("name"))
            ):
                continue
            if not _COORD.fullmatch(text, a.end(), b.start()) or inside(a.start(), quotes):
                continue
            if _COORD_LOCATIVE.search(_strip_article(text[max(0, a.start() - 30) : a.start()])):
                continue
            yield (
                *_name_span(a, sent.start),
                *_name_span(b, sent.start),
                a.group("name"),
                b.group(0),
                table.entity(a.group("name")),
            )
        for i, subj in enumerate(hits):
            if subj.group("poss") or inside(subj.start(), quotes):
                continue
            if not _CLAUSE_START.search(_strip_article(text[: subj.start()])):
                continue
            entity = table.entity(subj.group("name"))
            for obj in hits[i + 1 :]:
                between = text[subj.end() : obj.start()]
                if _BOUNDARY.search(between) or len(between.split()) > 10:
                    break
                if table.entity(obj.group("name")) != entity:
                    continue
                if inside(obj.start(), quotes):
                    break
                lead = _strip_article(text[: obj.start()])
                if not _VERBISH.search(between):
                    break
                if _LOCATIVE.search(lead) and not (obj.group("poss") and _OF.search(lead)):
                    break  # "forces in Russia"; but "took advantage of Tehran's weakness" is an object
                object_like = bool(
                    _OBJECT_PREP.search(lead)
                    or (obj.group("poss") and _OF.search(lead))
                    or _DIRECT_VERBS.search(lead)
                    or (_VERB_BEFORE.search(lead) and not _NOT_VERB.search(lead))
                )
                if not object_like:
                    break
                yield (
                    *_name_span(subj, sent.start),
                    *_name_span(obj, sent.start),
                    subj.group("name"),
                    obj.group(0),
                    entity,
                )
                break
