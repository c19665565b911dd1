"""Checking many texts: worker processes for ``Linter.check_many``, and one table-in,
table-out function that Spark, datatrove, Dask and Ray all share.

Everything sent to a worker is plain data: the Linter's spec (its config and rule
selection) and the texts. Each worker rebuilds its Linter once, so checkers load their
data inside the worker, and sends back findings only (the parent still holds the text).

    >>> import pandas as pd                                  # doctest: +SKIP
    >>> findings_table(pd.DataFrame({"id": [1], "text": ["…"]}))  # doctest: +SKIP
"""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import queue
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import NewscheckError, UsageError
from .findings import Finding
from .report import CheckerError, Report

if TYPE_CHECKING:
    import pandas as pd

    from .linter import Linter

__all__ = [
    "FINDINGS_COLUMNS",
    "Record",
    "findings_records",
    "findings_table",
    "iter_reports",
    "linter_for",
    "resolve_jobs",
]

#: A text to check: a plain ``str``, an ``(id, text)`` pair, or a mapping with ``text``
#: and optionally ``id``, ``path`` and ``format``. The id (or path) names the report.
Record = Any

#: The fixed schema of :func:`findings_table`: column name -> pandas dtype. ``related``,
#: ``fix`` and ``extra`` are JSON strings (``null``-free: ``[]``, ``null`` or ``{}``) so that
#: every engine stores them as one string column. ``line``/``column`` are 1-based and count
#: characters, like the text output.
FINDINGS_COLUMNS: dict[str, str] = {
    "id": "object",
    "code": "object",
    "name": "object",
    "category": "object",
    "severity": "object",
    "start": "int64",
    "end": "int64",
    "line": "int64",
    "column": "int64",
    "end_line": "int64",
    "end_column": "int64",
    "message": "object",
    "confidence": "float64",
    "related": "object",
    "fix": "object",
    "extra": "object",
}


class _Item(NamedTuple):
    text: str
    path: str | None
    format: str | None


def _as_item(record: Record, index: int) -> _Item:
    if isinstance(record, str):
        return _Item(record, None, None)
    if isinstance(record, Mapping):
        if "text" not in record:
            raise UsageError(f"record {index} has no 'text' key (keys: {', '.join(map(str, record))})")
        text, ident = record["text"], record.get("path", record.get("id"))
        fmt = record.get("format")
    elif isinstance(record, tuple) and len(record) == 2:
        ident, text = record
        fmt = None
    else:
        raise UsageError(
            f"record {index} is a {type(record).__name__}; pass a str, an (id, text) pair "
            "or a mapping with 'text' (and 'id')"
        )
    if not isinstance(text, str):
        raise UsageError(f"record {index}: text is a {type(text).__name__}, not str; decode bytes first")
    return _Item(text, None if ident is None else str(ident), fmt)


def resolve_jobs(jobs: int | None) -> int:
    """``None`` or 1: in this process; 0 or less: one worker per CPU."""
    if jobs is None:
        return 1
    if not isinstance(jobs, int) or isinstance(jobs, bool):
        raise UsageError(f"jobs must be an int, got {jobs!r}")
    return jobs if jobs > 0 else (os.cpu_count() or 1)


# -- worker processes -----------------------------------------------------------------------
def _take(counter: Any) -> int:
    """The next batch's index from the shared counter (each index is taken once)."""
    with counter.get_lock():
        k = counter.value
        counter.value = k + 1
    return k


def _work(linter: Linter | dict[str, Any], items: list[_Item], ranges: list[range], counter: Any, out: Any) -> None:
    """A worker process: takes batches from the shared counter until none is left and puts
    ``(index, [(findings, errors, suppressed), ...], None)`` on ``out`` for each; on a
    failure, ``(-1, None, message)``. ``linter`` is the parent's Linter, or its spec when a
    checker holds a backend connection (the worker then builds its own)."""
    try:
        if isinstance(linter, dict):
            from .linter import Linter

            linter = Linter(**linter)
        while (k := _take(counter)) < len(ranges):
            r = ranges[k]
            out.put((k, [(rep.findings, rep.errors, rep.suppressed) for rep in _reports_in_chunks(linter, items[r.start : r.stop])], None))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises it
        out.put((-1, None, f"{type(exc).__name__}: {exc}"))


_POOL_LINTER: Linter | None = None


def _init_pool_worker(spec: dict[str, Any]) -> None:
    global _POOL_LINTER
    from .linter import Linter

    _POOL_LINTER = Linter(**spec)


def _check_in_pool_worker(batch: list[_Item]) -> list[tuple[tuple[Finding, ...], tuple[CheckerError, ...], int]]:
    assert _POOL_LINTER is not None, "worker not initialised"
    return [(r.findings, r.errors, r.suppressed) for r in _reports_in_chunks(_POOL_LINTER, batch)]


def _pool_reports(linter: Linter, items: list[_Item], ranges: list[range], ctx: Any, jobs: int) -> Iterator[Report]:
    """Reports from a pool of ``jobs`` spawned workers, each rebuilding the Linter from its
    spec and receiving its texts a batch at a time (nothing is inherited)."""
    batches = [items[r.start : r.stop] for r in ranges]
    with ctx.Pool(jobs, initializer=_init_pool_worker, initargs=(linter.spec,)) as pool:
        results = (r for batch in pool.imap(_check_in_pool_worker, batches) for r in batch)
        for item, (findings, errors, suppressed) in zip(items, results):
            yield Report(text=item.text, findings=findings, errors=errors, path=item.path, suppressed=suppressed)


#: The smallest batch sent to a worker, in characters, so that each task's round trip
#: stays small beside the checking.
MIN_BATCH_CHARS = 20_000


def _guided_batches(items: list[_Item], workers: int) -> list[range]:
    """Consecutive ranges of ``items``, each about half of what is left per worker (in
    characters; "guided" scheduling): big batches first, which check as fast as one
    process does (big chunks), and small ones last, so that the workers run out of work at
    about the same time. (On 4 MB and 2 workers, halves gave 1.76-1.94x one process,
    quarters 1.73-1.84x.)"""
    left = sum(len(item.text) for item in items)
    out: list[range] = []
    start = size = 0
    target = max(MIN_BATCH_CHARS, left // (workers * 2))
    for i, item in enumerate(items):
        size += len(item.text)
        if size >= target:
            out.append(range(start, i + 1))
            left -= size
            start, size = i + 1, 0
            target = max(MIN_BATCH_CHARS, left // (workers * 2))
    if start < len(items):
        out.append(range(start, len(items)))
    return out


#: Articles checked together by :meth:`Linter.check_documents` (each checker over all of
#: them in turn): bounded in number and in characters, so memory stays small (about 1.6
#: MB above the reports for a full chunk of news articles). Fewer, bigger chunks mean fewer
#: switches from one checker's code and data to the next: 128 articles / 1 MB checked
#: 4 MB of articles 5-10% faster than 32 / 500 kB did.
CHUNK_DOCUMENTS = 128
CHUNK_CHARS = 1_000_000


def _reports_in_chunks(linter: Linter, items: Iterable[_Item]) -> Iterator[Report]:
    """``linter.check`` of each item, in order, a chunk of Documents at a time."""
    from .document import Document
    from .formats import detect_format

    chunk: list[Document] = []
    size = 0
    for item in items:
        if not isinstance(item.text, str):  # what Linter.check says
            raise TypeError(f"newscheck checks str, not {type(item.text).__name__}; decode bytes first")
        fmt = item.format or detect_format(item.path, linter.config.input_format)
        chunk.append(Document(item.text, path=item.path, format=fmt))
        size += len(item.text)
        if len(chunk) >= CHUNK_DOCUMENTS or size >= CHUNK_CHARS:
            yield from linter.check_documents(chunk)
            chunk, size = [], 0
    if chunk:
        yield from linter.check_documents(chunk)


def iter_reports(
    linter: Linter,
    records: Iterable[Record],
    *,
    jobs: int | None = 1,
    chunksize: int | None = None,
    mp_context: str | None = None,
) -> Iterator[Report]:
    """Reports for ``records`` in input order, checked by ``jobs`` processes.

    Under ``fork`` (Linux's default) these are this process and ``jobs - 1`` forked
    workers, each taking the next batch as it finishes one; the workers use ``linter``
    itself (unless a checker holds a backend connection, which two processes must not
    share) and read their texts from this process's memory. Under other start methods
    (``mp_context="spawn"``, macOS's and Windows' default) a pool of ``jobs`` workers
    receives the texts batch by batch and rebuilds the Linter from ``linter.spec``.
    Without ``chunksize``, batches shrink as the work runs out (:func:`_guided_batches`);
    with it, each holds that many records.
    """
    items = [_as_item(r, i) for i, r in enumerate(records)]
    jobs = min(resolve_jobs(jobs), len(items))
    if jobs <= 1:
        yield from _reports_in_chunks(linter, items)
        return
    if chunksize is None:
        ranges = _guided_batches(items, jobs)
    else:
        ranges = [range(i, min(i + chunksize, len(items))) for i in range(0, len(items), chunksize)]
    ctx = multiprocessing.get_context(mp_context)
    if ctx.get_start_method() != "fork":
        yield from _pool_reports(linter, items, ranges, ctx, jobs)
        return
    # A forked worker uses this Linter, unless a checker holds a backend connection (a
    # LanguageTool session), which two processes must not share: it then builds its own.
    shared = not any(c.needs_backend for c in linter.checkers)
    counter = ctx.Value("q", 0)
    out = ctx.Queue()
    procs = [
        ctx.Process(target=_work, args=(linter if shared else linter.spec, items, ranges, counter, out), daemon=True)
        for _ in range(jobs - 1)
    ]
    for proc in procs:
        proc.start()
    done: dict[int, list[Report]] = {}
    shown = 0  # batches yielded so far

    def receive(k: int, results: list | None, error: str | None) -> None:
        if error is not None:
            raise NewscheckError(f"a worker process failed: {error}")
        assert results is not None
        r = ranges[k]
        done[k] = [
            Report(text=item.text, findings=f, errors=e, path=item.path, suppressed=n)
            for item, (f, e, n) in zip(items[r.start : r.stop], results)
        ]

    try:
        # This process checks batches too, and between them takes what the workers sent.
        while (k := _take(counter)) < len(ranges):
            r = ranges[k]
            done[k] = list(_reports_in_chunks(linter, items[r.start : r.stop]))
            while True:
                try:
                    receive(*out.get_nowait())
                except queue.Empty:
                    break
            while shown in done:
                yield from done.pop(shown)
                shown += 1
        while shown < len(ranges):
            while shown in done:
                yield from done.pop(shown)
                shown += 1
            if shown == len(ranges):
                break
            try:
                receive(*out.get(timeout=0.5))
            except queue.Empty:
                if not any(proc.is_alive() for proc in procs) and out.empty():
                    codes = ", ".join(str(proc.exitcode) for proc in procs)
                    raise NewscheckError(
                        f"a worker process exited before sending its results (exit codes {codes}); "
                        "run with jobs=1 (--jobs 1) to see the failure"
                    ) from None
    finally:
        for proc in procs:
            if proc.is_alive():
                proc.terminate()
            proc.join(5)
        out.close()


# -- one table in, one table out --------------------------------------------------------------
_LINTERS: dict[bytes, Linter] = {}


def linter_for(**linter_opts: Any) -> Linter:
    """A Linter built once per process for these options (what each engine worker calls)."""
    key = pickle.dumps(sorted(linter_opts.items()))
    linter = _LINTERS.get(key)
    if linter is None:
        from .linter import Linter

        linter = _LINTERS[key] = Linter(**linter_opts)
    return linter


def findings_records(ident: Any, report: Report) -> list[dict[str, Any]]:
    """The rows of :data:`FINDINGS_COLUMNS` for one article's report."""
    rows = []
    for f in report.findings:
        line, column = report.position(f.start)
        end_line, end_column = report.position(f.end)
        d = f.to_dict()
        rows.append(
            {
                "id": ident,
                "code": f.code,
                "name": f.name,
                "category": d["category"],
                "severity": d["severity"],
                "start": f.start,
                "end": f.end,
                "line": line,
                "column": column,
                "end_line": end_line,
                "end_column": end_column,
                "message": f.message,
                "confidence": float(f.confidence),
                "related": json.dumps(d["related"], ensure_ascii=False),
                "fix": json.dumps(d["fix"], ensure_ascii=False),
                "extra": json.dumps(d["extra"], ensure_ascii=False, default=str),
            }
        )
    return rows


def _raise_on_crash(ident: Any, report: Report) -> None:
    for e in report.errors:
        if e.kind in ("crash", "load"):
            raise NewscheckError(
                f"checker {e.checker!r} failed on article {ident!r}: {e.message}; "
                "--ignore its rules or pass on_error='ignore'"
            )


def findings_table(
    df: pd.DataFrame,
    id_col: str = "id",
    text_col: str = "text",
    *,
    on_error: str = "raise",
    **linter_opts: Any,
) -> pd.DataFrame:
    """Check each row's ``text_col``; one row per finding, columns :data:`FINDINGS_COLUMNS`.

    ``linter_opts`` go to :class:`~newscheck.Linter` (``select``, ``ignore``, ``config``);
    the Linter is built once per process and reused. A checker that crashes on an article
    raises :class:`~newscheck.NewscheckError` unless ``on_error="ignore"``. Missing
    (null) texts yield no findings.
    """
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - depends on the environment
        from .errors import BackendUnavailable

        raise BackendUnavailable("findings_table needs pandas: pip install 'newscheck[pandas]'") from None
    if on_error not in ("raise", "ignore"):
        raise UsageError(f"on_error must be 'raise' or 'ignore', got {on_error!r}")
    for col in (id_col, text_col):
        if col not in df.columns:
            raise UsageError(f"no column {col!r} in the table; columns: {', '.join(map(str, df.columns))}")
    linter = linter_for(**linter_opts)
    rows: list[dict[str, Any]] = []
    pairs = [
        (ident, text)
        for ident, text in zip(df[id_col].tolist(), df[text_col].tolist())
        if not (text is None or (isinstance(text, float) and text != text))  # null / NaN: no findings
    ]
    reports = _reports_in_chunks(linter, (_Item(text, None, None) for _, text in pairs))
    for (ident, _), report in zip(pairs, reports):
        if on_error == "raise":
            _raise_on_crash(ident, report)
        rows.extend(findings_records(ident, report))
    out = pd.DataFrame(rows, columns=list(FINDINGS_COLUMNS))
    return out.astype({k: v for k, v in FINDINGS_COLUMNS.items() if k != "id"})
