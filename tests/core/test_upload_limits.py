"""Oversize uploads are refused with 413 before their body is read, on every page that takes uploads.

The request bodies here are generated as they are read (a 200 MB body costs nothing unless
someone reads it) and count every byte handed out, so a test can prove how much of a body
the site read, not only what it answered.
"""

import pytest
from django.template.defaultfilters import filesizeformat
from django.test.client import BOUNDARY
from django.urls import resolve

from core.uploads import request_limit
from resources.models import Resource
from tests import factories
from tests.resources.builders import PDF
from tests.resources.conftest import form_data, make_member, make_org

KB = 1024
MB = 1024 * KB
CHUNK = 64 * KB  # Django's upload handlers read the body in chunks of this size

# Every URL that accepts a file: the resource library, the admin's nomination and enrolment CSVs,
# certificate checks by file, Wagtail's documents and images.
UPLOAD_URLS = [
    "/resources/share/",
    "/resources/mine/1/edit/",
    "/admin/colloquia/1/nominations/",
    "/admin/training/1/enrol/",
    "/certificates/verify/",
    "/admin/documents/add/",
    "/admin/documents/multiple/add/",
    "/admin/images/add/",
    "/admin/images/multiple/add/",
]


class LazyMultipartBody:
    """A multipart form (`fields`, then one file) made as it is read; counts what is read.

    The file is `content` if given, else `file_size` bytes of "0" that exist only as they are read.
    """

    def __init__(self, file_size=0, fields=None, field_name="files", file_name="big.pdf", content=None):
        parts = []
        for name, value in (fields or {}).items():
            for item in value if isinstance(value, list) else [value]:
                parts.append(
                    f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{item}\r\n'.encode()
                )
        parts.append(
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{field_name}"; filename="{file_name}"\r\n'
            "Content-Type: application/pdf\r\n\r\n".encode()
        )
        self.head = b"".join(parts)
        self.tail = f"\r\n--{BOUNDARY}--\r\n".encode()
        self.content = content
        self.file_size = len(content) if content is not None else file_size
        self.length = len(self.head) + self.file_size + len(self.tail)
        self.bytes_read = 0

    def _byte_range(self, start, end):
        head_end, file_end = len(self.head), len(self.head) + self.file_size
        out = bytearray(self.head[start:head_end] if start < head_end else b"")
        if end > head_end and start < file_end:
            first, last = max(start, head_end) - head_end, min(end, file_end) - head_end
            out += self.content[first:last] if self.content is not None else b"0" * (last - first)
        if end > file_end:
            out += self.tail[max(start, file_end) - file_end : end - file_end]
        return bytes(out[: end - start])

    def read(self, size=-1):
        remaining = self.length - self.bytes_read
        size = remaining if size is None or size < 0 else min(size, remaining)
        size = min(size, 4 * MB)  # a reader asking for everything gets it in pieces, still counted
        data = self._byte_range(self.bytes_read, self.bytes_read + size)
        self.bytes_read += len(data)
        return data

    def readline(self, size=-1):
        size = 4 * MB if size is None or size < 0 else size
        line = self._byte_range(self.bytes_read, min(self.length, self.bytes_read + size))
        line = line[: line.index(b"\n") + 1] if b"\n" in line else line
        self.bytes_read += len(line)
        return line

    def environ(self, declared=True):
        environ = {"CONTENT_TYPE": f"multipart/form-data; boundary={BOUNDARY}", "wsgi.input": self}
        if declared:
            environ["CONTENT_LENGTH"] = str(self.length)
        else:
            environ["HTTP_TRANSFER_ENCODING"] = "chunked"
        return environ


def test_the_lazy_body_is_a_well_formed_upload(client, academy, settings):
    """The generator itself: a small body built this way is an upload Django parses and the view accepts."""
    member = make_member(make_org())
    client.force_login(member)
    body = LazyMultipartBody(fields=form_data(), file_name="guide.pdf", content=PDF)
    response = client.generic("POST", "/resources/share/", **body.environ())
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert body.bytes_read == body.length
    assert Resource.objects.count() == 1


@pytest.mark.parametrize("path", UPLOAD_URLS)
def test_a_declared_200_mb_upload_is_refused_with_413_before_its_body_is_read(client, db, path):
    resolve(path)  # a real upload URL, not a typo the middleware would answer all the same
    # A superuser with two-factor set up: the admin's upload views would read the body for them.
    client.force_login(factories.make_user(None, mfa=True, is_staff=True, is_superuser=True))
    body = LazyMultipartBody(200 * MB)
    response = client.generic("POST", path, **body.environ())
    assert response.status_code == 413
    assert f"more than {filesizeformat(20 * MB)}" in response.content.decode()
    assert body.bytes_read == 0


def test_a_signed_in_uploader_gets_the_page_that_states_the_limit(client, academy, settings):
    # Before the limit, the upload view read all 200 MB of this body and then refused the file.
    settings.UPLOAD_MAX_BYTES = 2 * MB
    client.force_login(make_member(make_org()))
    body = LazyMultipartBody(200 * MB, fields=form_data())
    response = client.generic("POST", "/resources/share/", **body.environ())
    assert response.status_code == 413
    page = response.content.decode()
    assert "<h1>Upload too large</h1>" in page
    assert f"add up to more than {filesizeformat(2 * MB)}" in page
    assert "Nothing was saved" in page
    assert body.bytes_read == 0
    assert not Resource.objects.exists()


def test_files_past_the_limit_are_not_read_even_when_the_declared_length_fits(client, academy, settings):
    settings.UPLOAD_MAX_BYTES = MB
    client.force_login(make_member(make_org()))
    body = LazyMultipartBody(MB + 100 * KB, fields=form_data())
    assert body.length <= request_limit()  # within the allowance for the envelope: the declared length passes
    response = client.generic("POST", "/resources/share/", **body.environ())
    assert response.status_code == 413
    assert "Upload too large" in response.content.decode()
    assert body.bytes_read < body.length
    assert body.bytes_read <= len(body.head) + MB + 2 * CHUNK
    assert not Resource.objects.exists()


def test_a_body_sent_without_a_length_is_not_read_past_the_limit(client, academy, settings):
    client.force_login(make_member(make_org()))
    body = LazyMultipartBody(200 * MB, fields=form_data())
    response = client.generic("POST", "/resources/share/", **body.environ(declared=False))
    assert response.status_code < 500
    assert body.bytes_read <= request_limit()
    assert not Resource.objects.exists()


def test_a_malformed_multipart_body_is_a_bad_request(client, db):
    response = client.generic("POST", "/resources/share/", b"--x\r\n", content_type="multipart/form-data; boundary=")
    assert response.status_code == 400


def test_wagtail_upload_limits_follow_upload_max_bytes(settings):
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == settings.UPLOAD_MAX_BYTES
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == settings.UPLOAD_MAX_BYTES
    assert settings.FILE_UPLOAD_HANDLERS[0] == "core.uploads.UploadLimitHandler"
