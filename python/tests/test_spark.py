"""gisty.spark on PySpark in local[2] mode: every summary of the CNN/DM dev set equals the CLI's."""

import pytest

import gisty
from gisty.spark import summarize_struct_udf, summarize_udf


def frame(spark, articles, partitions=4):
    rows = [(a["id"], a["text"]) for a in articles]
    return spark.createDataFrame(rows, "id string, text string").repartition(partitions)


def test_every_summary_equals_the_cli(spark, articles, cli_summaries):
    df = frame(spark, articles)
    got = {
        r["id"]: r["summary"]
        for r in df.select("id", summarize_udf()("text").alias("summary")).collect()
    }
    assert len(got) == len(articles)
    differ = [i for i in cli_summaries if got[i] != cli_summaries[i]]
    assert not differ, f"{len(differ)} summaries differ from the CLI's, first {differ[0]}"
    assert all(len(s) == 3 for s in got.values())


def test_options_reach_the_executors(spark, articles, cli_summaries_60_words):
    df = frame(spark, articles)
    udf = summarize_udf(words=60, method="lexrank")
    got = {r["id"]: r["s"] for r in df.select("id", udf("text").alias("s")).collect()}
    assert got == cli_summaries_60_words


def test_struct_udf_has_spans_and_scores(spark, articles, cli_summaries):
    by_id = {a["id"]: a["text"] for a in articles}
    df = frame(spark, articles)
    rows = df.select("id", summarize_struct_udf()("text").alias("s")).collect()
    assert len(rows) == len(articles)
    for r in rows:
        text, s = by_id[r["id"]], r["s"]
        assert s["language"] == "en"
        assert [x["text"] for x in s["sentences"]] == cli_summaries[r["id"]]
        for x in s["sentences"]:
            assert text[x["start"] : x["end"]] == x["text"]
        # The same scores and indices as the API gives on the driver.
        local = gisty.summarize(text)
        assert [(x["index"], x["score"]) for x in s["sentences"]] == [
            (y.index, y.score) for y in local.sentences
        ]


def test_null_text_is_a_null_summary(spark):
    df = spark.createDataFrame([("a", None), ("b", "One short sentence here.")], "id string, text string")
    got = {r["id"]: r["s"] for r in df.select("id", summarize_udf()("text").alias("s")).collect()}
    assert got == {"a": None, "b": ["One short sentence here."]}
    got = {r["id"]: r["s"] for r in df.select("id", summarize_struct_udf()("text").alias("s")).collect()}
    # A pandas UDF cannot return a null struct: a null text gives a struct of nulls.
    assert got["a"]["sentences"] is None and got["a"]["language"] is None
    assert got["b"]["sentences"][0]["text"] == "One short sentence here."


def test_bad_options_fail_where_the_udf_is_made():
    with pytest.raises(ValueError, match="sentences must be a whole number"):
        summarize_udf(sentences=0)
    with pytest.raises(ValueError, match="method must be one of gisty, lexrank"):
        summarize_struct_udf(method="bart")
