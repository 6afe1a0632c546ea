#!/usr/bin/env python3
"""Writes the real-shaped files of tests/data/files/ from the sample articles (tests/data/
samples/), with Python's standard library only: a Word document, an OpenDocument text, an EPUB
book, a windows-1252 text, a multi-page two-column PDF with running headers and page numbers,
and hostile versions of each (truncated, encrypted, zip bombs, wrong extensions).

usage: python3 tests/data/files/make.py   (rewrites every file; the output is deterministic)
"""

import hashlib
import struct
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent / "samples"


def sample(prefix):
    path = next(SAMPLES.glob(prefix + "*.txt"))
    return [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]


# ---------------------------------------------------------------------------------------------
# A zip writer of our own, so that the hostile files can lie in their headers.

def zip_bytes(entries):
    """entries: (name, data, options) with options: stored, flags, claim (the uncompressed size
    written in the headers instead of the true one)."""
    out = bytearray()
    central = bytearray()
    for name, data, opt in entries:
        name_b = name.encode()
        if opt.get("stored"):
            method, body = 0, data
        else:
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            method, body = 8, c.compress(data) + c.flush()
        crc = zlib.crc32(data) & 0xFFFFFFFF
        size = opt.get("claim", len(data))
        flags = opt.get("flags", 0)
        offset = len(out)
        # A fixed date (1 Jan 2024) keeps the files the same from run to run.
        time, date = 0, (44 << 9) | (1 << 5) | 1
        out += struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, flags, method, time, date,
                           crc, len(body), size, len(name_b), 0) + name_b + body
        central += struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, flags, method,
                               time, date, crc, len(body), size, len(name_b), 0, 0, 0, 0, 0,
                               offset) + name_b
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries),
                      len(central), len(out), 0)
    return bytes(out + central + end)


# ---------------------------------------------------------------------------------------------
# Word

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_entries(title, paragraphs):
    body = [f'<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>{escape(title)}</w:t></w:r></w:p>']
    for i, p in enumerate(paragraphs):
        # Runs split mid-sentence, as Word writes them after an edit; one tracked deletion and
        # one field code, neither of which is the text.
        cut = p.find(" ", len(p) // 2)
        runs = f'<w:r><w:t xml:space="preserve">{escape(p[:cut])}</w:t></w:r>'
        if i == 1:
            runs += '<w:del w:id="1" w:author="ed"><w:r><w:delText> REMOVED WORDS</w:delText></w:r></w:del>'
        runs += f'<w:r><w:t xml:space="preserve">{escape(p[cut:])}</w:t></w:r>'
        body.append(f"<w:p>{runs}</w:p>")
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}">'
                f'<w:body>{"".join(body)}<w:sectPr><w:headerReference w:type="default" r:id="rId2" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>'
                '</w:sectPr></w:body></w:document>')
    header = (f'<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="{W}"><w:p><w:r><w:t>CONFIDENTIAL '
              'BRIEFING</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>'
              'PAGE</w:instrText></w:r></w:p></w:hdr>')
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
             'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
             'officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    return [("[Content_Types].xml", types.encode(), {}), ("_rels/.rels", rels.encode(), {}),
            ("word/document.xml", document.encode(), {}), ("word/header1.xml", header.encode(), {})]


# ---------------------------------------------------------------------------------------------
# OpenDocument

def odt_entries(title, paragraphs, encrypted=False):
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    parts = [f'<text:h text:outline-level="1">{escape(title)}</text:h>']
    for i, p in enumerate(paragraphs):
        p = escape(p)
        if i == 0:
            # A footnote after the first sentence: its body is not part of the sentence.
            end = p.find(". ") + 1
            p = (p[:end] + '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
                 '<text:note-body><text:p>FOOTNOTE TEXT HERE</text:p></text:note-body></text:note>' + p[end:])
        parts.append(f"<text:p>{p.replace('  ', ' <text:s/>')}</text:p>")
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}><office:body>'
               f'<office:text>{"".join(parts)}</office:text></office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:'
                'tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry '
                'manifest:full-path="content.xml" manifest:media-type="text/xml">')
    if encrypted:
        manifest += ('<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA">'
                     '<manifest:algorithm manifest:algorithm-name="Blowfish CFB"/></manifest:encryption-data>')
    manifest += "</manifest:file-entry></manifest:manifest>"
    return [("mimetype", b"application/vnd.oasis.opendocument.text", {"stored": True}),
            ("content.xml", content.encode(), {}),
            ("META-INF/manifest.xml", manifest.encode(), {})]


# ---------------------------------------------------------------------------------------------
# EPUB

def epub_entries(title, chapters, encrypted=False):
    def chapter(n, paras):
        body = "".join(f"<p>{escape(p)}</p>" for p in paras)
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
                f'<head><title>{escape(title)}</title><style>p {{ text-indent: 1em }}</style></head>'
                f'<body><section><h2>Part {n}</h2>{body}</section></body></html>')
    nav = ('<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" '
           'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Contents</title></head><body>'
           '<nav epub:type="toc"><ol><li><a href="text/part%201.xhtml">TABLE OF CONTENTS ENTRY</a>'
           '</li></ol></nav></body></html>')
    # The manifest lists the chapters backwards; the spine says the reading order.
    items = "".join(f'<item id="c{n}" href="text/part%20{n}.xhtml" media-type="application/xhtml+xml"/>'
                    for n in range(len(chapters), 0, -1))
    spine = "".join(f'<itemref idref="c{n}"/>' for n in range(1, len(chapters) + 1))
    opf = (f'<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" '
           f'version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
           f'<dc:identifier id="id">urn:gisty:test</dc:identifier><dc:title>{escape(title)}</dc:title>'
           f'<dc:language>en</dc:language></metadata><manifest><item id="nav" href="nav.xhtml" '
           f'media-type="application/xhtml+xml" properties="nav"/>{items}</manifest><spine>'
           f'<itemref idref="nav" linear="no"/>{spine}</spine></package>')
    container = ('<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:'
                 'xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" '
                 'media-type="application/oebps-package+xml"/></rootfiles></container>')
    entries = [("mimetype", b"application/epub+zip", {"stored": True}),
               ("META-INF/container.xml", container.encode(), {}),
               ("OEBPS/content.opf", opf.encode(), {}),
               ("OEBPS/nav.xhtml", nav.encode(), {})]
    for n, paras in enumerate(chapters, 1):
        entries.append((f"OEBPS/text/part {n}.xhtml", chapter(n, paras).encode(), {}))
    if encrypted:
        enc = ('<?xml version="1.0"?><encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
               'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:EncryptionMethod '
               'Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/><enc:CipherData><enc:CipherReference '
               'URI="OEBPS/text/part%201.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>')
        entries.append(("META-INF/encryption.xml", enc.encode(), {}))
    return entries


# ---------------------------------------------------------------------------------------------
# PDF: pages of two columns in Helvetica, each with a running header and a page number, long
# words hyphenated at line ends, paragraphs set apart by space.

PAGE_W, PAGE_H = 612, 792
HEADER = "Review of Peace Talks - Quarterly Briefing"
SIZE, LEADING = 10, 12.5
COLUMNS = [(56, 290), (322, 556)]
TOP, BOTTOM = 720, 72
# Helvetica's widths (per 1000 units of the font size) for the characters the samples use;
# anything else counts as the widest.
WIDTHS = {**{c: 556 for c in "abcdeghnopqu0123456789"}, "f": 278, "i": 222, "j": 222, "k": 500,
          "l": 222, "m": 833, "r": 333, "s": 500, "t": 278, "v": 500, "w": 722, "x": 500, "y": 500,
          "z": 500, " ": 278, ".": 278, ",": 278, "-": 333, "'": 191, '"': 355, ":": 278, ";": 278,
          "(": 333, ")": 333, "?": 556, "!": 278, "%": 889, "$": 556, "&": 667, "/": 278}


def width(s):
    return sum(WIDTHS.get(c, 722 if c.isupper() else 1000) for c in s) * SIZE / 1000


def pdf_lines(paragraphs):
    """The lines of every paragraph, set in the column width, long words hyphenated."""
    col = COLUMNS[0][1] - COLUMNS[0][0]
    out = []
    for p in paragraphs:
        words, line = p.split(), ""
        for w in words:
            trial = f"{line} {w}" if line else w
            if width(trial) <= col:
                line = trial
                continue
            if len(w) >= 8 and w.isalpha():
                # Hyphenate: as much of the word as fits, then a hyphen.
                for cut in range(len(w) - 3, 2, -1):
                    head = f"{line} {w[:cut]}-" if line else f"{w[:cut]}-"
                    if width(head) <= col:
                        out.append((head, False))
                        line = w[cut:]
                        break
                else:
                    out.append((line, False))
                    line = w
            else:
                out.append((line, False))
                line = w
        out.append((line, True))  # True: the paragraph's last line
    return out


def pdf_text(s):
    return "(" + s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def pdf_pages(paragraphs):
    lines = pdf_lines(paragraphs)
    pages, page, col, y = [], [], 0, TOP
    for text, last in lines:
        if y < BOTTOM:
            col, y = col + 1, TOP
            if col == len(COLUMNS):
                pages.append(page)
                page, col = [], 0
        page.append((COLUMNS[col][0], y, text))
        y -= LEADING * (1.6 if last else 1)
    pages.append(page)
    streams = []
    for n, page in enumerate(pages, 1):
        ops = [f"BT /F1 8 Tf 1 0 0 1 56 750 Tm {pdf_text(HEADER)} Tj ET",
               f"BT /F1 8 Tf 1 0 0 1 {PAGE_W / 2 - 4:.0f} 40 Tm {pdf_text(str(n))} Tj ET",
               "0.5 w 56 744 m 556 744 l S"]
        for x, y, text in page:
            ops.append(f"BT /F1 {SIZE} Tf 1 0 0 1 {x} {y:.2f} Tm {pdf_text(text)} Tj ET")
        streams.append("\n".join(ops).encode("cp1252"))
    return streams


def pdf_bytes(streams, encrypt=None, image_only=False):
    objects = {}
    n_pages = len(streams)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n_pages))
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode()
    font = 3 + 2 * n_pages
    objects[font] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    image = font + 1
    # A scanned page: an 8 by 8 grey picture stretched over the page, and no text.
    pixels = bytes((x * 29 + y * 13) % 256 for y in range(8) for x in range(8))
    objects[image] = (b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
                      b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream")
    for i, content in enumerate(streams):
        page, stream = 3 + 2 * i, 4 + 2 * i
        if image_only:
            content = b"q 500 0 0 700 56 46 cm /Im1 Do Q"
        objects[page] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] /Contents {stream} 0 R "
                         f"/Resources << /Font << /F1 {font} 0 R >> /XObject << /Im1 {image} 0 R >> >> >>").encode()
        objects[stream] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
    trailer_extra = b""
    file_id = hashlib.md5(b"gisty test pdf").digest()
    if encrypt:
        enc = len(objects) + 3
        o, u, p = rc4_security(encrypt, file_id)
        objects[enc] = (b"<< /Filter /Standard /V 1 /R 2 /O <" + o.hex().encode() + b"> /U <" +
                        u.hex().encode() + b"> /P %d >>" % p)
        trailer_extra = b" /Encrypt %d 0 R" % enc
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    xref = len(out)
    top = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % top
    for num in range(1, top):
        out += b"%010d 00000 n \n" % offsets[num] if num in offsets else b"0000000000 65535 f \n"
    out += (b"trailer\n<< /Size %d /Root 1 0 R /ID [<%s> <%s>]" % (top, file_id.hex().encode(), file_id.hex().encode())
            + trailer_extra + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return bytes(out)


PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray()
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def rc4_security(password, file_id):
    """The standard security handler, revision 2 (40-bit RC4): O and U for a user password."""
    padded = (password.encode() + PAD)[:32]
    o = rc4(hashlib.md5(padded).digest()[:5], padded)
    p = -44  # print and copy allowed, nothing else
    key = hashlib.md5(padded + o + struct.pack("<i", p) + file_id).digest()[:5]
    return o, rc4(key, PAD), p


# ---------------------------------------------------------------------------------------------

WINDOWS_1252_TEXT = """\
Café Müller on the Rathausplatz will close at the end of the month after ninety-one years, its owner, Renée Fässler, said on Tuesday.
The café opened in 1934 and became known for its “Zürcher Geschnetzeltes” and for the jazz trio that played there every Friday — a tradition that survived the war and three renovations.
Fässler, 67, said rising rents had made the business impossible to keep: the landlord asked for 40% more when the lease came up for renewal.
Regulars gathered outside on Wednesday morning to sign a petition asking the city council to protect the building as a heritage site.
The council’s spokesman said the request would be considered at its next meeting, but that the city had no power to set rents.
Fässler said she would give the café’s piano to the music school where her granddaughter studies.
“We served four generations of the same families,” she said. “That is what I will miss most.”
"""


def main():
    files = {}
    art = sample("003_")
    title = "Peace talks gather pace"
    files["article.docx"] = zip_bytes(docx_entries(title, art))
    odt_art = sample("002_")
    files["article.odt"] = zip_bytes(odt_entries("Diplomats meet again", odt_art))
    epub_art = sample("004_")
    third = max(1, len(epub_art) // 3)
    chapters = [epub_art[:third], epub_art[third:2 * third], epub_art[2 * third:]]
    files["article.epub"] = zip_bytes(epub_entries("The long road to talks", chapters))
    files["article-1252.txt"] = WINDOWS_1252_TEXT.encode("cp1252")
    pdf_art = sample("001_") + sample("000_")
    files["article.pdf"] = pdf_bytes(pdf_pages(pdf_art))

    # Hostile versions.
    files["truncated.docx"] = files["article.docx"][: len(files["article.docx"]) // 2]
    files["truncated.odt"] = files["article.odt"][: len(files["article.odt"]) - 30]
    files["truncated.epub"] = files["article.epub"][: len(files["article.epub"]) // 2]
    entries = docx_entries(title, art)
    entries[2] = (entries[2][0], entries[2][1], {"flags": 1})  # the encrypted bit
    files["encrypted-entry.docx"] = zip_bytes(entries)
    # Word's own password protection: an OLE compound file holding an "EncryptedPackage".
    ole = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    ole += "EncryptedPackage".encode("utf-16-le") + bytes(512 - 32)
    files["encrypted.docx"] = bytes(ole)
    files["encrypted.odt"] = zip_bytes(odt_entries("Diplomats meet again", odt_art, encrypted=True))
    files["encrypted.epub"] = zip_bytes(epub_entries("The long road to talks", chapters, encrypted=True))
    # Bombs: 20 MB of spaces inside a paragraph (a thousand times its compressed size); a header
    # claiming 4 GB; a header claiming 1 kB over an entry that inflates to 1 MB.
    blank = b'<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>' + b" " * (20 << 20) + b"</w:t></w:r></w:p></w:body></w:document>"
    files["bomb.docx"] = zip_bytes([("word/document.xml", blank, {})])
    files["bomb-claims.epub"] = zip_bytes([("mimetype", b"application/epub+zip", {"stored": True}),
                                           ("META-INF/container.xml", b"<container/>", {"claim": 0xFFFFFFFE})])
    lie = b'<w:document xmlns:w="w"><w:body>' + b"<w:p/>" * (1 << 18) + b"</w:body></w:document>"
    files["bomb-lies.odt"] = zip_bytes([("mimetype", b"application/vnd.oasis.opendocument.text", {"stored": True}),
                                        ("content.xml", lie, {"claim": 1000})])
    files["pdf-named.docx"] = files["article.pdf"]
    files["text-named.epub"] = "This is plain text with a name that says EPUB.\n".encode()
    files["docx-named.txt"] = files["article.docx"]
    files["scanned.pdf"] = pdf_bytes(pdf_pages(pdf_art[:2]), image_only=True)
    files["encrypted.pdf"] = pdf_bytes(pdf_pages(pdf_art), encrypt="secret")
    files["corrupt.pdf"] = b"%PDF-1.4\n" + bytes((i * 7919) % 251 for i in range(4000))
    for name, data in sorted(files.items()):
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
