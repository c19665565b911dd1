"""Check a corpus of articles on Spark and write one row per finding.

    python examples/spark_corpus.py ARTICLES OUTPUT          # local[*] Spark
    spark-submit ... examples/spark_corpus.py s3://in/ s3://out/   # a cluster (docs/scale.md)

ARTICLES is Parquet or JSON Lines with ``id`` and ``text`` columns (e.g. the development
corpus, ../shared/corpus/*.jsonl); OUTPUT receives Parquet findings with the fixed schema
of ``newscheck.batch.FINDINGS_COLUMNS``. Needs ``pip install 'newscheck[spark]'``.
"""

from __future__ import annotations

import sys

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

from newscheck.spark import findings_dataframe


def main(source: str, target: str) -> None:
    spark = SparkSession.builder.appName("newscheck-corpus").getOrCreate()
    reader = spark.read.json if source.endswith((".jsonl", ".json")) else spark.read.parquet
    articles = reader(source).select("id", "text")

    findings = findings_dataframe(articles, ignore=["grammar"])
    findings.write.mode("overwrite").parquet(target)

    written = spark.read.parquet(target)
    print(f"{articles.count()} articles, {written.count()} findings, "
          f"{written.select('id').distinct().count()} articles with findings")
    written.groupBy("code", "name").count().orderBy(F.desc("count")).show(20, truncate=False)
    spark.stop()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
