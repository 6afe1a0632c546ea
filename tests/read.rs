//! `gisty::read` on the real-shaped files of tests/data/files (written by its make.py from the
//! sample articles): each format's text is its article's paragraphs, nothing that is not the
//! text (headers, deleted revisions, footnotes, navigation) gets in, and every hostile version
//! gets its own error, never a panic.

use std::path::PathBuf;

use gisty::{read, Encoding, ErrorKind, Format};

fn file(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/files")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The paragraphs of a sample article (tests/data/samples/PREFIX*).
fn sample(prefix: &str) -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/samples");
    let path = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with(prefix))
        .unwrap();
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

fn paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n").collect()
}

#[test]
fn a_word_document_is_its_title_and_paragraphs() {
    let got = read(&file("article.docx"), "article.docx").unwrap();
    assert_eq!(got.format, Format::Docx);
    assert_eq!(got.encoding, None);
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
    let mut want = vec!["Peace talks gather pace".to_string()];
    want.extend(sample("003_"));
    assert_eq!(paragraphs(&got.text), want);
    for absent in ["REMOVED WORDS", "CONFIDENTIAL", "PAGE"] {
        assert!(!got.text.contains(absent), "{absent} read: {}", got.text);
    }
}

#[test]
fn an_opendocument_leaves_its_footnotes_out() {
    let got = read(&file("article.odt"), "article.odt").unwrap();
    assert_eq!(got.format, Format::Odt);
    let mut want = vec!["Diplomats meet again".to_string()];
    want.extend(sample("002_"));
    assert_eq!(paragraphs(&got.text), want);
    assert!(!got.text.contains("FOOTNOTE"));
}

#[test]
fn an_epub_is_read_chapter_by_chapter_in_spine_order() {
    let got = read(&file("article.epub"), "article.epub").unwrap();
    assert_eq!(got.format, Format::Epub);
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
    let article = sample("004_");
    let third = (article.len() / 3).max(1);
    let mut want = Vec::new();
    for (n, part) in [
        &article[..third],
        &article[third..2 * third],
        &article[2 * third..],
    ]
    .iter()
    .enumerate()
    {
        want.push(format!("Part {}", n + 1));
        want.extend(part.iter().cloned());
    }
    assert_eq!(paragraphs(&got.text), want);
    // The navigation document (linear="no") and the chapters' heads are not the text.
    assert!(!got.text.contains("TABLE OF CONTENTS"));
    assert!(!got.text.contains("The long road"));
}

#[test]
fn windows_1252_is_decoded_as_a_browser_does_with_a_warning() {
    let got = read(&file("article-1252.txt"), "article-1252.txt").unwrap();
    assert_eq!(got.format, Format::Text);
    assert_eq!(got.encoding, Some(Encoding::Windows1252));
    assert!(got.text.contains("Café Müller"), "{}", got.text);
    assert!(got.text.contains("“Zürcher Geschnetzeltes”"));
    assert!(got.text.contains("Friday — a tradition"));
    assert!(!got.text.contains('\u{fffd}'));
    assert_eq!(got.warnings.len(), 1);
    assert!(
        got.warnings[0].contains("windows-1252"),
        "{:?}",
        got.warnings
    );
}

#[test]
fn utf8_and_utf16_need_no_warning() {
    let text = "Le café ouvre à huit heures.";
    let utf8 = read(text.as_bytes(), "a.txt").unwrap();
    assert_eq!(
        (utf8.text.as_str(), utf8.encoding),
        (text, Some(Encoding::Utf8))
    );
    assert!(utf8.warnings.is_empty());
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend_from_slice(text.as_bytes());
    assert_eq!(read(&bom, "a.txt").unwrap().text, text);
    for (mark, unit, enc) in [
        (
            [0xff, 0xfe],
            u16::to_le_bytes as fn(u16) -> [u8; 2],
            Encoding::Utf16Le,
        ),
        ([0xfe, 0xff], u16::to_be_bytes, Encoding::Utf16Be),
    ] {
        let mut bytes = mark.to_vec();
        bytes.extend(text.encode_utf16().flat_map(unit));
        let got = read(&bytes, "a.txt").unwrap();
        assert_eq!((got.text.as_str(), got.encoding), (text, Some(enc)));
        assert!(got.warnings.is_empty());
    }
    // Markdown and HTML come back with their markup, for the caller to read.
    let md = read(b"# Title\n\nSome *text*.", "notes.md").unwrap();
    assert_eq!(
        (md.format, md.text.as_str()),
        (Format::Markdown, "# Title\n\nSome *text*.")
    );
    assert_eq!(read(b"<p>x</p>", "a.HTML").unwrap().format, Format::Html);
}

#[test]
fn a_word_document_named_txt_is_read_for_what_it_is_with_a_warning() {
    let got = read(&file("docx-named.txt"), "docx-named.txt").unwrap();
    assert_eq!(got.format, Format::Docx);
    assert!(got.text.starts_with("Peace talks gather pace\n\n"));
    assert_eq!(
        got.warnings,
        ["named as a text file, but it is a Word document: read as one"]
    );
}

fn error(name: &str) -> gisty::Error {
    match read(&file(name), name) {
        Ok(f) => panic!("{name} was read: {:?}", &f.text[..f.text.len().min(80)]),
        Err(e) => e,
    }
}

#[test]
fn truncated_containers_are_corrupt() {
    for (name, format) in [
        ("truncated.docx", Format::Docx),
        ("truncated.odt", Format::Odt),
        ("truncated.epub", Format::Epub),
    ] {
        let e = error(name);
        assert!(
            matches!(e.kind(), ErrorKind::Corrupt { format: f, .. } if *f == format),
            "{name}: {e:?}"
        );
        assert!(e.to_string().contains("damaged or incomplete"), "{e}");
    }
}

#[test]
fn encrypted_documents_are_refused_as_encrypted() {
    for (name, format) in [
        ("encrypted.docx", Format::Docx),
        ("encrypted-entry.docx", Format::Docx),
        ("encrypted.odt", Format::Odt),
        ("encrypted.epub", Format::Epub),
    ] {
        let e = error(name);
        assert_eq!(e.kind(), &ErrorKind::Encrypted { format }, "{name}");
        assert!(e.to_string().contains("encrypted (password-protected)"));
    }
}

#[test]
fn zip_bombs_are_refused_before_they_expand() {
    for (name, says) in [
        ("bomb.docx", "expands 1024 times over"),
        ("bomb-claims.epub", "declares 4294967294 bytes"),
        ("bomb-lies.odt", "expands past the 1000 bytes it declares"),
    ] {
        let e = error(name);
        assert!(
            matches!(e.kind(), ErrorKind::ZipBomb { .. }),
            "{name}: {e:?}"
        );
        assert!(e.to_string().contains(says), "{name}: {e}");
        assert!(e.to_string().contains("zip bomb"), "{name}: {e}");
    }
}

#[test]
fn a_wrong_extension_names_what_the_file_is() {
    let e = error("pdf-named.docx");
    assert_eq!(
        e.kind(),
        &ErrorKind::WrongFormat {
            expected: Format::Docx,
            found: "a PDF document"
        }
    );
    assert_eq!(
        e.to_string(),
        "named as a Word document, but it looks like a PDF document: wrong extension?"
    );
    let e = error("text-named.epub");
    assert_eq!(
        e.kind(),
        &ErrorKind::WrongFormat {
            expected: Format::Epub,
            found: "a text file"
        }
    );
}

#[test]
fn binary_files_are_not_text() {
    for (bytes, name, what) in [
        (&b"\x89PNG\r\n\x1a\n\0\0"[..], "a.png", "a PNG image"),
        (b"%PDF-1.4\n", "a.pdf", "a PDF document"),
        (b"abc\0def", "a.txt", "a binary file"),
        (b"PK\x03\x04not a zip at all", "a.zip", "a ZIP archive"),
    ] {
        let e = read(bytes, name).unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::NotText { what }, "{name}");
        assert_eq!(e.to_string(), format!("looks like {what}, not text"));
    }
}

#[test]
fn limits_on_the_file_and_on_its_text() {
    let big = vec![b'a'; gisty::MAX_FILE_BYTES + 1];
    let e = read(&big, "big.txt").unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::FileTooLarge { .. }), "{e:?}");
    assert_eq!(
        e.to_string(),
        "the file is 200.1 MB; gisty reads files of at most 200 MB"
    );
    let text = vec![b'a'; gisty::MAX_INPUT_BYTES + 1];
    let e = read(&text, "long.txt").unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::TooLong { .. }), "{e:?}");
}

#[test]
fn every_cut_of_a_container_is_an_error_or_a_text_never_a_panic() {
    for name in ["article.docx", "article.odt", "article.epub"] {
        let bytes = file(name);
        for end in (0..bytes.len()).step_by(97) {
            let _ = read(&bytes[..end], name);
        }
        // One flipped byte anywhere: the checksum or the structure notices, or the text reads.
        for at in (0..bytes.len()).step_by(61) {
            let mut b = bytes.clone();
            b[at] ^= 0x5a;
            let _ = read(&b, name);
        }
    }
}
