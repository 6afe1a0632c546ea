"""The column functions that gisty.spark and gisty.dask both run: a pandas Series of texts in,
a Series of summaries out, row by row through the core (which releases the GIL)."""

from typing import Any, Dict, List, Optional

import gisty


def check_options(options: Dict[str, Any]) -> None:
    """Raises the ValueError (or TypeError for an unknown keyword) that the options would raise
    on every row, once, where the helper is made instead of inside an executor."""
    gisty.summarize("", **options)


def sentences_of(text: Optional[str], options: Dict[str, Any]) -> Optional[List[str]]:
    """The summary's sentences of one text, as `gisty --jsonl` prints them ("summary");
    None for a missing text (a null in the column)."""
    if text is None:
        return None
    return [s.text for s in gisty.summarize(text, **options).sentences]


def struct_of(text: Optional[str], options: Dict[str, Any]) -> Optional[Dict[str, Any]]:
    """The summary of one text as plain values: its sentences with index, score and code point
    span, and its language; None for a missing text."""
    if text is None:
        return None
    summary = gisty.summarize(text, **options)
    return {
        "sentences": [
            {
                "text": s.text,
                "index": s.index,
                "score": s.score,
                "start": s.start,
                "end": s.end,
            }
            for s in summary.sentences
        ],
        "language": summary.language,
    }


def is_missing(value: Any) -> bool:
    """None, or a pandas missing value (NaN, pd.NA) in a text column."""
    if value is None:
        return True
    try:
        return value != value or str(value) == "<NA>"  # NaN is not equal to itself
    except (TypeError, ValueError):
        return False


def summarize_series(series, options: Dict[str, Any]):
    """A pandas Series of texts to a Series (object dtype) of lists of summary sentences."""
    import pandas as pd

    out = [None if is_missing(t) else sentences_of(t, options) for t in series]
    return pd.Series(out, index=series.index, dtype=object, name=series.name)
