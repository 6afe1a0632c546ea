"""gisty.dask: map_partitions over a dask.dataframe gives the CLI's summaries of the CNN/DM dev set."""

import dask
import dask.dataframe as dd
import pandas as pd
import pytest

from gisty.dask import summarize_column, summarize_partition


def frame(articles, partitions=4):
    pdf = pd.DataFrame({"id": [a["id"] for a in articles], "text": [a["text"] for a in articles]})
    return dd.from_pandas(pdf, npartitions=partitions)


@pytest.mark.parametrize("scheduler", ["threads", "processes"])
def test_every_summary_equals_the_cli(articles, cli_summaries, scheduler):
    df = summarize_column(frame(articles), "text")
    with dask.config.set(scheduler=scheduler):
        out = df[["id", "summary"]].compute()
    got = dict(zip(out["id"], out["summary"]))
    assert len(got) == len(articles)
    assert {k: list(v) for k, v in got.items()} == cli_summaries


def test_options_and_output_name(articles, cli_summaries_60_words):
    df = summarize_column(frame(articles), "text", "gist", words=60, method="lexrank")
    out = df.compute(scheduler="threads")
    assert list(out.columns) == ["id", "text", "gist"]
    assert {i: list(s) for i, s in zip(out["id"], out["gist"])} == cli_summaries_60_words


def test_partition_function_alone_keeps_missing_texts_missing():
    pdf = pd.DataFrame({"text": ["One short sentence here.", None]})
    out = summarize_partition(pdf, "text", "summary", {})
    assert list(out["summary"][0]) == ["One short sentence here."]
    assert out["summary"][1] is None
    assert "summary" not in pdf.columns  # the partition given is left as it was


def test_bad_options_fail_when_the_graph_is_built(articles):
    with pytest.raises(ValueError, match="ratio must be a number above 0 and at most 1"):
        summarize_column(frame(articles[:4], 1), "text", ratio=2)
