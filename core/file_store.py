"""What the media storage raises when its store cannot be reached, so a view can say so plainly.

On S3 (django-storages) that is botocore's connection and timeout errors; on the filesystem, an
OSError. A file that is simply not there (FileNotFoundError, S3's 404) is the caller's own case.
"""

from botocore.exceptions import BotoCoreError

STORE_UNREACHABLE = (BotoCoreError, OSError)
# How long a client should wait before asking again (Retry-After on the 503 answers).
RETRY_AFTER_SECONDS = 60
