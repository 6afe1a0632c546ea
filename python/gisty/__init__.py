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

import os
import sys


def _native_from_zip():
    """The native module when this package is imported from a zip, such as the wheel given to
    Spark's `--py-files` (or `SparkContext.addPyFile`), which executors put on sys.path as it
    is: Python imports no extension module from a zip, so it is copied out first, into a
    directory of this user's keyed by the module's hash (one copy for every worker process).
    None when the package is not in a zip."""
    import hashlib
    import importlib.util
    import tempfile
    import zipfile

    archive = getattr(globals().get("__loader__"), "archive", None)
    if not archive:
        return None
    inner = os.path.relpath(os.path.dirname(__file__), archive).replace(os.sep, "/")
    with zipfile.ZipFile(archive) as z:
        names = [
            n
            for n in z.namelist()
            if n.startswith(inner + "/_gisty.") and n.endswith((".so", ".pyd"))
        ]
        if not names:
            return None
        data = z.read(names[0])
    digest = hashlib.sha256(data).hexdigest()[:16]
    uid = os.getuid() if hasattr(os, "getuid") else 0
    folder = os.path.join(tempfile.gettempdir(), f"gisty-native-{uid}-{digest}")
    os.makedirs(folder, mode=0o700, exist_ok=True)
    info = os.stat(folder)
    if (hasattr(os, "getuid") and info.st_uid != uid) or info.st_mode & 0o022:
        # Someone else's directory, or one others can write to: a private one instead.
        folder = tempfile.mkdtemp(prefix="gisty-native-")
    path = os.path.join(folder, names[0].rsplit("/", 1)[-1])
    if not os.path.exists(path):
        partial = f"{path}.{os.getpid()}.partial"
        with open(partial, "wb") as f:
            f.write(data)
        os.replace(partial, path)  # atomic: a concurrent worker sees the whole file or none
    spec = importlib.util.spec_from_file_location("gisty._gisty", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["gisty._gisty"] = module
    spec.loader.exec_module(module)
    return module


try:
    from gisty import _gisty
except ImportError:
    _gisty = _native_from_zip()
    if _gisty is None:
        raise

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
