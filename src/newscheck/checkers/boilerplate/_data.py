"""The boilerplate phrase lists: read once from ``data/`` and compiled into single patterns.

Literal lists become one trie-shaped ``regex`` alternation (shared prefixes factored out),
so a list of a hundred phrases costs one scan of the text, not a hundred.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from importlib import resources

import regex

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


#: Characters lower-cased at a time: str.lower() of non-ASCII text takes a work buffer of
#: twelve bytes per character, 24 MB for a 2 MB document in one piece.
LOWER_CHUNK = 1 << 16


def lower(text: str) -> str:
    """``text.lower()``, with a small work space on long non-ASCII text.

    Non-ASCII text is lowered in pieces cut after a space: lowering looks at neighbours
    only across case-ignorable characters (for a final sigma), which a space is not, so
    the pieces lowered apart join to the same text as the whole lowered at once.
    """
    if text.isascii() or len(text) <= LOWER_CHUNK:
        return text.lower()
    parts, pos, n = [], 0, len(text)
    while pos < n:
        cut = text.find(" ", pos + LOWER_CHUNK) + 1 if pos + LOWER_CHUNK < n else n
        if cut <= 0:
            cut = n
        parts.append(text[pos:cut].lower())
        pos = cut
    return "".join(parts)


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
