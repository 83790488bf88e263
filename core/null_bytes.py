"""Refuse a query string that carries a NUL character.

No filter, search or API parameter of the site has a use for one, and PostgreSQL refuses
NUL in any text it is asked to compare, so a `?state=%00` that reached a query would
answer 500 there (SQLite takes it). One check here spares every view its own.
"""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy

MESSAGE = gettext_lazy("The address contains a null character (%00), which no page of this site accepts.")
API_PREFIX = "/api/"  # the content API answers in JSON, as Wagtail's own errors there are


class NullBytesInQueryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "%00" in request.META.get("QUERY_STRING", ""):
            if request.path.startswith(API_PREFIX):
                return JsonResponse({"message": MESSAGE}, status=400)
            return render(request, "400.html", {"message": MESSAGE}, status=400)
        return self.get_response(request)
