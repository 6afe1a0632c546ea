"""gisty on Dask: a dask.dataframe column of texts summarized partition by partition.

    import dask.dataframe as dd
    from gisty.dask import summarize_column

    df = dd.read_json("articles-*.jsonl", lines=True)           # id, text
    df = summarize_column(df, "text", sentences=3)              # adds "summary"
    df[["id", "summary"]].to_parquet("summaries")

The work is one `map_partitions` call of gisty.dask.summarize_partition; the core releases the
GIL, so Dask's default threaded scheduler runs partitions on every core. The options are checked
once, when the graph is built: a bad one raises ValueError there, not in a worker.
"""

from typing import Any

from gisty import _frames


def summarize_partition(frame, column: str, output: str, options: dict):
    """One pandas partition with `output` added: the summary sentences (a list of str) of each
    text of `column`, as `gisty --jsonl` prints them; None for a missing text."""
    frame = frame.copy()
    frame[output] = _frames.summarize_series(frame[column], options)
    return frame


def summarize_column(df, column: str = "text", output: str = "summary", **options: Any):
    """`df` (a dask.dataframe.DataFrame) with a column `output` of summaries of `column`, by
    map_partitions. `options` are gisty.summarize's keywords."""
    import pandas as pd

    _frames.check_options(options)
    meta = df._meta.copy()
    meta[output] = pd.Series([], dtype=object)
    return df.map_partitions(summarize_partition, column, output, options, meta=meta)
