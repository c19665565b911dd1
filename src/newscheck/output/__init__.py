"""Formatters: turn a run's reports into text for a terminal, a machine or an editor.

Each formatter module exposes ``render(run: RunResult) -> str``. They are looked up
by name and imported only when used.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..errors import UsageError
from ..report import Report
from ..rules import Rule

__all__ = ["FORMATTERS", "RunResult", "checkout_path", "render"]

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


def checkout_path(path: str) -> str:
    """``path`` relative to the working directory (the CI checkout) when it lies inside it,
    ``/``-separated and without a leading ``./``; paths outside stay absolute."""
    if os.path.isabs(path):
        try:
            rel = os.path.relpath(path)
        except ValueError:  # another drive on Windows
            rel = ".."
        path = path if rel.startswith("..") else rel
    norm = path.replace(os.sep, "/")
    while norm.startswith("./"):
        norm = norm[2:]
    return norm


def render(fmt: str, run: RunResult) -> str:
    if fmt not in FORMATTERS:
        raise UsageError(f"unknown output format {fmt!r}; valid formats: {', '.join(FORMATTERS)}")
    module = importlib.import_module(f"{__name__}.{FORMATTERS[fmt]}")
    return module.render(run)
