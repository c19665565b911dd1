"""Human-readable output: one block per finding with the source line and the span marked."""

from __future__ import annotations

import unicodedata
from collections import Counter

from ..findings import Finding, Severity
from ..report import Report
from . import RunResult

_WINDOW = 100  # characters of a long line shown around the span

_COLORS = {
    Severity.ERROR: "\x1b[1;31m",
    Severity.WARNING: "\x1b[1;33m",
    Severity.INFO: "\x1b[1;36m",
}
_BOLD, _DIM, _RESET, _MARK = "\x1b[1m", "\x1b[2m", "\x1b[0m", "\x1b[1;35m"


def _cells(s: str) -> int:
    """Terminal cells: wide (East Asian, emoji) characters take two, combining marks none."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s
    )


def _paint(s: str, code: str, color: bool) -> str:
    return f"{code}{s}{_RESET}" if color else s


def _snippet(report: Report, finding: Finding, color: bool) -> list[str]:
    line_no, col = report.position(finding.start)
    starts = report._line_starts
    line_start = starts[line_no - 1]
    line_end = starts[line_no] if line_no < len(starts) else len(report.text)
    line = report.text[line_start:line_end].rstrip("\r\n\u2028\u2029\x85\x0b\x0c")
    span_start = finding.start - line_start
    span_end = min(finding.end - line_start, len(line))
    lo, hi = 0, len(line)
    if len(line) > _WINDOW:
        lo = max(0, span_start - 30)
        hi = min(len(line), max(span_end, lo + _WINDOW))
        if hi - lo > _WINDOW + 60:
            hi = lo + _WINDOW + 60
    shown = line[lo:hi].replace("\t", " ")
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line) else ""
    # Printable: control characters would break the terminal; keep one cell per character.
    shown = "".join(ch if ch.isprintable() else "?" for ch in shown)
    width = len(str(line_no))
    before = prefix + shown[: max(span_start - lo, 0)]
    marked = shown[max(span_start - lo, 0) : min(span_end, hi) - lo]
    mark_from = _cells(before)
    mark_len = max(1, _cells(marked))
    gutter = " " * (width + 1) + "|"
    return [
        _paint(gutter, _DIM, color),
        _paint(f"{line_no} |", _DIM, color) + f" {prefix}{shown}{suffix}",
        _paint(gutter, _DIM, color) + " " + " " * mark_from + _paint("^" * mark_len, _MARK, color),
    ]


def render(run: RunResult) -> str:
    out: list[str] = []
    color = run.color
    counts: Counter[Severity] = Counter()
    fixable = 0
    for report in run.reports:
        name = report.path or "-"
        for f in report.findings:
            counts[f.severity] += 1
            fixable += f.fix is not None and f.fix.is_safe
            line, col = report.position(f.start)
            head = (
                _paint(f"{name}:{line}:{col}:", _BOLD, color)
                + " "
                + _paint(f.code, _COLORS[f.severity], color)
                + f" [{f.severity.value}] {f.message}"
                + _paint(f" ({f.name})", _DIM, color)
            )
            out.append(head)
            if run.show_source:
                out.extend(_snippet(report, f, color))
            for rel in f.related:
                rl, rc = report.position(rel.start)
                label = rel.label or "related"
                text = " ".join(report.text[rel.start : rel.end].split())
                if len(text) > 80:
                    cut = text[:79]
                    text = (cut[: cut.rfind(" ")] if " " in cut[40:] else cut).rstrip(" ,;:") + "…"
                out.append(f"  = {label} at {rl}:{rc}: {text}")
            if f.fix is not None:
                out.append(f"  = fix ({f.fix.applicability.value}): {f.fix.title or 'available'}")
            if run.show_source:
                out.append("")
    if run.statistics:
        by_code = Counter((f.code, f.name) for r in run.reports for f in r.findings)
        for (code, name), n in sorted(by_code.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(f"{n:>6}  {code}  {name}")
        if by_code:
            out.append("")
    total = sum(counts.values())
    files = len(run.reports)
    fixed = sum(run.fixed.values())
    if fixed:
        out.append(f"Fixed {fixed} finding{'s' * (fixed != 1)}.")
    if total:
        parts = ", ".join(
            f"{counts[s]} {s.value}{'s' * (counts[s] != 1 and s is not Severity.INFO)}"
            for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
            if counts[s]
        )
        out.append(
            f"Found {total} finding{'s' * (total != 1)} in {files} file{'s' * (files != 1)} ({parts})."
        )
        if fixable:
            out.append(f"{fixable} fixable with --fix.")
    else:
        out.append(f"All checks passed ({files} file{'s' * (files != 1)}).")
    return "\n".join(out) + "\n"
