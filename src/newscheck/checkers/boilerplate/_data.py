"""The boilerplate phrase lists: read once from ``data/`` and compiled into single patterns.

Literal lists become one trie-shaped ``regex`` alternation (shared prefixes factored out),
so a list of a hundred phrases costs one scan of the text, not a hundred.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources

import regex

__all__ = ["load_lines", "trie_pattern"]


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

    def matches(
        self, view: str, tokens: list[tuple[int, int]], keys: list[str] | None = None
    ) -> list[regex.Match[str]]:
        """Matches starting at tokens; ``keys`` are the tokens' keys if already computed."""
        if keys is None:
            keys = token_keys(view, tokens)
        by_key = self.by_key
        out: list[regex.Match[str]] = []
        done = -1
        for i in [i for i, key in enumerate(keys) if key in by_key]:
            s = tokens[i][0]
            if s >= done and (m := by_key[keys[i]].match(view, s)):
                out.append(m)
                done = m.end()
        return out


def token_keys(view: str, tokens: list[tuple[int, int]]) -> list[str]:
    """The trigger key of every token, in order."""
    low = view.lower() if len(view.lower()) == len(view) else view.translate(_ASCII_LOWER)
    return [low[s:e][:KEY_LEN] for s, e in tokens]


_ASCII_LOWER = {c: c + 32 for c in range(65, 91)}
