"""Let one app show pieces of others without importing them.

A setting lists dotted paths to functions; each takes the request (and
optionally a page) and returns a dict with at least "template", or None to
show nothing. The home page, an academy page and the learner's dashboard are
assembled this way, so `accounts` and `academies` stay ignorant of the feature
apps that fill them.
"""

from django.conf import settings
from django.utils.module_loading import import_string


def collect_sections(setting_name, request, **kwargs):
    sections = []
    for path in getattr(settings, setting_name, []):
        section = import_string(path)(request, **kwargs)
        if section:
            sections.append(section)
    return sections
