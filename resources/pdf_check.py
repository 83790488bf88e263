"""Active content in an uploaded PDF, found after decoding the file the way a PDF viewer does.

`pdf_problem(data)` returns "" when the PDF may be stored, or the reason in plain words why
not. `resources.files.check_upload` calls it for every .pdf; other apps use `check_upload`.

The file is parsed with pypdf, not searched as raw bytes, so every standard filter (Flate
with PNG or TIFF predictors, LZW, ASCIIHex, ASCII85, run-length, and chains of them),
object streams, cross-reference streams, name escapes (`/J#53`), hex, octal-escaped and
UTF-16 strings are decoded before anything is judged. Refused, wherever it sits:

- JavaScript (`/JS`, `/JavaScript`, JavaScript actions in `/OpenAction`, `/AA` or links,
  the document's JavaScript name tree, 3D `/OnInstantiate` scripts);
- actions that start programs or reach out: `/Launch`, `/SubmitForm`, `/ImportData`,
  `/GoToR` (opens another file), `/GoToE` (opens an embedded file);
- embedded files (`/EmbeddedFile(s)`, `/EF`, file attachment annotations), `/RichMedia`
  (Flash, video) and XFA forms;
- links whose target is `javascript:`, `vbscript:`, `data:`, `file:` or a `\\\\server` path,
  however the string is written;
- a font matrix holding anything but numbers (the PDF.js exploit CVE-2024-4367).

Every object is inspected: each one the cross-reference table lists, each object header
found in the file but left out of the table or shadowed by a later revision, and each object
inside an object stream. As a second line, in case a viewer reads a damaged dictionary
further than pypdf (which keeps what it read before the damage), the object syntax outside
stream bodies and every decoded object stream must not even name those features, nor hold
a bad /URI. A file pypdf cannot read, or an encrypted one that does not open without a
password, is refused with the reason. Resources are bounded: at most `MAX_STREAM_BYTES`
decoded per stream and `MAX_DECODED_BYTES` in all, `MAX_OBJECTS` objects and `MAX_NODES`
values; nesting deeper than Python's recursion limit is refused or cut short. Content
streams and images are not decoded: nothing in them can run.
"""

import io
import logging
import re

from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pypdf import PasswordType, PdfReader, apply_configuration
from pypdf.errors import DependencyError, LimitReachedError
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    StreamObject,
    read_object,
)

logger = logging.getLogger("colloquium.uploads")

MAX_STREAM_BYTES = 32 * 1024 * 1024
MAX_DECODED_BYTES = 128 * 1024 * 1024
# pypdf parses a few thousand objects a second; this keeps the check within a worker's time-out
# (a 78-page tagged PDF from WeasyPrint has 4,200 objects).
MAX_OBJECTS = 50_000
MAX_NODES = 2_000_000

# The reasons are translated when they are read (pdf_problem returns them as text in the active language).
# Each ends by saying how to fix it: "save or print it as a new PDF without it and upload that copy".
JAVASCRIPT = gettext_lazy(
    "the PDF contains JavaScript, which could run in the reader's PDF viewer; save or print it as a new PDF "
    "without it and upload that copy"
)
EMBEDDED = gettext_lazy(
    "the PDF contains embedded files; save or print it as a new PDF without it and upload that copy"
)
RICH_MEDIA = gettext_lazy(
    "the PDF contains rich media (Flash or embedded video), which can run scripts; save or print it as a new "
    "PDF without it and upload that copy"
)
XFA = gettext_lazy(
    "the PDF contains an XFA form, which can run scripts; save or print it as a new PDF without it and upload that copy"
)
OPENS_FILES = gettext_lazy(
    "the PDF contains a link that opens files on the reader's computer or network; save or print it as a new "
    "PDF without it and upload that copy"
)
# Names that are refused wherever they are a dictionary key ...
ACTIVE_KEYS = {
    "/JS": JAVASCRIPT,
    "/JavaScript": JAVASCRIPT,
    "/OnInstantiate": JAVASCRIPT,
    "/EmbeddedFiles": EMBEDDED,
    "/EF": EMBEDDED,
    "/XFA": XFA,
    "/RichMediaContent": RICH_MEDIA,
    "/RichMediaSettings": RICH_MEDIA,
}
# ... and names that are refused wherever they are a value (an action type, an object type or subtype).
ACTIVE_VALUES = {
    "/JavaScript": JAVASCRIPT,
    "/Launch": gettext_lazy(
        "the PDF contains an action that starts programs on the reader's computer; save or print it as a new "
        "PDF without it and upload that copy"
    ),
    "/SubmitForm": gettext_lazy(
        "the PDF contains a form that sends what the reader types to another address; save or print it as a "
        "new PDF without it and upload that copy"
    ),
    "/ImportData": gettext_lazy(
        "the PDF contains an action that imports data from other files; save or print it as a new PDF without "
        "it and upload that copy"
    ),
    "/GoToR": OPENS_FILES,
    "/GoToE": EMBEDDED,
    "/EmbeddedFile": EMBEDDED,
    "/FileAttachment": EMBEDDED,
    "/RichMedia": RICH_MEDIA,
    "/RichMediaExecute": RICH_MEDIA,
}
SCRIPT_SCHEMES = {"javascript", "vbscript", "livescript", "data"}
FILE_SCHEMES = {"file", "smb"}
DAMAGED = gettext_lazy("the PDF is damaged and could not be read, so it could not be checked")
LOCKED = gettext_lazy(
    "the PDF is protected by a password, so it could not be checked; upload a copy without a password"
)
UNSUPPORTED_ENCRYPTION = gettext_lazy(
    "the PDF is encrypted in a way that cannot be checked; upload a copy without encryption"
)
TOO_MUCH = gettext_lazy("the PDF expands to too much data to be checked")
TOO_MANY_OBJECTS = lazy(
    lambda: (
        _("the PDF has more than %(count)s objects to check; split it into smaller files")
        % {"count": f"{MAX_OBJECTS:,}"}
    ),
    str,
)()
TOO_COMPLEX = gettext_lazy(
    "the PDF is too complex to be checked (too deeply nested or too large); save it again as a plain PDF"
)
FONT_MATRIX = gettext_lazy("the PDF contains a malformed font matrix (a known PDF viewer exploit)")

# Defence in depth against a parser that reads a damaged dictionary differently from pypdf (which keeps what
# it read before the damage): the object syntax outside stream bodies, and every decoded object stream, must
# not even name an active feature.
STREAM_BODY = re.compile(rb"stream(?:\r\n|\n|\r).*?endstream", re.DOTALL)
NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
ACTIVE_NAME = re.compile(
    rb"/(JavaScript|JS|OnInstantiate|Launch|SubmitForm|ImportData|GoToR|GoToE|EmbeddedFiles?|EF|FileAttachment"
    rb"|XFA|RichMedia[A-Za-z]*)(?![A-Za-z0-9])"
)
# A /URI key, also written with name escapes (/U#52I); its value is parsed and judged like any other link.
URI_KEY = re.compile(rb"/(?:U|#55)(?:R|#52)(?:I|#49)(?![A-Za-z0-9#])")
OBJECT_HEADER = re.compile(rb"(?<![0-9])([0-9]{1,10})[\x00\t\n\f\r ]+([0-9]{1,5})[\x00\t\n\f\r ]+obj(?![A-Za-z0-9])")
WHITESPACE = b"\x00\t\n\f\r "
# A Type 1 font program's own FontMatrix: numbers only.
FONT_PROGRAM_MATRIX = re.compile(rb"/FontMatrix\s*[\[{]([^\]}]*)[\]}]")
NUMBERS_ONLY = re.compile(rb"^[\s0-9.+-]*$")


class _Refused(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def pdf_problem(data):
    """Why the PDF in `data` (bytes) must be refused, or "" when it carries no active content."""
    limits = {
        "zlib_maximum_output_length": MAX_STREAM_BYTES,
        "lzw_maximum_output_length": MAX_STREAM_BYTES,
        "run_length_maximum_output_length": MAX_STREAM_BYTES,
        "brotli_maximum_output_length": MAX_STREAM_BYTES,
        "jbig2_maximum_output_length": MAX_STREAM_BYTES,
        "stream_decoding_work_maximum_length": 4 * MAX_STREAM_BYTES,
        "jbig2dec_binary": None,  # never start an outside program for an upload
    }
    try:
        with apply_configuration(**limits):
            _Scan(data).run()
    except _Refused as refusal:
        return str(refusal.reason)
    except RecursionError:
        return str(TOO_COMPLEX)
    except LimitReachedError as error:
        logger.info("PDF refused at a pypdf limit: %s", error)
        return str(TOO_MUCH)
    except DependencyError as error:
        logger.info("PDF refused, its encryption needs a missing library: %s", error)
        return str(UNSUPPORTED_ENCRYPTION)
    except Exception as error:  # whatever pypdf cannot read is refused, never let through
        logger.info("PDF refused as unreadable: %r", error)
        return str(DAMAGED)
    return ""


def _resolve(value):
    """Follow indirect references (a bounded number of them)."""
    for _step in range(16):
        if not isinstance(value, IndirectObject):
            return value
        value = value.get_object()
    return NullObject()


def _text(value):
    if isinstance(value, ByteStringObject | bytes):
        return bytes(value).decode("latin-1")
    if isinstance(value, str):
        return str(value)
    return None


def _as_name(value):
    """A name as "/Name"; a string where a name belongs is read as one too (a lenient viewer might)."""
    if isinstance(value, NameObject):
        return str(value)
    text = _text(value)
    return "/" + text if text is not None else None


def uri_problem(value):
    """Why a link target must be refused, or "": script and file schemes, however they are written."""
    text = _text(value)
    if text is None:
        return ""
    # Browsers and viewers ignore spaces and control characters in a scheme; UTF-16 without a BOM leaves NULs.
    compact = "".join(ch for ch in text if ch > " " and ch != "\x7f").lower()
    if compact.startswith("\\\\"):
        return OPENS_FILES
    scheme, colon, _rest = compact.partition(":")
    if not colon:
        return ""
    if scheme in SCRIPT_SCHEMES:
        return _(
            "the PDF contains a %(scheme)s: link, which could run a script; save or print it as a new PDF without "
            "it and upload that copy"
        ) % {"scheme": scheme}
    if scheme in FILE_SCHEMES:
        return OPENS_FILES
    return ""


class _Scan:
    def __init__(self, data):
        self.data = data
        self.reader = PdfReader(io.BytesIO(data))
        self.objects = 0
        self.nodes = 0
        self.decoded = 0
        self.counted = set()

    def run(self):
        reader = self.reader
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise _Refused(LOCKED)
        self.check_syntax(STREAM_BODY.sub(b"stream endstream", self.data))
        self.visit(reader.trailer)
        free = reader.xref_free_entry
        listed = [
            (number, generation)
            for generation, entries in list(reader.xref.items())
            for number in list(entries)
            if not free.get(generation, {}).get(number)
        ]
        # Plain objects first: the object streams are among them, and are counted against the budget
        # as they are decoded, before pypdf reads the objects inside them.
        for number, generation in listed:
            self.visit(reader.get_object(IndirectObject(number, generation, reader)), number)
        for number in list(reader.xref_objStm):
            self.visit(reader.get_object(IndirectObject(number, 0, reader)))
        self.visit_unlisted()

    def visit_unlisted(self):
        """Objects in the file that the cross-reference table does not point to (left out or shadowed)."""
        offsets = {
            (number, generation): offset
            for generation, entries in self.reader.xref.items()
            for number, offset in entries.items()
        }
        for match in OBJECT_HEADER.finditer(self.data):
            number, generation = int(match[1]), int(match[2])
            if offsets.get((number, generation)) != match.start():
                self.visit(self.read_at(self.data, match.end()), number)

    def read_at(self, data, position):
        """The object at `position` in `data`, or None where the bytes only looked like an object."""
        while position < len(data) and data[position] in WHITESPACE:
            position += 1
        stream = io.BytesIO(data)
        stream.seek(position)
        try:
            return read_object(stream, self.reader)
        except (RecursionError, LimitReachedError):
            raise
        except Exception:  # binary data inside a stream can look like "1 0 obj"; there is no object to check
            return None

    def check_syntax(self, syntax):
        """Object syntax (no stream bodies) must not even name an active feature, nor hold a bad /URI."""
        found = ACTIVE_NAME.search(NAME_ESCAPE.sub(lambda m: bytes([int(m[1], 16)]), syntax))
        if found:
            name = "/" + found[1].decode()
            raise _Refused(ACTIVE_KEYS.get(name) or ACTIVE_VALUES.get(name) or RICH_MEDIA)
        for match in URI_KEY.finditer(syntax):
            target = _resolve(self.read_at(syntax, match.end()))
            if isinstance(target, DictionaryObject):  # the catalog's URI dictionary
                target = _resolve(dict.get(target, "/Base"))
            self.refuse_if(uri_problem(target))

    def decode(self, stream):
        data = stream.get_data()
        if id(stream) not in self.counted:
            self.counted.add(id(stream))
            self.decoded += len(data)
            if self.decoded > MAX_DECODED_BYTES:
                raise _Refused(TOO_MUCH)
        return data

    def visit(self, root, number=None):
        if root is None:
            return
        self.objects += 1
        if self.objects > MAX_OBJECTS:
            raise _Refused(TOO_MANY_OBJECTS)
        stack = [root]
        while stack:
            item = stack.pop()
            self.nodes += 1
            if self.nodes > MAX_NODES:
                raise _Refused(TOO_COMPLEX)
            if isinstance(item, DictionaryObject):
                self.check_dictionary(item, number if item is root else None)
                stack.extend(dict.values(item))
            elif isinstance(item, ArrayObject):
                stack.extend(list.__iter__(item))
            elif isinstance(item, NameObject) and str(item) in ACTIVE_VALUES:
                raise _Refused(ACTIVE_VALUES[str(item)])

    def check_dictionary(self, dictionary, number):
        for key, value in dict.items(dictionary):
            name = _as_name(key)
            if name in ACTIVE_KEYS:
                raise _Refused(ACTIVE_KEYS[name])
            if name in ("/S", "/Type", "/Subtype"):
                reason = ACTIVE_VALUES.get(_as_name(_resolve(value)))
                if reason:
                    raise _Refused(reason)
            elif name == "/URI":
                target = _resolve(value)
                if isinstance(target, DictionaryObject):  # the catalog's URI dictionary
                    target = _resolve(dict.get(target, "/Base"))
                self.refuse_if(uri_problem(target))
            elif name == "/FontMatrix":
                self.check_font_matrix(_resolve(value))
            elif name == "/FontFile":
                self.check_font_program(_resolve(value))
        if _as_name(_resolve(dict.get(dictionary, "/FS"))) == "/URL":  # a file specification that is a URL
            self.refuse_if(uri_problem(_resolve(dict.get(dictionary, "/F"))))
        if isinstance(dictionary, StreamObject) and _as_name(_resolve(dict.get(dictionary, "/Type"))) == "/ObjStm":
            self.visit_object_stream(dictionary, number)

    @staticmethod
    def refuse_if(reason):
        if reason:
            raise _Refused(reason)

    def check_font_matrix(self, matrix):
        if not isinstance(matrix, ArrayObject) or not all(
            isinstance(_resolve(entry), NumberObject | FloatObject) for entry in matrix
        ):
            raise _Refused(FONT_MATRIX)

    def check_font_program(self, program):
        if not isinstance(program, StreamObject):
            return
        for matrix in FONT_PROGRAM_MATRIX.finditer(self.decode(program)):
            if not NUMBERS_ONLY.match(matrix.group(1)):
                raise _Refused(FONT_MATRIX)

    def visit_object_stream(self, container, number):
        """Every object in an object stream, also those the cross-reference table does not list."""
        data = self.decode(container)
        self.check_syntax(data)
        count, first = _resolve(dict.get(container, "/N")), _resolve(dict.get(container, "/First"))
        if not isinstance(count, NumberObject) or not isinstance(first, NumberObject) or not 0 <= first <= len(data):
            return  # pypdf reads such a stream as empty, as viewers do
        header = re.findall(rb"[0-9]+", data[:first])[: 2 * max(0, min(int(count), MAX_OBJECTS))]
        listed = self.reader.xref_objStm
        for member, offset in zip(header[0::2], header[1::2], strict=False):
            if number is not None and listed.get(int(member), (None,))[0] == number:
                continue  # read through the cross-reference table already
            self.visit(self.read_at(data, first + int(offset)), int(member))
