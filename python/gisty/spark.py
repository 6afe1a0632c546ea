"""gisty on Spark: pandas UDFs (Arrow-backed) that summarize a string column.

    from pyspark.sql import SparkSession
    from gisty.spark import summarize_udf

    spark = SparkSession.builder.getOrCreate()
    df = spark.read.json("articles.jsonl")                      # id, text
    summary = summarize_udf(sentences=3)                        # any gisty.summarize keyword
    df.select("id", summary("text").alias("summary")).write.json("summaries")

Each executor needs the gisty package (ship the wheel: see the README's Python section). The
options are checked once, where the UDF is made: a bad one raises ValueError there, not in an
executor. A null text gives a null summary (summarize_udf), or a struct whose fields are null
(summarize_struct_udf: a pandas UDF cannot return a null struct).
"""

from typing import Any

from pyspark.sql.functions import pandas_udf
from pyspark.sql.types import (
    ArrayType,
    DoubleType,
    LongType,
    StringType,
    StructField,
    StructType,
)

from gisty import _frames

#: The type of summarize_udf's column: the summary's sentences, as `gisty --jsonl` prints them.
SUMMARY_TYPE = ArrayType(StringType())

#: The type of summarize_struct_udf's column.
SENTENCE_TYPE = StructType(
    [
        StructField("text", StringType()),
        StructField("index", LongType()),
        StructField("score", DoubleType()),
        # Code points into the row's text: text[start:end] in Python, substring(text, start + 1,
        # end - start) in Spark SQL (which counts characters as code points too).
        StructField("start", LongType()),
        StructField("end", LongType()),
    ]
)
STRUCT_TYPE = StructType(
    [
        StructField("sentences", ArrayType(SENTENCE_TYPE)),
        StructField("language", StringType()),
    ]
)


def summarize_udf(**options: Any):
    """A pandas UDF mapping a string column to an array<string> column: each text's summary
    sentences in document order. `options` are gisty.summarize's keywords (sentences, ratio,
    words, method, language, focus, title, redundancy, position, language_hint)."""
    _frames.check_options(options)

    @pandas_udf(SUMMARY_TYPE)
    def summarize(texts):
        return _frames.summarize_series(texts, options)

    return summarize


def summarize_struct_udf(**options: Any):
    """A pandas UDF mapping a string column to a struct column: `sentences`, an array of
    struct<text, index, score, start, end> (code point spans into the text), and `language`.
    `options` as for summarize_udf."""
    _frames.check_options(options)

    @pandas_udf(STRUCT_TYPE)
    def summarize(texts):
        import pandas as pd

        rows = [
            None if _frames.is_missing(t) else _frames.struct_of(t, options) for t in texts
        ]
        # A struct column is a DataFrame of its fields; a null row is nulls in every field.
        return pd.DataFrame(
            {
                "sentences": [None if r is None else r["sentences"] for r in rows],
                "language": [None if r is None else r["language"] for r in rows],
            },
            index=texts.index,
        )

    return summarize
