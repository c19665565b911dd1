"""newscheck.datatrove: findings in metadata, rule counts in stats, drops with a reason."""

from __future__ import annotations

import pickle

import pytest

pytest.importorskip("datatrove", reason="datatrove not installed (pip install 'newscheck[datatrove]')")

from datatrove.data import Document  # noqa: E402

import newscheck  # noqa: E402
from newscheck import UsageError  # noqa: E402
from newscheck.datatrove import NewscheckFilter  # noqa: E402


def _docs(articles):
    return [Document(text=text, id=ident) for ident, text in articles]


def test_metadata_holds_the_same_findings_as_check(articles):
    docs = _docs(articles)
    step = NewscheckFilter()
    kept = list(step.run(iter(docs)))
    assert [d.id for d in kept] == [d.id for d in docs]  # no drop threshold: everything is kept
    total = 0
    for doc in kept:
        report = newscheck.check(doc.text)
        assert [(f["code"], f["start"], f["end"], f["message"]) for f in doc.metadata["newscheck"]] == [
            (f.code, f.start, f.end, f.message) for f in report.findings
        ]
        total += len(report.findings)
    stats = step.stats.to_dict()["stats"]
    assert total and sum(v for k, v in stats.items() if k.startswith("NC")) == total
    assert stats["docs_with_findings"] == sum(1 for d in kept if d.metadata["newscheck"])


def test_drops_by_category_and_severity_with_a_reason(articles):
    docs = _docs(articles)
    step = NewscheckFilter(drop_severity="info", metadata_key="nc")
    kept = {d.id for d in step.run(iter(docs))}
    flagged = {ident for ident, text in articles if newscheck.check(text).findings}
    assert kept == {ident for ident, _ in articles} - flagged
    stats = step.stats.to_dict()["stats"]
    assert stats["dropped"] == len(flagged)
    assert any(k.startswith("dropped_newscheck_NC") for k in stats)

    none_dropped = NewscheckFilter(drop_categories=["grammar"], drop_severity="info", select=["fragment"])
    assert len(list(none_dropped.run(iter(_docs(articles))))) == len(articles)


def test_pickles_small_without_its_linter(articles):
    step = NewscheckFilter(select=["boilerplate"])
    list(step.run(iter(_docs(articles[:2]))))
    assert step._linter is not None
    clone = pickle.loads(pickle.dumps(step))
    assert clone._linter is None and clone.linter_opts == {"select": ["boilerplate"]}
    assert len(pickle.dumps(step)) < 20_000


def test_bad_thresholds_are_usage_errors():
    with pytest.raises(UsageError, match="drop_severity"):
        NewscheckFilter(drop_severity="fatal")
    with pytest.raises(UsageError, match="drop category"):
        NewscheckFilter(drop_categories=["typos"])
