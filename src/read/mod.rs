//! Files into text: one reader for every file a reader brings, so that the CLI and the page
//! read a file the same way. Text files are decoded as a browser decodes them
//! ([`decode`](self::decode)); Word (.docx), OpenDocument (.odt) and EPUB (.epub) files are zip
//! containers whose XML is read for its paragraphs. The module is the cargo feature `files`
//! (on by default; off in the page's budgeted wasm build, whose reader loads a build with it
//! when a file needs it). Every failure is an [`Error`] naming what is wrong with the file; none panics.

mod decode;
mod xml;
mod zip;

use std::fmt;

pub use decode::Encoding;

use crate::error::{Error, ErrorKind, Result};
use crate::MAX_INPUT_BYTES;

/// The largest file [`read`] takes, in bytes (200 MiB): a container holds several times its
/// text's size in markup and pictures, but its text must still fit [`MAX_INPUT_BYTES`].
pub const MAX_FILE_BYTES: usize = 200 * 1024 * 1024;

/// What kind of file was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// Plain text (.txt, or any name whose content is text).
    Text,
    /// Markdown (.md), returned with its markup: the caller strips it.
    Markdown,
    /// HTML (.html, .htm, .xhtml), returned with its markup: the caller reads it.
    Html,
    /// A Word document (.docx): its body's paragraphs.
    Docx,
    /// An OpenDocument text (.odt): its body's paragraphs and headings.
    Odt,
    /// An EPUB book (.epub): its chapters in reading order.
    Epub,
}

impl Format {
    /// Every format, in the order of [`Format::name`]'s list.
    pub const ALL: [Format; 6] = [
        Format::Text,
        Format::Markdown,
        Format::Html,
        Format::Docx,
        Format::Odt,
        Format::Epub,
    ];

    /// A short lower-case name: "text", "markdown", "html", "docx", "odt", "epub".
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Epub => "epub",
        }
    }

    /// The format a file name's extension says, if gisty knows it.
    pub fn from_name(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Format::Text,
            "md" | "markdown" | "mdown" | "mkd" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "docx" => Format::Docx,
            "odt" => Format::Odt,
            "epub" => Format::Epub,
            _ => return None,
        })
    }

    /// The name with its article: "a Word document", "an EPUB book".
    pub fn a(self) -> String {
        let name = self.to_string();
        let vowel = name.starts_with(['A', 'E', 'H', 'O']);
        format!("{} {name}", if vowel { "an" } else { "a" })
    }

    /// Whether files of this format are zip containers.
    pub fn is_container(self) -> bool {
        matches!(self, Format::Docx | Format::Odt | Format::Epub)
    }
}

/// How a reader names the format: "Word document", "EPUB book", ...
impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Text => "text file",
            Format::Markdown => "Markdown file",
            Format::Html => "HTML file",
            Format::Docx => "Word document",
            Format::Odt => "OpenDocument text",
            Format::Epub => "EPUB book",
        })
    }
}

/// A file read into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadFile {
    /// The text: for containers, a paragraph per paragraph of the document, a blank line
    /// between them; for Markdown and HTML, the source with its markup.
    pub text: String,
    /// What the file was read as.
    pub format: Format,
    /// The encoding a text, Markdown or HTML file was decoded from (containers are UTF-8 XML:
    /// `None`).
    pub encoding: Option<Encoding>,
    /// What the reader should know: a fallback encoding used, a name that said another
    /// format, chapters that could not be read.
    pub warnings: Vec<String>,
}

/// Reads the file `bytes`, called `name` (its extension says what it should be; the content
/// decides when the two disagree, or when the name says nothing gisty knows).
///
/// ```
/// let file = gisty::read(b"Le caf\xe9 ouvre \xe0 huit heures.", "notes.txt")?;
/// assert_eq!(file.text, "Le café ouvre à huit heures.");
/// assert_eq!(file.encoding, Some(gisty::Encoding::Windows1252));
/// assert!(file.warnings[0].contains("windows-1252"));
/// # Ok::<(), gisty::Error>(())
/// ```
///
/// Errors: a file over [`MAX_FILE_BYTES`] or whose text is over [`MAX_INPUT_BYTES`]; a binary
/// file ([`ErrorKind::NotText`]); a file whose name says a container format it is not
/// ([`ErrorKind::WrongFormat`]); a damaged, encrypted or bomb-shaped container
/// ([`ErrorKind::Corrupt`], [`ErrorKind::Encrypted`], [`ErrorKind::ZipBomb`]).
pub fn read(bytes: &[u8], name: &str) -> Result<ReadFile> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Error::new(ErrorKind::FileTooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        }));
    }
    let named = Format::from_name(name);
    let binary = decode::binary_kind(bytes);
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return container(bytes, named);
    }
    if let Some(expected) = named.filter(|f| f.is_container()) {
        if let Some(found) = binary {
            if bytes.starts_with(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") && expected == Format::Docx {
                // Word saves a password-protected .docx inside an OLE compound file whose
                // stream is called "EncryptedPackage" (UTF-16 in its directory).
                let marker: Vec<u8> = "EncryptedPackage"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes)
                    .collect();
                if bytes.windows(marker.len()).any(|w| w == marker.as_slice()) {
                    return Err(Error::new(ErrorKind::Encrypted { format: expected }));
                }
            }
            return Err(Error::new(ErrorKind::WrongFormat { expected, found }));
        }
        return Err(Error::new(ErrorKind::WrongFormat {
            expected,
            found: "a text file",
        }));
    }
    if let Some(what) = binary {
        return Err(Error::new(ErrorKind::NotText { what }));
    }
    let (text, encoding) = decode::decode(bytes);
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::new(ErrorKind::TooLong {
            bytes: text.len(),
            limit: MAX_INPUT_BYTES,
        }));
    }
    let mut warnings = Vec::new();
    if encoding == Encoding::Windows1252 {
        warnings.push(
            "not valid UTF-8 and no byte-order mark: decoded as windows-1252, as a browser \
             would"
                .to_string(),
        );
    }
    Ok(ReadFile {
        text,
        format: named.unwrap_or(Format::Text),
        encoding: Some(encoding),
        warnings,
    })
}

/// A zip file: what its content says it is (an EPUB and an OpenDocument say so in their
/// `mimetype` entry, a Word document has `word/document.xml`), read as that.
fn container(bytes: &[u8], named: Option<Format>) -> Result<ReadFile> {
    let guess = named.filter(|f| f.is_container()).unwrap_or(Format::Docx);
    let archive = match zip::Zip::open(bytes, guess) {
        Ok(z) => z,
        // A zip that is not even a zip, named as something else: the name's kind of error.
        Err(e) if named.is_some_and(|f| f.is_container()) => return Err(e),
        Err(_) => {
            return Err(Error::new(ErrorKind::NotText {
                what: "a ZIP archive",
            }))
        }
    };
    let mimetype = archive.read("mimetype").ok().flatten();
    let mimetype = mimetype
        .as_deref()
        .map(|m| String::from_utf8_lossy(m).trim().to_string());
    let found = match mimetype.as_deref() {
        Some("application/epub+zip") => Some(Format::Epub),
        Some("application/vnd.oasis.opendocument.text") => Some(Format::Odt),
        _ if archive.has("word/document.xml") => Some(Format::Docx),
        _ => None,
    };
    let Some(format) = found else {
        let what = match mimetype.as_deref() {
            Some(m) if m.contains("opendocument.spreadsheet") => "an OpenDocument spreadsheet",
            Some(m) if m.contains("opendocument.presentation") => "an OpenDocument presentation",
            _ if archive.has("xl/workbook.xml") => "an Excel workbook",
            _ if archive.has("ppt/presentation.xml") => "a PowerPoint presentation",
            _ => "a ZIP archive",
        };
        return Err(match named.filter(|f| f.is_container()) {
            Some(expected) => Error::new(ErrorKind::WrongFormat {
                expected,
                found: what,
            }),
            None => Error::new(ErrorKind::NotText { what }),
        });
    };
    // Errors from here name the format found.
    let archive = zip::Zip::open(bytes, format)?;
    let mut warnings = Vec::new();
    if let Some(n) = named.filter(|&n| n != format) {
        warnings.push(format!(
            "named as {}, but it is {}: read as one",
            n.a(),
            format.a()
        ));
    }
    let text = match format {
        Format::Docx => {
            let xml = archive
                .read("word/document.xml")?
                .ok_or_else(|| missing(format, "word/document.xml"))?;
            xml::docx(&xml)?
        }
        Format::Odt => {
            if let Some(manifest) = archive.read("META-INF/manifest.xml")? {
                if xml::odf_encrypted(&manifest) {
                    return Err(Error::new(ErrorKind::Encrypted { format }));
                }
            }
            let xml = archive
                .read("content.xml")?
                .ok_or_else(|| missing(format, "content.xml"))?;
            xml::odt(&xml)?
        }
        _ => epub(&archive, &mut warnings)?,
    };
    Ok(ReadFile {
        text,
        format,
        encoding: None,
        warnings,
    })
}

fn missing(format: Format, part: &str) -> Error {
    Error::new(ErrorKind::Corrupt {
        format,
        detail: format!("it has no {part}"),
    })
}

/// An EPUB's chapters in spine order, each read as XHTML; a chapter missing from the archive
/// is skipped with a warning, a chapter that is encrypted (DRM) refuses the book.
fn epub(archive: &zip::Zip, warnings: &mut Vec<String>) -> Result<String> {
    let format = Format::Epub;
    let container = archive
        .read("META-INF/container.xml")?
        .ok_or_else(|| missing(format, "META-INF/container.xml"))?;
    let opf_path = xml::container_rootfile(&container)?
        .ok_or_else(|| missing(format, "rootfile in META-INF/container.xml"))?;
    let opf = archive
        .read(&opf_path)?
        .ok_or_else(|| missing(format, &opf_path))?;
    let (items, spine) = xml::package(&opf, &opf_path)?;
    let base = opf_path.rsplit_once('/').map_or("", |(dir, _)| dir);
    let encrypted = match archive.read("META-INF/encryption.xml")? {
        Some(x) => xml::encrypted_uris(&x)?,
        None => Vec::new(),
    };
    let mut out = xml::Paragraphs::new();
    let mut skipped = Vec::new();
    for idref in &spine {
        let Some(item) = items.iter().find(|i| &i.id == idref) else {
            skipped.push(idref.clone());
            continue;
        };
        if !item.media_type.contains("html") {
            continue;
        }
        let path = resolve(base, &item.href);
        if encrypted.iter().any(|u| resolve("", u) == path) {
            return Err(Error::new(ErrorKind::Encrypted { format }));
        }
        match archive.read(&path)? {
            Some(chapter) => {
                xml::xhtml(&chapter, &path, &mut out)?;
                out.end();
            }
            None => skipped.push(path),
        }
    }
    if !skipped.is_empty() {
        warnings.push(format!(
            "{} chapter{} of the spine could not be found and {} skipped: {}",
            skipped.len(),
            if skipped.len() == 1 { "" } else { "s" },
            if skipped.len() == 1 { "was" } else { "were" },
            skipped.join(", ")
        ));
    }
    Ok(out.finish())
}

/// `href` (relative, percent-encoded, perhaps with a #fragment) against the folder `base`, as
/// a path inside the archive.
fn resolve(base: &str, href: &str) -> String {
    let href = href.split('#').next().unwrap_or("");
    let mut parts: Vec<String> = base
        .split('/')
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect();
    for part in href.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(percent_decode(p)),
        }
    }
    parts.join("/")
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (
            b[i],
            b.get(i + 1).and_then(|&c| hex(c)),
            b.get(i + 2).and_then(|&c| hex(c)),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn hrefs_resolve_inside_the_archive() {
        assert_eq!(
            resolve("OEBPS", "text/ch%201.xhtml#top"),
            "OEBPS/text/ch 1.xhtml"
        );
        assert_eq!(resolve("OEBPS/text", "../ch2.xhtml"), "OEBPS/ch2.xhtml");
        assert_eq!(resolve("", "ch3.xhtml"), "ch3.xhtml");
        assert_eq!(resolve("a", "../../x.xhtml"), "x.xhtml");
    }
}
