"""newscheck as a datatrove filter: findings into ``doc.metadata``, rule counts into stats.

Needs ``pip install 'newscheck[datatrove]'``. This module is ``newscheck.datatrove``; its
``import datatrove`` is absolute, so it reaches the datatrove package, never itself.

    >>> from newscheck.datatrove import NewscheckFilter  # doctest: +SKIP
    >>> step = NewscheckFilter(drop_categories=["boilerplate"], drop_severity="error")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .errors import BackendUnavailable, UsageError
from .findings import Category, Severity

try:
    from datatrove.pipeline.filters.base_filter import BaseFilter
except ImportError:  # pragma: no cover - depends on the environment
    raise BackendUnavailable("newscheck.datatrove needs datatrove: pip install 'newscheck[datatrove]'") from None

__all__ = ["NewscheckFilter"]


class NewscheckFilter(BaseFilter):
    """Checks each document's text; keeps it unless a finding crosses the drop threshold.

    Every kept (and dropped) document gets ``metadata[metadata_key]``: a list of findings
    as plain dicts (:meth:`newscheck.Finding.to_dict` plus ``line``/``column``). Stats count
    documents with findings, findings per rule code (``NC101``) and per category.

    A document is dropped, with reason ``newscheck_<code>`` of its first qualifying
    finding, when a finding's category is in ``drop_categories`` (``None``: any category)
    and its severity is at least ``drop_severity`` (``None``: never drop).
    ``linter_opts`` (``select``, ``ignore``, ``config``) go to the Linter, which each
    worker builds once, on the first document.
    """

    name = "📰 newscheck"

    def __init__(
        self,
        *,
        drop_categories: Sequence[str] | None = None,
        drop_severity: str | None = None,
        metadata_key: str = "newscheck",
        exclusion_writer=None,
        **linter_opts: Any,
    ):
        super().__init__(exclusion_writer=exclusion_writer)
        if drop_severity is not None:
            try:
                Severity(drop_severity)
            except ValueError:
                valid = ", ".join(s.value for s in Severity)
                raise UsageError(f"drop_severity {drop_severity!r} is not one of: {valid}") from None
        valid_categories = {c.value for c in Category}
        for c in drop_categories or ():
            if c not in valid_categories:
                raise UsageError(f"drop category {c!r} is not one of: {', '.join(sorted(valid_categories))}")
        self.drop_categories = None if drop_categories is None else tuple(drop_categories)
        self.drop_severity = drop_severity
        self.metadata_key = metadata_key
        self.linter_opts = dict(linter_opts)
        self._linter = None  # built lazily in the worker; never pickled

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_linter"] = None
        return state

    @property
    def linter(self):
        if self._linter is None:
            from .batch import linter_for

            self._linter = linter_for(**self.linter_opts)
        return self._linter

    def filter(self, doc) -> bool | tuple[bool, str]:
        report = self.linter.check(doc.text or "")
        found = []
        for f in report.findings:
            d = f.to_dict()
            d["line"], d["column"] = report.position(f.start)
            found.append(d)
            self.stat_update(f.code)
            self.stat_update(f"category_{f.category.value}")
        for e in report.errors:
            if e.kind == "crash":
                self.stat_update(f"checker_crash_{e.checker}")
        doc.metadata[self.metadata_key] = found
        if found:
            self.stat_update("docs_with_findings")
        if self.drop_severity is not None:
            floor = Severity(self.drop_severity).rank
            for f in report.findings:
                if f.severity.rank >= floor and (
                    self.drop_categories is None or f.category.value in self.drop_categories
                ):
                    return False, f"newscheck_{f.code}"
        return True
