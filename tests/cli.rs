//! The `gisty` binary end to end: output formats, batch mode, exit codes and messages.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use gisty::{summarize, Length, Options, MAX_INPUT_BYTES};
use serde_json::Value;

#[path = "support/binary.rs"]
mod binary;

const BIN: &str = env!("CARGO_BIN_EXE_gisty");
const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/samples");

/// The sample whose name starts with `prefix`.
fn sample(prefix: &str) -> PathBuf {
    let dir = Path::new(SAMPLES);
    assert!(
        dir.is_dir(),
        "sample directory {} is missing: the tests need tests/data/samples in the repository",
        dir.display()
    );
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no sample {prefix}* in {}", dir.display()))
}

/// A scratch file for one test, under Cargo's per-target temp directory.
fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Runs gisty with `args` and `stdin` (none: an empty stdin).
fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot start gisty");
    let input = stdin.unwrap_or_default().to_vec();
    let mut pipe = child.stdin.take().unwrap();
    // Write from another thread: a large input must not deadlock against a full stdout pipe.
    let writer = std::thread::spawn(move || pipe.write_all(&input));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is not UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// What the library says the summary lines are: one sentence a line, white space collapsed.
fn expected_lines(text: &str, options: &Options) -> Vec<String> {
    summarize(text, options)
        .unwrap()
        .sentences
        .iter()
        .map(|s| s.text.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

fn three_sentences() -> Options {
    Options {
        length: Length::Sentences(3),
        ..Options::default()
    }
}

#[test]
fn prints_the_summary_one_sentence_a_line() {
    let path = sample("002_");
    let text = std::fs::read_to_string(&path).unwrap();
    let out = run(&["-n", "3", path.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let got: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
    assert_eq!(got, expected_lines(&text, &three_sentences()));
    assert_eq!(got.len(), 3);
    assert!(got.iter().all(|l| !l.trim().is_empty()));
}

#[test]
fn reads_standard_input() {
    let path = sample("004_");
    let text = std::fs::read_to_string(&path).unwrap();
    for args in [&[][..], &["-"][..]] {
        let out = run(args, Some(text.as_bytes()));
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let got: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
        assert_eq!(got, expected_lines(&text, &three_sentences()), "{args:?}");
    }
}

#[test]
fn json_gives_sentences_with_their_spans() {
    let path = sample("003_");
    let text = std::fs::read_to_string(&path).unwrap();
    let out = run(&["--json", "-n", "4", path.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(stdout(&out).trim()).expect("--json output is not JSON");
    assert_eq!(v["file"], path.to_str().unwrap());
    let sentences = v["sentences"].as_array().expect("no sentences array");
    assert_eq!(sentences.len(), 4);
    let mut last_index = None;
    for s in sentences {
        let t = s["text"].as_str().expect("text");
        let index = s["index"].as_u64().expect("index");
        assert!(
            s["score"].as_f64().is_some_and(f64::is_finite),
            "score: {s}"
        );
        let start = s["start"].as_u64().expect("start") as usize;
        let end = s["end"].as_u64().expect("end") as usize;
        assert_eq!(&text[start..end], t);
        assert!(last_index < Some(index), "not in document order");
        last_index = Some(index);
    }
    assert!(v["total_sentences"].as_u64().unwrap() >= 4);
}

#[test]
fn jsonl_batch_keeps_order_and_reports_a_bad_line() {
    let a = std::fs::read_to_string(sample("000_")).unwrap();
    let c = std::fs::read_to_string(sample("001_")).unwrap();
    let title = "Peace talks in Miami";
    let input = format!(
        "{}\n{{not json\n{}\n",
        serde_json::json!({"id": "a", "text": a, "title": title}),
        serde_json::json!({"id": 3, "text": c}),
    );
    let out = run(&["--jsonl", "-n", "2"], Some(input.as_bytes()));
    let err = stderr(&out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a bad line fails the run: {err}"
    );
    assert!(err.contains("line 2"), "the bad line is not named: {err}");
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a reply is not JSON"))
        .collect();
    assert_eq!(lines.len(), 3, "one reply per request: {lines:?}");

    let options = Options {
        length: Length::Sentences(2),
        ..Options::default()
    };
    let texts = |v: &Value| -> Vec<String> {
        v["summary"]
            .as_array()
            .expect("summary array")
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect()
    };
    let with_title = Options {
        title: Some(title.into()),
        ..options.clone()
    };
    let want = |text: &str, o: &Options| -> Vec<String> {
        summarize(text, o)
            .unwrap()
            .sentences
            .into_iter()
            .map(|s| s.text)
            .collect()
    };
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(texts(&lines[0]), want(&a, &with_title));
    assert!(
        lines[1]["error"].as_str().unwrap().contains("line 2"),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2]["id"], 3);
    assert_eq!(texts(&lines[2]), want(&c, &options));
}

#[test]
fn bad_options_exit_2_with_usage_naming_the_problem() {
    let path = sample("000_");
    let file = path.to_str().unwrap();
    for (args, problem) in [
        (&["--ratio", "0", file][..], "ratio"),
        (&["--ratio", "2", file][..], "ratio"),
        (&["--ratio=2", file][..], "ratio"),
        (&["--sentences", "0", file][..], "sentence"),
        (&["--words", "0", file][..], "word"),
        (&["--method", "nope", file][..], "nope"),
        (
            &["--sentences", "3", "--words", "5", file][..],
            "--sentences",
        ),
        (&["--sentences", "3", "--words", "5", file][..], "--words"),
        (&["--redundancy", "1.5", file][..], "redundancy"),
        (&["--sentences"][..], "--sentences"),
        (&["--bogus", file][..], "--bogus"),
        (&["--language", "klingon", file][..], "ar, da, de, el, en"),
    ] {
        let out = run(args, None);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains(problem),
            "{args:?}: {problem:?} not named in {err}"
        );
        assert!(err.contains("usage:"), "{args:?}: no usage in {err}");
        assert!(out.stdout.is_empty(), "{args:?}: printed {}", stdout(&out));
    }
}

#[test]
fn help_goes_to_stdout_and_succeeds() {
    let out = run(&["--help"], None);
    assert!(out.status.success());
    let help = stdout(&out);
    assert!(help.contains("usage:"));
    // Every language code is listed.
    let codes: Vec<&str> = gisty::Language::ALL.iter().map(|l| l.code()).collect();
    let listed: std::collections::BTreeSet<&str> = help
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| codes.contains(w))
        .collect();
    assert_eq!(listed.len(), codes.len(), "{help}");
}

const FRENCH: &str = "Le conseil municipal a voté lundi le nouveau plan de circulation. \
    Les travaux commenceront au printemps dans le centre de la ville. \
    Selon la mairie, le projet coûtera près de douze millions d'euros.";

#[test]
fn json_and_jsonl_say_the_language_detected_or_given() {
    let french = if gisty::Language::French.is_available() {
        "fr"
    } else {
        "und"
    };
    for (args, expected) in [
        (&["--json"][..], french),
        (&["--json", "--language", "auto"][..], french),
        (&["--json", "--language", "en"][..], "en"),
        (&["--json", "-l", "und"][..], "und"),
    ] {
        let out = run(args, Some(FRENCH.as_bytes()));
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let v: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
        assert_eq!(v["language"], expected, "{args:?}");
    }
    let english = std::fs::read_to_string(sample("000_")).unwrap();
    let batch = format!(
        "{}\n{}\n",
        serde_json::json!({"id": 1, "text": FRENCH}),
        serde_json::json!({"id": 2, "docs": [FRENCH, english]}),
    );
    let out = run(&["--jsonl"], Some(batch.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["language"], french);
    assert_eq!(lines[1]["languages"], serde_json::json!([french, "en"]));
}

#[test]
fn an_unreadable_file_is_named_and_the_others_are_summarized() {
    let good = sample("002_");
    let text = std::fs::read_to_string(&good).unwrap();
    let missing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli/no-such-file.txt");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let (good, missing, dir) = (
        good.to_str().unwrap(),
        missing.to_str().unwrap(),
        dir.to_str().unwrap(),
    );
    let out = run(&[missing, good, dir], None);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(missing),
        "the missing file is not named: {err}"
    );
    assert!(err.contains(dir), "the directory is not named: {err}");
    let got = stdout(&out);
    assert!(got.contains(&format!("==> {good} <==")), "{got}");
    for line in expected_lines(&text, &three_sentences()) {
        assert!(got.contains(&line), "{line:?} missing from {got}");
    }
}

#[test]
fn invalid_utf8_is_decoded_as_windows_1252_with_a_warning() {
    let mut bytes = b"The council approved the new park on Monday. The park will open in May \
                      after a long delay. Critics said the park is too small for the town. "
        .to_vec();
    bytes.extend_from_slice(b"Residents cheered the \x93new\x94 decision at the meeting.\n");
    let path = scratch("invalid-utf8.txt", &bytes);
    let out = run(
        &["-n", "4", "--redundancy", "1", path.to_str().unwrap()],
        None,
    );
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("warning") && err.contains("UTF-8") && err.contains("windows-1252"),
        "no warning: {err}"
    );
    assert!(
        err.contains(path.to_str().unwrap()),
        "the file is not named: {err}"
    );
    let got = stdout(&out);
    assert!(
        got.contains("Residents cheered the \u{201c}new\u{201d} decision"),
        "{got}"
    );
    assert_eq!(got.lines().count(), 4, "{got}");
}

#[test]
fn binary_files_are_refused_by_name_and_the_others_summarized() {
    let good = sample("002_");
    let text = std::fs::read_to_string(&good).unwrap();
    let mut nul = b"Looks like text at first. ".repeat(100);
    nul[1000] = 0;
    let mut utf16_looking = vec![b'A', 0, b'B', 0];
    utf16_looking.extend(b" UTF-16 without a byte-order mark\0.".iter());
    let files = [
        (scratch("image.png", &binary::png()), "a PNG image"),
        (scratch("archive.zip", &binary::zip()), "a ZIP archive"),
        (scratch("paper.pdf", &binary::pdf()), "a PDF document"),
        (scratch("has-nul.txt", &nul), "a binary file"),
        (scratch("no-bom.txt", &utf16_looking), "a binary file"),
        (
            scratch("prog.elf", b"\x7fELF\x02\x01\x01\0\0\0"),
            "a program",
        ),
        (
            scratch("photo.jpg", b"\xff\xd8\xff\xe0\0\x10JFIF\0"),
            "a JPEG image",
        ),
        (
            scratch("data.gz", b"\x1f\x8b\x08\0\0\0\0\0"),
            "a gzip archive",
        ),
    ];
    let mut args: Vec<&str> = files.iter().map(|(p, _)| p.to_str().unwrap()).collect();
    args.push(good.to_str().unwrap());
    let out = run(&args, None);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for (path, what) in &files {
        let want = format!("gisty: {}: looks like {what}", path.display());
        assert!(err.contains(&want), "{want:?} not in {err}");
    }
    assert!(err.contains("not text; skipped"), "{err}");
    let got = stdout(&out);
    assert!(
        !got.contains("image.png"),
        "a refused file has no section: {got}"
    );
    assert!(
        got.contains(&format!("==> {} <==", good.display())),
        "{got}"
    );
    for line in expected_lines(&text, &three_sentences()) {
        assert!(got.contains(&line), "{line:?} missing from {got}");
    }
    // Standard input, and --combine, refuse them too.
    let out = run(&[], Some(&binary::png()));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("-: looks like a PNG image, not text"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());
    let png = files[0].0.to_str().unwrap();
    let out = run(&["--combine", png, good.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("looks like a PNG image"),
        "{}",
        stderr(&out)
    );
    assert_eq!(stdout(&out).lines().count(), 3, "{}", stdout(&out));
}

#[test]
fn text_that_merely_starts_like_a_signature_is_still_text() {
    for (name, text) in [
        (
            "mz.txt",
            "MZ is how the file starts. The rest is plain text here.",
        ),
        (
            "bzh.txt",
            "BZh, said the sign. The rest is plain text here.",
        ),
        ("pk.txt", "PK is a short name. The rest is plain text here."),
    ] {
        let path = scratch(name, text.as_bytes());
        let out = run(&["-n", "1", path.to_str().unwrap()], None);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        assert_eq!(stdout(&out).lines().count(), 1, "{name}");
    }
}

#[test]
fn latin1_is_decoded_with_its_accents_and_a_warning() {
    let bytes = b"Le caf\xe9 ouvre \xe0 huit heures. Les cr\xeapes sont d\xe9licieuses. \
                  Le march\xe9 ferme \xe0 midi.";
    let path = scratch("latin1.txt", bytes);
    let out = run(
        &["-n", "3", "--redundancy", "1", path.to_str().unwrap()],
        None,
    );
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("not valid UTF-8") && err.contains("decoded as windows-1252"),
        "{err}"
    );
    let got = stdout(&out);
    assert!(
        got.starts_with("Le caf\u{e9} ouvre \u{e0} huit heures."),
        "{got}"
    );
    assert!(!got.contains('\u{fffd}'), "{got}");
    assert_eq!(got.lines().count(), 3, "{got}");
}

#[test]
fn utf16_with_a_byte_order_mark_is_read_as_text() {
    let text = std::fs::read_to_string(sample("001_")).unwrap();
    for (name, bom, unit) in [
        (
            "utf16le.txt",
            [0xff, 0xfe],
            u16::to_le_bytes as fn(u16) -> [u8; 2],
        ),
        ("utf16be.txt", [0xfe, 0xff], u16::to_be_bytes),
    ] {
        let mut bytes = bom.to_vec();
        bytes.extend(text.encode_utf16().flat_map(unit));
        let path = scratch(name, &bytes);
        let out = run(&[path.to_str().unwrap()], None);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        assert!(out.stderr.is_empty(), "{name}: {}", stderr(&out));
        let got: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
        assert_eq!(got, expected_lines(&text, &three_sentences()), "{name}");
    }
}

#[test]
fn a_file_over_fifty_megabytes_is_refused_with_its_size_and_the_others_summarized() {
    let good = sample("000_");
    let text = std::fs::read_to_string(&good).unwrap();
    // Just over: read, then refused by the library before any work.
    let mut big = "word ".repeat(MAX_INPUT_BYTES / 5 + 1).into_bytes();
    big.truncate(MAX_INPUT_BYTES + 1);
    let over = scratch("just-over.txt", &big);
    drop(big);
    // Far over (a sparse file): refused from its size, without being read.
    let huge = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli/huge.txt");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(300 << 20)
        .unwrap();
    let args = [
        over.to_str().unwrap(),
        huge.to_str().unwrap(),
        good.to_str().unwrap(),
    ];
    let out = run(&args, None);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "gisty: {}: the text is 50.1 MB; gisty summarizes at most 50 MB at once",
            over.display()
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "gisty: {}: the file is 300 MB; gisty reads files of at most 200 MB",
            huge.display()
        )),
        "{err}"
    );
    for line in expected_lines(&text, &three_sentences()) {
        assert!(stdout(&out).contains(&line), "{line:?} missing");
    }
    std::fs::remove_file(over).unwrap();
    std::fs::remove_file(huge).unwrap();
}

#[test]
fn combined_summaries_name_their_support() {
    let texts: Vec<String> = ["000_", "002_", "003_", "004_"]
        .iter()
        .map(|p| std::fs::read_to_string(sample(p)).unwrap())
        .collect();
    let input = format!("{}\n", serde_json::json!({"id": "m", "docs": texts}));
    let out = run(&["--jsonl", "-n", "4"], Some(input.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    let sources = v["sources"].as_array().unwrap();
    let support = v["support"].as_array().unwrap();
    assert_eq!(support.len(), v["summary"].as_array().unwrap().len());
    for (s, docs) in sources.iter().zip(support) {
        assert!(docs.as_array().unwrap().contains(s), "{v}");
    }
    let files: Vec<String> = ["000_", "002_"]
        .iter()
        .map(|p| sample(p).to_string_lossy().into_owned())
        .collect();
    let out = run(
        &["--combine", "--json", "-n", "3", &files[0], &files[1]],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    for s in v["sentences"].as_array().unwrap() {
        assert!(s["support"].as_array().unwrap().contains(&s["doc"]), "{v}");
    }
    // A single text's summary has no support field: its JSON is as before.
    let out = run(&["--json", "-n", "2", &files[0]], None);
    assert!(!stdout(&out).contains("\"support\""));
}

#[test]
fn jsonl_documents_may_carry_titles_and_dates() {
    let texts: Vec<String> = ["002_", "003_", "004_"]
        .iter()
        .map(|p| std::fs::read_to_string(sample(p)).unwrap())
        .collect();
    // Dated newest first: the summary tells the story from the earliest report on.
    let docs: Vec<Value> = texts
        .iter()
        .zip(["2025-12-03", "2025-12-02T09:30Z", "2025-12-01"])
        .map(|(t, d)| serde_json::json!({"text": t, "date": d}))
        .collect();
    let input = format!("{}\n", serde_json::json!({"id": "d", "docs": docs}));
    let out = run(&["--jsonl", "-n", "5"], Some(input.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    let sources: Vec<u64> = v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_u64().unwrap())
        .collect();
    assert!(sources.windows(2).all(|w| w[0] >= w[1]), "{sources:?}");
    assert!(
        sources.len() == 5 && sources.first() != sources.last(),
        "{sources:?}"
    );
    // A bad date is a clear error for that line, naming the expected form.
    let bad = serde_json::json!({"id": "x", "docs": [{"text": texts[0], "date": "yesterday"}]});
    let out = run(&["--jsonl"], Some(format!("{bad}\n").as_bytes()));
    assert!(!out.status.success());
    assert!(stdout(&out).contains("YYYY-MM-DD"), "{}", stdout(&out));
}

/// The real-shaped files of tests/data/files (tests/data/files/make.py).
fn data_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/files")
        .join(name)
}

#[test]
fn word_opendocument_epub_and_windows_1252_files_are_summarized_from_their_text() {
    for (name, prefix) in [
        ("article.docx", Some("003_")),
        ("article.odt", Some("002_")),
        ("article.epub", Some("004_")),
        ("article-1252.txt", None),
    ] {
        let path = data_file(name);
        let out = run(&[path.to_str().unwrap()], None);
        let err = stderr(&out);
        assert!(out.status.success(), "{name}: {err}");
        let got = stdout(&out);
        assert_eq!(got.lines().count(), 3, "{name}: {got}");
        let source = match prefix {
            Some(p) => std::fs::read_to_string(sample(p)).unwrap(),
            None => {
                gisty::read(&std::fs::read(&path).unwrap(), name)
                    .unwrap()
                    .text
            }
        };
        let flat = source.split_whitespace().collect::<Vec<_>>().join(" ");
        for line in got.lines() {
            assert!(
                flat.contains(line),
                "{name}: {line:?} is not a sentence of its text"
            );
        }
        for absent in [
            "CONFIDENTIAL",
            "FOOTNOTE",
            "REMOVED",
            "TABLE OF CONTENTS",
            "\u{fffd}",
        ] {
            assert!(!got.contains(absent), "{name}: {got}");
        }
        if name.ends_with(".txt") {
            assert!(err.contains("windows-1252"), "{name}: {err}");
        } else {
            assert!(err.is_empty(), "{name}: {err}");
        }
    }
}

#[test]
fn hostile_files_get_their_error_and_the_others_are_summarized() {
    let cases = [
        (
            "truncated.docx",
            "this Word document is damaged or incomplete",
        ),
        (
            "truncated.odt",
            "this OpenDocument text is damaged or incomplete",
        ),
        ("truncated.epub", "this EPUB book is damaged or incomplete"),
        ("encrypted.docx", "this Word document is encrypted"),
        ("encrypted-entry.docx", "this Word document is encrypted"),
        ("encrypted.odt", "this OpenDocument text is encrypted"),
        ("encrypted.epub", "this EPUB book is encrypted"),
        ("bomb.docx", "this Word document expands too far"),
        ("bomb-claims.epub", "this EPUB book expands too far"),
        ("bomb-lies.odt", "this OpenDocument text expands too far"),
        (
            "pdf-named.docx",
            "named as a Word document, but it looks like a PDF document",
        ),
        (
            "text-named.epub",
            "named as an EPUB book, but it looks like a text file",
        ),
    ];
    let paths: Vec<PathBuf> = cases.iter().map(|(n, _)| data_file(n)).collect();
    let good = data_file("article.docx");
    let mut args: Vec<&str> = paths.iter().map(|p| p.to_str().unwrap()).collect();
    args.push(good.to_str().unwrap());
    let out = run(&args, None);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for ((_, says), path) in cases.iter().zip(&paths) {
        let want = format!("gisty: {}: {says}", path.display());
        assert!(err.contains(&want), "{want:?} not in {err}");
    }
    let got = stdout(&out);
    assert!(
        got.contains(&format!("==> {} <==", good.display())),
        "{got}"
    );
    assert_eq!(got.lines().filter(|l| !l.is_empty()).count(), 4, "{got}");
    // A Word document named .txt is read as one, with a warning.
    let named = data_file("docx-named.txt");
    let out = run(&[named.to_str().unwrap()], None);
    assert!(out.status.success());
    assert!(stderr(&out).contains("but it is a Word document: read as one"));
    assert_eq!(stdout(&out), stdout(&run(&[good.to_str().unwrap()], None)));
}

#[test]
fn explain_adds_a_why_line_under_each_sentence() {
    let path = sample("002");
    let plain = run(&[path.to_str().unwrap()], None);
    let o = run(&["--explain", path.to_str().unwrap()], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    // The same sentences as without --explain, each followed by its reason.
    let sentences: Vec<&str> = lines.iter().step_by(2).copied().collect();
    assert_eq!(sentences, stdout(&plain).lines().collect::<Vec<_>>());
    let text = std::fs::read_to_string(&path).unwrap();
    let summary = summarize(
        &text,
        &Options {
            explain: true,
            ..Options::default()
        },
    )
    .unwrap();
    assert_eq!(lines.len(), 2 * summary.sentences.len());
    for (why, s) in lines.iter().skip(1).step_by(2).zip(&summary.sentences) {
        let e = s.explanation.as_ref().unwrap();
        assert!(why.starts_with("    why: "), "{why}");
        assert!(
            why.contains(&format!(
                "rank {} of {} (score {:.3})",
                e.rank, e.of, e.score
            )),
            "{why}"
        );
        let c = e.centrality.as_ref().unwrap();
        assert!(why.contains(&format!("centrality +{:.3}", c.part)), "{why}");
        assert!(why.contains("preferred over sentence "), "{why}");
    }
    // The lede sentence says where it stands.
    assert!(lines[1].contains("lede +") && lines[1].contains("(sentence 1, 1st by position)"));
}

#[test]
fn explain_with_json_puts_the_explanation_on_each_sentence() {
    let path = sample("001");
    let o = run(
        &[
            "--explain",
            "--json",
            "-m",
            "lexrank",
            path.to_str().unwrap(),
        ],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let sentences = v["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 3);
    for s in sentences {
        let e = &s["explanation"];
        assert_eq!(e["score"], s["score"]);
        // LexRank's score is its centrality, and that is all it uses.
        assert_eq!(e["centrality"]["value"], s["score"]);
        assert!(e.get("position").is_none() && e.get("title").is_none());
        let over = e["preferred_over"].as_array().unwrap();
        assert!(!over.is_empty());
        for p in over {
            assert!(["budget", "repeats"].contains(&p["why"]["kind"].as_str().unwrap()));
            assert!(p["score"].as_f64().unwrap() <= s["score"].as_f64().unwrap());
        }
    }
    // Without --explain, no explanation.
    let o = run(&["--json", path.to_str().unwrap()], None);
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert!(v["sentences"][0].get("explanation").is_none());
}

#[test]
fn explain_with_combine_and_jsonl_names_concepts_and_support() {
    let paths: Vec<String> = ["000", "001", "002", "003", "004"]
        .iter()
        .map(|p| sample(p).to_string_lossy().into_owned())
        .collect();
    let mut args = vec!["--explain", "--combine"];
    args.extend(paths.iter().map(String::as_str));
    let o = run(&args, None);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let whys: Vec<&str> = out.lines().filter(|l| l.starts_with("    why: ")).collect();
    assert_eq!(whys.len(), 3, "{out}");
    for why in &whys {
        assert!(
            why.contains("concepts ") && why.contains("reported in "),
            "{why}"
        );
        assert!(
            !why.contains("lede +") && !why.contains("centrality +"),
            "{why}"
        );
    }
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let line = serde_json::json!({"id": 7, "docs": texts}).to_string();
    let o = run(&["--jsonl", "--explain"], Some(line.as_bytes()));
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let explanations = v["explanations"].as_array().unwrap();
    assert_eq!(explanations.len(), v["summary"].as_array().unwrap().len());
    for e in explanations {
        let top = e["concepts"]["top"].as_array().unwrap();
        assert!(!top.is_empty());
        assert!(top.iter().all(|k| k["documents"].as_u64().unwrap() >= 2));
    }
    let o = run(&["--jsonl"], Some(line.as_bytes()));
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert!(v.get("explanations").is_none());
}

#[test]
fn keywords_come_with_each_jsonl_reply_as_with_json() {
    // A text's key phrases on its --jsonl line are those --json gives for the same text as a
    // file; a line of several documents gets theirs together, as --combine --json gives them.
    let paths: Vec<PathBuf> = ["000", "001", "002"].iter().map(|p| sample(p)).collect();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mut batch = String::new();
    for (i, t) in texts.iter().enumerate() {
        batch.push_str(&serde_json::json!({"id": i, "text": t}).to_string());
        batch.push('\n');
    }
    batch.push_str(&serde_json::json!({"id": "all", "docs": texts}).to_string());
    batch.push('\n');
    let phrases = |v: &Value| -> Vec<(String, u64)> {
        v["keywords"]
            .as_array()
            .unwrap_or_else(|| panic!("no keywords in {v}"))
            .iter()
            .map(|k| {
                (
                    k["text"].as_str().unwrap().to_string(),
                    k["count"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    for jobs in ["1", "2"] {
        let o = run(&["--jsonl", "-k", "5", "-j", jobs], Some(batch.as_bytes()));
        assert!(o.status.success(), "{}", stderr(&o));
        let replies: Vec<Value> = stdout(&o)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(replies.len(), 4);
        for (i, path) in paths.iter().enumerate() {
            let file = run(&["--json", "-k", "5", path.to_str().unwrap()], None);
            let want: Value = serde_json::from_str(stdout(&file).trim()).unwrap();
            assert_eq!(phrases(&replies[i]), phrases(&want), "text {i}");
            assert_eq!(phrases(&replies[i]).len(), 5);
            assert_eq!(
                replies[i]["keywords"], want["keywords"],
                "text {i}: scores too"
            );
        }
        let mut args = vec!["--json", "-k", "5", "--combine"];
        args.extend(paths.iter().map(|p| p.to_str().unwrap()));
        let combined: Value = serde_json::from_str(stdout(&run(&args, None)).trim()).unwrap();
        assert_eq!(phrases(&replies[3]), phrases(&combined));
        assert_eq!(replies[3]["keywords"], combined["keywords"]);
    }
    // Without -k, no keywords field.
    let o = run(&["--jsonl"], Some(batch.as_bytes()));
    assert!(stdout(&o).lines().all(|l| serde_json::from_str::<Value>(l)
        .unwrap()
        .get("keywords")
        .is_none()));
}

#[test]
fn jsonl_refuses_the_options_it_has_no_use_for() {
    // --json and --combine shape the output of FILEs: with a batch they would be ignored.
    for (flag, says) in [("--json", "--json is for FILEs"), ("--combine", "\"docs\"")] {
        let out = run(
            &["--jsonl", flag],
            Some(b"{\"id\": 1, \"text\": \"A. B.\"}\n"),
        );
        assert_eq!(out.status.code(), Some(2), "{flag}");
        assert!(stderr(&out).contains(says), "{flag}: {}", stderr(&out));
        assert!(stdout(&out).is_empty(), "{flag}");
    }
}

/// The dev set's CNN/DM articles as a `--jsonl` batch, and a mix of them with bad lines: not
/// JSON, no text, a bad date, a blank line.
fn jobs_batches() -> Vec<String> {
    let dev = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/eval/cnndm-dev.jsonl"
    );
    let dev = std::fs::read_to_string(dev).unwrap();
    let mut mixed = String::new();
    for (i, line) in dev.lines().take(40).enumerate() {
        mixed.push_str(line);
        mixed.push('\n');
        match i % 7 {
            1 => mixed.push_str("{not json\n"),
            3 => mixed.push_str("{\"id\": \"no text\"}\n\n"),
            5 => mixed.push_str(
                "{\"id\": \"bad date\", \"docs\": [{\"text\": \"A. B.\", \"date\": \"soon\"}]}\n",
            ),
            _ => {}
        }
    }
    vec![dev, mixed]
}

#[test]
fn jobs_give_the_output_of_one_job_in_input_order() {
    for (k, input) in jobs_batches().iter().enumerate() {
        let one = run(&["--jsonl", "--jobs", "1"], Some(input.as_bytes()));
        let requests = input.lines().filter(|l| !l.trim().is_empty()).count();
        assert_eq!(stdout(&one).lines().count(), requests, "one reply a line");
        for jobs in ["2", "3", "8"] {
            let many = run(&["--jsonl", "-j", jobs], Some(input.as_bytes()));
            assert_eq!(
                many.status.code(),
                one.status.code(),
                "batch {k}, {jobs} jobs"
            );
            assert_eq!(stdout(&many), stdout(&one), "batch {k}, {jobs} jobs");
            assert_eq!(
                stderr(&many),
                stderr(&one),
                "batch {k}: errors in line order"
            );
        }
        // Without --jobs: one a core, the same again.
        let default = run(&["--jsonl"], Some(input.as_bytes()));
        assert_eq!(stdout(&default), stdout(&one));
    }
    // The ids come back in input order, the errors on their lines.
    let mixed = &jobs_batches()[1];
    let out = run(&["--jsonl", "-j", "4"], Some(mixed.as_bytes()));
    assert_eq!(out.status.code(), Some(1), "bad lines fail the run");
    let ids: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].clone())
        .collect();
    let want: Vec<Value> = mixed
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<Value>(l).map_or(Value::Null, |v| v["id"].clone()))
        .collect();
    assert_eq!(ids, want);
}

#[test]
fn jobs_must_be_a_positive_number_and_for_batches() {
    for bad in ["0", "-1", "two", ""] {
        let out = run(&["--jsonl", "--jobs", bad], None);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(
            stderr(&out).contains("--jobs takes a whole number"),
            "{bad}"
        );
    }
    let out = run(&["--jobs", "2"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--jsonl"), "{}", stderr(&out));
}

#[test]
fn a_long_batch_through_a_closed_pipe_ends() {
    // More lines than the window of lines in flight, and a reader that stops after one: gisty
    // ends (no thread left waiting) with success, as for any closed pipe.
    let line = serde_json::json!({"id": 1, "text": "The talks ended. Both sides spoke."});
    let input: String = (0..2000).map(|_| format!("{line}\n")).collect();
    let mut child = Command::new(BIN)
        .args(["--jsonl", "-j", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut first = [0u8; 16];
    let mut stdout = child.stdout.take().unwrap();
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let status = child.wait().unwrap();
    writer.join().unwrap();
    assert!(status.success(), "{status:?}");
}
