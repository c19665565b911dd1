"""The ``newscheck`` command: ``check`` files, list ``rules``, ``explain`` a rule.

Exit codes: 0 nothing at or above ``--fail-on``; 1 failing findings; 2 a usage, config,
input or plugin error (always one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import difflib
import fnmatch
import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from . import __version__
from .config import Config, find_config, load_config
from .errors import NewscheckError, UsageError
from .findings import Severity
from .fixes import fix_until_stable, write_atomic
from .formats import INPUT_FORMATS, RECORD_FORMATS, detect_format, iter_records
from .linter import Linter
from .output import FORMATTERS, RunResult, render
from .registry import Registry
from .report import Report
from .suppress import Baseline

__all__ = ["main"]

COMMANDS = ("check", "rules", "explain")
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad option in one line and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newscheck",
        description="Check news-article text for boilerplate, fragments, inconsistencies and contradictions.",
    )
    parser.add_argument("--version", action="version", version=f"newscheck {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    check = sub.add_parser("check", help="check files, directories or stdin ('-')")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or directories; '-' reads stdin")
    check.add_argument("--format", default="text", choices=sorted(FORMATTERS), help="output format")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    check.add_argument("--select", type=_csv, metavar="RULES", help="rules to enable (codes, prefixes, names, families)")
    check.add_argument("--extend-select", type=_csv, metavar="RULES", help="rules to enable on top of the defaults")
    check.add_argument("--ignore", type=_csv, metavar="RULES", help="rules to disable")
    check.add_argument("--fail-on", choices=[s.value for s in Severity], help="lowest severity that fails (default: warning)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail")
    check.add_argument("--statistics", action="store_true", help="show counts per rule")
    check.add_argument("--config", metavar="FILE", help="config file (default: nearest newscheck.toml / pyproject.toml)")
    check.add_argument("--isolated", action="store_true", help="ignore all config files")
    check.add_argument("--input-format", choices=INPUT_FORMATS, help="force the input format (default: by extension)")
    check.add_argument("--field", metavar="NAME", help="JSON/JSONL records: the text field (default: body, text or content)")
    check.add_argument("--id-field", metavar="NAME", default="id", help="JSON/JSONL records: the id field (default: id)")
    check.add_argument("--encoding", help="encoding of input files (default utf-8)")
    check.add_argument("--include", type=_csv, metavar="GLOBS", help="file patterns to check in directories")
    check.add_argument("--exclude", type=_csv, metavar="GLOBS", help="file or folder patterns to skip")
    check.add_argument("--stdin-filename", metavar="NAME", help="name for stdin input (format, per-file ignores)")
    check.add_argument("--baseline", metavar="FILE", help="only findings not recorded in FILE fail")
    check.add_argument("--write-baseline", metavar="FILE", help="record all current findings in FILE and exit 0")
    check.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    check.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes (with --fix or --diff)")
    check.add_argument("--diff", action="store_true", help="show the fixes as a diff, change nothing")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour text output")
    check.add_argument("--no-source", action="store_true", help="text output without the source lines")
    check.add_argument("--quiet", "-q", action="store_true", help="print nothing for a clean run")
    check.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                       help="check files in N processes (0: one per CPU); output order is unchanged")

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.add_argument("--all", action="store_true", help="include plugins' load errors")

    explain = sub.add_parser("explain", help="show a rule's documentation and examples")
    explain.add_argument("rule", metavar="CODE", help="rule code or name, e.g. NC101 or promo-line")
    return parser


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the CLI; returns the exit code instead of exiting."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] not in COMMANDS and not args_list[0].startswith("-"):
        args_list.insert(0, "check")  # `newscheck FILE` means `newscheck check FILE`
    try:
        args = build_parser().parse_args(args_list)
        if args.command == "rules":
            return _cmd_rules(args, out, err)
        if args.command == "explain":
            return _cmd_explain(args, out)
        if args.command == "check":
            return _cmd_check(args, out, err)
        build_parser().print_help(out)
        return EXIT_ERROR
    except NewscheckError as exc:
        print(f"newscheck: error: {exc}", file=err)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("newscheck: interrupted", file=err)
        return 130
    except BrokenPipeError:
        return EXIT_OK


# -- rules / explain ---------------------------------------------------------------------
def _cmd_rules(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    registry = Registry.default()
    _, load_errors = registry.load()
    rules = registry.rules
    if args.format == "json":
        out.write(json.dumps([r.to_dict() for r in rules], indent=2, ensure_ascii=False) + "\n")
    else:
        for r in rules:
            flags = ("" if r.default else " (off by default)") + (" [fix]" if r.fixable else "")
            out.write(f"{r.code}  {r.name:<28} {r.category.value:<13} {r.severity.value:<7} {r.summary}{flags}\n")
    for e in load_errors:
        print(f"newscheck: error: {e}", file=err)
    return EXIT_ERROR if load_errors else EXIT_OK


def explain_text(rule) -> str:
    lines = [f"{rule.code} ({rule.name})", "", rule.summary, ""]
    lines.append(f"Category: {rule.category.value}. Severity: {rule.severity.value}. "
                 f"{'On' if rule.default else 'Off'} by default.{' Has a fix.' if rule.fixable else ''}")
    if rule.rationale:
        lines += ["", "Why it matters:", "", rule.rationale]
    if rule.example_options:
        opts = ", ".join(f"{k} = {v!r}" for k, v in rule.example_options.items())
        lines += ["", f"Examples run with these checker options: {opts}"]
    if rule.failing:
        lines += ["", "Flagged:", ""] + [f"    {ex}" for ex in _example_lines(rule.failing)]
    if rule.passing:
        lines += ["", "Not flagged:", ""] + [f"    {ex}" for ex in _example_lines(rule.passing)]
    return "\n".join(lines) + "\n"


def _example_lines(examples: Sequence[str]) -> Iterator[str]:
    for i, ex in enumerate(examples):
        if i:
            yield "---"
        yield from ex.splitlines() or [""]


def _cmd_explain(args: argparse.Namespace, out: TextIO) -> int:
    registry = Registry.default()
    rule = registry.rule(args.rule)
    if rule is None:
        codes = ", ".join(r.code for r in registry.rules)
        raise UsageError(f"unknown rule {args.rule!r}; known rules: {codes} (see 'newscheck rules')")
    out.write(explain_text(rule))
    return EXIT_OK


# -- check -------------------------------------------------------------------------------
def _cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.fix and args.diff:
        raise UsageError("--fix and --diff exclude each other: --diff shows the fixes, --fix writes them")
    if args.unsafe_fixes and not (args.fix or args.diff):
        raise UsageError("--unsafe-fixes needs --fix or --diff")
    paths = args.paths or ["."]
    overrides = {
        "select": tuple(args.select) if args.select is not None else None,
        "fail_on": Severity(args.fail_on) if args.fail_on else None,
        "include": tuple(args.include) if args.include is not None else None,
        "exclude": tuple(args.exclude) if args.exclude is not None else None,
        "input_format": args.input_format,
        "encoding": args.encoding,
        "baseline": None if args.write_baseline else args.baseline,
    }
    explicit_config = load_config(args.config) if args.config and not args.isolated else None
    linters: dict[str | None, Linter] = {}

    def config_for(path: str | None) -> Config:
        if args.isolated:
            cfg = Config()
        elif explicit_config is not None:
            cfg = explicit_config
        else:
            found = find_config(Path(path).parent if path and path != "-" else None)
            cfg = load_config(found) if found else Config()
        cfg = cfg.merged(**overrides)
        return replace(cfg, baseline=None) if args.write_baseline else cfg

    def linter_for(path: str | None) -> Linter:
        cfg = config_for(path)
        key = cfg.source
        if key not in linters:
            linters[key] = Linter(
                config=cfg,
                select=args.select,
                ignore=args.ignore,
                extend_select=args.extend_select,
            )
        return linters[key]

    base_cfg = config_for(paths[0] if paths[0] != "-" else None)
    files = list(_collect(paths, base_cfg))
    if not files:
        raise UsageError(f"no files to check in {', '.join(paths)} (include patterns: {', '.join(base_cfg.include)})")

    reports: list[Report] = []
    fixed: dict[str, int] = {}
    diffs: list[str] = []
    baseline = Baseline() if args.write_baseline else None
    stdin_name = args.stdin_filename or "-"
    texts, prechecked = _precheck(files, args, linter_for, err)
    for path in files:
        is_stdin = path == "-"
        shown = stdin_name if is_stdin else path
        linter = linter_for(None if is_stdin else path)
        text = texts.pop(path) if path in texts else (
            _read_stdin(linter.config.encoding) if is_stdin else _read(path, linter.config.encoding)
        )
        fmt = detect_format(shown, args.input_format or linter.config.input_format)
        if fmt in RECORD_FORMATS:
            if args.fix or args.diff:
                print(f"newscheck: note: {shown}: fixes are not applied to {fmt.upper()} records", file=err)
            for record in iter_records(text, fmt, name=shown, field=args.field, id_field=args.id_field):
                report = prechecked.take(f"{shown}:{record.id}") or linter.check(
                    record.text, path=f"{shown}:{record.id}", format="text"
                )
                if baseline is not None:
                    baseline.add(report.path, report.findings, report.text)
                reports.append(report)
            continue
        report = prechecked.take(shown) or linter.check(text, path=shown, format=fmt)
        if args.fix or args.diff:
            new_text, applied = fix_until_stable(
                text,
                lambda t: linter.check(t, path=shown, format=fmt).findings,
                unsafe=args.unsafe_fixes,
                findings=report.findings,
            )
            if applied and args.diff:
                diffs.append(_unified_diff(shown, text, new_text))
            elif applied:
                fixed[shown] = len(applied)
                if is_stdin:
                    out.write(new_text)
                else:
                    write_atomic(path, new_text, encoding=linter.config.encoding)
                report = linter.check(new_text, path=shown, format=fmt)
            elif args.fix and is_stdin:
                out.write(text)
        if baseline is not None:
            baseline.add(shown, report.findings, report.text)
        reports.append(report)

    _print_errors(reports, err)
    if baseline is not None:
        baseline.save(args.write_baseline)
        n = sum(len(r.findings) for r in reports)
        print(f"newscheck: wrote {n} finding(s) of {len(reports)} file(s) to baseline {args.write_baseline}", file=err)
        return EXIT_OK

    first = next(iter(linters.values()))
    fail_on = first.config.fail_on
    if args.diff:
        out.write("".join(diffs))
        return EXIT_FINDINGS if diffs else _exit_code(reports, fail_on, args.exit_zero)
    color = _use_color(args.color, out) and args.format == "text"
    run = RunResult(
        reports=reports,
        rules={r.code: r for linter in linters.values() for r in linter.rules},
        color=color,
        statistics=args.statistics,
        show_source=not args.no_source,
        fixed=fixed,
        fail_on=fail_on.value,
    )
    rendered = render(args.format, run)
    clean = not any(r.findings for r in reports)
    if args.output:
        write_atomic(args.output, rendered)
    elif not (args.quiet and clean):
        if args.fix and any(p == "-" for p in files):
            err.write(rendered)  # stdout carries the fixed text
        else:
            out.write(rendered)
    return _exit_code(reports, fail_on, args.exit_zero)


def _exit_code(reports: Sequence[Report], fail_on: Severity, exit_zero: bool) -> int:
    if any(e.kind in ("load", "crash") for r in reports for e in r.errors):
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    failing = any(f.severity.rank >= fail_on.rank for r in reports for f in r.findings)
    return EXIT_FINDINGS if failing else EXIT_OK


def _print_errors(reports: Sequence[Report], err: TextIO) -> None:
    seen: set[tuple[str, str]] = set()
    for r in reports:
        for e in r.errors:
            key = (e.checker, e.message)
            if key in seen:
                continue
            seen.add(key)
            if e.kind == "backend":
                print(f"newscheck: note: checker {e.checker!r} skipped: {e.message}", file=err)
            elif e.kind == "load":
                print(f"newscheck: error: {e.message}", file=err)
            else:
                where = f" on {r.path}" if r.path else ""
                print(f"newscheck: error: checker {e.checker!r} failed{where}: {e.message} "
                      "(--ignore its rules to run without it)", file=err)


def _use_color(mode: str, out: TextIO) -> bool:
    if mode == "always":
        return True
    if mode == "never" or os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(out, "isatty", lambda: False)())


def _unified_diff(name: str, old: str, new: str) -> str:
    lines = []
    for line in difflib.unified_diff(_diff_lines(old), _diff_lines(new), f"a/{name}", f"b/{name}"):
        lines.append(line)
        if not line.endswith("\n"):  # the last line of a file without a final newline
            lines.append("\n\\ No newline at end of file\n")
    return "".join(lines)


def _diff_lines(text: str) -> list[str]:
    # Split at "\n" only, as diff and patch do (str.splitlines also splits at U+2028 etc.).
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _collect(paths: Sequence[str], cfg: Config) -> Iterator[str]:
    """Files named directly (always checked) and files under directories matching include/exclude."""
    seen: set[str] = set()
    for p in paths:
        if p == "-":
            yield p
            continue
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not _excluded(os.path.join(root, d), cfg.exclude))
                for name in sorted(names):
                    full = os.path.join(root, name)
                    if _excluded(full, cfg.exclude):
                        continue
                    if any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(full, g) for g in cfg.include):
                        if full not in seen:
                            seen.add(full)
                            yield full
        elif os.path.exists(p):
            if p not in seen:
                seen.add(p)
                yield p
        else:
            raise UsageError(f"{p}: no such file or directory")


def _excluded(path: str, patterns: Sequence[str]) -> bool:
    norm = path.replace(os.sep, "/")
    parts = norm.split("/")
    return any(fnmatch.fnmatch(norm, g) or any(fnmatch.fnmatch(part, g) for part in parts) for g in patterns)


def _decode(data: bytes, name: str, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise UsageError(
            f"{name}: not valid {encoding}: byte 0x{bad} at offset {exc.start}; "
            "re-save the file as UTF-8 or pass --encoding"
        ) from None
    except LookupError:
        raise UsageError(f"unknown encoding {encoding!r}; use a Python codec name such as utf-8 or cp1252") from None


def _read(path: str, encoding: str) -> str:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except IsADirectoryError:
        raise UsageError(f"{path}: is a directory") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror}") from None
    return _decode(data, path, encoding)


def _read_stdin(encoding: str) -> str:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        return sys.stdin.read()
    return _decode(stream.read(), "<stdin>", encoding)


# -- many files: worker processes and a progress bar ----------------------------------------
class _Prechecked:
    """First-pass reports computed ahead of the main loop, taken in the same order."""

    def __init__(self) -> None:
        self._by_path: dict[str, list[Report]] = {}

    def add(self, report: Report) -> None:
        self._by_path.setdefault(report.path or "", []).append(report)

    def take(self, path: str) -> Report | None:
        queue = self._by_path.get(path)
        return queue.pop(0) if queue else None


def _precheck(files: Sequence[str], args: argparse.Namespace, linter_for, err: TextIO) -> tuple[dict[str, str], _Prechecked]:
    """With two files or more, check every file up front.

    Reads the files (not stdin) and checks them through the batch path, one pool of
    ``--jobs`` processes per config (with ``--jobs 1``, in this process alone, a chunk of
    files at a time, each checker over the whole chunk in turn, which is faster than one
    file at a time); the main loop then takes the reports in order, so the output does
    not depend on ``--jobs``. Returns the texts read and the reports.
    """
    from .batch import iter_reports, resolve_jobs

    texts: dict[str, str] = {}
    done = _Prechecked()
    named = [p for p in files if p != "-"]
    jobs = resolve_jobs(args.jobs)
    progress = _Progress(err, len(named))
    if len(named) < 2:
        return texts, done
    groups: dict[int, tuple[Linter, list[dict[str, str]]]] = {}
    for path in named:
        linter = linter_for(path)
        text = texts[path] = _read(path, linter.config.encoding)
        fmt = detect_format(path, args.input_format or linter.config.input_format)
        items = groups.setdefault(id(linter), (linter, []))[1]
        if fmt in RECORD_FORMATS:
            items.extend(
                {"text": r.text, "path": f"{path}:{r.id}", "format": "text"}
                for r in iter_records(text, fmt, name=path, field=args.field, id_field=args.id_field)
            )
        else:
            items.append({"text": text, "path": path, "format": fmt})
    progress.total = sum(len(items) for _, items in groups.values())
    try:
        for linter, items in groups.values():
            for report in iter_reports(linter, items, jobs=jobs):
                done.add(report)
                progress.step()
    finally:
        progress.close()
    return texts, done


class _Progress:
    """``checked 120/1000`` on stderr: only on a terminal, only once a run lasts over a second."""

    def __init__(self, err: TextIO, total: int, *, delay: float = 1.0):
        import time

        self._clock = time.monotonic
        self.err, self.total, self.done = err, total, 0
        self.enabled = bool(getattr(err, "isatty", lambda: False)()) and total >= 20
        self._start = self._clock()
        self._delay = delay
        self._last = 0.0
        self._shown = False

    def step(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        now = self._clock()
        if now - self._start < self._delay or now - self._last < 0.1:
            return
        self._last = now
        self._shown = True
        width = 30
        filled = width * self.done // max(self.total, 1)
        self.err.write(f"\rnewscheck: [{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}")
        self.err.flush()

    def close(self) -> None:
        if self._shown:
            self.err.write("\r\x1b[K")
            self.err.flush()
