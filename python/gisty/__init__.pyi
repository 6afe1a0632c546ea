"""Types of the gisty package (the native module gisty._gisty, re-exported)."""

from datetime import datetime
from typing import Iterable, List, Literal, Mapping, Optional, Sequence, Tuple, TypedDict, Union

__version__: str
#: The languages this build stems, as ISO 639-1 codes.
LANGUAGES: List[str]
#: The scoring methods: "gisty", "lexrank", "textrank", "lead".
METHODS: List[str]
#: The most text summarized at once, in UTF-8 bytes (50 MiB); more is a ValueError.
MAX_INPUT_BYTES: int
#: The most documents summarize_many takes.
MAX_DOCUMENTS: int

MethodName = Literal["gisty", "lexrank", "textrank", "lead"]

class ScoredSentence:
    """A sentence of the input with its score: `doc_text[start:end] == text`."""

    @property
    def text(self) -> str: ...
    @property
    def index(self) -> int:
        """Its index among its document's sentences (headings and boilerplate not counted)."""
    @property
    def score(self) -> float:
        """Higher is more summary-worthy; comparable within one call only."""
    @property
    def start(self) -> int:
        """Where it starts in its document, in code points (a Python string index)."""
    @property
    def end(self) -> int:
        """Where it ends in its document (exclusive), in code points."""
    @property
    def doc(self) -> int:
        """Its document: 0 for one text, the index into `docs` for summarize_many."""
    @property
    def support(self) -> List[int]:
        """summarize_many only: the documents that report the same content (its own among
        them), ascending; empty otherwise."""

class Summary:
    """The chosen sentences in document order, and what they were chosen from."""

    @property
    def sentences(self) -> List[ScoredSentence]: ...
    @property
    def total_sentences(self) -> int: ...
    @property
    def total_words(self) -> int: ...
    @property
    def language(self) -> str:
        """The language it was summarized in: an ISO 639-1 code, or "und"."""
    def words(self) -> int:
        """Words in the summary."""
    def __len__(self) -> int: ...

class Duplicate:
    """Two documents that say nearly the same thing."""

    @property
    def a(self) -> int: ...
    @property
    def b(self) -> int: ...
    @property
    def similarity(self) -> float: ...

class MultiSummary:
    """A summary of several documents, its sentences in story order."""

    @property
    def sentences(self) -> List[ScoredSentence]: ...
    @property
    def duplicates(self) -> List[Duplicate]: ...
    @property
    def similarity(self) -> List[List[float]]: ...
    @property
    def total_sentences(self) -> int: ...
    @property
    def total_words(self) -> int: ...
    @property
    def languages(self) -> List[str]: ...
    def words(self) -> int: ...
    def __len__(self) -> int: ...

class Keyword:
    """A key phrase: a term the text keeps returning to."""

    @property
    def text(self) -> str: ...
    @property
    def score(self) -> float:
        """Relative weight: the best phrase scores 1."""
    @property
    def count(self) -> int: ...

class ReadFile:
    """A file read into text by read_file."""

    @property
    def text(self) -> str: ...
    @property
    def format(self) -> Literal["text", "markdown", "html", "docx", "odt", "epub"]: ...
    @property
    def encoding(self) -> Optional[str]: ...
    @property
    def warnings(self) -> List[str]: ...

class _DocDict(TypedDict, total=False):
    text: str
    title: Optional[str]
    date: Union[int, datetime, None]

Doc = Union[str, _DocDict, Mapping[str, object]]

def summarize(
    text: str,
    *,
    sentences: Optional[int] = None,
    ratio: Optional[float] = None,
    words: Optional[int] = None,
    method: Optional[MethodName] = "gisty",
    language: Optional[str] = None,
    focus: Optional[str] = None,
    title: Optional[str] = None,
    redundancy: Optional[float] = 0.5,
    position: Optional[bool] = True,
    language_hint: Optional[str] = None,
) -> Summary:
    """The best sentences of `text` within the length (at most one of sentences, ratio, words;
    default 3 sentences), in document order."""

def rank(
    text: str,
    *,
    sentences: Optional[int] = None,
    ratio: Optional[float] = None,
    words: Optional[int] = None,
    method: Optional[MethodName] = "gisty",
    language: Optional[str] = None,
    focus: Optional[str] = None,
    title: Optional[str] = None,
    redundancy: Optional[float] = 0.5,
    position: Optional[bool] = True,
    language_hint: Optional[str] = None,
) -> List[ScoredSentence]:
    """Every sentence of `text` with its score, in document order."""

def summarize_many(
    docs: Iterable[Doc],
    *,
    sentences: Optional[int] = None,
    ratio: Optional[float] = None,
    words: Optional[int] = None,
    method: Optional[MethodName] = "gisty",
    language: Optional[str] = None,
    focus: Optional[str] = None,
    title: Optional[str] = None,
    redundancy: Optional[float] = 0.5,
    position: Optional[bool] = True,
    language_hint: Optional[str] = None,
) -> MultiSummary:
    """Several documents about one subject summarized together."""

def keywords(
    text: str,
    n: Optional[int] = 10,
    *,
    language: Optional[str] = None,
    language_hint: Optional[str] = None,
) -> List[Keyword]:
    """The top `n` key phrases of `text`."""

def keywords_many(
    docs: Iterable[Doc],
    n: Optional[int] = 10,
    *,
    language: Optional[str] = None,
    language_hint: Optional[str] = None,
) -> List[Keyword]:
    """The top `n` key phrases of several documents together."""

def detect_language(text: str) -> str:
    """An ISO 639-1 code, or "und" when unsure or not a language gisty knows."""

def read_file(data: bytes, name: str) -> ReadFile:
    """A file's bytes as text, as the CLI reads them (text, .docx, .odt, .epub)."""
