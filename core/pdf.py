"""The one module that turns HTML into PDF (WeasyPrint).

Rendering is sandboxed: the URL fetcher serves only the project's own static
files and media files, read from disk or storage, and refuses everything else
(`file://`, other hosts, `..` tricks), so neither a template an editor wrote nor
a name a user typed can read server files or reach the network. WeasyPrint logs
a refused resource and carries on, so the PDF still renders.

WeasyPrint (with Pango, fontTools and pydyf, about 20 MB in a Django process) is
imported on the first render, inside the functions that need it, not with this
module: web workers import the views that can render a PDF, but few of them ever do.
"""

import atexit
import logging
import mimetypes
import posixpath
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage

logger = logging.getLogger("colloquium.pdf")

# Relative URLs in PDF templates resolve against this made-up origin; only it is served.
INTERNAL_ORIGIN = "https://colloquium.internal"
BASE_URL = INTERNAL_ORIGIN + "/"
MEDIA_IMAGE_EXTENSIONS = {".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg"}
# Media under this prefix is named by its content's SHA-256 and never changes, so its bytes
# can be kept for the life of the process (certificate logos and signatures, read per render).
IMMUTABLE_MEDIA_PREFIX = "certificates/assets/"


class RefusedResource(ValueError):
    pass


def _read_media(name):
    with default_storage.open(name, "rb") as handle:
        return handle.read()


@lru_cache(maxsize=16)
def _immutable_media_bytes(name):
    return _read_media(name)


def read_resource(url):
    """The bytes and content type of an internal `url`, or RefusedResource."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != INTERNAL_ORIGIN or parts.query:
        logger.warning("PDF renderer refused %s", url[:200])
        raise RefusedResource(f"refused outside resource: {url[:200]}")
    path = posixpath.normpath(unquote(parts.path))
    static_prefix, media_prefix = settings.STATIC_URL, settings.MEDIA_URL
    if path.startswith(static_prefix):
        found = finders.find(path[len(static_prefix) :])
        if not found:
            raise RefusedResource(f"no such static file: {path}")
        with open(found, "rb") as handle:
            body = handle.read()
    elif path.startswith(media_prefix):
        name = path[len(media_prefix) :]
        if not name or name.startswith("/") or ".." in name.split("/"):
            raise RefusedResource(f"refused media path: {path}")
        # Only images: media also holds private files (certificate PDFs, documents)
        # that a template or a name must not be able to pull into a PDF.
        if posixpath.splitext(name)[1].lower() not in MEDIA_IMAGE_EXTENSIONS:
            logger.warning("PDF renderer refused %s", url[:200])
            raise RefusedResource(f"refused non-image media: {path}")
        body = _immutable_media_bytes(name) if name.startswith(IMMUTABLE_MEDIA_PREFIX) else _read_media(name)
    else:
        logger.warning("PDF renderer refused %s", url[:200])
        raise RefusedResource(f"refused path: {path}")
    return body, mimetypes.guess_type(path)[0] or "application/octet-stream"


def _weasyprint():
    import weasyprint

    return weasyprint


@lru_cache(maxsize=1)
def _fetcher_class():
    _weasyprint()
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class SafeURLFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:image/"):
                return super().fetch(url, headers)
            body, content_type = read_resource(url)
            return URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})

    return SafeURLFetcher


def safe_url_fetcher():
    """A WeasyPrint URL fetcher that serves only `read_resource` and image data: URIs."""
    return _fetcher_class()()


@lru_cache(maxsize=1)
def font_config():
    # One FontConfiguration per process: building it scans fonts and costs ~100 ms.
    _weasyprint()
    from weasyprint.text.fonts import FontConfiguration

    # WeasyPrint keeps the fonts of @font-face rules in a temporary folder (up to 7 MB here) that
    # FontConfiguration.__del__ removes. Left to interpreter shutdown, that runs after WeasyPrint's
    # module globals are gone (it is imported after this module), fails, and leaves the folder in
    # /tmp for every process that rendered a PDF. So this process-wide object is released at exit.
    atexit.register(stylesheet.cache_clear)
    atexit.register(inline_stylesheet.cache_clear)
    atexit.register(font_config.cache_clear)
    return FontConfiguration()


@lru_cache(maxsize=16)
def stylesheet(static_path):
    """Parse a static CSS file once per process."""
    return _weasyprint().CSS(
        url=f"{INTERNAL_ORIGIN}{settings.STATIC_URL}{static_path}",
        url_fetcher=safe_url_fetcher(),
        font_config=font_config(),
    )


@lru_cache(maxsize=32)
def inline_stylesheet(css):
    """Parse a CSS string once per process (a few variants, such as an academy's colours)."""
    return _weasyprint().CSS(string=css, base_url=BASE_URL, url_fetcher=safe_url_fetcher(), font_config=font_config())


def render_pdf(html, *, stylesheets=(), inline_css=(), variant="pdf/ua-1"):
    """Render an HTML string to PDF bytes.

    Title, author and subject come from the HTML head (<title>, <meta name="author">,
    <meta name="description">). `stylesheets` are static paths and `inline_css` CSS
    strings, each parsed once and reused. `variant` defaults to PDF/UA-1, a tagged PDF
    that screen readers can read.
    """
    document = _weasyprint().HTML(string=html, base_url=BASE_URL, url_fetcher=safe_url_fetcher())
    return document.write_pdf(
        stylesheets=[stylesheet(path) for path in stylesheets] + [inline_stylesheet(css) for css in inline_css],
        font_config=font_config(),
        pdf_variant=variant,
    )
