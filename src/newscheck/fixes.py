"""Applying fixes: non-overlapping edits, safe ones unless asked, written atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable

from .findings import Edit, Finding, Fix

__all__ = ["apply_fixes", "fix_until_stable", "write_atomic"]

#: Passes of :func:`fix_until_stable` before giving up on reaching a fixed point.
MAX_FIX_PASSES = 10


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
        if not fix.edits or any(e.end > len(text) for e in fix.edits):
            continue
        if _self_overlapping(fix):
            continue
        if any(_overlaps(e, s, t) for e in fix.edits for s, t in taken):
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


def fix_until_stable(
    text: str,
    check: Callable[[str], Iterable[Finding]],
    *,
    unsafe: bool = False,
    findings: Iterable[Finding] | None = None,
    max_passes: int = MAX_FIX_PASSES,
) -> tuple[str, list[Finding]]:
    """Apply fixes, re-check, and repeat until no fix applies (or ``max_passes``).

    One pass never applies overlapping fixes together; the fixes it had to skip are
    picked up by the next pass on the re-checked text. Running it again on its own
    result therefore changes nothing, unless a checker keeps proposing new fixes, which
    the pass limit stops. ``findings``, when given, are ``check(text)`` already done.
    """
    applied: list[Finding] = []
    for i in range(max_passes):
        current = findings if i == 0 and findings is not None else check(text)
        new_text, done = apply_fixes(text, current, unsafe=unsafe)
        if not done or new_text == text:
            break
        applied.extend(done)
        text = new_text
    return text, applied


def _self_overlapping(fix: Fix) -> bool:
    edits = sorted(fix.edits, key=lambda e: (e.start, e.end))
    return any(_overlaps(b, a.start, a.end) for a, b in zip(edits, edits[1:]))


def _overlaps(edit: Edit, start: int, end: int) -> bool:
    # Two insertions at one point, or an edit touching another's inside, conflict.
    if edit.start == edit.end == start == end:
        return True
    return edit.start < end and start < edit.end


def write_atomic(path: str, text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` beside ``path`` then rename over it, keeping the file's permissions.

    A symbolic link is followed: the file it points to is replaced, the link stays.
    """
    path = os.path.realpath(path)
    folder = os.path.dirname(path)
    fd, tmp = tempfile.mkstemp(prefix=".newscheck-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            mode = os.stat(path).st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o666 & ~_umask()  # a new file gets the usual mode, not mkstemp's 0600
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _umask() -> int:
    try:  # Linux: read it without changing it (os.umask is process-wide, racy in threads)
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
