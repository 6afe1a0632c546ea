//! The zip container of .docx, .odt and .epub files: the central directory is read here, and
//! entries are inflated with miniz_oxide (stored and deflated entries only, which is all these
//! formats use). Written for hostile input: every offset is checked against the file, an entry
//! is inflated only up to the size it declares (and refused when it would go past it), the
//! declared sizes of what is read are capped in total and in ratio (zip bombs), encrypted
//! entries are refused, and each entry's CRC-32 is checked.

use std::cell::Cell;

use super::Format;
use crate::error::{Error, ErrorKind, Result};

/// The most bytes read out of one container, all entries together: the XML around a text is
/// several times the text, and the text may be up to [`crate::MAX_INPUT_BYTES`].
pub const MAX_UNZIPPED_BYTES: u64 = 256 * 1024 * 1024;
/// An entry that expands more than this many times over, and to more than
/// [`RATIO_FLOOR_BYTES`], is a bomb: real XML compresses 5 to 30 times, a run of one byte 1000.
pub const MAX_RATIO: u64 = 200;
/// Small entries may expand as they like (a page of blank space compresses very well).
pub const RATIO_FLOOR_BYTES: u64 = 16 * 1024 * 1024;

/// One entry of the central directory.
#[derive(Debug, Clone)]
pub struct Entry {
    pub name: String,
    flags: u16,
    method: u16,
    crc: u32,
    compressed: u64,
    size: u64,
    local_offset: u64,
}

/// An opened container: its entries, and how much has been read out of it.
pub struct Zip<'a> {
    bytes: &'a [u8],
    format: Format,
    pub entries: Vec<Entry>,
    unzipped: Cell<u64>,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

impl<'a> Zip<'a> {
    /// Reads the central directory of `bytes`, a file said to be a `format`.
    pub fn open(bytes: &'a [u8], format: Format) -> Result<Zip<'a>> {
        let corrupt = |detail: &str| {
            Error::new(ErrorKind::Corrupt {
                format,
                detail: detail.into(),
            })
        };
        // The end-of-central-directory record: 22 bytes, then a comment of at most 64 KiB.
        let from = bytes.len().saturating_sub(22 + 0xffff);
        let eocd = (from..bytes.len().saturating_sub(21))
            .rev()
            .find(|&i| bytes[i..].starts_with(b"PK\x05\x06"))
            .ok_or_else(|| corrupt("the end of its zip directory is missing: truncated?"))?;
        let count = u16_at(bytes, eocd + 10).unwrap_or(0);
        let cd_size = u32_at(bytes, eocd + 12).unwrap_or(0);
        let cd_offset = u32_at(bytes, eocd + 16).unwrap_or(0);
        if count == 0xffff || cd_size == u32::MAX || cd_offset == u32::MAX {
            return Err(corrupt("it is a ZIP64 archive, which gisty does not read"));
        }
        let mut at = cd_offset as usize;
        let end = at
            .checked_add(cd_size as usize)
            .filter(|&e| e <= eocd)
            .ok_or_else(|| corrupt("its zip directory points outside the file"))?;
        let mut entries = Vec::with_capacity(usize::from(count));
        for _ in 0..count {
            let header = bytes
                .get(at..at + 46)
                .filter(|h| h.starts_with(b"PK\x01\x02"));
            let Some(h) = header.filter(|_| at + 46 <= end) else {
                return Err(corrupt("an entry of its zip directory is damaged"));
            };
            let name_len = usize::from(u16_at(h, 28).unwrap_or(0));
            let extra_len = usize::from(u16_at(h, 30).unwrap_or(0));
            let comment_len = usize::from(u16_at(h, 32).unwrap_or(0));
            let name = bytes
                .get(at + 46..at + 46 + name_len)
                .ok_or_else(|| corrupt("an entry's name runs past its zip directory"))?;
            let compressed = u32_at(h, 20).unwrap_or(0);
            let size = u32_at(h, 24).unwrap_or(0);
            let local = u32_at(h, 42).unwrap_or(0);
            if compressed == u32::MAX || size == u32::MAX || local == u32::MAX {
                return Err(corrupt("it is a ZIP64 archive, which gisty does not read"));
            }
            entries.push(Entry {
                name: String::from_utf8_lossy(name).into_owned(),
                flags: u16_at(h, 8).unwrap_or(0),
                method: u16_at(h, 10).unwrap_or(0),
                crc: u32_at(h, 16).unwrap_or(0),
                compressed: u64::from(compressed),
                size: u64::from(size),
                local_offset: u64::from(local),
            });
            at += 46 + name_len + extra_len + comment_len;
        }
        Ok(Zip {
            bytes,
            format,
            entries,
            unzipped: Cell::new(0),
        })
    }

    /// The entry named `name`, if there is one.
    pub fn find(&self, name: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.name == name)
    }

    /// Whether an entry named `name` exists.
    pub fn has(&self, name: &str) -> bool {
        self.find(name).is_some()
    }

    /// The bytes of the entry named `name`, or `None` when there is none.
    pub fn read(&self, name: &str) -> Result<Option<Vec<u8>>> {
        match self.find(name) {
            Some(e) => self.inflate(e).map(Some),
            None => Ok(None),
        }
    }

    fn error(&self, kind: impl FnOnce(Format) -> ErrorKind) -> Error {
        Error::new(kind(self.format))
    }

    fn corrupt(&self, detail: String) -> Error {
        self.error(|format| ErrorKind::Corrupt { format, detail })
    }

    fn inflate(&self, e: &Entry) -> Result<Vec<u8>> {
        if e.flags & 1 != 0 {
            return Err(self.error(|format| ErrorKind::Encrypted { format }));
        }
        let bomb = |detail: String| self.error(|format| ErrorKind::ZipBomb { format, detail });
        let total = self.unzipped.get() + e.size;
        if total > MAX_UNZIPPED_BYTES {
            return Err(bomb(format!(
                "{} declares {} bytes; gisty reads at most {} MB out of one file",
                e.name,
                e.size,
                MAX_UNZIPPED_BYTES >> 20
            )));
        }
        if e.size > RATIO_FLOOR_BYTES && e.size > MAX_RATIO * e.compressed.max(1) {
            return Err(bomb(format!(
                "{} expands {} times over, from {} to {} bytes",
                e.name,
                e.size / e.compressed.max(1),
                e.compressed,
                e.size
            )));
        }
        self.unzipped.set(total);
        let at = usize::try_from(e.local_offset).unwrap_or(usize::MAX);
        let header = self
            .bytes
            .get(at..at.saturating_add(30))
            .filter(|h| h.starts_with(b"PK\x03\x04"))
            .ok_or_else(|| self.corrupt(format!("{} is missing from the file", e.name)))?;
        let skip = 30
            + usize::from(u16_at(header, 26).unwrap_or(0))
            + usize::from(u16_at(header, 28).unwrap_or(0));
        let data = at
            .checked_add(skip)
            .and_then(|start| Some(start..start.checked_add(usize::try_from(e.compressed).ok()?)?))
            .and_then(|range| self.bytes.get(range))
            .ok_or_else(|| self.corrupt(format!("{} is cut short: truncated?", e.name)))?;
        let size = usize::try_from(e.size).unwrap_or(usize::MAX);
        let out = match e.method {
            0 => data.to_vec(),
            8 => match miniz_oxide::inflate::decompress_to_vec_with_limit(data, size) {
                Ok(out) => out,
                Err(err) if err.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                    return Err(bomb(format!(
                        "{} expands past the {} bytes it declares",
                        e.name, e.size
                    )))
                }
                Err(_) => return Err(self.corrupt(format!("{} does not inflate", e.name))),
            },
            m => {
                return Err(self.corrupt(format!(
                    "{} is compressed with method {m}; gisty reads stored and deflated entries",
                    e.name
                )))
            }
        };
        if out.len() != size {
            return Err(self.corrupt(format!(
                "{} holds {} bytes, not the {} it declares",
                e.name,
                out.len(),
                e.size
            )));
        }
        if crc32(&out) != e.crc {
            return Err(self.corrupt(format!("{} fails its checksum", e.name)));
        }
        Ok(out)
    }
}

/// CRC-32 (IEEE 802.3, reflected, as zip uses), a byte at a time from a table built once.
fn crc32(bytes: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, slot) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xedb8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *slot = c;
        }
        t
    });
    !bytes.iter().fold(!0u32, |c, &b| {
        table[((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8)
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn crc32_of_a_known_string() {
        assert_eq!(super::crc32(b"123456789"), 0xcbf4_3926);
        assert_eq!(super::crc32(b""), 0);
    }
}
