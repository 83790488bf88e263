"""Raw PDF bytes, written by hand, for the upload check's tests.

`Pdf` collects objects and writes a file with a classic cross-reference table, or with a
cross-reference stream when some objects live in an object stream (`/Type /ObjStm`).
`encode(data, filters)` applies the standard filters, so a test can hide an action
dictionary behind any of them: FlateDecode (also with a PNG predictor), ASCIIHexDecode,
ASCII85Decode, LZWDecode, RunLengthDecode, and chains of them.
"""

import base64
import binascii
import struct
import zlib

FLATE_PNG = "FlateDecode+PNG"  # FlateDecode with /DecodeParms << /Predictor 12 /Columns ... >>
PNG_COLUMNS = 7


def png_up_predict(data, columns=PNG_COLUMNS):
    """PNG "Up" prediction per row, as /Predictor 12 expects (each row starts with its filter type, 2)."""
    data += b"\n" * (-len(data) % columns)  # whitespace pads the last row
    rows, previous = [], bytes(columns)
    for start in range(0, len(data), columns):
        row = data[start : start + columns]
        rows.append(b"\x02" + bytes((byte - above) % 256 for byte, above in zip(row, previous, strict=True)))
        previous = row
    return b"".join(rows)


def lzw(data):
    """LZW as PDF uses it: 9- to 12-bit codes, a clear-table code first, early change 1."""
    clear, end = 256, 257
    table = {bytes([i]): i for i in range(256)}
    next_code, width = 258, 9
    codes_and_widths = [(clear, width)]
    current = b""
    for byte in data:
        candidate = current + bytes([byte])
        if candidate in table:
            current = candidate
            continue
        codes_and_widths.append((table[current], width))
        table[candidate] = next_code
        next_code += 1
        if next_code + 1 > (1 << width) and width < 12:
            width += 1
        if next_code >= 4095:
            codes_and_widths.append((clear, width))
            table = {bytes([i]): i for i in range(256)}
            next_code, width = 258, 9
        current = bytes([byte])
    if current:
        codes_and_widths.append((table[current], width))
    codes_and_widths.append((end, width))
    buffer = bits = 0
    out = bytearray()
    for code, code_width in codes_and_widths:
        buffer = (buffer << code_width) | code
        bits += code_width
        while bits >= 8:
            bits -= 8
            out.append((buffer >> bits) & 0xFF)
    if bits:
        out.append((buffer << (8 - bits)) & 0xFF)
    return bytes(out)


def run_length(data):
    """Literal runs of at most 128 bytes, then the end-of-data byte 128."""
    out = bytearray()
    for start in range(0, len(data), 128):
        chunk = data[start : start + 128]
        out.append(len(chunk) - 1)
        out += chunk
    out.append(128)
    return bytes(out)


ENCODERS = {
    "FlateDecode": zlib.compress,
    FLATE_PNG: lambda data: zlib.compress(png_up_predict(data)),
    "ASCIIHexDecode": lambda data: binascii.hexlify(data).upper() + b">",
    "ASCII85Decode": lambda data: base64.a85encode(data) + b"~>",
    "LZWDecode": lzw,
    "RunLengthDecode": run_length,
}


def encode(data, filters):
    """(encoded bytes, the stream dictionary entries) for `filters`, listed in decoding order."""
    for name in reversed(filters):
        data = ENCODERS[name](data)
    names = [f"/{name.split('+')[0]}" for name in filters]
    parms = [f"<< /Predictor 12 /Columns {PNG_COLUMNS} >>" if name == FLATE_PNG else "null" for name in filters]
    if not filters:
        return data, b""
    entries = f"/Filter [{' '.join(names)}]"
    if FLATE_PNG in filters:
        entries += f" /DecodeParms [{' '.join(parms)}]"
    return data, entries.encode()


def stream(dictionary, data, filters=()):
    encoded, entries = encode(data, filters)
    return b"<< %s %s /Length %d >>\nstream\n%s\nendstream" % (dictionary, entries, len(encoded), encoded)


def hex_string(text):
    """A PDF hex string: <6A617661...>."""
    return b"<" + binascii.hexlify(text.encode("latin-1")).upper() + b">"


class Pdf:
    """Objects by number; `compressed` ones go into one object stream encoded with `objstm_filters`."""

    def __init__(self):
        self.objects = {}
        self.compressed = {}

    def add(self, number, body):
        self.objects[number] = body if isinstance(body, bytes) else body.encode()
        return self

    def add_compressed(self, number, body):
        self.compressed[number] = body if isinstance(body, bytes) else body.encode()
        return self

    def build(self, root=1, objstm_filters=("FlateDecode",), trailer_extra=b"", appended=b""):
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = {}
        for number in sorted(self.objects):
            offsets[number] = len(out)
            out += b"%d 0 obj\n%s\nendobj\n" % (number, self.objects[number])
        if not self.compressed:
            size = max(offsets) + 1
            xref_at = len(out)
            out += b"xref\n0 %d\n0000000000 65535 f \n" % size
            for number in range(1, size):
                out += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 00000 f \n"
            out += b"trailer\n<< /Size %d /Root %d 0 R %s >>\n" % (size, root, trailer_extra)
            return bytes(out + appended + b"startxref\n%d\n%%%%EOF\n" % xref_at)
        return self._build_with_object_stream(out, offsets, root, objstm_filters, trailer_extra, appended)

    def _build_with_object_stream(self, out, offsets, root, objstm_filters, trailer_extra, appended):
        numbers = sorted(self.compressed)
        objstm_number = max([*self.objects, *numbers]) + 1
        header, body = [], bytearray()
        for number in numbers:
            header.append(b"%d %d" % (number, len(body)))
            body += self.compressed[number] + b"\n"
        header_bytes = b" ".join(header) + b"\n"
        objstm = stream(
            b"/Type /ObjStm /N %d /First %d" % (len(numbers), len(header_bytes)),
            header_bytes + bytes(body),
            objstm_filters,
        )
        offsets[objstm_number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (objstm_number, objstm)
        xref_number = objstm_number + 1
        offsets[xref_number] = len(out)
        size = xref_number + 1
        rows = bytearray()
        index = {number: position for position, number in enumerate(numbers)}
        for number in range(size):
            if number in offsets:
                rows += struct.pack(">BII", 1, offsets[number], 0)
            elif number in index:
                rows += struct.pack(">BII", 2, objstm_number, index[number])
            else:
                rows += struct.pack(">BII", 0, 0, 0xFFFF)
        xref = stream(
            b"/Type /XRef /Size %d /W [1 4 4] /Root %d 0 R %s" % (size, root, trailer_extra),
            bytes(rows),
            ("FlateDecode",),
        )
        out += b"%d 0 obj\n%s\nendobj\n" % (xref_number, xref)
        return bytes(out + appended + b"startxref\n%d\n%%%%EOF\n" % offsets[xref_number])


CATALOG = "<< /Type /Catalog /Pages 2 0 R {extra} >>"
PAGES = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PAGE = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] {extra} >>"


def document(catalog_extra="", page_extra=""):
    """A one-page document: catalog 1, pages 2, page 3; add more objects before building."""
    pdf = Pdf()
    pdf.add(1, CATALOG.format(extra=catalog_extra))
    pdf.add(2, PAGES)
    pdf.add(3, PAGE.format(extra=page_extra))
    return pdf


def clean_pdf():
    return document().build()
