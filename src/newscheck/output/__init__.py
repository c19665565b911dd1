"""Formatters: turn a run's reports into text for a terminal, a machine or an editor.

Each formatter module exposes ``render(run: RunResult) -> str``. They are looked up
by name and imported only when used.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..errors import UsageError
from ..report import Report
from ..rules import Rule

__all__ = ["FORMATTERS", "RunResult", "render"]

#: format name -> module under newscheck.output
FORMATTERS: dict[str, str] = {
    "text": "text",
    "json": "json",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "html": "html",
}


@dataclass
class RunResult:
    """Everything a formatter may show: one report per checked text, in input order."""

    reports: Sequence[Report]
    rules: dict[str, Rule] = field(default_factory=dict)
    color: bool = False
    statistics: bool = False
    show_source: bool = True
    fixed: dict[str, int] = field(default_factory=dict)
    fail_on: str = "warning"


def render(fmt: str, run: RunResult) -> str:
    if fmt not in FORMATTERS:
        raise UsageError(f"unknown output format {fmt!r}; valid formats: {', '.join(FORMATTERS)}")
    module = importlib.import_module(f"{__name__}.{FORMATTERS[fmt]}")
    return module.render(run)
