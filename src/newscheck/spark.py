"""newscheck on Spark: a DataFrame of articles in, a DataFrame of findings out.

Needs ``pip install 'newscheck[spark]'`` (pyspark, pandas, pyarrow). Both functions ship
only module-level functions and plain options to the executors; each Python worker builds
its Linter once, on first use (:func:`newscheck.batch.linter_for`), and reuses it.

    >>> from newscheck.spark import findings_dataframe, findings_column  # doctest: +SKIP
    >>> findings = findings_dataframe(articles, id_col="id", text_col="text")  # doctest: +SKIP
    >>> articles.withColumn("findings", findings_column()("text"))  # doctest: +SKIP
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .batch import FINDINGS_COLUMNS, findings_records, findings_table, linter_for
from .errors import BackendUnavailable, UsageError

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame
    from pyspark.sql.types import DataType, StructType

__all__ = ["findings_column", "findings_dataframe", "findings_schema"]


def _pyspark_types():
    try:
        from pyspark.sql import types as T
    except ImportError:
        raise BackendUnavailable("newscheck.spark needs pyspark: pip install 'newscheck[spark]'") from None
    return T


def findings_schema(id_type: DataType | None = None, *, with_id: bool = True) -> StructType:
    """The Spark schema of :data:`newscheck.batch.FINDINGS_COLUMNS` (``id`` typed like the input's)."""
    T = _pyspark_types()
    kinds = {"object": T.StringType(), "int64": T.LongType(), "float64": T.DoubleType()}
    fields = []
    for name, dtype in FINDINGS_COLUMNS.items():
        if name == "id":
            if with_id:
                fields.append(T.StructField("id", id_type or T.StringType(), True))
            continue
        fields.append(T.StructField(name, kinds[dtype], name in ("related", "fix", "extra")))
    return T.StructType(fields)


def _check_batches(
    batches: Iterator[pd.DataFrame], *, id_col: str, text_col: str, on_error: str, linter_opts: dict[str, Any]
) -> Iterator[pd.DataFrame]:
    for pdf in batches:
        out = findings_table(pdf, id_col, text_col, on_error=on_error, **linter_opts)
        yield out


def findings_dataframe(
    articles: DataFrame,
    id_col: str = "id",
    text_col: str = "text",
    *,
    on_error: str = "raise",
    **linter_opts: Any,
) -> DataFrame:
    """One row per finding of every article, through Arrow-based ``mapInPandas``.

    The columns are :data:`newscheck.batch.FINDINGS_COLUMNS` with ``id`` keeping the type
    of ``id_col``; ``linter_opts`` (``select``, ``ignore``, ``config`` as a dict) go to each
    worker's :class:`~newscheck.Linter`. Articles without findings yield no rows.
    """
    _pyspark_types()
    for col in (id_col, text_col):
        if col not in articles.columns:
            raise UsageError(f"no column {col!r} in the DataFrame; columns: {', '.join(articles.columns)}")
    schema = findings_schema(articles.schema[id_col].dataType)
    fn = functools.partial(
        _check_batches, id_col=id_col, text_col=text_col, on_error=on_error, linter_opts=dict(linter_opts)
    )
    return articles.select(id_col, text_col).mapInPandas(fn, schema)


def _findings_lists(texts: pd.Series, linter_opts: dict[str, Any]) -> pd.Series:
    import pandas as pd

    linter = linter_for(**linter_opts)
    out = []
    for text in texts.tolist():
        if text is None:
            out.append([])
            continue
        rows = findings_records(None, linter.check(text))
        for row in rows:
            del row["id"]
        out.append(rows)
    return pd.Series(out, index=texts.index, dtype="object")


def findings_column(**linter_opts: Any):
    """A pandas UDF for ``withColumn``: each text's findings as an array of structs.

    >>> df.withColumn("findings", findings_column(select=["boilerplate"])("text"))  # doctest: +SKIP
    """
    T = _pyspark_types()
    from pyspark.sql.functions import pandas_udf

    import pandas as pd

    element = findings_schema(with_id=False)
    fn = functools.partial(_findings_lists, linter_opts=dict(linter_opts))

    def findings(texts):
        return fn(texts)

    # pandas_udf reads the Series -> Series hints at run time (this module defers annotations).
    findings.__annotations__ = {"texts": pd.Series, "return": pd.Series}
    return pandas_udf(findings, returnType=T.ArrayType(element))
