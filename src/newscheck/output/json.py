"""JSON output: versioned (``schema_version``), one entry per report; see docs/json-schema.json."""

from __future__ import annotations

import json
from collections import Counter

from .. import __version__
from ..report import SCHEMA_VERSION
from . import RunResult


def to_data(run: RunResult) -> dict:
    severities = Counter(f.severity.value for r in run.reports for f in r.findings)
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "newscheck", "version": __version__},
        "reports": [r.to_dict() for r in run.reports],
        "summary": {
            "files": len(run.reports),
            "findings": sum(len(r.findings) for r in run.reports),
            "by_severity": {s: severities.get(s, 0) for s in ("error", "warning", "info")},
            "by_code": dict(sorted(Counter(f.code for r in run.reports for f in r.findings).items())),
            "suppressed": sum(r.suppressed for r in run.reports),
            "errors": sum(len(r.errors) for r in run.reports),
        },
    }


def render(run: RunResult) -> str:
    return json.dumps(to_data(run), ensure_ascii=False, indent=2) + "\n"
