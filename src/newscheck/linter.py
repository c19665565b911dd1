"""Linter: checkers built once from a config, run over many texts.

``newscheck.check(text)`` is a thin convenience over ``Linter().check(text)``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .checker import Checker
from .config import Config, coerce_config
from .document import Document
from .errors import BackendUnavailable, ConfigError, NewscheckError
from .findings import Finding
from .formats import detect_format
from .registry import Registry
from .report import CheckerError, Report
from .rules import Rule
from .suppress import Baseline, inline_suppressions, is_ignored, matches_any, per_file_codes

__all__ = ["Linter", "check"]


def _selector_matches(selector: str, rule: Rule, checker: str) -> bool:
    s = selector.strip()
    if not s:
        return False
    return (
        s.upper() == "ALL"
        or rule.code.upper().startswith(s.upper())
        or s.lower() in (rule.name, rule.category.value, checker.lower())
    )


class Linter:
    """Checkers built once with their options, reusable across many texts.

    >>> linter = Linter(select=["boilerplate"])
    >>> report = linter.check("Some article text.")
    """

    def __init__(
        self,
        *,
        config: Config | Mapping[str, Any] | str | os.PathLike[str] | None = None,
        select: Sequence[str] | str | None = None,
        ignore: Sequence[str] | str | None = None,
        extend_select: Sequence[str] | str | None = None,
        registry: Registry | None = None,
    ):
        self.registry = registry or Registry.default()
        base = coerce_config(config)
        #: Plain data that rebuilds this Linter in a worker process (see :meth:`check_many`).
        self.spec: dict[str, Any] = {
            "config": base,
            "select": None if select is None else _as_tuple(select),
            "ignore": None if ignore is None else _as_tuple(ignore),
            "extend_select": None if extend_select is None else _as_tuple(extend_select),
            "registry": None
            if registry is None or registry is Registry.default()
            else Registry(builtins=dict(registry.builtins), plugins=registry.plugins,
                          search_path=None if registry.search_path is None else list(registry.search_path)),
        }
        self.config = base.merged(
            select=None if select is None else _as_tuple(select),
            ignore=None if ignore is None else base.ignore + _as_tuple(ignore),
            extend_select=None if extend_select is None else base.extend_select + _as_tuple(extend_select),
        )
        explicit = _as_tuple(select) + _as_tuple(extend_select)
        classes, load_errors = self.registry.load()
        self.load_errors: list[CheckerError] = [CheckerError(e.plugin, str(e), "load") for e in load_errors]
        self._check_selectors(classes)
        self.enabled_rules: dict[str, Rule] = {}
        self.checkers: list[Checker] = []
        for cls in classes:
            rules = [r for r in cls.rules if self._enabled(r, cls.name)]
            options = self.config.checkers.get(cls.name, {})
            if not rules:
                if options:
                    cls.validate_options(options)  # a typo in an unused table is still an error
                continue
            try:
                checker = cls(options, base_dir=self.config.base_dir)
            except BackendUnavailable as exc:
                if any(_selector_matches(s, r, cls.name) for s in explicit for r in rules):
                    raise
                self.load_errors.append(CheckerError(cls.name, str(exc), "backend"))
                continue
            except NewscheckError:
                raise
            except Exception as exc:  # a third-party checker's constructor
                self.load_errors.append(CheckerError(cls.name, f"{type(exc).__name__}: {exc}", "load"))
                continue
            self.checkers.append(checker)
            self.enabled_rules.update((r.code, r) for r in rules)
        self._baseline = Baseline.load(self.config.baseline) if self.config.baseline else None

    def _enabled(self, rule: Rule, checker: str) -> bool:
        cfg = self.config
        if cfg.select is None:
            on = rule.default
        else:
            on = any(_selector_matches(s, rule, checker) for s in cfg.select)
        on = on or any(_selector_matches(s, rule, checker) for s in cfg.extend_select)
        return on and not any(_selector_matches(s, rule, checker) for s in cfg.ignore)

    def _check_selectors(self, classes: Iterable[type[Checker]]) -> None:
        pairs = [(r, c.name) for c in classes for r in c.rules]
        cfg = self.config
        for selector in (*(cfg.select or ()), *cfg.extend_select, *cfg.ignore):
            if not any(_selector_matches(selector, r, name) for r, name in pairs):
                families = sorted({r.category.value for r, _ in pairs} | {n for _, n in pairs})
                raise ConfigError(
                    f"unknown rule selector {selector!r}; use a code or code prefix (NC1, NC101), "
                    f"a rule name, or a family: {', '.join(families)} (see 'newscheck rules')"
                )

    @property
    def rules(self) -> list[Rule]:
        return sorted(self.enabled_rules.values(), key=lambda r: r.code)

    def check(self, text: str, *, path: str | None = None, format: str | None = None) -> Report:
        """Check one text. ``path`` names it in reports and picks per-file ignores and format."""
        if not isinstance(text, str):
            raise TypeError(f"newscheck checks str, not {type(text).__name__}; decode bytes first")
        fmt = format or detect_format(path, self.config.input_format)
        return self.check_document(Document(text, path=path, format=fmt))

    def check_many(
        self,
        texts_or_records: Iterable[Any],
        *,
        jobs: int | None = 1,
        chunksize: int | None = None,
        mp_context: str | None = None,
    ) -> list[Report]:
        """Check many texts; the reports come back in input order.

        A record is a ``str``, an ``(id, text)`` pair or a mapping with ``text`` (and ``id``,
        ``path``, ``format``); the id names the report. ``jobs`` > 1 checks in that many
        processes (0: one per CPU): under ``fork``, this one and forked workers that use
        this Linter as it is (unless a checker holds a backend connection); under
        ``spawn`` (``mp_context="spawn"``), a pool of workers that each rebuild it once from
        :attr:`spec` (a config, selection and registry are all plain data).
        """
        from .batch import iter_reports

        return list(iter_reports(self, texts_or_records, jobs=jobs, chunksize=chunksize, mp_context=mp_context))

    def check_document(self, doc: Document) -> Report:
        return self.check_documents([doc])[0]

    def check_documents(self, docs: Sequence[Document]) -> list[Report]:
        """Reports for several Documents, in order: each the report :meth:`check_document`
        gives. Each checker runs over all of them before the next one starts, so its code
        and data stay in the processor's caches: on many articles this is about a fifth
        faster than one article at a time (``check_many`` and the batch functions use it).
        """
        found: list[list[Finding]] = [[] for _ in docs]
        external: list[list[Finding]] = [[] for _ in docs]
        errors: list[list[CheckerError]] = [list(self.load_errors) for _ in docs]
        enabled = self.enabled_rules
        for checker in self.checkers:
            for i, doc in enumerate(docs):
                try:
                    produced = list(checker.check(doc))
                except NewscheckError as exc:  # e.g. a LanguageTool server that went away
                    errors[i].append(CheckerError(checker.name, str(exc), "crash"))
                    continue
                except Exception as exc:  # one broken checker must not sink the run
                    errors[i].append(CheckerError(checker.name, f"{type(exc).__name__}: {exc}", "crash"))
                    continue
                size = len(doc.text)
                into = external[i] if checker.needs_backend else found[i]
                for f in produced:
                    if f.code not in enabled:
                        continue
                    if f.end > size:
                        errors[i].append(
                            CheckerError(checker.name, f"{f.code} reported a span past the end of the text", "crash")
                        )
                        continue
                    into.append(f)
        return [self._report(doc, found[i], external[i], errors[i]) for i, doc in enumerate(docs)]

    def _report(
        self, doc: Document, findings: list[Finding], external: list[Finding], errors: list[CheckerError]
    ) -> Report:
        text = doc.text
        findings = _dedupe(findings, external)
        total = len(findings)
        scopes = inline_suppressions(doc)
        ignored_here = per_file_codes(doc.path, dict(self.config.per_file_ignores))
        kept = [f for f in findings if not is_ignored(f, scopes) and not matches_any(f, ignored_here)]
        if self._baseline is not None:
            kept = self._baseline.filter(doc.path, sorted(kept, key=lambda f: f.sort_key), text)
        return Report(text=text, findings=tuple(kept), errors=tuple(errors), path=doc.path, suppressed=total - len(kept))


def _dedupe(findings: list[Finding], external: list[Finding]) -> list[Finding]:
    """Drop exact repeats, and backend findings (LanguageTool) on a span already reported."""
    seen: set[tuple[str, int, int]] = set()
    own_spans = {(f.start, f.end) for f in findings}
    out = []
    for f in findings + [f for f in external if (f.start, f.end) not in own_spans]:
        key = (f.code, f.start, f.end)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


def _as_tuple(value: Sequence[str] | str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = value.split(",")
    return tuple(v.strip() for v in value if v and v.strip())


def check(
    text: str,
    *,
    config: Config | Mapping[str, Any] | str | os.PathLike[str] | None = None,
    select: Sequence[str] | str | None = None,
    ignore: Sequence[str] | str | None = None,
) -> Report:
    """Check ``text`` with the default checkers (or ``select``/``ignore``) and return a Report.

    Builds a :class:`Linter` each call; build one yourself to check many texts.
    """
    return Linter(config=config, select=select, ignore=ignore).check(text)
