#!/usr/bin/env python3
"""How long sumy's LexRank takes per article, for scripts/bench-page.mjs's comparison.

usage: python3 scripts/bench-sumy.py ARTICLES [--sentences N] [--repeats N] [--file PATH]...
  ARTICLES     a JSON list of {"id", "text"} (bench-page.mjs's articles.json) or a JSONL file
               of such lines (tests/data/eval/cnndm-dev.jsonl)
  --sentences  the summary length (default 3)
  --repeats    timed passes over the articles after one warm-up pass (default 3)
  --file PATH  also time one whole text file (once, after a warm-up on the first article)

Prints one JSON object: per article, the median of its passes in ms (parse and summarize, from
the text to the chosen sentences; Python's start-up and imports excluded), and their median,
p95 and mean.

sumy's default tokenizer needs NLTK's 'punkt' data, which is not downloaded here: sentences and
words come from the small regex tokenizer below instead, with sumy's own English Snowball
stemmer and stop words. Needs `pip install sumy` (0.13) and numpy.
"""

import argparse
import json
import math
import re
import statistics
import sys
import time

try:
    import sumy
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words
except ImportError as e:  # the runner installs it; alone, say how
    sys.exit(f"bench-sumy.py: {e}: python3 -m pip install sumy==0.13.0")


class RegexTokenizer:
    """Sentences end at . ! ? (with closing quotes or brackets) before a capital, a digit or an
    opening quote; words are runs of letters with inner apostrophes or hyphens, as sumy keeps
    them."""

    language = "english"
    _SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
    _WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*")

    def to_sentences(self, paragraph):
        return [s.strip() for s in self._SENTENCE_END.split(paragraph) if s.strip()]

    def to_words(self, sentence):
        return tuple(self._WORD.findall(sentence))


def load(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if text.lstrip().startswith("["):
        return json.loads(text)
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def make_summarizer():
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return summarizer


def summarize(summarizer, tokenizer, text, n):
    parser = PlaintextParser.from_string(text, tokenizer)
    return summarizer(parser.document, n)


def quantile(sorted_values, q):
    i = min(len(sorted_values) - 1, max(0, math.ceil(q * len(sorted_values)) - 1))
    return sorted_values[i]


def main():
    ap = argparse.ArgumentParser(description="Times sumy's LexRank per article.")
    ap.add_argument("articles")
    ap.add_argument("--sentences", type=int, default=3)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--file", action="append", default=[])
    args = ap.parse_args()

    articles = load(args.articles)
    tokenizer = RegexTokenizer()
    summarizer = make_summarizer()
    n = args.sentences

    for a in articles:  # warm-up: imports, the stemmer's caches, numpy
        summarize(summarizer, tokenizer, a["text"], n)

    times = [[] for _ in articles]
    empty = 0
    for _ in range(args.repeats):
        for i, a in enumerate(articles):
            t = time.perf_counter()
            chosen = summarize(summarizer, tokenizer, a["text"], n)
            times[i].append((time.perf_counter() - t) * 1e3)
            empty += not chosen
    each = [statistics.median(t) for t in times]
    ordered = sorted(each)

    files = []
    for path in args.file:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        t = time.perf_counter()
        chosen = summarize(summarizer, tokenizer, text, n)
        files.append(
            {
                "file": path,
                "bytes": len(text.encode("utf-8")),
                "ms": (time.perf_counter() - t) * 1e3,
                "sentences": len(chosen),
            }
        )

    json.dump(
        {
            "system": f"sumy {sumy.__version__} LexRank (regex tokenizer, Snowball stemmer)",
            "python": sys.version.split()[0],
            "sentences": n,
            "repeats": args.repeats,
            "count": len(articles),
            "emptySummaries": empty,
            "median": quantile(ordered, 0.5),
            "p95": quantile(ordered, 0.95),
            "mean": sum(each) / len(each),
            "min": ordered[0],
            "max": ordered[-1],
            "articles": [{"id": a["id"], "ms": t} for a, t in zip(articles, each)],
            "files": files,
        },
        sys.stdout,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
