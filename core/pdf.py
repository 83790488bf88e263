"""The one module that turns HTML into PDF (WeasyPrint).

Rendering is sandboxed: the URL fetcher serves only the project's own static
files and media files, read from disk or storage, and refuses everything else
(`file://`, other hosts, `..` tricks), so neither a template an editor wrote nor
a name a user typed can read server files or reach the network. WeasyPrint logs
a refused resource and carries on, so the PDF still renders.
"""

import logging
import mimetypes
import posixpath
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger("colloquium.pdf")

# Relative URLs in PDF templates resolve against this made-up origin; only it is served.
INTERNAL_ORIGIN = "https://colloquium.internal"
BASE_URL = INTERNAL_ORIGIN + "/"
MEDIA_IMAGE_EXTENSIONS = {".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg"}


class RefusedResource(ValueError):
    pass


class SafeURLFetcher(URLFetcher):
    def fetch(self, url, headers=None):
        if url.startswith("data:image/"):
            return super().fetch(url, headers)
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
            with default_storage.open(name, "rb") as handle:
                body = handle.read()
        else:
            logger.warning("PDF renderer refused %s", url[:200])
            raise RefusedResource(f"refused path: {path}")
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})


@lru_cache(maxsize=1)
def font_config():
    # One FontConfiguration per process: building it scans fonts and costs ~100 ms.
    return FontConfiguration()


@lru_cache(maxsize=16)
def stylesheet(static_path):
    """Parse a static CSS file once per process."""
    return CSS(
        url=f"{INTERNAL_ORIGIN}{settings.STATIC_URL}{static_path}",
        url_fetcher=SafeURLFetcher(),
        font_config=font_config(),
    )


def render_pdf(html, *, stylesheets=(), variant="pdf/ua-1"):
    """Render an HTML string to PDF bytes.

    Title, author and subject come from the HTML head (<title>, <meta name="author">,
    <meta name="description">). `stylesheets` are static paths (parsed once and
    reused). `variant` defaults to PDF/UA-1, a tagged PDF that screen readers can read.
    """
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=SafeURLFetcher())
    return document.write_pdf(
        stylesheets=[stylesheet(path) for path in stylesheets],
        font_config=font_config(),
        pdf_variant=variant,
    )
