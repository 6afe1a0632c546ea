#!/usr/bin/env python3
"""ROUGE of predicted summaries against the reference summaries of a dev set.

usage: scripts/score.py GOLD.jsonl PRED.jsonl [--recall] [--words N] [--per-item FILE]

GOLD: one JSON object a line, with "id" and either "reference" (one summary) or "references"
      (several, as in multi-document sets); a summary is a list of sentences or one string.
PRED: one JSON object a line, with "id" and "summary" (a list of sentences or one string), as
      `gisty --jsonl` writes it.

Prints two lines: the item count, then ROUGE-1, ROUGE-2 and ROUGE-Lsum x100, averaged over the
gold items. An item without a prediction counts as 0 (and is counted as missing); with several
references, an item's score is their mean. F1 by default; --recall gives recall, and --words N
first cuts each prediction to its first N words (the DUC convention for length-limited
summaries). --per-item FILE also writes each item's three figures as JSON lines.

The metric is Google's rouge-score package (Lin 2004's ROUGE, Porter stemming; Lsum splits
summaries at newlines, so every sentence goes on a line of its own).
"""
import argparse
import json
import sys

METRICS = ("rouge1", "rouge2", "rougeLsum")


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def as_lines(summary):
    """A summary as rouge-score's Lsum wants it: one sentence a line."""
    if isinstance(summary, str):
        return summary.strip()
    return "\n".join(str(s).strip() for s in summary)


def first_words(text, n):
    """The first n words of text, sentence breaks kept (Lsum needs them)."""
    out, left = [], n
    for line in text.split("\n"):
        if left <= 0:
            break
        words = line.split()[:left]
        left -= len(words)
        if words:
            out.append(" ".join(words))
    return "\n".join(out)


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("gold")
    p.add_argument("pred")
    p.add_argument("--recall", action="store_true", help="recall instead of F1")
    p.add_argument("--words", type=int, default=None, help="cut predictions to N words")
    p.add_argument("--per-item", default=None, help="write per-item figures here")
    a = p.parse_args(argv)
    if a.words is not None and a.words <= 0:
        p.error("--words takes a positive number")
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        sys.exit("score.py needs rouge-score: python3 -m pip install rouge-score")

    gold = read_jsonl(a.gold)
    pred = {}
    for item in read_jsonl(a.pred):
        if "summary" in item:
            pred[item["id"]] = item["summary"]
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    field = "recall" if a.recall else "fmeasure"
    sums = dict.fromkeys(METRICS, 0.0)
    missing = 0
    rows = []
    for g in gold:
        refs = g["references"] if "references" in g else [g["reference"]]
        if g["id"] not in pred:
            missing += 1
            rows.append({"id": g["id"], **dict.fromkeys(METRICS, 0.0)})
            continue
        hyp = as_lines(pred[g["id"]])
        if a.words is not None:
            hyp = first_words(hyp, a.words)
        item = dict.fromkeys(METRICS, 0.0)
        for ref in refs:
            scores = scorer.score(as_lines(ref), hyp)
            for m in METRICS:
                item[m] += getattr(scores[m], field) / len(refs)
        for m in METRICS:
            sums[m] += item[m]
        rows.append({"id": g["id"], **item})
    n = max(len(gold), 1)
    if a.per_item:
        with open(a.per_item, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r) + "\n")
    print(f"items {len(gold)}  missing {missing}  ROUGE {'recall' if a.recall else 'F1'} x100")
    print("  ".join(f"{label} {100 * sums[m] / n:.2f}" for label, m in zip(("R-1", "R-2", "R-Lsum"), METRICS)))


if __name__ == "__main__":
    main(sys.argv[1:])
