"""The size limit for uploads, enforced before the request body is read and while it is read.

The files in one request may add up to `settings.UPLOAD_MAX_BYTES` (env `UPLOAD_MAX_BYTES`,
20 MB by default), on every page that takes uploads: the resource library, the admin's
nomination and enrolment CSVs, certificate checks, Wagtail's documents and images. Two
documented Django extension points do it, so no view has to remember:

- `UploadLimitMiddleware` answers 413 with a page that states the limit, without reading
  the body, when a request declares (Content-Length) more than `request_limit()`: the limit
  plus `settings.UPLOAD_ENVELOPE_BYTES` for the form's other fields and the multipart
  headers. A multipart request within that is parsed here, before any view or later
  middleware, through:
- `UploadLimitHandler`, first in `settings.FILE_UPLOAD_HANDLERS`, which counts file bytes as
  Django's parser streams them and stops the upload (`StopUpload(connection_reset=True)`:
  the rest of the body is not read) as soon as they pass the limit, whatever the request
  declared. The middleware then answers 413 and the view never runs.

Under WSGI (gunicorn, runserver) Django reads no more than Content-Length, and nothing of a
body sent without one; the handler's count is what holds wherever the body does reach the
parser. The front proxy should refuse bigger bodies too (nginx `client_max_body_size`, see
docs/deployment.md). Each file's own checks (type, content, per-file size) stay with the
form that receives it, e.g. `resources.files.check_upload`.
"""

import logging

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.template.response import TemplateResponse

logger = logging.getLogger("colloquium.uploads")


def upload_max_bytes():
    """How many bytes of files one request may carry."""
    return int(settings.UPLOAD_MAX_BYTES)


def request_limit():
    """The largest request body accepted: the files plus the allowance for fields and multipart headers."""
    return upload_max_bytes() + int(settings.UPLOAD_ENVELOPE_BYTES)


def declared_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def too_large_response(request):
    """413 with a readable page saying the limit; nothing of the upload was kept."""
    logger.warning(
        "Upload refused as too large: %s %s, %s bytes declared, limit %s",
        request.method,
        request.path[:200],
        declared_length(request) or "no length",
        upload_max_bytes(),
    )
    response = TemplateResponse(request, "413.html", {"limit": upload_max_bytes()}, status=413)
    return response.render()


class UploadLimitHandler(FileUploadHandler):
    """Counts the bytes of every file in one request; stops reading once they pass UPLOAD_MAX_BYTES."""

    def __init__(self, request=None):
        super().__init__(request)
        self.received = 0
        self.stopped = False

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > upload_max_bytes():
            self.stopped = True
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handlers keep the file


def upload_stopped(request):
    return any(isinstance(handler, UploadLimitHandler) and handler.stopped for handler in request.upload_handlers)


class UploadLimitMiddleware:
    """Refuse oversize uploads with 413 before their body is read (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if declared_length(request) > request_limit():
            return too_large_response(request)
        if request.method == "POST" and request.content_type == "multipart/form-data":
            # Parse the body now, through UploadLimitHandler, before any view or later middleware reads it.
            request.FILES  # noqa: B018
            if upload_stopped(request):
                return too_large_response(request)
        return self.get_response(request)
