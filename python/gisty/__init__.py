"""gisty picks the sentences that carry a text's gist: an extractive summarizer, the Rust core of
the gisty CLI and web page as a Python package.

>>> import gisty
>>> text = ("The council approved the new park on Monday. The park will open in May. "
...         "Critics said the park is too small. Residents cheered the park decision.")
>>> summary = gisty.summarize(text, sentences=2)
>>> [text[s.start:s.end] == s.text for s in summary.sentences]
[True, True]

Offsets (`start`, `end`) are code points into the string given, so they slice it directly.
Bad options raise ValueError naming the keyword and what it allows. The core releases the GIL
while it works: threads summarize in parallel.

`gisty.spark` (pandas UDFs for PySpark) and `gisty.dask` (a map_partitions helper) are imported
on their own, so that `import gisty` needs neither.
"""

from gisty._gisty import (
    LANGUAGES,
    MAX_DOCUMENTS,
    MAX_INPUT_BYTES,
    METHODS,
    Duplicate,
    Keyword,
    MultiSummary,
    ReadFile,
    ScoredSentence,
    Summary,
    __version__,
    detect_language,
    keywords,
    keywords_many,
    rank,
    read_file,
    summarize,
    summarize_many,
)

__all__ = [
    "LANGUAGES",
    "MAX_DOCUMENTS",
    "MAX_INPUT_BYTES",
    "METHODS",
    "Duplicate",
    "Keyword",
    "MultiSummary",
    "ReadFile",
    "ScoredSentence",
    "Summary",
    "__version__",
    "detect_language",
    "keywords",
    "keywords_many",
    "rank",
    "read_file",
    "summarize",
    "summarize_many",
]
