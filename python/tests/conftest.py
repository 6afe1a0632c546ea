"""Fixtures shared by the Python tests: the repository's data, the CLI's answers on the CNN/DM
dev set, and one Spark session for every Spark test (starting one takes seconds)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEV_SET = ROOT / "tests" / "data" / "eval" / "cnndm-dev.jsonl"
SAMPLES = ROOT / "tests" / "data" / "samples"


def cli_path() -> Path:
    """The release CLI (scripts/test-python.sh builds it), or $GISTY_CLI."""
    return Path(os.environ.get("GISTY_CLI", ROOT / "target" / "release" / "gisty"))


@pytest.fixture(scope="session")
def articles():
    with open(DEV_SET, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    assert len(rows) == 100, f"{DEV_SET} should hold 100 articles, has {len(rows)}"
    return rows


@pytest.fixture(scope="session")
def samples():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    assert len(texts) == 5
    return texts


def run_cli(rows, *flags):
    """`gisty --jsonl FLAGS` on `rows` ({"id", "text"}): its "summary" by id."""
    cli = cli_path()
    if not cli.exists():
        pytest.fail(f"{cli} is missing: cargo build --release --bin gisty (or set GISTY_CLI)")
    lines = "".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in rows)
    done = subprocess.run(
        [str(cli), "--jsonl", *flags],
        input=lines.encode("utf-8"),
        capture_output=True,
        check=True,
    )
    out = {}
    for line in done.stdout.decode("utf-8").splitlines():
        reply = json.loads(line)
        assert "error" not in reply, reply
        out[reply["id"]] = reply["summary"]
    assert len(out) == len(rows)
    return out


@pytest.fixture(scope="session")
def cli_summaries(articles):
    return run_cli(articles)


@pytest.fixture(scope="session")
def cli_summaries_60_words(articles):
    return run_cli(articles, "--words", "60", "--method", "lexrank")


@pytest.fixture(scope="session")
def spark():
    from pyspark.sql import SparkSession

    # The executors' Python is this one, where gisty is installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("gisty-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
