#!/usr/bin/env python3
"""Checks that the labelled language data in this folder is well-formed.

Usage: python3 tests/data/lang/check.py [--table]

It validates detect.jsonl (valid JSON objects, known labels, 200-2000 characters counted as
Unicode code points, no duplicate texts, at least 20 texts a language, at least 10 texts of
languages gisty does not know labelled "und" with an "actual" code) and the articles (one per
language, a headline line without a final stop, a blank line, then 4-6 paragraphs). It prints
every problem it finds and exits 1 when there is one, 0 otherwise. With --table it also prints
the per-language counts as a Markdown table (the one in README.md).
"""

import json
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

# The languages gisty knows (ISO 639-1), as issue 14 lists them.
KNOWN = (
    "ar da nl en fi fr de el hu it no pt ro ru es sv ta tr zh ja ko".split()
)
MIN_PER_LANGUAGE = 20
MIN_UNKNOWN = 10
MIN_CHARS, MAX_CHARS = 200, 2000
# Articles are measured in words, except where words are not separated by spaces.
CHAR_COUNTED = {"zh", "ja"}
ARTICLE_WORDS = (250, 600)
ARTICLE_CHARS = (500, 1200)
ARTICLE_PARAGRAPHS = (4, 6)
FINAL_STOPS = ".。!！?？;；…"


def bucket(n):
    if n <= 400:
        return "short"
    if n <= 900:
        return "medium"
    return "long"


def check_detect(path, problems):
    counts = {}
    buckets = {}
    actual = {}
    seen = {}
    if not os.path.exists(path):
        problems.append(f"{path}: missing")
        return counts, buckets, actual
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    if raw and not raw.endswith("\n"):
        problems.append(f"{path}: the last line does not end with a newline")
    for number, line in enumerate(raw.split("\n")[:-1] if raw else [], start=1):
        where = f"detect.jsonl:{number}"
        if not line.strip():
            problems.append(f"{where}: empty line")
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"{where}: not valid JSON ({e})")
            continue
        if not isinstance(row, dict):
            problems.append(f"{where}: not a JSON object")
            continue
        lang, text = row.get("lang"), row.get("text")
        if not isinstance(lang, str) or not isinstance(text, str):
            problems.append(f"{where}: needs string fields \"lang\" and \"text\"")
            continue
        expected = {"lang", "text"} | ({"actual"} if lang == "und" else set())
        if set(row) != expected:
            problems.append(f"{where}: fields {sorted(row)}, expected {sorted(expected)}")
        if lang == "und":
            code = row.get("actual")
            if not isinstance(code, str) or not code.isascii() or not code.isalpha() or len(code) not in (2, 3):
                problems.append(f"{where}: \"actual\" must be an ISO 639 code, got {code!r}")
            elif code in KNOWN:
                problems.append(f"{where}: \"actual\" {code!r} is a language gisty knows; label it {code!r}")
            else:
                actual[code] = actual.get(code, 0) + 1
        elif lang not in KNOWN:
            problems.append(f"{where}: unknown label {lang!r}")
            continue
        n = len(text)
        if not MIN_CHARS <= n <= MAX_CHARS:
            problems.append(f"{where}: {n} characters, outside {MIN_CHARS}-{MAX_CHARS}")
        if text != text.strip():
            problems.append(f"{where}: leading or trailing white space")
        if any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in text):
            problems.append(f"{where}: control characters in the text")
        if "\ufffd" in text:
            problems.append(f"{where}: a replacement character (broken encoding)")
        if text in seen:
            problems.append(f"{where}: duplicate of line {seen[text]}")
        else:
            seen[text] = number
        counts[lang] = counts.get(lang, 0) + 1
        per = buckets.setdefault(lang, {"short": 0, "medium": 0, "long": 0})
        per[bucket(n)] += 1
    for lang in KNOWN:
        if counts.get(lang, 0) < MIN_PER_LANGUAGE:
            problems.append(f"detect.jsonl: {counts.get(lang, 0)} texts labelled {lang!r}, need {MIN_PER_LANGUAGE}")
    if counts.get("und", 0) < MIN_UNKNOWN:
        problems.append(f"detect.jsonl: {counts.get('und', 0)} texts labelled 'und', need {MIN_UNKNOWN}")
    return counts, buckets, actual


def check_article(lang, path, problems):
    where = f"articles/{lang}.txt"
    if not os.path.exists(path):
        problems.append(f"{where}: missing")
        return None
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    lines = raw.split("\n")
    if len(lines) < 3:
        problems.append(f"{where}: needs a headline, a blank line and a body")
        return None
    headline = lines[0]
    if not headline.strip() or headline != headline.strip():
        problems.append(f"{where}: the first line must be a headline without surrounding space")
    elif headline[-1] in FINAL_STOPS:
        problems.append(f"{where}: the headline ends with a stop {headline[-1]!r}")
    if lines[1] != "":
        problems.append(f"{where}: the second line must be blank")
    body = "\n".join(lines[2:]).strip()
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    low, high = ARTICLE_PARAGRAPHS
    if not low <= len(paragraphs) <= high:
        problems.append(f"{where}: {len(paragraphs)} paragraphs, expected {low}-{high}")
    if lang in CHAR_COUNTED:
        size = sum(1 for c in body if not c.isspace())
        low, high = ARTICLE_CHARS
        unit = "characters"
    else:
        size = len(body.split())
        low, high = ARTICLE_WORDS
        unit = "words"
    if not low <= size <= high:
        problems.append(f"{where}: {size} {unit} in the body, expected {low}-{high}")
    if "\ufffd" in raw:
        problems.append(f"{where}: a replacement character (broken encoding)")
    return size, unit, len(paragraphs)


def main():
    problems = []
    counts, buckets, actual = check_detect(os.path.join(HERE, "detect.jsonl"), problems)
    sizes = {}
    for lang in KNOWN:
        sizes[lang] = check_article(lang, os.path.join(HERE, "articles", f"{lang}.txt"), problems)
    if "--table" in sys.argv[1:]:
        print("| label | texts | 200-400 | 401-900 | 901-2000 | article |")
        print("| --- | ---: | ---: | ---: | ---: | --- |")
        for lang in KNOWN + ["und"]:
            b = buckets.get(lang, {"short": 0, "medium": 0, "long": 0})
            art = sizes.get(lang)
            art = f"{art[0]} {art[1]}, {art[2]} paragraphs" if art else ""
            print(f"| {lang} | {counts.get(lang, 0)} | {b['short']} | {b['medium']} | {b['long']} | {art} |")
        total = sum(counts.values())
        print(f"| all | {total} | " + " | ".join(
            str(sum(b[k] for b in buckets.values())) for k in ("short", "medium", "long")) + " | |")
        if actual:
            print()
            print("und texts by actual language: " + ", ".join(f"{k} {v}" for k, v in sorted(actual.items())))
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"check.py: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"check.py: ok, {sum(counts.values())} texts, {len(KNOWN)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
