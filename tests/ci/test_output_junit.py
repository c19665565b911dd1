"""JUnit XML: parses, counts failures by --fail-on, survives control characters."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from newscheck import Category, Finding, Severity
from newscheck.output import render
from newscheck.report import CheckerError, Report


def f(code, sev, start, end, msg="m"):
    return Finding(code, "rule-" + code.lower(), Category.FRAGMENT, sev, start, end, msg)


def test_failures_follow_fail_on_and_clean_files_pass(make_run):
    text = "Bad. . Worse\x0b here <&>\n"
    dirty = Report(
        text=text,
        findings=(f("NC206", Severity.WARNING, 3, 6, 'a "quote" <b>'), f("NC207", Severity.INFO, 0, 3)),
        path="a.txt",
    )
    clean = Report(text="Fine.", path="b.txt")
    crashed = Report(text="x", path="c.txt", errors=(CheckerError("acme", "boom\x00", "crash"),))
    root = ET.fromstring(render("junit", make_run(dirty, clean, crashed)))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "1", "1")
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    a = suites["a.txt"]
    cases = a.findall("testcase")
    assert [c.get("name") for c in cases] == ["NC207 rule-nc207 at 1:1", "NC206 rule-nc206 at 1:4"]
    failure = cases[1].find("failure")
    assert failure.get("message") == 'a "quote" <b>' and failure.get("type") == "NC206"
    assert "a.txt:1:4: NC206 [warning]" in failure.text
    assert cases[0].find("failure") is None and "NC207" in cases[0].find("system-out").text
    assert suites["b.txt"].get("tests") == "1" and suites["b.txt"].find("testcase/failure") is None
    assert suites["c.txt"].find("testcase/error").get("message") == "boom\ufffd"


def test_fail_on_info_makes_every_finding_a_failure(make_run):
    report = Report(text="abc", findings=(f("NC207", Severity.INFO, 0, 1),), path="a.txt")
    root = ET.fromstring(render("junit", make_run(report, fail_on="info")))
    assert root.get("failures") == "1"
