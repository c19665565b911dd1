"""SARIF 2.1.0 output, for code-scanning tools (GitHub code scanning, IDE viewers).

Columns and character offsets count Unicode code points, as newscheck's own positions do,
so the run says ``"columnKind": "unicodeCodePoints"``. A JSON/JSONL record's findings
point at the record's file with a logical location naming the record, and carry their
record-relative line and column in ``properties``.
"""

from __future__ import annotations

import json
import os
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..findings import Finding, Severity
from ..formats import split_record_path
from ..report import Report
from ..rules import Rule
from ..suppress import fingerprint
from . import RunResult, checkout_path

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str | None) -> str:
    """A relative, ``/``-separated, percent-encoded URI reference for a checked file."""
    if not path or path == "-":
        return "stdin"
    norm = checkout_path(path)  # relative to the working directory (the checkout) when inside it
    if os.path.isabs(norm) or norm.startswith("/"):
        return "file://" + quote(norm if norm.startswith("/") else "/" + norm)
    return quote(norm)


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.rationale or rule.summary},
        "help": {"text": help_text(rule), "markdown": help_markdown(rule)},
        "defaultConfiguration": {"level": _LEVEL[rule.severity], "enabled": rule.default},
        "properties": {
            "category": rule.category.value,
            "fixable": rule.fixable,
            "tags": [rule.category.value],
        },
    }


def help_text(rule: Rule) -> str:
    parts = [rule.summary]
    if rule.rationale:
        parts.append(rule.rationale)
    if rule.failing:
        parts.append("Flagged:\n" + "\n".join(f"  {ex}" for ex in rule.failing))
    if rule.passing:
        parts.append("Not flagged:\n" + "\n".join(f"  {ex}" for ex in rule.passing))
    return "\n\n".join(parts)


def help_markdown(rule: Rule) -> str:
    parts = [f"**{rule.code} ({rule.name})**: {rule.summary}"]
    if rule.rationale:
        parts.append(rule.rationale)
    for title, examples in (("Flagged", rule.failing), ("Not flagged", rule.passing)):
        if examples:
            blocks = "\n".join(f"```text\n{ex}\n```" for ex in examples)
            parts.append(f"{title}:\n\n{blocks}")
    return "\n\n".join(parts)


def _fallback_rule(finding: Finding) -> Rule:
    return Rule(
        code=finding.code,
        name=finding.name,
        category=finding.category,
        summary=finding.name.replace("-", " "),
        severity=finding.severity,
    )


def _region(report: Report, start: int, end: int, *, snippet: bool = True) -> dict[str, Any]:
    line, col = report.position(start)
    end_line, end_col = report.position(end)
    region: dict[str, Any] = {
        "startLine": line,
        "startColumn": col,
        "endLine": end_line,
        "endColumn": end_col,
        "charOffset": start,
        "charLength": end - start,
    }
    if snippet and end > start:
        region["snippet"] = {"text": report.text[start:end]}
    return region


def _location(
    report: Report, uri: str, record: tuple[str, str] | None, start: int, end: int, **extra: Any
) -> dict[str, Any]:
    loc: dict[str, Any] = dict(extra)
    if record is None:
        loc["physicalLocation"] = {"artifactLocation": {"uri": uri}, "region": _region(report, start, end)}
    else:
        loc["physicalLocation"] = {"artifactLocation": {"uri": uri}}
        loc["logicalLocations"] = [{"name": record[1], "fullyQualifiedName": report.path, "kind": "object"}]
    return loc


def _result(
    report: Report, finding: Finding, rule_index: int, uri: str, record: tuple[str, str] | None
) -> dict[str, Any]:
    line, col = report.position(finding.start)
    props: dict[str, Any] = {
        "category": finding.category.value,
        "severity": finding.severity.value,
        "confidence": finding.confidence,
    }
    if record is not None:
        end_line, end_col = report.position(finding.end)
        props.update(
            record=record[1],
            line=line,
            column=col,
            endLine=end_line,
            endColumn=end_col,
            start=finding.start,
            end=finding.end,
        )
    if finding.extra:
        props["extra"] = dict(finding.extra)
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": _LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(report, uri, record, finding.start, finding.end)],
        "partialFingerprints": {"newscheckFingerprint/v1": fingerprint(finding, report.text)},
        "properties": props,
    }
    if finding.related:
        result["relatedLocations"] = [
            _location(
                report, uri, record, span.start, span.end, id=i, message={"text": span.label or "related"}
            )
            for i, span in enumerate(finding.related, 1)
        ]
    if finding.fix is not None and record is None:
        result["fixes"] = [
            {
                "description": {"text": f"{finding.fix.title or 'Fix'} ({finding.fix.applicability.value})"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": uri},
                        "replacements": [
                            {
                                "deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                                "insertedContent": {"text": e.replacement},
                            }
                            for e in finding.fix.edits
                        ],
                    }
                ],
            }
        ]
    return result


def to_data(run: RunResult) -> dict[str, Any]:
    rules: dict[str, Rule] = dict(run.rules)
    for report in run.reports:
        for f in report.findings:
            rules.setdefault(f.code, _fallback_rule(f))
    ordered = sorted(rules.values(), key=lambda r: r.code)
    index = {r.code: i for i, r in enumerate(ordered)}
    results = []
    artifacts: dict[str, int] = {}
    notifications = []
    seen_errors: set[tuple[str, str]] = set()
    for report in run.reports:
        record = split_record_path(report.path)
        uri = artifact_uri(record[0] if record else report.path)
        artifacts.setdefault(uri, len(artifacts))
        for f in report.findings:
            results.append(_result(report, f, index[f.code], uri, record))
        for e in report.errors:
            if (e.checker, e.message) in seen_errors:
                continue
            seen_errors.add((e.checker, e.message))
            notifications.append(
                {
                    "level": "note" if e.kind == "backend" else "error",
                    "message": {"text": f"checker {e.checker!r} ({e.kind}): {e.message}"},
                }
            )
    invocation: dict[str, Any] = {
        "executionSuccessful": not any(e.kind in ("load", "crash") for r in run.reports for e in r.errors),
    }
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "newscheck",
                        "version": __version__,
                        "rules": [_rule_descriptor(r) for r in ordered],
                    }
                },
                "invocations": [invocation],
                "artifacts": [{"location": {"uri": uri}} for uri in artifacts],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render(run: RunResult) -> str:
    return json.dumps(to_data(run), ensure_ascii=False, indent=2) + "\n"
