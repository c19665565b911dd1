"""Report: the findings for one text (sorted by start, then code) and the checker errors."""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .findings import Finding

__all__ = ["CheckerError", "Report", "SCHEMA_VERSION"]

#: Version of the JSON document written by :meth:`Report.to_dict`; see docs/json-schema.json.
SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class CheckerError:
    """A checker that failed to load or raised while checking; the others still ran."""

    checker: str
    message: str
    #: ``"load"`` (plugin import), ``"crash"`` (raised in check) or ``"backend"`` (unavailable).
    kind: str = "crash"

    def to_dict(self) -> dict[str, str]:
        return {"checker": self.checker, "message": self.message, "kind": self.kind}


@dataclass(frozen=True)
class Report:
    """What newscheck found in one text."""

    text: str = field(repr=False)
    findings: tuple[Finding, ...] = ()
    errors: tuple[CheckerError, ...] = ()
    path: str | None = None
    #: Findings hidden by inline comments, per-file ignores or the baseline.
    suppressed: int = 0

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.findings, key=lambda f: f.sort_key))
        object.__setattr__(self, "findings", ordered)

    def __iter__(self):
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __bool__(self) -> bool:
        return True

    @cached_property
    def _line_starts(self) -> list[int]:
        from .document import Document

        return Document(self.text).line_starts

    def position(self, offset: int | Finding) -> tuple[int, int]:
        """1-based (line, column) of an offset or a finding's start; columns count characters."""
        if isinstance(offset, Finding):
            offset = offset.start
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def end_position(self, finding: Finding) -> tuple[int, int]:
        """1-based (line, column) just past the finding's end."""
        return self.position(finding.end)

    def by_code(self, code: str) -> list[Finding]:
        return [f for f in self.findings if f.code.startswith(code)]

    def excerpt(self, finding: Finding) -> str:
        return self.text[finding.start : finding.end]

    def to_dict(self) -> dict[str, Any]:
        findings = []
        for f in self.findings:
            d = f.to_dict()
            (d["line"], d["column"]) = self.position(f.start)
            (d["end_line"], d["end_column"]) = self.position(f.end)
            findings.append(d)
        return {
            "schema_version": SCHEMA_VERSION,
            "path": self.path,
            "findings": findings,
            "errors": [e.to_dict() for e in self.errors],
            "suppressed": self.suppressed,
        }

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, text: str) -> Report:
        if data.get("schema_version") != SCHEMA_VERSION:
            raise ValueError(f"unsupported schema_version {data.get('schema_version')!r}")
        return cls(
            text=text,
            findings=tuple(Finding.from_dict(f) for f in data["findings"]),
            errors=tuple(CheckerError(**e) for e in data.get("errors", ())),
            path=data.get("path"),
            suppressed=data.get("suppressed", 0),
        )

    @classmethod
    def from_json(cls, raw: str, *, text: str) -> Report:
        return cls.from_dict(json.loads(raw), text=text)
