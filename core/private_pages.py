"""Nothing a signed-in person is shown may be stored by a browser or a proxy.

Every page greets a signed-in person by name, and many show their own progress,
registrations or certificates, so every response to a signed-in request is marked
`no-store`: Wagtail pages, the project's views and allauth's account pages alike,
without each view having to remember it. Anonymous responses are left alone, so the
public pages stay cacheable (see core.cache).
"""

from django.utils.cache import add_never_cache_headers


class SignedInResponsesNoStoreMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response
