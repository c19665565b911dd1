"""HTML report for editors: one self-contained page per run, readable offline.

Each article is shown in full with its findings highlighted by category; hovering a
highlight shows its messages, and the numbered list beside the text repeats them with
line and column. A summary table counts findings per article and per rule. Everything
from the checked texts is escaped, and the page loads nothing from anywhere.

Every highlight carries ``data-findings`` (the numbers of the findings it covers) so
tests can check that each finding is visible.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from .. import __version__
from ..findings import Category, Finding, Severity, Span
from ..report import Report
from . import RunResult

_CATEGORY_COLORS = {
    Category.BOILERPLATE: ("#ffd8a8", "#e8590c"),
    Category.FRAGMENT: ("#ffc9c9", "#e03131"),
    Category.CONSISTENCY: ("#a5d8ff", "#1971c2"),
    Category.CONTRADICTION: ("#e5dbff", "#7048e8"),
    Category.GRAMMAR: ("#b2f2bb", "#2f9e44"),
    Category.STYLE: ("#c3fae8", "#0c8599"),
}

_CSS = """
:root { --ink: #1d2125; --muted: #5c636a; --line: #dee2e6; --paper: #ffffff; --bg: #f4f5f7; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
       font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header.page { background: #212529; color: #f8f9fa; padding: 14px 24px; }
header.page h1 { margin: 0; font-size: 20px; font-weight: 600; }
header.page p { margin: 2px 0 0; color: #ced4da; font-size: 13px; }
main { padding: 16px 24px 40px; max-width: 1500px; margin: 0 auto; }
h2 { font-size: 17px; margin: 0 0 8px; word-break: break-all; }
table { border-collapse: collapse; background: var(--paper); font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f1f3f5; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.summary { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; margin-bottom: 20px; }
.legend { display: flex; flex-wrap: wrap; gap: 10px; margin: 0 0 16px; font-size: 13px; }
.legend span { padding: 1px 8px; border-radius: 3px; }
section.article { background: var(--paper); border: 1px solid var(--line); border-radius: 6px;
                  padding: 16px; margin-bottom: 20px; }
.counts { color: var(--muted); font-size: 13px; margin: 0 0 10px; }
.columns { display: grid; grid-template-columns: minmax(0, 3fr) minmax(280px, 2fr); gap: 20px; }
@media (max-width: 900px) { .columns { grid-template-columns: 1fr; } }
.source { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0;
          font: 15px/1.65 Georgia, "Times New Roman", serif; }
mark.nc { color: inherit; border-bottom: 2px solid; border-radius: 2px; padding: 0 1px; }
mark.nc:hover, mark.nc:target { outline: 2px solid #212529; }
mark.nc.point { padding: 0 2px; font-weight: 700; }
mark.rel { background: transparent; border-bottom: 2px dashed #868e96; }
sup.ref { font: 600 10px/1 -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--muted);
          margin-left: 1px; }
sup.ref a { color: inherit; text-decoration: none; }
ol.findings { margin: 0; padding: 0; list-style: none; font-size: 13px; }
ol.findings li { border-left: 4px solid; padding: 4px 8px; margin-bottom: 6px; background: #f8f9fa; }
ol.findings .where { color: var(--muted); font-variant-numeric: tabular-nums; }
ol.findings .code { font-weight: 700; }
ol.findings .excerpt { color: var(--muted); font-style: italic; display: block; overflow-wrap: anywhere; }
ol.findings .fix { color: #2b8a3e; display: block; }
.sev-error { font-weight: 700; color: #c92a2a; }
.sev-warning { color: #e67700; }
.sev-info { color: #1864ab; }
.clean { color: #2b8a3e; font-weight: 600; }
.errors { color: #c92a2a; font-size: 13px; }
details summary { cursor: pointer; color: var(--muted); font-size: 13px; }
details .source { margin-top: 8px; }
"""


def _category_css() -> str:
    rules = []
    for cat, (fill, edge) in _CATEGORY_COLORS.items():
        rules.append(f"mark.cat-{cat.value} {{ background: {fill}; border-color: {edge}; }}")
        rules.append(f"ol.findings li.cat-{cat.value} {{ border-color: {edge}; }}")
        rules.append(f".legend .cat-{cat.value} {{ background: {fill}; border-bottom: 2px solid {edge}; }}")
    return "\n".join(rules)


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _primary(findings: list[tuple[int, Finding]]) -> Finding:
    """The finding whose colour a shared stretch of text gets: most severe, then shortest."""
    return min(findings, key=lambda nf: (-nf[1].severity.rank, nf[1].end - nf[1].start, nf[0]))[1]


def _tooltip(items: list[tuple[int, Finding]]) -> str:
    return "\n".join(f"[{n}] {f.code} {f.name}: {f.message}" for n, f in items)


def _highlighted(report: Report, aid: str) -> str:
    """The article text with each finding (and related span) wrapped in <mark>."""
    text = report.text
    numbered = list(enumerate(report.findings, 1))
    related = [(n, span) for n, f in numbered for span in f.related if span.end > span.start]
    points = {0, len(text)}
    for _, f in numbered:
        points.update((f.start, f.end))
    for _, span in related:
        points.update((span.start, span.end))
    cuts = sorted(p for p in points if 0 <= p <= len(text))
    ends_at: dict[int, list[int]] = {}
    for n, f in numbered:
        if f.end > f.start:
            ends_at.setdefault(f.end, []).append(n)
    empty_at: dict[int, list[tuple[int, Finding]]] = {}
    for n, f in numbered:
        if f.end == f.start:
            empty_at.setdefault(f.start, []).append((n, f))
    starts_at: dict[int, list[tuple[int, Finding]]] = {}
    for n, f in numbered:
        if f.end > f.start:
            starts_at.setdefault(f.start, []).append((n, f))
    rel_starts: dict[int, list[tuple[int, Span]]] = {}
    for n, span in related:
        rel_starts.setdefault(span.start, []).append((n, span))
    active: dict[int, Finding] = {}  # findings covering the current stretch (a sweep, not a rescan)
    active_rel: list[tuple[int, Span]] = []
    anchored: set[int] = set()
    out: list[str] = []
    for a, b in zip(cuts, [*cuts[1:], None]):
        active = {n: f for n, f in active.items() if f.end > a}
        active.update(starts_at.get(a, ()))
        active_rel = [(n, s) for n, s in active_rel if s.end > a] + rel_starts.get(a, [])
        for n, f in empty_at.get(a, ()):
            out.append(
                f'<mark class="nc point cat-{f.category.value}" id="{aid}-f{n}" data-findings="{n}" '
                f'title="{_e(_tooltip([(n, f)]))}">⁁</mark>'
                f'<sup class="ref"><a href="#{aid}-l{n}">{n}</a></sup>'
            )
        if b is None:
            break
        piece = _e(text[a:b])
        covering = sorted(active.items())
        if covering:
            main = _primary(covering)
            ids = " ".join(str(n) for n, _ in covering)
            first = [n for n, f in covering if f.start == a and n not in anchored]
            anchored.update(first)
            out.extend(f'<span id="{aid}-f{n}"></span>' for n in first)
            out.append(
                f'<mark class="nc cat-{main.category.value} sev-{main.severity.value}" '
                f'data-findings="{ids}" title="{_e(_tooltip(covering))}">{piece}</mark>'
            )
        else:
            rel = sorted(active_rel, key=lambda item: item[0])
            if rel:
                label = "\n".join(f"[{n}] {s.label or 'related'}" for n, s in rel)
                out.append(
                    f'<mark class="rel" data-related="{" ".join(str(n) for n, _ in rel)}" '
                    f'title="{_e(label)}">{piece}</mark>'
                )
            else:
                out.append(piece)
        for n in ends_at.get(b, ()):
            out.append(f'<sup class="ref"><a href="#{aid}-l{n}">{n}</a></sup>')
    return "".join(out)


def _finding_list(report: Report, aid: str) -> str:
    items = []
    for n, f in enumerate(report.findings, 1):
        line, col = report.position(f.start)
        excerpt = " ".join(report.text[f.start : f.end].split())
        if len(excerpt) > 160:
            excerpt = excerpt[:157] + "…"
        fix = ""
        if f.fix is not None:
            fix = (
                f'<span class="fix">fix ({_e(f.fix.applicability.value)}): '
                f"{_e(f.fix.title or 'available')}</span>"
            )
        rel = "".join(
            f'<span class="excerpt">{_e(s.label or "related")} at '
            f"{':'.join(map(str, report.position(s.start)))}: "
            f"{_e(' '.join(report.text[s.start : s.end].split())[:120])}</span>"
            for s in f.related
        )
        items.append(
            f'<li class="cat-{f.category.value}" id="{aid}-l{n}">'
            f'<a href="#{aid}-f{n}">{n}.</a> <span class="where">{line}:{col}</span> '
            f'<span class="code">{_e(f.code)}</span> '
            f'<span class="sev-{f.severity.value}">{_e(f.severity.value)}</span> '
            f'{_e(f.message)} <span class="where">({_e(f.name)}, {_e(f.category.value)})</span>'
            f'<span class="excerpt">{_e(excerpt) if excerpt else "(at this point)"}</span>{rel}{fix}</li>'
        )
    return f'<ol class="findings">{"".join(items)}</ol>'


def _article(report: Report, index: int) -> str:
    aid = f"a{index}"
    name = report.path or "-"
    counts = Counter(f.severity for f in report.findings)
    if report.findings:
        summary = ", ".join(
            f"{counts[s]} {s.value}" for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s]
        )
        head = (
            f'<p class="counts">{len(report.findings)} finding{"s" * (len(report.findings) != 1)} ({summary})'
        )
    else:
        head = '<p class="counts"><span class="clean">No findings.</span>'
    if report.suppressed:
        head += f"; {report.suppressed} suppressed"
    head += "</p>"
    errors = "".join(
        f'<p class="errors">checker {_e(e.checker)} ({_e(e.kind)}): {_e(e.message)}</p>'
        for e in report.errors
    )
    if not report.findings:  # keep long runs scannable: a clean article's text is folded away
        return (
            f'<section class="article clean-article" id="{aid}"><h2>{_e(name)}</h2>{head}{errors}'
            "<details><summary>Show the text</summary>"
            f'<pre class="source">{_e(report.text)}</pre></details></section>'
        )
    return (
        f'<section class="article" id="{aid}"><h2>{_e(name)}</h2>{head}{errors}'
        f'<div class="columns"><pre class="source">{_highlighted(report, aid)}</pre>'
        f"<div>{_finding_list(report, aid)}</div></div></section>"
    )


def _summary(run: RunResult) -> str:
    cats = [c for c in Category]
    rows = []
    for i, report in enumerate(run.reports):
        by_cat = Counter(f.category for f in report.findings)
        by_sev = Counter(f.severity for f in report.findings)
        cells = "".join(f'<td class="num">{by_cat[c] or ""}</td>' for c in cats)
        rows.append(
            f'<tr><td><a href="#a{i}">{_e(report.path or "-")}</a></td>'
            f'<td class="num">{len(report.findings)}</td>'
            f'<td class="num">{by_sev[Severity.ERROR] or ""}</td>'
            f'<td class="num">{by_sev[Severity.WARNING] or ""}</td>'
            f'<td class="num">{by_sev[Severity.INFO] or ""}</td>{cells}</tr>'
        )
    head = "".join(f'<th class="num">{_e(c.value)}</th>' for c in cats)
    files = (
        '<table class="files"><thead><tr><th>article</th><th class="num">findings</th>'
        '<th class="num">error</th><th class="num">warning</th><th class="num">info</th>'
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    by_code = Counter((f.code, f.name, f.category.value) for r in run.reports for f in r.findings)
    rule_rows = "".join(
        f'<tr><td>{_e(code)}</td><td>{_e(name)}</td><td>{_e(cat)}</td><td class="num">{n}</td>'
        f"<td>{_e(run.rules[code].summary) if code in run.rules else ''}</td></tr>"
        for (code, name, cat), n in sorted(by_code.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    rules = (
        '<table class="rules"><thead><tr><th>rule</th><th>name</th><th>category</th>'
        '<th class="num">count</th>'
        f"<th>what it means</th></tr></thead><tbody>{rule_rows}</tbody></table>"
        if rule_rows
        else ""
    )
    return f'<div class="summary">{files}{rules}</div>'


def render(run: RunResult) -> str:
    total = sum(len(r.findings) for r in run.reports)
    files = len(run.reports)
    legend = "".join(f'<span class="cat-{c.value}">{_e(c.value)}</span>' for c in Category)
    articles = "".join(_article(r, i) for i, r in enumerate(run.reports))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="newscheck {_e(__version__)}">'
        f"<title>newscheck report: {total} finding{'s' * (total != 1)} in "
        f"{files} article{'s' * (files != 1)}</title>"
        f"<style>{_CSS}{_category_css()}</style></head><body>"
        f'<header class="page"><h1>newscheck report</h1><p>{total} finding{"s" * (total != 1)} in {files} '
        f"article{'s' * (files != 1)}; hover a highlight for its message, "
        "or follow its number to the list.</p></header>"
        f'<main><div class="legend">{legend}</div>{_summary(run)}{articles}</main></body></html>\n'
    )
