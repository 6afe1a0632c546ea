"""The Python API: results, offsets in code points, options and their errors, the GIL."""

import sys
import threading
from pathlib import Path

import pytest

import gisty

ROOT = Path(__file__).resolve().parents[2]

# Accents (two bytes in UTF-8), CJK (three), and astral characters (four bytes, one code point,
# two UTF-16 units): a byte or UTF-16 offset would slice this text wrong.
ASTRAL = (
    "Le conseil 🏛️ a approuvé le nouveau parc lundi, après un débat de trois heures. "
    "Le parc 🌳 ouvrira en mai, selon la maire 𝒜nne Dupré, qui a salué le vote. "
    "Les critiques disent que le parc est trop petit pour le quartier 北区. "
    "Les habitants 😀 ont applaudi la décision du conseil sur le parc. "
    "Le budget du parc sera voté en juin par le même conseil municipal."
)


def test_summary_in_document_order_with_scores(articles):
    text = articles[0]["text"]
    s = gisty.summarize(text)
    assert len(s) == 3 and len(s.sentences) == 3
    assert [x.index for x in s.sentences] == sorted(x.index for x in s.sentences)
    assert s.language == "en"
    assert s.total_sentences > 3 and s.total_words > s.words() > 0
    ranked = gisty.rank(text)
    assert len(ranked) == s.total_sentences
    by_index = {x.index: x for x in ranked}
    for x in s.sentences:
        assert by_index[x.index] == x  # the same sentence, score and span as rank gives
        assert x.doc == 0 and x.support == []


def test_offsets_are_code_points_on_astral_text():
    assert len(ASTRAL) < len(ASTRAL.encode("utf-8"))
    assert len(ASTRAL) < len(ASTRAL.encode("utf-16-le")) // 2  # astral: two UTF-16 units
    ranked = gisty.rank(ASTRAL)
    assert len(ranked) == 5
    for x in ranked:
        assert ASTRAL[x.start : x.end] == x.text
    assert ranked[-1].end == len(ASTRAL)
    s = gisty.summarize(ASTRAL, sentences=2)
    assert s.language == "fr"
    for x in s.sentences:
        assert ASTRAL[x.start : x.end] == x.text


def test_offsets_index_each_document_of_many(samples):
    docs = [ASTRAL, samples[0], "🙂 " + ASTRAL]
    m = gisty.summarize_many(docs, sentences=6)
    assert len(m.sentences) == 6
    for x in m.sentences:
        assert docs[x.doc][x.start : x.end] == x.text
        assert x.doc in x.support and x.support == sorted(x.support)


def test_api_equals_the_cli(articles, cli_summaries):
    for a in articles:
        got = [x.text for x in gisty.summarize(a["text"]).sentences]
        assert got == cli_summaries[a["id"]], a["id"]


def test_lengths():
    text = ASTRAL
    assert len(gisty.summarize(text, sentences=1)) == 1
    assert len(gisty.summarize(text, ratio=0.4)) == 2  # 40% of 5 sentences
    s = gisty.summarize(text, words=20)
    assert 0 < s.words() <= 20
    assert len(gisty.summarize(text, sentences=50)) == 5
    lead = gisty.summarize(text, sentences=2, method="lead")
    assert [x.index for x in lead.sentences] == [0, 1]
    assert gisty.summarize(text, method="LexRank").sentences  # names in any case


def test_empty_and_sentence_less_text_is_an_empty_summary():
    for text in ["", "   \n\n", "#tag #tag2"]:
        s = gisty.summarize(text)
        assert s.sentences == [] and len(s) == 0


def test_language_given_detected_and_hinted():
    assert gisty.detect_language(ASTRAL) == "fr"
    assert gisty.summarize(ASTRAL, language="en").language == "en"
    assert gisty.summarize(ASTRAL, language="auto").language == "fr"
    assert gisty.summarize(ASTRAL, language_hint="de").language == "fr"  # the text is clear
    assert "en" in gisty.LANGUAGES and "fr" in gisty.LANGUAGES
    assert gisty.METHODS == ["gisty", "lexrank", "textrank", "lead"]


def test_focus_and_title_change_the_choice(articles):
    text = articles[3]["text"]
    plain = {x.index for x in gisty.summarize(text).sentences}
    target = next(x for x in gisty.rank(text) if "Greenslade" in x.text)
    assert target.index not in plain
    focused = gisty.summarize(text, focus="commentator Greenslade")
    assert target.index in {x.index for x in focused.sentences}
    titled = gisty.rank(text, title="Greenslade on the verdict")
    assert [x.score for x in titled] != [x.score for x in gisty.rank(text)]


def test_summarize_many_support_duplicates_and_languages(samples):
    m = gisty.summarize_many(samples)
    assert len(m.languages) == 5 and set(m.languages) == {"en"}
    assert len(m.similarity) == 5 and all(len(r) == 5 for r in m.similarity)
    assert m.duplicates, "two of the samples are rewrites of each other"
    d = m.duplicates[0]
    assert d.a < d.b and d.similarity >= 0.35
    assert any(len(x.support) > 1 for x in m.sentences)
    dicts = [{"text": t, "title": None} for t in samples]
    assert [x.text for x in gisty.summarize_many(dicts).sentences] == [x.text for x in m.sentences]


def test_keywords(samples):
    k = gisty.keywords(samples[0], 5)
    assert 0 < len(k) <= 5
    assert k[0].score == 1.0 and all(x.count >= 1 for x in k)
    assert len(gisty.keywords(samples[0])) <= 10
    assert gisty.keywords_many(samples, 3)


def test_read_file_reads_a_word_document():
    data = (ROOT / "tests" / "data" / "files" / "article.docx").read_bytes()
    f = gisty.read_file(data, "article.docx")
    assert f.format == "docx" and f.encoding is None
    assert gisty.summarize(f.text).sentences
    with pytest.raises(ValueError):
        gisty.read_file(data[: len(data) // 2], "article.docx")


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"sentences": 0}, "sentences must be a whole number of at least 1, got 0"),
        ({"sentences": 2.5}, "sentences must be a whole number of at least 1, got 2.5"),
        ({"sentences": True}, "sentences must be a whole number of at least 1, got True"),
        ({"words": -3}, "words must be a whole number of at least 1, got -3"),
        ({"ratio": 1.5}, "ratio must be a number above 0 and at most 1, got 1.5"),
        ({"ratio": 0}, "ratio must be a number above 0 and at most 1, got 0"),
        ({"ratio": float("nan")}, "ratio must be a number above 0 and at most 1, got nan"),
        ({"ratio": "30%"}, "ratio must be a number above 0 and at most 1, got '30%'"),
        ({"sentences": 2, "words": 40}, "sentences and words cannot be used together"),
        ({"method": "bart"}, "method must be one of gisty, lexrank, textrank, lead, got 'bart'"),
        ({"method": 3}, "method must be one of gisty, lexrank, textrank, lead, got 3"),
        ({"language": "xx"}, "language must be None, \"auto\" or a language code (one of ar,"),
        ({"language_hint": 7}, "language_hint must be None or a language tag"),
        ({"redundancy": 2}, "redundancy must be a number from 0 to 1, got 2"),
        ({"position": "yes"}, "position must be True or False, got 'yes'"),
        ({"focus": ["a"]}, "focus must be None or a str, got ['a']"),
        ({"title": 1}, "title must be None or a str, got 1"),
    ],
)
def test_bad_options_raise_value_error_naming_the_keyword(kwargs, message):
    for call in (gisty.summarize, gisty.rank):
        with pytest.raises(ValueError) as e:
            call("A sentence.", **kwargs)
        assert message in str(e.value)
    with pytest.raises(ValueError) as e:
        gisty.summarize_many(["A sentence."], **kwargs)
    assert message in str(e.value)


def test_bad_input_raises_a_clear_error():
    with pytest.raises(TypeError, match="unexpected keyword argument 'sentence'"):
        gisty.summarize("A sentence.", sentence=2)
    with pytest.raises(TypeError, match="text must be a str, got bytes"):
        gisty.summarize(b"A sentence.")
    with pytest.raises(UnicodeEncodeError):  # a ValueError: UTF-8 cannot hold a lone surrogate
        gisty.summarize("A \ud800 sentence.")
    with pytest.raises(ValueError, match=r"docs must be a list of str"):
        gisty.summarize_many("one text")
    with pytest.raises(ValueError, match=r"docs\[1\] must be a str or a dict"):
        gisty.summarize_many(["A sentence.", 3])
    with pytest.raises(ValueError, match=r"docs\[0\] has an unknown key 'titel'"):
        gisty.summarize_many([{"text": "A sentence.", "titel": "x"}])
    with pytest.raises(ValueError, match=r'docs\[0\]\["date"\] must be None, an int'):
        gisty.summarize_many([{"text": "A sentence.", "date": "yesterday"}])
    with pytest.raises(ValueError, match="n must be a whole number of at least 1, got 0"):
        gisty.keywords("A sentence.", 0)
    with pytest.raises(ValueError, match="gisty summarizes at most 1000 documents"):
        gisty.summarize_many(["A sentence."] * 1001)


def test_too_long_a_text_is_a_value_error():
    with pytest.raises(ValueError, match="gisty summarizes at most 50 MB at once"):
        gisty.summarize("a" * (gisty.MAX_INPUT_BYTES + 1))


def test_the_gil_is_released_while_the_core_works(articles):
    # A long text (about 2 MB) summarized on a thread. With a switch interval far longer than
    # the test, the interpreter never takes the GIL from that thread by force: the main thread
    # can run before the thread has finished (and set `done`) only if the core let the GIL go.
    text = "\n\n".join(a["text"] for a in articles) * 6
    started, done = threading.Event(), []

    def work():
        started.set()
        gisty.summarize(text)
        done.append(True)

    old = sys.getswitchinterval()
    sys.setswitchinterval(1000)
    try:
        t = threading.Thread(target=work)
        t.start()
        started.wait()
        ran_during_core = not done
        t.join()
    finally:
        sys.setswitchinterval(old)
    assert ran_during_core, "the main thread could not run while the core worked"
    assert done == [True]


def test_the_package_imports_from_a_zip(tmp_path):
    # What Spark's --py-files does with the wheel: the zip itself on sys.path. A fresh
    # interpreter without site-packages (-S) can only find gisty in the zip.
    import subprocess
    import zipfile

    package = Path(gisty.__file__).parent
    native = Path(gisty._gisty.__file__)
    wheel = tmp_path / "gisty-0.1.0-cp39-abi3-linux_x86_64.whl"
    with zipfile.ZipFile(wheel, "w") as z:
        for f in package.glob("*.py"):
            z.write(f, f"gisty/{f.name}")
        z.write(native, f"gisty/{native.name}")
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import gisty; "
        "print(gisty.__file__); print(gisty._gisty.__file__); "
        "print(repr([s.text for s in gisty.summarize(sys.argv[2], sentences=2).sentences]))"
    )
    done = subprocess.run(
        [sys.executable, "-S", "-c", code, str(wheel), ASTRAL],
        capture_output=True,
        text=True,
        env={"TMPDIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    where, copied, sentences = done.stdout.splitlines()
    assert where.startswith(str(wheel))
    assert Path(copied).parent.parent == tmp_path and Path(copied).name == native.name
    assert sentences == repr([s.text for s in gisty.summarize(ASTRAL, sentences=2).sentences])
