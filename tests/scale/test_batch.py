"""Linter.check_many and batch.findings_table: same findings as checking one text at a time."""

from __future__ import annotations

import json
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newscheck
from newscheck import Linter, UsageError
from newscheck.batch import FINDINGS_COLUMNS, findings_table, resolve_jobs


def _key(report):
    return [(f.code, f.start, f.end, f.message) for f in report.findings]


def test_check_many_matches_check_in_input_order(articles):
    linter = Linter()
    texts = [t for _, t in articles] * 3
    expected = [_key(linter.check(t)) for t in texts]
    for jobs in (1, 2):
        reports = linter.check_many(texts, jobs=jobs, chunksize=2)
        assert [_key(r) for r in reports] == expected
        assert [r.text for r in reports] == texts


def _full(report):
    return (report.findings, report.errors, report.suppressed, report.path)


def test_check_documents_gives_each_documents_own_report(articles, plugin_registry):
    from newscheck import Document

    texts = [t for _, t in articles] + ["CRASH XX", "<!-- newscheck: ignore -->\nCLICK HERE TO GET THE APP"]
    for linter in (Linter(), Linter(registry=plugin_registry, select=["marker", "crasher"])):
        one_by_one = [_full(linter.check_document(Document(t, path=f"a{i}.md"))) for i, t in enumerate(texts)]
        together = linter.check_documents([Document(t, path=f"a{i}.md") for i, t in enumerate(texts)])
        assert [_full(r) for r in together] == one_by_one


def test_check_many_in_one_process_checks_in_chunks_with_the_same_reports(articles, monkeypatch):
    from newscheck import batch

    monkeypatch.setattr(batch, "CHUNK_DOCUMENTS", 3)  # several chunks, one of them short
    linter = Linter()
    texts = [t for _, t in articles] * 2
    assert [_full(r) for r in linter.check_many(texts)] == [_full(linter.check(t)) for t in texts]


def test_records_name_reports_by_id(plugin_registry):
    linter = Linter(registry=plugin_registry, select=["marker"])
    records = ["XX a", ("a1", "b XX"), {"id": 7, "text": "XX XX"}, {"path": "x.md", "text": "`XX` XX"}]
    reports = linter.check_many(records, jobs=2)
    assert [r.path for r in reports] == [None, "a1", "7", "x.md"]
    assert [len(r.findings) for r in reports] == [1, 1, 2, 2]


def test_spawned_workers_rebuild_the_linter_from_plain_data(plugin_registry):
    linter = Linter(registry=plugin_registry, select=["marker"], ignore=["crasher"])
    spec = pickle.loads(pickle.dumps(linter.spec))
    assert spec["select"] == ("marker",) and spec["registry"].builtins == plugin_registry.builtins
    texts = [f"{'XX ' * i}end" for i in range(6)]
    reports = linter.check_many(texts, jobs=2, mp_context="spawn")
    assert [len(r.findings) for r in reports] == list(range(6))


def test_a_crashing_checker_is_reported_per_text_in_workers(plugin_registry):
    linter = Linter(registry=plugin_registry, select=["marker", "crasher"])
    reports = linter.check_many(["XX", "CRASH XX", "fine"], jobs=2)
    assert [len(r.findings) for r in reports] == [1, 1, 0]
    assert [[e.kind for e in r.errors] for r in reports] == [[], ["crash"], []]


@pytest.mark.parametrize("bad", [b"bytes", 3, ("a", "b", "c"), {"id": 1}, ("id", None)])
def test_bad_records_are_usage_errors(bad):
    with pytest.raises(UsageError):
        Linter().check_many(["fine", bad])


def test_resolve_jobs():
    assert resolve_jobs(None) == 1 and resolve_jobs(3) == 3 and resolve_jobs(0) >= 1
    with pytest.raises(UsageError):
        resolve_jobs("2")  # type: ignore[arg-type]


# -- findings_table ---------------------------------------------------------------------------
pd = pytest.importorskip("pandas", reason="findings_table needs pandas (pip install 'newscheck[pandas]')")


def test_findings_table_has_the_fixed_schema_and_the_same_findings(articles):
    df = pd.DataFrame({"doc": [i for i, _ in articles], "body": [t for _, t in articles]})
    table = findings_table(df, id_col="doc", text_col="body")
    assert list(table.columns) == list(FINDINGS_COLUMNS)
    assert {c: str(table[c].dtype) for c in FINDINGS_COLUMNS if c != "id"} == {
        c: t for c, t in FINDINGS_COLUMNS.items() if c != "id"
    }
    expected = []
    for ident, text in articles:
        report = newscheck.check(text)
        for f in report.findings:
            expected.append((ident, f.code, f.start, f.end, f.message, report.position(f.start)))
    got = [
        (r.id, r.code, r.start, r.end, r.message, (r.line, r.column)) for r in table.itertuples(index=False)
    ]
    assert got == expected
    for raw in table["related"].tolist() + table["fix"].tolist() + table["extra"].tolist():
        json.loads(raw)


def test_findings_table_of_nothing_keeps_the_schema():
    table = findings_table(pd.DataFrame({"id": [1, 2], "text": ["", None]}))
    assert table.empty and list(table.columns) == list(FINDINGS_COLUMNS)
    assert str(table["start"].dtype) == "int64"


def test_findings_table_raises_on_a_checker_crash_unless_told(plugin_registry):
    df = pd.DataFrame({"id": ["a", "b"], "text": ["XX", "CRASH"]})
    opts = {"registry": plugin_registry, "select": ["marker", "crasher"]}
    with pytest.raises(newscheck.NewscheckError, match="crasher.*'b'"):
        findings_table(df, **opts)
    assert findings_table(df, on_error="ignore", **opts)["id"].tolist() == ["a"]


def test_findings_table_names_a_missing_column():
    with pytest.raises(UsageError, match="'text'"):
        findings_table(pd.DataFrame({"id": [1], "body": ["x"]}))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=5))
def test_findings_table_rows_stay_inside_their_text(texts):
    table = findings_table(pd.DataFrame({"id": range(len(texts)), "text": texts}))
    for row in table.itertuples(index=False):
        assert 0 <= row.start <= row.end <= len(texts[row.id])


def test_a_worker_takes_batches_until_none_is_left_and_sends_each(plugin_registry):
    import multiprocessing
    import queue

    from newscheck import batch

    linter = Linter(registry=plugin_registry, select=["marker"])
    items = [batch._as_item(t, i) for i, t in enumerate(["XX", "no", "XX XX", "XX"])]
    ranges = [range(1), range(1, 3), range(3, 4)]
    counter, out = multiprocessing.Value("q", 1), queue.Queue()  # batch 0 already taken
    batch._work(linter.spec, items, ranges, counter, out)  # (a spec: built as a spawned worker does)
    sent = [out.get_nowait() for _ in range(out.qsize())]
    assert [(k, [len(f) for f, _, _ in results], error) for k, results, error in sent] == [(1, [0, 2], None), (2, [1], None)]
    assert counter.value == 4  # it stopped at the first index past the end


def test_a_failing_worker_sends_its_error(plugin_registry):
    import multiprocessing
    import queue

    from newscheck import batch

    out = queue.Queue()
    batch._work({"select": ["no-such-rule"]}, [], [range(1)], multiprocessing.Value("q", 0), out)
    k, results, error = out.get_nowait()
    assert (k, results) == (-1, None) and "no-such-rule" in error


def test_a_worker_that_fails_is_a_clear_error(monkeypatch):
    from newscheck import NewscheckError, batch

    def fail(linter, items, ranges, counter, out):
        batch._take(counter)
        out.put((-1, None, "RuntimeError: boom"))

    monkeypatch.setattr(batch, "_work", fail)
    texts = ["A sentence that says little. " * 20] * 400
    with pytest.raises(NewscheckError, match="a worker process failed: RuntimeError: boom"):
        Linter().check_many(texts, jobs=2, chunksize=1, mp_context="fork")


def test_a_worker_that_dies_is_a_clear_error_not_a_hang(monkeypatch):
    import os

    from newscheck import NewscheckError, batch

    def die(linter, items, ranges, counter, out):
        batch._take(counter)  # takes a batch, then exits without its results
        os._exit(3)

    monkeypatch.setattr(batch, "_work", die)
    texts = ["A sentence that says little. " * 20] * 400
    with pytest.raises(NewscheckError, match="exited before sending its results"):
        Linter().check_many(texts, jobs=2, chunksize=1, mp_context="fork")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 60_000), max_size=80), st.integers(1, 8))
def test_guided_batches_cover_the_items_in_order_and_shrink(lengths, workers):
    from newscheck import batch

    items = [batch._Item("x" * n, None, None) for n in lengths]
    ranges = batch._guided_batches(items, workers)
    assert [i for r in ranges for i in r] == list(range(len(items)))  # every item once, in order
    assert all(len(r) > 0 for r in ranges)
    size = [sum(lengths[i] for i in r) for r in ranges]
    total = sum(lengths)
    # each batch but the last reaches its target, and no batch overshoots it by more than one item
    left = total
    for k, r in enumerate(ranges):
        target = max(batch.MIN_BATCH_CHARS, left // (workers * 2))
        if k < len(ranges) - 1:
            assert size[k] >= target
        assert size[k] - lengths[r[-1]] < target
        left -= size[k]


def test_check_many_with_guided_batches_matches_one_process(articles):
    linter = Linter()
    texts = [t for _, t in articles] * 6
    assert [_full(r) for r in linter.check_many(texts, jobs=2)] == [_full(r) for r in linter.check_many(texts)]
