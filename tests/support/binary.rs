//! Small binary files for the hostile-input tests: real headers and a little data, made in
//! the test rather than committed.
#![allow(dead_code)]

/// A real 1×1 PNG: signature, IHDR, IDAT, IEND.
pub fn png() -> Vec<u8> {
    let mut b =
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde".to_vec();
    b.extend_from_slice(b"\0\0\0\x0cIDATx\xdac\xf8\xcf\xc0\0\0\x03\x01\x01\0\xf7\x03AC");
    b.extend_from_slice(b"\0\0\0\0IEND\xaeB`\x82");
    b
}

/// A ZIP archive holding hello.txt, stored: local header, data, central directory, end record.
pub fn zip() -> Vec<u8> {
    let name = b"hello.txt";
    let body = b"Hello world. This is inside a zip file.";
    let (crc, size, name_len) = (crc32(body), body.len() as u32, name.len() as u16);
    let mut b = Vec::new();
    // Local file header: version 1.0, no flags, stored, no time, crc, sizes, name, no extra.
    b.extend_from_slice(b"PK\x03\x04\x0a\0\0\0\0\0\0\0\0\0");
    b.extend_from_slice(&crc.to_le_bytes());
    b.extend_from_slice(&size.to_le_bytes());
    b.extend_from_slice(&size.to_le_bytes());
    b.extend_from_slice(&name_len.to_le_bytes());
    b.extend_from_slice(&0u16.to_le_bytes());
    b.extend_from_slice(name);
    b.extend_from_slice(body);
    let central = b.len() as u32;
    // Central directory header: made by 2.0, needs 1.0, the same fields, then comment, disk,
    // attributes and the local header's offset (0).
    b.extend_from_slice(b"PK\x01\x02\x14\0\x0a\0\0\0\0\0\0\0\0\0");
    b.extend_from_slice(&crc.to_le_bytes());
    b.extend_from_slice(&size.to_le_bytes());
    b.extend_from_slice(&size.to_le_bytes());
    b.extend_from_slice(&name_len.to_le_bytes());
    b.extend_from_slice(&[0u8; 16]);
    b.extend_from_slice(name);
    let central_len = b.len() as u32 - central;
    // End of central directory: one entry.
    b.extend_from_slice(b"PK\x05\x06\0\0\0\0\x01\0\x01\0");
    b.extend_from_slice(&central_len.to_le_bytes());
    b.extend_from_slice(&central.to_le_bytes());
    b.extend_from_slice(&0u16.to_le_bytes());
    b
}

/// CRC-32 (IEEE), bit by bit: the fixtures are tiny.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A small PDF: header, binary marker, objects, a compressed-looking stream, trailer.
pub fn pdf() -> Vec<u8> {
    let mut b =
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n\
        2 0 obj\n<< /Length 24 /Filter /FlateDecode >>\nstream\n"
            .to_vec();
    b.extend((0..=255u8).rev().cycle().take(700));
    b.extend_from_slice(b"\nendstream\nendobj\nxref\n0 3\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
    b
}

/// Writes the fixtures to `dir`, to check them with other tools (`file`, `unzip -t`).
pub fn write_all(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    [
        ("image.png", png()),
        ("archive.zip", zip()),
        ("paper.pdf", pdf()),
    ]
    .into_iter()
    .map(|(name, bytes)| {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    })
    .collect()
}
