"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding.

GitHub turns them into annotations on the pull request's changed lines. Values are
escaped as the runner expects: ``%``, CR and LF everywhere, and ``:`` and ``,`` in
properties. Columns count Unicode code points, like newscheck's own.
"""

from __future__ import annotations


from ..findings import Severity
from ..formats import split_record_path
from . import RunResult, checkout_path

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value (``file=``, ``title=``)."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _file(path: str | None) -> str:
    """The path as GitHub matches it against the repository: relative to the working directory."""
    return checkout_path(path or "-")


def render(run: RunResult) -> str:
    out: list[str] = []
    errors: dict[str, None] = {}  # one line per distinct checker failure, in order
    for report in run.reports:
        record = split_record_path(report.path)
        for f in report.findings:
            props = []
            if record is None:
                line, col = report.position(f.start)
                end_line, end_col = report.position(f.end)
                props = [
                    f"file={escape_property(_file(report.path))}",
                    f"line={line}",
                    f"col={col}",
                    f"endLine={end_line}",
                    f"endColumn={end_col}",
                ]
                message = f"{f.message} ({f.name})"
            else:
                # Positions inside a JSON record are not positions in its file: name the record.
                line, col = report.position(f.start)
                props = [f"file={escape_property(_file(record[0]))}"]
                message = f"record {record[1]}, {line}:{col}: {f.message} ({f.name})"
            props.append(f"title={escape_property(f.code)}")
            out.append(f"::{_LEVEL[f.severity]} {','.join(props)}::{escape_data(message)}")
        for e in report.errors:
            if e.kind in ("load", "crash"):
                errors[
                    f"::error title=newscheck::{escape_data(f'checker {e.checker!r} failed: {e.message}')}"
                ] = None
    return "".join(line + "\n" for line in [*out, *errors])
