"""The boilerplate phrase lists: read once from ``data/`` and compiled into single patterns.

Literal lists become one trie-shaped ``regex`` alternation (shared prefixes factored out),
so a list of a hundred phrases costs one scan of the text, not a hundred.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import Any
from importlib import resources

import regex

from ...lowercase import lower  # noqa: F401 - the family's other modules import it from here

__all__ = ["TriggerScanner", "TriggeredPattern", "load_lines", "trie_pattern"]


def load_lines(name: str) -> list[str]:
    """Non-blank, non-comment lines of ``data/<name>``, stripped."""
    raw = resources.files(__package__).joinpath("data", name).read_text("utf-8")
    return parse_lines(raw)


def parse_lines(raw: str) -> list[str]:
    out = []
    for line in raw.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


# Characters that match a family of look-alikes in the text.
_CHAR_CLASSES = {
    " ": r"[\s\u00a0]+",
    "'": r"['’‘]",
    "’": r"['’‘]",
    "-": r"[-‐‑–—]",
}


def trie_pattern(phrases: Iterable[str], *, fold_case: bool = True) -> str:
    """One alternation matching any of ``phrases``, longest first, shared prefixes merged.

    Spaces match any run of whitespace and apostrophes match either kind, so "Don't
    miss" also finds "Don’t  miss". The pattern has no anchors or word boundaries.
    """
    trie: dict[str, dict] = {}
    for phrase in phrases:
        key = " ".join(phrase.split())
        if fold_case:
            key = key.lower()
        if not key:
            continue
        node = trie
        for ch in key:
            ch = "’" if ch == "'" else ch
            node = node.setdefault(ch, {})
        node[""] = {}
    return _build(trie) or r"(?!)"


def _build(node: dict[str, dict]) -> str:
    alts = []
    for ch in sorted(k for k in node if k):
        atom = _CHAR_CLASSES.get(ch) or regex.escape(ch)
        alts.append(atom + _build(node[ch]))
    if not alts:
        return ""
    optional = "" in node
    if len(alts) == 1 and not optional:
        return alts[0]
    return "(?:" + "|".join(alts) + ")" + ("?" if optional else "")


_LEADING = regex.compile(r"[\p{L}\p{N}'’\-]+")
#: Characters of a token's trigger key; longer words share their first five letters.
KEY_LEN = 5


def token_key(word: str) -> str:
    """The lookup key of a word token: lower case, at most KEY_LEN characters."""
    return word[:KEY_LEN].lower()


def leading_keys(pattern: str) -> set[str]:
    """Trigger keys of a pattern that opens with a word or a plain group of words.

    ``"(?:sign up|subscribe) to"`` gives ``{"sign", "subsc"}``. Raises ValueError for a
    pattern that opens otherwise, so a data file cannot silently lose a line.
    """
    if pattern.startswith("(?:"):
        depth, end = 0, -1
        for i, ch in enumerate(pattern):
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    end = i
                    break
        alternatives = pattern[3:end].split("|")
    else:
        alternatives = [pattern]
    keys = set()
    for alt in alternatives:
        m = _LEADING.match(alt)
        word = m.group(0) if m else ""
        if m and m.end() < len(alt) and alt[m.end()] in "?*{":
            word = word[:-1]  # the quantifier makes the last letter optional
            if len(word) < KEY_LEN:
                word = ""
        elif m and m.end() < len(alt) and alt[m.end()] in "+[(":
            word = word if len(word) >= KEY_LEN else ""
        if not word:
            raise ValueError(f"pattern {pattern!r} must open with a literal word")
        keys.add(token_key(word))
    return keys


class TriggeredPattern:
    """Many patterns, each tried only where a token opens it.

    Scanning a whole article with a large case-insensitive alternation costs milliseconds;
    trying, at the few tokens whose key opens a branch, only the branches that key opens
    costs microseconds. Branches are named groups, so a match tells which one it was.
    """

    def __init__(self, branches: list[tuple[str, str]], *, flags: int = regex.I,
                 keys: list[set[str]] | None = None):
        grouped: dict[str, list[str]] = {}
        #: The branches' bodies, for :class:`TriggerScanner`'s gate (see :func:`gate_prefixes`).
        self.bodies = [body for _, body in branches]
        for i, (name, body) in enumerate(branches):
            for key in keys[i] if keys is not None else leading_keys(body):
                grouped.setdefault(key, []).append(f"(?P<{name}>{body})")
        end = r"(?![\p{L}\p{N}])"
        self.by_key = {
            key: regex.compile(f"(?:{'|'.join(alts)}){end}", flags) for key, alts in grouped.items()
        }

    @classmethod
    def from_phrases(cls, phrases: list[str]) -> TriggeredPattern:
        """Literal phrases, grouped by their first word into trie-shaped patterns."""
        groups: dict[str, list[str]] = {}
        for p in phrases:
            groups.setdefault(token_key(p.split()[0]), []).append(p)
        keys = list(groups)
        return cls([("phrase", trie_pattern(groups[k])) for k in keys], keys=[{k} for k in keys])

    def matches(self, view: str, triggers: list[tuple[int, str]]) -> list[regex.Match[str]]:
        """Matches starting at the ``(start, key)`` tokens of :meth:`TriggerScanner.triggers`."""
        by_key = self.by_key
        out: list[regex.Match[str]] = []
        done = -1
        for s, key in triggers:
            if s >= done and key in by_key and (m := by_key[key].match(view, s)):
                out.append(m)
                done = m.end()
        return out


class TriggerScanner:
    """Finds the tokens whose trigger key opens a branch of some :class:`TriggeredPattern`.

    A list of every token's key costs ten times the text in memory and a Python step per
    token; instead one scan of the lower-cased text finds the places where a key opens a
    word (a superset), and only those are checked against the document's token starts.
    """

    def __init__(self, patterns: Iterable[TriggeredPattern]):
        self.keys = frozenset(k for p in patterns for k in p.by_key if k)
        # A key after a character that is not a letter or digit, as no token start follows
        # one: each pattern opens with a character class, so the engine skips ahead to the
        # next such character in C, by a bitmap for ASCII punctuation and spaces, and (only
        # in a text that has them) by a category test for the other characters. The key is
        # a lookahead, so no found place hides another. Plain ``re``: the keys are literal,
        # and it is faster here than ``regex``.
        keys = _literal_trie(self.keys)
        self._scan = self._scan_non_ascii = self._first = None
        if self.keys:
            self._scan = re.compile(r"[\x00-/:-@\[-`{-\x7f](?=" + keys + ")")
            self._scan_non_ascii = re.compile(r"[^\x00-\x7f\w](?=" + keys + ")")
            self._first = re.compile(keys)
        # The gate: the places where some branch of some pattern can open, found in the
        # gate text (see gate_text) by one scan; None if a branch opens with what the gate
        # text cannot show (a non-ASCII letter), and then every trigger is tried.
        self._gate_scan = None
        prefixes: list[tuple[str, ...]] = []
        for p in patterns:
            for body in p.bodies:
                found = gate_prefixes(body)
                if not found:
                    break
                prefixes.extend(found)
            else:
                continue
            break
        else:
            if prefixes:
                self._gate_scan = re.compile((" (?=" + _atom_trie(prefixes) + ")").encode("ascii"))

    def triggers(self, view: str, starts: Sequence[int], ends: Sequence[int]) -> list[tuple[int, str]]:
        """``(start, key)`` of each token (in order) whose key is one of the patterns' keys."""
        if self._scan is None:
            return []
        low = _lower(view)
        keys = self.keys
        n = len(starts)
        out = []
        places = [m.end() for m in self._scan.finditer(low)]
        if not low.isascii():
            more = [m.end() for m in self._scan_non_ascii.finditer(low)]
            if more:
                places = sorted(places + more)
        if self._first.match(low):
            places.insert(0, 0)
        for s in places:
            i = bisect_left(starts, s)
            if i < n and starts[i] == s:
                key = low[s : min(ends[i], s + KEY_LEN)]
                if key in keys:
                    out.append((s, key))
        return out

    def candidates(self, doc: Any, gate: bytes | None) -> list[tuple[int, str]]:
        """The :meth:`triggers` at which a branch of some pattern can match: all of them
        but those the gate text rules out (every one when ``gate`` is None). Trying the
        patterns at these finds the same matches as trying them at every trigger.
        """
        view = doc.view
        if gate is None or self._gate_scan is None:
            tokens = doc.tokens
            return self.triggers(view, tokens.starts, tokens.ends)
        keys = self.keys
        token_end = doc.token_end  # a match per gate hit, not the whole document's tokens
        out = []
        for m in self._gate_scan.finditer(gate):
            s = m.start()  # the gate text has one leading space: its index s is view[s]'s
            end = token_end(s)
            if end is not None:
                key = view[s : min(end, s + KEY_LEN)].lower()
                if key in keys:
                    out.append((s, key))
        return out


def _lower(view: str) -> str:
    """``view.lower()``, or where that changes the length, only A-Z lowered."""
    low = lower(view)
    if len(low) != len(view):
        low = view.translate(_ASCII_LOWER)
    return low


def _literal_trie(words: Iterable[str]) -> str:
    """An ``re`` alternation of literal ``words`` with shared prefixes merged."""
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        if len(alts) == 1 and "" not in node:
            return alts[0]
        return "(?:" + "|".join(alts) + ")" + ("?" if "" in node else "")

    return build(trie)


_ASCII_LOWER = {c: c + 32 for c in range(65, 91)}


# -- the gate text ----------------------------------------------------------------------------
# One byte per character of the view: ASCII letters lower-cased, ASCII digits kept, every
# other character a space, after one leading space. Built in C (latin-1 with "?" for what it
# cannot encode, then a byte table) and scanned by one compiled pattern, it shows where the
# shipped phrases can open without lowering the text or a Python step per word.
_GATE_TABLE = bytes(
    c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or 48 <= c <= 57 else 32 for c in range(256)
)
#: Characters that case-insensitive matching or lower-casing can turn into ASCII, or whose
#: lower case is longer (İ): the gate text would show them as spaces, so a view holding one
#: gets no gate (found by testing every code point with ``regex``; a test checks).
GATE_EXOTIC = "\u0130\u0131\u0149\u017f\u01f0\u1e96\u1e97\u1e98\u1e99\u1e9a\u1e9e\u212a\u00df" + "".join(
    map(chr, range(0xFB00, 0xFB07))
)


def gate_text(view: str, encoded: bytes | None = None, cp1252: bool = False) -> bytes | None:
    """The view as the gate sees it (see above), or None if it holds a :data:`GATE_EXOTIC`
    character. ``encoded``: ``view.encode("latin-1", "replace")``, if the caller has it, or
    (``cp1252`` true) ``view.encode("cp1252")``, which gives the same gate text and holds
    only one of those characters, "ß" (byte DF)."""
    if cp1252:
        if _SHARP_S in encoded:
            return None
    # (a search per character runs at memory speed; one pattern for all of them does not)
    elif not view.isascii() and any(c in view for c in GATE_EXOTIC):
        return None
    if encoded is None:
        encoded = view.encode("latin-1", "replace")
    return b" " + encoded.translate(_GATE_TABLE)


_SHARP_S = "ß".encode("cp1252")


def _gate_char(c: str) -> str:
    return c.lower() if c.isascii() and c.isalnum() else " "


_ALL_GATE_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 ")
#: Most openings followed per branch, and most atoms in one.
_MAX_PREFIXES = 512
_MAX_ATOMS = 12


@functools.lru_cache(maxsize=None)
def _image(atom: str, absent: str = "") -> frozenset[str]:
    """The gate characters that what ``atom`` (a character, escape or class) matches can become;
    none for a character of ``absent`` (the text is known not to hold it)."""
    if atom in absent or (atom[:1] == "\\" and len(atom) == 2 and atom[1] in absent):
        return frozenset()
    if len(atom) == 1 and atom.isascii() and atom != ".":  # a plain ASCII character: itself, either case
        return frozenset(_gate_char(atom))
    rx = regex.compile(atom, regex.I)  # case-insensitive: a superset of either case
    out = {_gate_char(c) for c in map(chr, range(128)) if rx.fullmatch(c)}
    if not (len(atom) == 1 and atom.isascii() and atom.isalnum()):
        out.add(" ")  # it may match a non-ASCII character
    return frozenset(out)


class _Unsupported(ValueError):
    pass


def _parse(p: str, i: int) -> tuple[list[list[tuple]], int]:
    """The alternatives of ``p`` from ``i`` up to an unmatched ")" or the end; each a list of
    elements ``("atom", text, lo, hi)``, ``("group", alternatives, lo, hi)`` or ``("zero",)``
    (``hi`` None for no limit). Raises _Unsupported for syntax it does not know."""
    alts: list[list[tuple]] = [[]]
    n = len(p)
    while i < n:
        c = p[i]
        if c == ")":
            break
        if c == "|":
            alts.append([])
            i += 1
            continue
        if c == "(":
            zero = False
            if p.startswith("(?", i):
                j = i + 2
                if p[j : j + 1] in ("=", "!") or p[j : j + 2] in ("<=", "<!"):
                    zero, j = True, j + (1 if p[j] in "=!" else 2)
                elif p[j : j + 1] == ":":
                    j += 1
                elif p[j : j + 2] == "P<":
                    j = p.index(">", j) + 1
                else:
                    m = re.match(r"[a-zA-Z]*(?:-[a-zA-Z]+)?:", p[j:])
                    if not m:
                        raise _Unsupported(p[i:])
                    j += m.end()
            else:
                j = i + 1
            sub, j = _parse(p, j)
            if j >= n or p[j] != ")":
                raise _Unsupported(p)
            i = j + 1
            elem: tuple = ("zero",) if zero else ("group", sub)
        elif c == "[":
            j = i + 1
            if p[j : j + 1] == "^":
                j += 1
            if p[j : j + 1] == "]":
                j += 1
            while j < n and p[j] != "]":
                j += 2 if p[j] == "\\" else 1
            if j >= n or "[" in p[i + 1 : j].replace("\\[", ""):
                raise _Unsupported(p[i:])  # unclosed, or a nested set
            elem, i = ("atom", p[i : j + 1]), j + 1
        elif c == "\\":
            e = p[i + 1 : i + 2]
            if e in ("p", "P") and p[i + 2 : i + 3] == "{":
                j = p.index("}", i) + 1
            elif e in ("x", "u", "U", "N", "g", "k") or e.isdigit():
                raise _Unsupported(p[i:])
            else:
                j = i + 2
            elem = ("zero",) if e in ("b", "B", "A", "Z", "G", "m", "M") else ("atom", p[i:j])
            i = j
        elif c in "^$":
            elem, i = ("zero",), i + 1
        elif c in "*+?{":
            raise _Unsupported(p[i:])
        else:
            elem, i = ("atom", c), i + 1
        lo, hi = 1, 1
        if i < n and p[i] in "?*+{":
            if p[i] == "{":
                m = re.match(r"\{(\d*)(,?)(\d*)\}", p[i:])
                if not m or not (m.group(1) or m.group(3)):
                    raise _Unsupported(p[i:])
                lo = int(m.group(1) or 0)
                hi = lo if not m.group(2) else int(m.group(3)) if m.group(3) else None
                i += m.end()
            else:
                lo, hi = {"?": (0, 1), "*": (0, None), "+": (1, None)}[p[i]]
                i += 1
            if i < n and p[i] in "?+":  # lazy or possessive: the same strings match
                i += 1
        if elem[0] != "zero":
            elem = (*elem, lo, hi)
        alts[-1].append(elem)
    return alts, i


def _expand(alts: list[list[tuple]], absent: str = "") -> list[tuple[tuple, bool]]:
    """Openings ``(atoms, whole)`` of the alternatives: every match of one opens with one of
    the atom sequences; ``whole`` when the sequence covers the whole alternative."""
    out: list[tuple[tuple, bool]] = []
    for seq in alts:
        paths: list[tuple[tuple, bool]] = [((), True)]
        for elem in seq:
            if not any(open_ for _, open_ in paths):
                break
            if elem[0] == "zero":
                continue  # an assertion: leaving it out lets more text through, never less
            lo, hi = elem[-2], elem[-1]
            if hi == 0:
                continue
            new: list[tuple[tuple, bool]] = []
            if elem[0] == "atom":
                img = _image(elem[1], absent)
                if not img:  # a character the text does not hold: only no repeat of it can match
                    new = paths if lo == 0 else []
                for path, open_ in paths if img else ():
                    if not open_ or (img == _ALL_GATE_CHARS and (hi is None or not path)):
                        # an atom that can be anything tells nothing, but how many characters
                        # (one gate byte each) stand before the atoms after it, if bounded
                        new.append((path, False))
                    else:
                        new.append((path + ((img, lo, hi),), True))
            else:
                inner = _expand(elem[1], absent)
                for path, open_ in paths:
                    if not open_:
                        new.append((path, False))
                        continue
                    if lo == 0:
                        new.append((path, True))
                    new.extend((path + atoms, whole and hi == 1) for atoms, whole in inner)
            if len(new) > _MAX_PREFIXES:
                paths = [(path, False) for path, _ in paths]
                break
            paths = [(path, open_ and len(path) < _MAX_ATOMS) for path, open_ in new]
        out.extend(paths)
    return out


def gate_prefixes(body: str, *, word_start: bool = True, absent: str = "") -> list[tuple] | None:
    """The atom sequences one of which opens every match of ``body`` in the gate text, or
    None when there are none to tell (the pattern opens with what can be anything) or,
    with ``word_start``, some match may open with a character the gate text shows as a space."""
    try:
        alts, end = _parse(body, 0)
    except (_Unsupported, ValueError, regex.error):
        return None
    if end != len(body):
        return None
    out = []
    for atoms, _ in _expand(alts, absent):
        if not atoms or (word_start and (" " in atoms[0][0] or atoms[0][1] == 0)):
            return None
        out.append(atoms)
    return out


def gate_opening(patterns: Iterable[str], *, absent: str = "") -> re.Pattern[bytes] | None:
    """A pattern that matches the gate text at ``1 + i`` wherever one of ``patterns`` (in
    ``regex`` syntax) can match the view's text from ``i`` on, in a text without the
    characters of ``absent``; None if that cannot be told."""
    prefixes: list[tuple] = []
    for body in patterns:
        found = gate_prefixes(body, word_start=False, absent=absent)
        if not found:
            return None
        prefixes.extend(found)
    return re.compile(_atom_trie(prefixes).encode("ascii"))


@functools.lru_cache(maxsize=None)
def _atom_re(atom: tuple) -> str:
    img, lo, hi = atom
    chars = sorted(img)
    cls = re.escape(chars[0]) if len(chars) == 1 else "[" + "".join(re.escape(c) for c in chars) + "]"
    if (lo, hi) == (1, 1):
        return cls
    if (lo, hi) == (0, 1):
        return cls + "?"
    return cls + f"{{{lo},{'' if hi is None else hi}}}"


def _atom_trie(prefixes: list[tuple]) -> str:
    """One ``re`` alternation of the atom sequences, shared openings merged; a sequence that
    is complete makes the longer ones that continue it unnecessary."""
    trie: dict = {}
    for atoms in prefixes:
        node = trie
        for atom in atoms:
            if "" in node:
                break
            node = node.setdefault(_atom_re(atom), {})
        else:
            node.clear()
            node[""] = {}

    def build(node: dict) -> str:
        if "" in node:
            return ""
        alts = [k + build(v) for k, v in sorted(node.items())]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(trie)
