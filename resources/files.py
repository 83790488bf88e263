"""Checking uploaded files: the type comes from the content, never from the name.

`check_upload(fileobj, name)` returns a `CheckedFile` or raises
`ValidationError` with the reason in plain words; it is the one content check,
for every app that stores an uploaded file. Accepted: PDF, DOCX, ODT, PPTX,
XLSX, PNG and JPEG, each at most settings.WAGTAILDOCS_MAX_UPLOAD_SIZE (env
UPLOAD_MAX_BYTES, 20 MB by default; `core.uploads` already stops a request
whose files together pass that, before reading them).

- Magic bytes via `filetype`, then a structural check per kind: PDFs start
  with `%PDF-`, open in pypdf and, once fully decoded, carry no JavaScript,
  launch/submit/import actions, embedded files, rich media, XFA or script and
  file links (`resources.pdf_check`);
  Office files are ZIPs with the right `[Content_Types].xml` / `mimetype`
  entry, no macros, no absolute or `..` paths, no symlinks, no zip bomb;
  images open in Pillow under the pixel-flood limit and are re-encoded, which
  drops metadata (where script payloads and GPS positions hide).
- The extension must match the content.
- The file name is reduced to a safe basename; names with folders or control
  characters are refused.
"""

import hashlib
import io
import re
import stat
import unicodedata
import zipfile
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, UnidentifiedImageError

ALLOWED_EXTENSIONS = {
    "pdf": "pdf",
    "docx": "docx",
    "odt": "odt",
    "pptx": "pptx",
    "xlsx": "xlsx",
    "png": "png",
    "jpg": "jpeg",
    "jpeg": "jpeg",
}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "png": "image/png",
    "jpeg": "image/jpeg",
}
KIND_LABELS = {
    "pdf": gettext_lazy("a PDF"),
    "docx": gettext_lazy("a Word document (DOCX)"),
    "pptx": gettext_lazy("a PowerPoint presentation (PPTX)"),
    "xlsx": gettext_lazy("an Excel workbook (XLSX)"),
    "odt": gettext_lazy("an OpenDocument text (ODT)"),
    "png": gettext_lazy("a PNG image"),
    "jpeg": gettext_lazy("a JPEG image"),
}
# The main part each OOXML kind must have, and the content type [Content_Types].xml must declare for it.
OOXML_MAIN = {
    "docx": ("word/document.xml", "wordprocessingml.document.main+xml"),
    "pptx": ("ppt/presentation.xml", "presentationml.presentation.main+xml"),
    "xlsx": ("xl/workbook.xml", "spreadsheetml.sheet.main+xml"),
}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"

ACCEPTED_HELP = gettext_lazy("PDF, DOCX, ODT, PPTX, XLSX, PNG or JPEG")
REFUSED_EXTENSIONS = {
    **dict.fromkeys(["svg", "svgz"], gettext_lazy("SVG images can carry scripts")),
    **dict.fromkeys(
        ["html", "htm", "xhtml", "xht", "shtml", "mht", "mhtml", "hta", "htc", "xml", "xsl", "xslt", "rdf", "vml"],
        gettext_lazy("web pages and XML files can carry scripts"),
    ),
    **dict.fromkeys(
        ["js", "mjs", "vbs", "ps1", "sh", "bash", "bat", "cmd", "php", "phtml", "py", "pl", "rb", "jsp", "asp", "aspx"],
        gettext_lazy("scripts are not accepted"),
    ),
    **dict.fromkeys(
        ["exe", "dll", "msi", "com", "scr", "elf", "so", "bin", "apk", "jar", "app", "dmg"],
        gettext_lazy("programs are not accepted"),
    ),
    **dict.fromkeys(["zip", "rar", "7z", "tar", "gz", "tgz", "bz2", "xz"], gettext_lazy("archives are not accepted")),
    **dict.fromkeys(["docm", "xlsm", "pptm", "dotm"], gettext_lazy("documents with macros are not accepted")),
}
MAX_NAME_LENGTH = 100
MAX_ZIP_ENTRIES = 5000
MAX_ZIP_UNCOMPRESSED = 300 * 1024 * 1024
MAX_ZIP_RATIO = 200


@dataclass
class CheckedFile:
    name: str  # sanitised name to show and to put in Content-Disposition
    kind: str  # pdf, docx, odt, pptx, xlsx, png, jpeg
    content_type: str
    content: bytes  # what is stored (images re-encoded)
    sha256: str

    @property
    def size(self):
        return len(self.content)


def max_upload_size():
    return int(getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", 20 * 1024 * 1024))


def refuse(name, reason):
    """Raise the refusal of file `name` for `reason` (a translated phrase), in the active language."""
    raise ValidationError(_("“%(name)s” was refused: %(reason)s.") % {"name": name, "reason": reason}, code="refused")


# --- names ---

_UNSAFE_NAME_CHARS = re.compile(r"[^A-Za-z0-9._ ()-]+")


def name_problem(raw_name):
    """Why a file name as sent is unacceptable, or "" when it is fine."""
    if not raw_name or not raw_name.strip():
        return _("the file has no name")
    if "/" in raw_name or "\\" in raw_name or raw_name.strip() in {".", ".."}:
        return _("the file name contains a folder path")
    if any(unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"} for ch in raw_name):
        return _("the file name contains control characters")
    if len(raw_name) > 255:
        return _("the file name is longer than 255 characters")
    return ""


def sanitise_name(raw_name):
    """A safe display name: basename, ASCII letters/digits and . _ - ( ) and spaces, at most 100 characters."""
    base = re.split(r"[\\/]", raw_name or "")[-1]
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode("ascii")
    base = _UNSAFE_NAME_CHARS.sub("-", base).strip(" .-")
    base = re.sub(r"\.{2,}", ".", base)
    base = re.sub(r"-{2,}", "-", base)
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    ext = ext.lower()[:5]
    stem = stem[: MAX_NAME_LENGTH - len(ext) - 1].strip(" .-") or "file"
    return f"{stem}.{ext}" if ext else stem


def extension_of(name):
    stem, dot, ext = name.rpartition(".")
    return ext.lower() if dot and stem else ""


# --- content checks ---


def _check_pdf(name, data):
    if not data.startswith(b"%PDF-"):
        refuse(name, _("it is named .pdf but is not a PDF (it does not start with %(magic)s)") % {"magic": "%PDF-"})
    # pypdf (with the fontTools it pulls in, ~10 MB) loads with the first PDF checked, not with
    # every process that imports the URL configuration (the certificate worker renders links).
    from .pdf_check import pdf_problem

    problem = pdf_problem(data)
    if problem:
        refuse(name, problem)


def _zip_members(name, data):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        refuse(name, _("the file is damaged or not a real Office document"))
    if len(infos) > MAX_ZIP_ENTRIES:
        refuse(name, _("the document has too many parts"))
    total = 0
    for info in infos:
        member = info.filename
        if member.startswith(("/", "\\")) or ".." in re.split(r"[\\/]", member) or ":" in member.split("/")[0]:
            refuse(name, _("the document contains a part with a folder path outside the document (path traversal)"))
        if stat.S_ISLNK(info.external_attr >> 16):
            refuse(name, _("the document contains a symbolic link"))
        total += info.file_size
        if info.compress_size and info.file_size / max(info.compress_size, 1) > MAX_ZIP_RATIO and info.file_size > 1e6:
            refuse(name, _("the document expands to far more data than its size (zip bomb)"))
    if total > MAX_ZIP_UNCOMPRESSED:
        refuse(name, _("the document expands to too much data"))
    return archive, {info.filename for info in infos}


def _check_ooxml(name, data, kind):
    archive, members = _zip_members(name, data)
    if "[Content_Types].xml" not in members:
        refuse(name, _("it is not %(kind)s (no [Content_Types].xml)") % {"kind": KIND_LABELS[kind]})
    if any(m.lower().endswith("vbaproject.bin") for m in members):
        refuse(name, _("the document contains macros, which are not accepted"))
    main_part, main_type = OOXML_MAIN[kind]
    content_types = archive.read("[Content_Types].xml")[:200_000].decode("utf-8", "replace")
    if main_part not in members or main_type not in content_types:
        refuse(name, _("its content does not match its extension: it is not %(kind)s") % {"kind": KIND_LABELS[kind]})
    if "macroEnabled" in content_types:
        refuse(name, _("the document contains macros, which are not accepted"))


def _check_odt(name, data):
    archive, members = _zip_members(name, data)
    first = archive.infolist()[0].filename if archive.infolist() else ""
    if first != "mimetype" or archive.read("mimetype").strip() != ODT_MIMETYPE or "content.xml" not in members:
        refuse(name, _("its content does not match its extension: it is not an OpenDocument text (ODT)"))
    if any(m.lower().startswith(("basic/", "scripts/")) for m in members):
        refuse(name, _("the document contains macros, which are not accepted"))


def _check_image(name, data, kind):
    limit = int(getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 40_000_000))
    try:
        with Image.open(io.BytesIO(data)) as probe:
            width, height = probe.size
            if width * height > limit:
                refuse(
                    name,
                    _("the image is too large (%(width)s×%(height)s pixels; at most %(limit)s pixels)")
                    % {"width": width, "height": height, "limit": f"{limit:,}"},
                )
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            fmt = image.format
            image.load()
            if (fmt == "PNG") != (kind == "png"):
                refuse(name, _("its content does not match its extension"))
            out = io.BytesIO()
            # Re-encode: keeps the pixels, drops metadata (EXIF, comments, text chunks, ICC) and anything appended.
            if kind == "jpeg":
                clean = image.convert("RGB")
                clean.info = {}
                clean.save(out, "JPEG", quality=90)
            else:
                clean = image.convert("RGBA" if image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA") else image.mode)
                clean = clean.copy()
                clean.info = {}
                clean.save(out, "PNG")
            return out.getvalue()
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError) as error:
        if isinstance(error, Image.DecompressionBombError):
            refuse(name, _("the image has too many pixels (pixel flood)"))
        refuse(name, _("the image is damaged or not a real image"))


def _describe_detected(data):
    """A plain-words label for what the content really is, for refusal messages."""
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<svg", b"<?xml")) and b"<svg" in data[:4096].lower():
        return _("an SVG image, which can carry scripts")
    if head.startswith((b"<!doctype html", b"<html", b"<script", b"<head", b"<body")) or b"<script" in head:
        return _("a web page (HTML), which can carry scripts")
    if head.startswith(b"<?xml") or head.startswith(b"<"):
        return _("an XML or markup file, which can carry scripts")
    if data[:2] == b"MZ" or data[:4] == b"\x7fELF" or data[:4] in (b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe"):
        return _("a program (executable)")
    if data[:2] == b"#!":
        return _("a script")
    guess = filetype.guess(data)
    if guess is not None:
        return _("a %(type)s file") % {"type": guess.extension.upper()}
    return ""


def _content_is(data, ext, kind):
    """Why content that does not match extension `ext` (of `kind`) is refused: what it really is, if known."""
    what = _describe_detected(data)
    if what:
        return _("it is named .%(ext)s but its content is %(what)s") % {"ext": ext, "what": what}
    return _("it is named .%(ext)s but its content is not %(kind)s") % {"ext": ext, "kind": KIND_LABELS[kind]}


def check_upload(fileobj, raw_name=None):
    """Check one uploaded file; return what to store, or raise ValidationError with the reason."""
    raw_name = raw_name if raw_name is not None else getattr(fileobj, "name", "")
    display = sanitise_name(raw_name)
    problem = name_problem(raw_name)
    if problem:
        refuse(display, problem)
    limit = max_upload_size()
    size = getattr(fileobj, "size", None)
    if size is not None and size > limit:
        refuse(
            display,
            _("it is %(size)s; the limit is %(limit)s")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)},
        )
    fileobj.seek(0)
    data = fileobj.read(limit + 1)
    if len(data) > limit:
        refuse(display, _("it is larger than %(limit)s") % {"limit": filesizeformat(limit)})
    if not data:
        refuse(display, _("the file is empty"))

    ext = extension_of(display)
    if ext in REFUSED_EXTENSIONS:
        refuse(display, _(".%(ext)s files are not accepted: %(why)s") % {"ext": ext, "why": REFUSED_EXTENSIONS[ext]})
    kind = ALLOWED_EXTENSIONS.get(ext)
    if kind is None:
        refuse(display, _("only %(accepted)s files are accepted") % {"accepted": ACCEPTED_HELP})

    detected = filetype.guess(data)
    mime = detected.mime if detected else ""
    if kind == "pdf":
        if mime != "application/pdf":
            refuse(display, _content_is(data, "pdf", kind))
        _check_pdf(display, data)
    elif kind in OOXML_MAIN or kind == "odt":
        if mime not in ("application/zip", CONTENT_TYPES[kind]) and not data.startswith(b"PK\x03\x04"):
            refuse(display, _content_is(data, ext, kind))
        if kind == "odt":
            _check_odt(display, data)
        else:
            _check_ooxml(display, data, kind)
    else:
        if mime != CONTENT_TYPES[kind]:
            refuse(display, _content_is(data, ext, kind))
        data = _check_image(display, data, kind)

    return CheckedFile(
        name=display,
        kind=kind,
        content_type=CONTENT_TYPES[kind],
        content=data,
        sha256=hashlib.sha256(data).hexdigest(),
    )
