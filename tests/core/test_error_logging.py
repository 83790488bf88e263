"""An unhandled error is logged with its traceback where an operator reads logs (stderr), not only emailed."""

import logging
import sys
from unittest import mock

from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.log import log_response


def test_a_server_error_reaches_the_console_with_its_traceback():
    console = [
        handler
        for handler in logging.getLogger("django.request").handlers
        if isinstance(handler, logging.StreamHandler) and handler.level <= logging.ERROR
    ]
    assert console, "nothing writes django.request's errors to stderr"
    try:
        raise ValueError("boom")
    except ValueError:
        with mock.patch.object(console[0], "emit") as emit:
            log_response(
                "Internal Server Error: %s",
                "/broken/",
                response=HttpResponse(status=500),
                request=RequestFactory().get("/broken/"),
                exception=sys.exc_info()[1],
            )
    (record,), _ = emit.call_args
    assert record.levelno == logging.ERROR and record.getMessage() == "Internal Server Error: /broken/"
    assert str(record.exc_info[1]) == "boom"
