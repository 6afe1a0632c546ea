//! The text of the XML inside the containers: a Word document's `word/document.xml`, an
//! OpenDocument's `content.xml`, and an EPUB's XHTML chapters and package files, read with
//! quick-xml. Each keeps paragraphs as paragraphs (a blank line between them) and line breaks
//! as line breaks, and leaves out what is not the text (deleted revisions, field codes,
//! fallback copies of text boxes, notes' bodies, scripts and styles).

use quick_xml::events::{BytesStart, BytesText, Event};
use quick_xml::Reader;

use super::Format;
use crate::error::{Error, ErrorKind, Result};
use crate::MAX_INPUT_BYTES;

/// Paragraphs as they are found, whitespace collapsed inside each, and the limit on the text.
pub struct Paragraphs {
    pub text: String,
    line: String,
}

impl Paragraphs {
    pub fn new() -> Self {
        Paragraphs {
            text: String::new(),
            line: String::new(),
        }
    }

    fn push(&mut self, s: &str) -> Result<()> {
        for c in s.chars() {
            if c.is_whitespace() {
                if !self.line.is_empty() && !self.line.ends_with(' ') {
                    self.line.push(' ');
                }
            } else {
                self.line.push(c);
            }
        }
        self.check()
    }

    fn check(&self) -> Result<()> {
        let bytes = self.text.len() + self.line.len();
        if bytes > MAX_INPUT_BYTES {
            return Err(Error::new(ErrorKind::TooLong {
                bytes,
                limit: MAX_INPUT_BYTES,
            }));
        }
        Ok(())
    }

    /// A line break inside a paragraph.
    fn line_break(&mut self) {
        let kept = self.line.trim_end().len();
        self.line.truncate(kept);
        if !self.line.is_empty() {
            self.line.push('\n');
        }
    }

    /// The end of a paragraph (or a block): the next text starts a new one.
    pub fn end(&mut self) {
        let line = self.line.trim();
        if !line.is_empty() {
            if !self.text.is_empty() {
                self.text.push_str("\n\n");
            }
            self.text.push_str(line);
        }
        self.line.clear();
    }

    pub fn finish(mut self) -> String {
        self.end();
        self.text
    }
}

fn reader(xml: &[u8]) -> Reader<&[u8]> {
    let mut r = Reader::from_reader(xml);
    // Chapters written by hand are not always well nested; their text is still worth reading.
    r.config_mut().check_end_names = false;
    r
}

fn corrupt(format: Format, part: &str, e: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::Corrupt {
        format,
        detail: format!("{part} is not well-formed XML: {e}"),
    })
}

/// The text of a text event: XML's own entities, numeric references, and the HTML entities
/// that XHTML chapters use; an unknown entity is kept as written.
fn text_of(t: &BytesText) -> String {
    match t.unescape_with(|e| {
        quick_xml::escape::resolve_predefined_entity(e).or_else(|| html_entity(e))
    }) {
        Ok(s) => s.into_owned(),
        Err(_) => String::from_utf8_lossy(t.as_ref()).into_owned(),
    }
}

fn html_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "nbsp" => "\u{a0}",
        "shy" => "",
        "mdash" => "—",
        "ndash" => "–",
        "hellip" => "…",
        "lsquo" => "‘",
        "rsquo" => "’",
        "ldquo" => "“",
        "rdquo" => "”",
        "laquo" => "«",
        "raquo" => "»",
        "copy" => "©",
        "eacute" => "é",
        "egrave" => "è",
        "agrave" => "à",
        "ccedil" => "ç",
        "uuml" => "ü",
        "ouml" => "ö",
        "auml" => "ä",
        "szlig" => "ß",
        _ => return None,
    })
}

fn attr(e: &BytesStart, local: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local)
            .then(|| String::from_utf8_lossy(&a.value).into_owned())
    })
}

/// A Word document's body text: `w:t` runs, `w:tab`s as spaces, `w:br`/`w:cr` as line breaks
/// (a page break ends the paragraph), each `w:p` a paragraph. The fallback of an alternate
/// content block (the same text box again, for old readers) is skipped.
pub fn docx(xml: &[u8]) -> Result<String> {
    let mut r = reader(xml);
    let mut out = Paragraphs::new();
    let mut in_text = false;
    let mut skip = 0usize;
    loop {
        let event = r
            .read_event()
            .map_err(|e| corrupt(Format::Docx, "word/document.xml", e))?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"Fallback" | b"instrText" | b"delText" => skip += 1,
                _ if skip > 0 => {}
                b"t" => in_text = true,
                b"p" => out.end(),
                _ => {}
            },
            Event::Empty(e) if skip == 0 => match e.local_name().as_ref() {
                b"tab" => out.push(" ")?,
                b"br" if attr(&e, b"type").as_deref() == Some("page") => out.end(),
                b"br" | b"cr" => out.line_break(),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"Fallback" | b"instrText" | b"delText" => skip = skip.saturating_sub(1),
                b"t" => in_text = false,
                b"p" if skip == 0 => out.end(),
                _ => {}
            },
            Event::Text(t) if in_text && skip == 0 => out.push(&text_of(&t))?,
            Event::CData(t) if in_text && skip == 0 => out.push(&String::from_utf8_lossy(&t))?,
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out.finish())
}

/// An OpenDocument's body text: `text:p` and `text:h` paragraphs, `text:s` (a run of spaces),
/// `text:tab` and `text:line-break`; notes' bodies and annotations are left out, so that a
/// footnote does not land in the middle of the sentence that cites it.
pub fn odt(xml: &[u8]) -> Result<String> {
    let mut r = reader(xml);
    let mut out = Paragraphs::new();
    let mut in_body = false;
    let mut skip = 0usize;
    loop {
        let event = r
            .read_event()
            .map_err(|e| corrupt(Format::Odt, "content.xml", e))?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"body" => in_body = true,
                b"note" | b"annotation" | b"tracked-changes" => skip += 1,
                b"p" | b"h" if skip == 0 => out.end(),
                _ => {}
            },
            Event::Empty(e) if skip == 0 && in_body => match e.local_name().as_ref() {
                b"s" | b"tab" => out.push(" ")?,
                b"line-break" => out.line_break(),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"body" => in_body = false,
                b"note" | b"annotation" | b"tracked-changes" => skip = skip.saturating_sub(1),
                b"p" | b"h" if skip == 0 => out.end(),
                _ => {}
            },
            Event::Text(t) if in_body && skip == 0 => out.push(&text_of(&t))?,
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out.finish())
}

/// Elements whose start and end are paragraph breaks in an XHTML chapter.
const BLOCKS: &[&[u8]] = &[
    b"address",
    b"article",
    b"aside",
    b"blockquote",
    b"body",
    b"caption",
    b"dd",
    b"div",
    b"dl",
    b"dt",
    b"figcaption",
    b"figure",
    b"footer",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"header",
    b"hr",
    b"li",
    b"main",
    b"ol",
    b"p",
    b"pre",
    b"section",
    b"table",
    b"td",
    b"th",
    b"tr",
    b"ul",
];
/// Elements whose content is not the chapter's text.
const UNREAD: &[&[u8]] = &[
    b"head",
    b"script",
    b"style",
    b"svg",
    b"math",
    b"template",
    b"nav",
];

/// An XHTML chapter's text into `out`: a paragraph per block element, `<br>` a line break,
/// the head, scripts, styles, pictures' markup and navigation left out.
pub fn xhtml(xml: &[u8], part: &str, out: &mut Paragraphs) -> Result<()> {
    let mut r = reader(xml);
    let mut skip = 0usize;
    loop {
        let event = r.read_event().map_err(|e| corrupt(Format::Epub, part, e))?;
        match event {
            Event::Start(e) => {
                let name = e.local_name();
                let name = name.as_ref().to_ascii_lowercase();
                if UNREAD.contains(&name.as_slice()) {
                    skip += 1;
                } else if skip == 0 && BLOCKS.contains(&name.as_slice()) {
                    out.end();
                }
            }
            Event::Empty(e) if skip == 0 => {
                let name = e.local_name().as_ref().to_ascii_lowercase();
                if name == b"br" {
                    out.line_break();
                } else if BLOCKS.contains(&name.as_slice()) {
                    out.end();
                }
            }
            Event::End(e) => {
                let name = e.local_name().as_ref().to_ascii_lowercase();
                if UNREAD.contains(&name.as_slice()) {
                    skip = skip.saturating_sub(1);
                } else if skip == 0 && BLOCKS.contains(&name.as_slice()) {
                    out.end();
                }
            }
            Event::Text(t) if skip == 0 => out.push(&text_of(&t))?,
            Event::CData(t) if skip == 0 => out.push(&String::from_utf8_lossy(&t))?,
            Event::Eof => break,
            _ => {}
        }
    }
    out.end();
    Ok(())
}

/// The `full-path` of an EPUB's first rootfile (META-INF/container.xml).
pub fn container_rootfile(xml: &[u8]) -> Result<Option<String>> {
    let mut r = reader(xml);
    loop {
        match r
            .read_event()
            .map_err(|e| corrupt(Format::Epub, "META-INF/container.xml", e))?
        {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"rootfile" => {
                if let Some(path) = attr(&e, b"full-path") {
                    return Ok(Some(path));
                }
            }
            Event::Eof => return Ok(None),
            _ => {}
        }
    }
}

/// A manifest item of an EPUB package: its id, href and media type.
pub struct Item {
    pub id: String,
    pub href: String,
    pub media_type: String,
}

/// An EPUB package document's manifest and spine (the idrefs, in reading order).
pub fn package(xml: &[u8], part: &str) -> Result<(Vec<Item>, Vec<String>)> {
    let mut r = reader(xml);
    let mut items = Vec::new();
    let mut spine = Vec::new();
    loop {
        match r.read_event().map_err(|e| corrupt(Format::Epub, part, e))? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"item" => {
                    if let (Some(id), Some(href)) = (attr(&e, b"id"), attr(&e, b"href")) {
                        let media_type = attr(&e, b"media-type").unwrap_or_default();
                        items.push(Item {
                            id,
                            href: quick_xml::escape::unescape(&href)
                                .map(|s| s.into_owned())
                                .unwrap_or(href),
                            media_type,
                        });
                    }
                }
                // A linear="no" item (a footnote page, a cover) is not part of the reading.
                b"itemref" if attr(&e, b"linear").as_deref() != Some("no") => {
                    if let Some(id) = attr(&e, b"idref") {
                        spine.push(id);
                    }
                }
                _ => {}
            },
            Event::Eof => return Ok((items, spine)),
            _ => {}
        }
    }
}

/// The URIs an EPUB's META-INF/encryption.xml lists as encrypted, except fonts obfuscated
/// (the IDPF and Adobe schemes hide fonts, not text).
pub fn encrypted_uris(xml: &[u8]) -> Result<Vec<String>> {
    let mut r = reader(xml);
    let mut uris = Vec::new();
    let mut algorithm = String::new();
    loop {
        match r
            .read_event()
            .map_err(|e| corrupt(Format::Epub, "META-INF/encryption.xml", e))?
        {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"EncryptionMethod" => algorithm = attr(&e, b"Algorithm").unwrap_or_default(),
                b"CipherReference" => {
                    let font = algorithm.contains("obfuscation") || algorithm.contains("font");
                    if let (false, Some(uri)) = (font, attr(&e, b"URI")) {
                        uris.push(uri);
                    }
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == b"EncryptedData" => algorithm.clear(),
            Event::Eof => return Ok(uris),
            _ => {}
        }
    }
}

/// Whether an OpenDocument's META-INF/manifest.xml says a part is encrypted.
pub fn odf_encrypted(manifest: &[u8]) -> bool {
    let mut r = reader(manifest);
    loop {
        match r.read_event() {
            Ok(Event::Start(e) | Event::Empty(e))
                if e.local_name().as_ref() == b"encryption-data" =>
            {
                return true
            }
            Ok(Event::Eof) | Err(_) => return false,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_paragraphs_tabs_breaks_and_skipped_parts() {
        let xml = br#"<w:document xmlns:w="w" xmlns:mc="mc"><w:body>
            <w:p><w:r><w:t>First</w:t></w:r><w:r><w:t xml:space="preserve"> line</w:t><w:br/><w:t>next</w:t></w:r></w:p>
            <w:p><w:r><w:delText>gone</w:delText><w:instrText>PAGE</w:instrText><w:t>Second&amp;</w:t><w:tab/><w:t>para.</w:t></w:r></w:p>
            <mc:AlternateContent><mc:Choice><w:p><w:r><w:t>Box.</w:t></w:r></w:p></mc:Choice><mc:Fallback><w:p><w:r><w:t>Box.</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>
            </w:body></w:document>"#;
        assert_eq!(
            docx(xml).unwrap(),
            "First line\nnext\n\nSecond& para.\n\nBox."
        );
    }

    #[test]
    fn odt_spaces_notes_and_headings() {
        let xml = br#"<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>
            <text:h>Title</text:h><text:p>One<text:s text:c="3"/>two<text:note><text:note-body><text:p>Note.</text:p></text:note-body></text:note> three.</text:p>
            </office:text></office:body></office:document-content>"#;
        assert_eq!(odt(xml).unwrap(), "Title\n\nOne two three.");
    }

    #[test]
    fn xhtml_blocks_entities_and_unread_parts() {
        let xml = br#"<html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title><style>p{}</style></head>
            <body><h1>Chapter&nbsp;One</h1><p>It was <em>dark</em>&#8230; <br/>and cold.</p><script>x()</script><p>Then &unknown; dawn.</p></body></html>"#;
        let mut out = Paragraphs::new();
        xhtml(xml, "c.xhtml", &mut out).unwrap();
        assert_eq!(
            out.finish(),
            "Chapter One\n\nIt was dark…\nand cold.\n\nThen &unknown; dawn."
        );
    }
}
