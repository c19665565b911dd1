"""Applying fixes: non-overlapping edits, safe ones unless asked, written atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable

from .findings import Edit, Finding, Fix

__all__ = ["apply_fixes", "write_atomic"]


def apply_fixes(
    text: str, findings: Iterable[Finding], *, unsafe: bool = False
) -> tuple[str, list[Finding]]:
    """Apply the fixes of ``findings`` to ``text``; return the new text and the findings fixed.

    Fixes are taken in order of position; one whose edits overlap an already accepted
    fix is skipped (a second run picks it up). Unsafe fixes need ``unsafe=True``.
    """
    accepted: list[tuple[Finding, Fix]] = []
    taken: list[tuple[int, int]] = []
    candidates = sorted(
        (f for f in findings if f.fix is not None and (unsafe or f.fix.is_safe)),
        key=lambda f: (f.fix.start, f.fix.end, f.code),  # type: ignore[union-attr]
    )
    for finding in candidates:
        fix = finding.fix
        assert fix is not None
        if any(_overlaps(e, s, t) for e in fix.edits for s, t in taken):
            continue
        if any(e.end > len(text) for e in fix.edits):
            continue
        accepted.append((finding, fix))
        taken.extend((e.start, e.end) for e in fix.edits)
    edits = sorted((e for _, fix in accepted for e in fix.edits), key=lambda e: (e.start, e.end))
    parts: list[str] = []
    pos = 0
    for e in edits:
        parts.append(text[pos : e.start])
        parts.append(e.replacement)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts), [f for f, _ in accepted]


def _overlaps(edit: Edit, start: int, end: int) -> bool:
    # Two insertions at one point, or an edit touching another's inside, conflict.
    if edit.start == edit.end == start == end:
        return True
    return edit.start < end and start < edit.end


def write_atomic(path: str, text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` beside ``path`` then rename over it, keeping the file's permissions."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".newscheck-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        except FileNotFoundError:
            pass
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
