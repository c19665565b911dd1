"""The HTML report: self-contained, escaped, every finding highlighted; checked in headless Chromium."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newscheck import Category, Finding, Severity, Span
from newscheck.output import render
from newscheck.report import Report

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "putin-xi-beijing-summit.txt"
CHROMIUM = "/usr/bin/chromium"


class Marks(HTMLParser):
    """Collects, per article section, the finding numbers its highlights cover."""

    def __init__(self):
        super().__init__()
        self.sections: list[set[int]] = []
        self.external: list[str] = []
        self.text_in_source: list[str] = []
        self._in_source = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section":
            self.sections.append(set())
        if tag == "mark" and a.get("data-findings"):
            self.sections[-1].update(int(n) for n in a["data-findings"].split())
        for key in ("src", "href"):
            if a.get(key) and not a[key].startswith("#"):
                self.external.append(a[key])
        if tag in ("script", "link", "img", "iframe"):
            self.external.append(tag)
        if tag == "pre":
            self._in_source += 1

    def handle_endtag(self, tag):
        if tag == "pre":
            self._in_source -= 1

    def handle_data(self, data):
        if self._in_source:
            self.text_in_source.append(data)


def fnd(code, start, end, cat=Category.FRAGMENT, sev=Severity.WARNING, msg="m", related=()):
    return Finding(code, code.lower(), cat, sev, start, end, msg, related=tuple(related))


def test_every_finding_is_highlighted_and_the_text_survives_intact(make_run):
    text = 'A <script>alert("x")</script> & "quoted" text.\nSecond line: one. . two\n\nEnd'
    findings = (
        fnd("NC101", 2, 31, Category.BOILERPLATE, Severity.ERROR, msg='<b onmouseover="x">'),
        fnd("NC206", text.index(". ."), text.index(". .") + 3),
        fnd("NC301", 10, 20, Category.CONSISTENCY, related=[Span(len(text) - 3, len(text), "other")]),
        fnd("NC999", 5, 5, Category.STYLE),  # an empty span: an insertion point
    )
    page = render("html", make_run(Report(text=text, findings=findings, path="<a&b>.txt")))
    parser = Marks()
    parser.feed(page)
    assert parser.sections == [{1, 2, 3, 4}]
    # Unescaped, the source block is exactly the text plus the reference numbers and markers.
    source = re.sub(
        r"<sup class=\"ref\">.*?</sup>", "", page.split('<pre class="source">')[1].split("</pre>")[0]
    )
    source = re.sub(r'<mark class="nc point[^>]*>⁁</mark>', "", source)
    from html import unescape

    assert unescape(re.sub(r"<[^>]+>", "", source)) == text
    assert "<script>" not in page and "<b onmouseover" not in page and "&lt;a&amp;b&gt;.txt" in page
    assert parser.external == []


def test_clean_run_and_summary_table(make_run):
    page = render("html", make_run(Report(text="Fine.", path="a.txt")))
    assert "No findings." in page and "0 findings in 1 article" in page
    assert '<details><summary>Show the text</summary><pre class="source">Fine.</pre></details>' in page


def _chromium(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *args,
    ]
    env = dict(os.environ, HOME=str(tmp_path))
    return subprocess.run(cmd, capture_output=True, timeout=120, env=env)


@pytest.mark.browser
@pytest.mark.skipif(
    not os.path.exists(CHROMIUM),
    reason=f"headless browser test needs {CHROMIUM} "
    "(Debian package 'chromium'; .ci/run installs it when it can)",
)
def test_seed_report_renders_in_chromium_with_every_finding_highlighted(tmp_path):
    report = tmp_path / "seed-report.html"
    proc = subprocess.run(
        [sys.executable, "-m", "newscheck", "check", "--format", "html", "-o", str(report), str(SEED)],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode in (0, 1), proc.stderr.decode()
    dom = _chromium("--dump-dom", report.as_uri(), tmp_path=tmp_path)
    assert dom.returncode == 0, dom.stderr.decode()[-2000:]
    parser = Marks()
    parser.feed(dom.stdout.decode())
    n = len(re.findall(r'<li class="cat-', report.read_text(encoding="utf-8")))
    assert n > 0 and parser.sections == [set(range(1, n + 1))]
    shot = tmp_path / "seed.png"
    proc = _chromium(
        f"--screenshot={shot}",
        "--window-size=1400,2400",
        "--hide-scrollbars",
        report.as_uri(),
        tmp_path=tmp_path,
    )
    assert proc.returncode == 0 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 50_000  # a rendered page, not a blank one


def test_overlapping_related_spans_and_many_findings(make_run):
    text = "abcdefghij" * 300
    findings = tuple(
        fnd("NC206", i, i + 4, related=[Span(i + 1, i + 6, "a"), Span(i + 2, i + 3, "b")])
        for i in range(0, len(text) - 10, 3)
    )
    page = render("html", make_run(Report(text=text, findings=findings, path="a.txt")))
    parser = Marks()
    parser.feed(page)
    assert parser.sections == [set(range(1, len(findings) + 1))]
