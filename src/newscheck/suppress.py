"""Suppressions: inline comments, per-file ignores and the baseline.

Inline comments are HTML comments, so they work in Markdown, HTML and plain text alike:

* ``<!-- newscheck: ignore -->`` or ``<!-- newscheck: ignore NC301, NC2 -->`` on a line of
  its own silences the next paragraph; inside a paragraph it silences that paragraph.
* ``<!-- newscheck: disable-file -->`` / ``<!-- newscheck: disable-file NC1 -->`` anywhere
  silences the whole file.

Codes are matched as prefixes, like ``--ignore``. The comments themselves are never checked.
"""

from __future__ import annotations

import bisect
import fnmatch
import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from .document import Document
from .errors import ConfigError
from .findings import Finding

__all__ = ["Baseline", "inline_suppressions", "is_ignored", "matches_any"]

_COMMENT = regex.compile(
    r"<!--\s*newscheck\s*:\s*(ignore|disable-file|disable)\b\s*([A-Za-z0-9_,\s-]*?)\s*-->", regex.I
)


def matches_any(finding: Finding, patterns: Iterable[str]) -> bool:
    """True if a pattern is the finding's code prefix, rule name, category, or ``ALL``."""
    for p in patterns:
        p = p.strip()
        if not p:
            continue
        if p.upper() == "ALL" or finding.code.upper().startswith(p.upper()):
            return True
        if p.lower() in (finding.name, finding.category.value):
            return True
    return False


@dataclass(frozen=True, slots=True)
class _Scope:
    start: int
    end: int
    codes: tuple[str, ...]  # empty: every code


def inline_suppressions(doc: Document) -> list[_Scope]:
    """Ranges of ``doc`` silenced by inline comments, with the codes they silence."""
    if "newscheck" not in doc.text:
        return []
    scopes: list[_Scope] = []
    paragraphs = doc.paragraphs
    starts = [p.start for p in paragraphs]
    for m in _COMMENT.finditer(doc.text):
        codes = tuple(c for c in regex.split(r"[\s,]+", m.group(2)) if c)
        if m.group(1).lower() in ("disable-file", "disable"):
            scopes.append(_Scope(0, len(doc.text), codes))
            continue
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and not regex.search(r"[\r\n]", doc.text[paragraphs[i].end : m.start()]):
            target = paragraphs[i]  # on a line of the paragraph: that paragraph
        elif i + 1 < len(paragraphs):
            target = paragraphs[i + 1]
        else:
            continue
        scopes.append(_Scope(target.start, target.end, codes))
    return scopes


def is_ignored(finding: Finding, scopes: Sequence[_Scope]) -> bool:
    for s in scopes:
        if s.start <= finding.start < max(s.end, s.start + 1) and (
            not s.codes or matches_any(finding, s.codes)
        ):
            return True
    return False


def per_file_codes(path: str | None, table: dict[str, Sequence[str]] | None) -> list[str]:
    """Codes ignored for ``path`` by ``per-file-ignores`` globs (matched on the path and its name)."""
    if not path or not table:
        return []
    norm = path.replace(os.sep, "/")
    out: list[str] = []
    for pattern, codes in table.items():
        if fnmatch.fnmatch(norm, pattern) or fnmatch.fnmatch(os.path.basename(norm), pattern) or fnmatch.fnmatch(norm, "*/" + pattern):
            out.extend(codes)
    return out


def fingerprint(finding: Finding, text: str) -> str:
    """Stable across edits elsewhere in the file: code plus the flagged words, not offsets."""
    words = " ".join(text[finding.start : finding.end].split())
    return hashlib.sha1(f"{finding.code}\x00{words}".encode()).hexdigest()[:16]


class Baseline:
    """Findings known at adoption time; only new ones fail. Stored as versioned JSON."""

    VERSION = 1

    def __init__(self, entries: dict[str, Counter[str]] | None = None):
        self.entries: dict[str, Counter[str]] = entries or {}

    @staticmethod
    def key_path(path: str | None) -> str:
        return (path or "-").replace(os.sep, "/")

    @classmethod
    def load(cls, path: str) -> Baseline:
        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
        except FileNotFoundError:
            raise ConfigError(
                f"baseline file {path!r} does not exist; create it with --write-baseline {path}"
            ) from None
        except (OSError, ValueError) as exc:
            raise ConfigError(f"baseline file {path!r} is not valid JSON ({exc}); write it again with --write-baseline") from None
        if not isinstance(data, dict) or data.get("version") != cls.VERSION or not isinstance(data.get("files"), dict):
            raise ConfigError(f"baseline file {path!r} is not a newscheck baseline (version {cls.VERSION}); write it again with --write-baseline")
        return cls({p: Counter(v) for p, v in data["files"].items()})

    def add(self, path: str | None, findings: Iterable[Finding], text: str) -> None:
        bucket = self.entries.setdefault(self.key_path(path), Counter())
        for f in findings:
            bucket[fingerprint(f, text)] += 1

    def filter(self, path: str | None, findings: Sequence[Finding], text: str) -> list[Finding]:
        """The findings not in the baseline (each baseline entry absorbs one occurrence)."""
        known = Counter(self.entries.get(self.key_path(path), {}))
        fresh = []
        for f in findings:
            fp = fingerprint(f, text)
            if known[fp] > 0:
                known[fp] -= 1
            else:
                fresh.append(f)
        return fresh

    def save(self, path: str) -> None:
        from .fixes import write_atomic

        data = {
            "version": self.VERSION,
            "files": {p: dict(sorted(c.items())) for p, c in sorted(self.entries.items())},
        }
        write_atomic(path, json.dumps(data, indent=2, sort_keys=True) + "\n")
