"""What the library page's routes (`models.pages`) and the URL-routed views (`views`) both show or answer."""

from django.http import HttpResponsePermanentRedirect


def version_context(version):
    """A version with its files, topics and States, for the detail and review templates."""
    return {
        "version": version,
        "files": list(version.files.all()),
        "topics": list(version.topics.all()),
        "states": list(version.states.all()),
    }


def moved_permanently(request, url):
    """A 301 to `url`, the one address of what was asked for, keeping the query string."""
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
