#!/usr/bin/env python3
"""Articles per second through gisty's Python package, on one core, on two threads and through
Spark local[2], and through sumy's LexRank on the same articles, in one run.

usage: python scripts/bench-python.py [ARTICLES] [--repeats N] [--spark-copies N]
                                      [--sumy-repeats N] [--no-spark]
  ARTICLES        a JSONL file of {"id", "text"} lines (default tests/data/eval/cnndm-dev.jsonl)
  --repeats       timed passes over the articles for gisty in-process (default 20)
  --spark-copies  the articles repeated this many times as Spark's rows (default 50), so that
                  the job's fixed cost (scheduling, Python workers) is spread over many rows
  --sumy-repeats  timed passes for sumy (default 3); each pass is slow
  --no-spark      leave Spark out

Run it through scripts/bench-python.sh, which builds the release wheel (and reports its size)
and puts it first on PYTHONPATH; the release CLI's --jsonl (target/release/gisty) is timed too,
for scale. Every figure is 3-sentence summaries, after a warm-up pass;
Python's start-up, imports and the reading of the file excluded. sumy is set up as
scripts/bench-sumy.py sets it up (its regex tokenizer, Snowball stemmer, stop words). Prints
one JSON object, then one line per figure on stderr.
"""

import argparse
import importlib.util
import json
import os
import platform
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import gisty

ROOT = Path(__file__).resolve().parents[1]


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def rate(count, seconds):
    return {"articles": count, "seconds": round(seconds, 4), "articles_per_s": round(count / seconds, 1)}


def bench_gisty(texts, repeats, **options):
    for t in texts:  # warm-up
        gisty.summarize(t, **options)
    began = time.perf_counter()
    for _ in range(repeats):
        for t in texts:
            gisty.summarize(t, **options)
    return rate(len(texts) * repeats, time.perf_counter() - began)


def bench_threads(texts, repeats, threads):
    work = texts * repeats
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(gisty.summarize, texts))  # warm-up, and the threads started
        began = time.perf_counter()
        list(pool.map(gisty.summarize, work, chunksize=len(texts)))
        return rate(len(work), time.perf_counter() - began)


def bench_spark(texts, copies):
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    from gisty.spark import summarize_udf

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("gisty-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        rows = [(i, t) for i, t in enumerate(texts * copies)]
        df = spark.createDataFrame(rows, "id long, text string").repartition(4).cache()
        df.count()
        summary = summarize_udf()

        # The sum of the summaries' sizes needs every summary, so no row is pruned. A new
        # DataFrame for each run: collecting the same one again would reuse its shuffle output
        # and skip the summaries.
        def job():
            return df.select(F.size(summary("text")).alias("n")).agg(F.sum("n")).collect()[0][0]

        job()  # warm-up: the Python workers start and import gisty
        began = time.perf_counter()
        total = job()
        seconds = time.perf_counter() - began
        out = rate(len(rows), seconds)
        out["sentences"] = total
        out["spark"] = spark.version
        return out
    finally:
        spark.stop()


def bench_cli(texts, repeats):
    """The release CLI's --jsonl on the same articles, for scale: one process, its start-up and
    JSON included."""
    cli = ROOT / "target" / "release" / "gisty"
    lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts))
    data = (lines * repeats).encode("utf-8")
    subprocess.run([str(cli), "--jsonl"], input=lines.encode("utf-8"), capture_output=True, check=True)
    began = time.perf_counter()
    subprocess.run([str(cli), "--jsonl"], input=data, capture_output=True, check=True)
    return rate(len(texts) * repeats, time.perf_counter() - began)


def bench_sumy(texts, repeats):
    spec = importlib.util.spec_from_file_location("bench_sumy", ROOT / "scripts" / "bench-sumy.py")
    sumy_bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sumy_bench)
    tokenizer, summarizer = sumy_bench.RegexTokenizer(), sumy_bench.make_summarizer()
    for t in texts:  # warm-up
        sumy_bench.summarize(summarizer, tokenizer, t, 3)
    began = time.perf_counter()
    for _ in range(repeats):
        for t in texts:
            sumy_bench.summarize(summarizer, tokenizer, t, 3)
    out = rate(len(texts) * repeats, time.perf_counter() - began)
    out["sumy"] = sumy_bench.sumy.__version__
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", nargs="?", default=str(ROOT / "tests/data/eval/cnndm-dev.jsonl"))
    ap.add_argument("--repeats", type=int, default=20)
    ap.add_argument("--spark-copies", type=int, default=50)
    ap.add_argument("--sumy-repeats", type=int, default=3)
    ap.add_argument("--no-spark", action="store_true")
    args = ap.parse_args()

    texts = [a["text"] for a in load(args.articles)]
    result = {
        "articles": args.articles,
        "count": len(texts),
        "bytes": sum(len(t.encode("utf-8")) for t in texts),
        "python": platform.python_version(),
        "gisty": gisty.__version__,
        "gisty_module": gisty._gisty.__file__,
        "cpus": os.cpu_count(),
        "load_average_before": [round(x, 2) for x in os.getloadavg()],
    }
    figures = {}
    figures["gisty, one core"] = bench_gisty(texts, args.repeats)
    figures["gisty lexrank, one core"] = bench_gisty(texts, args.repeats, method="lexrank")
    figures["gisty, 2 threads"] = bench_threads(texts, args.repeats, 2)
    figures["gisty CLI --jsonl, one core"] = bench_cli(texts, args.repeats)
    if not args.no_spark:
        figures["gisty, Spark local[2]"] = bench_spark(texts, args.spark_copies)
    figures["sumy LexRank, one core"] = bench_sumy(texts, args.sumy_repeats)
    result["figures"] = figures
    result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write("\n")
    for name, f in figures.items():
        print(f"{name:30} {f['articles_per_s']:>9.1f} articles/s", file=sys.stderr)


if __name__ == "__main__":
    main()
