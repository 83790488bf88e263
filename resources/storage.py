"""Where uploaded resource files live: outside MEDIA_ROOT, so no web server serves them.

Files sit in `<MEDIA_ROOT>/../private/` (a sibling of the media folder) and
are read only by `resources.views.download`, which checks permission first.
The location follows settings.MEDIA_ROOT at call time, so tests that move
MEDIA_ROOT move it too. With S3 (AWS_STORAGE_BUCKET_NAME set) the default
storage is already private (no public ACL, signed URLs never handed out), so it
is used with the same `resources/` prefix.
"""

import os
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage


class PrivateResourceStorage(FileSystemStorage):
    @property
    def base_location(self):
        return os.path.join(os.path.dirname(os.path.abspath(settings.MEDIA_ROOT)), "private")

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private resource files have no public URL; use the download view.")


def private_storage():
    if settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage"):
        return PrivateResourceStorage()
    return default_storage


def random_storage_name(instance, filename):
    """A random name; the user's (sanitised) name is kept only in the database."""
    extension = os.path.splitext(filename)[1].lower()[:6]
    return f"resources/{uuid.uuid4().hex[:2]}/{uuid.uuid4().hex}{extension}"
