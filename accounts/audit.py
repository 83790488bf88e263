"""One way to record who did what, shared by every app.

Staff decisions go to Wagtail's audit log (visible under Reports > Site history),
and refused requests go to the `colloquium.security` logger.
"""

import logging

from wagtail.log_actions import log

security_log = logging.getLogger("colloquium.security")


def record(instance, action, user=None, **data):
    """Write an audit entry. `action` must be registered in a wagtail_hooks module."""
    return log(instance=instance, action=action, user=user, data=data or None)


def log_refusal(request, what, why=""):
    """Log a refused request: who (user id or anonymous), what (method, path, object), why; the
    log line carries the time. RefusalLogMiddleware logs any other 403 response the same way."""
    request._refusal_logged = True
    user = getattr(request, "user", None)
    who = user.pk if user is not None and user.is_authenticated else "anonymous"
    security_log.warning(
        "refused user=%s method=%s path=%s what=%s why=%s",
        who,
        request.method,
        request.path,
        what,
        why,
    )
