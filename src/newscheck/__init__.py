"""newscheck: checks news-article text for boilerplate, fragments, inconsistencies and contradictions.

    >>> import newscheck
    >>> report = newscheck.check("CLICK HERE TO GET THE FOX NEWS APP")
    >>> [f.code for f in report.findings]  # doctest: +SKIP
    ['NC101']
"""

from __future__ import annotations

from .checker import Checker
from .config import Config, load_config
from .document import Document, Paragraph
from .errors import (
    BackendUnavailable,
    ConfigError,
    InputError,
    NewscheckError,
    PluginLoadError,
    UsageError,
)
from .findings import Applicability, Category, Edit, Finding, Fix, Severity, Span
from .fixes import apply_fixes
from .linter import Linter, check
from .registry import Registry
from .report import CheckerError, Report
from .rules import Rule

__version__ = "0.1.0"

__all__ = [
    "Applicability",
    "BackendUnavailable",
    "Category",
    "Checker",
    "CheckerError",
    "Config",
    "ConfigError",
    "Document",
    "Edit",
    "Finding",
    "Fix",
    "InputError",
    "Linter",
    "NewscheckError",
    "Paragraph",
    "PluginLoadError",
    "Registry",
    "Report",
    "Rule",
    "Severity",
    "Span",
    "UsageError",
    "__version__",
    "apply_fixes",
    "check",
    "load_config",
]
