"""newscheck.spark in local mode: the same findings as ``newscheck.check``.

A Spark session takes seconds to start, so the module shares one and keeps to two tests.
"""

from __future__ import annotations

import shutil

import pytest

pytest.importorskip("pyspark", reason="pyspark not installed (pip install 'newscheck[spark]')")
pytest.importorskip("pyarrow", reason="pyarrow not installed (pip install 'newscheck[spark]')")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java 17+ on PATH", allow_module_level=True)

import newscheck  # noqa: E402
from newscheck.batch import FINDINGS_COLUMNS  # noqa: E402

pytestmark = [
    pytest.mark.spark,
    pytest.mark.slow,
    # pyspark's own notice about pandas 3; the results are checked below.
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
]


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("newscheck-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _expected(articles):
    out = set()
    for i, (_, text) in enumerate(articles):
        report = newscheck.check(text)
        for f in report.findings:
            out.add((i, f.code, f.start, f.end, f.message, report.position(f.start)))
    return out


def test_findings_dataframe_matches_check(spark, articles):
    from newscheck.spark import findings_dataframe

    rows = [(i, text) for i, (_, text) in enumerate(articles)]
    df = spark.createDataFrame(rows, "article long, body string").repartition(3)
    result = findings_dataframe(df, id_col="article", text_col="body")
    assert result.columns == list(FINDINGS_COLUMNS)
    assert result.schema["id"].dataType.typeName() == "long"
    got = {(r.id, r.code, r.start, r.end, r.message, (r.line, r.column)) for r in result.collect()}
    assert got == _expected(articles)
    assert got  # the seed article has findings


def test_findings_column_matches_check(spark, articles):
    from newscheck.spark import findings_column

    rows = [(i, text) for i, (_, text) in enumerate(articles)]
    df = spark.createDataFrame(rows, "id long, text string")
    out = df.withColumn("findings", findings_column()("text")).select("id", "findings").collect()
    got = {(r.id, f.code, f.start, f.end, f.message, (f.line, f.column)) for r in out for f in r.findings}
    assert got == _expected(articles)
