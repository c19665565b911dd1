"""JUnit XML output: one test suite per checked text, one test case per finding.

Findings at or above ``--fail-on`` are ``<failure>``s; those below it pass and are
listed in ``<system-out>``. A checker that crashed is an ``<error>``. A clean text is one
passing test case, so CI dashboards count checked articles.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import regex

from ..findings import Severity
from . import RunResult

# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = regex.compile(r"[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def render(run: RunResult) -> str:
    fail_rank = Severity(run.fail_on).rank
    root = ET.Element("testsuites", name="newscheck")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for report in run.reports:
        name = _clean(report.path or "-")
        suite = ET.SubElement(root, "testsuite", name=name)
        counts = {"tests": 0, "failures": 0, "errors": 0}
        for f in report.findings:
            line, col = report.position(f.start)
            case = ET.SubElement(
                suite, "testcase", classname=name, name=_clean(f"{f.code} {f.name} at {line}:{col}")
            )
            excerpt = " ".join(report.text[f.start : f.end].split())
            body = _clean(f"{name}:{line}:{col}: {f.code} [{f.severity.value}] {f.message}\n{excerpt}\n")
            counts["tests"] += 1
            if f.severity.rank >= fail_rank:
                counts["failures"] += 1
                failure = ET.SubElement(case, "failure", type=f.code, message=_clean(f.message))
                failure.text = body
            else:
                ET.SubElement(case, "system-out").text = body
        for e in report.errors:
            if e.kind not in ("load", "crash"):
                continue
            case = ET.SubElement(suite, "testcase", classname=name, name=_clean(f"checker {e.checker}"))
            ET.SubElement(case, "error", type=e.kind, message=_clean(e.message)).text = _clean(e.message)
            counts["tests"] += 1
            counts["errors"] += 1
        if counts["tests"] == 0:
            ET.SubElement(suite, "testcase", classname=name, name="newscheck")
            counts["tests"] = 1
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
        suite.set("skipped", "0")
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
