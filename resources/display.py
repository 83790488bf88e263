"""What the library page's routes (`models.pages`) and the URL-routed views (`views`) both show or answer."""

from collections import defaultdict
from dataclasses import dataclass

from django.http import HttpResponsePermanentRedirect
from django.utils.text import Truncator

from .choices import Language, ResourceType
from .records import ResourceVersion

SUMMARY_WORDS = 40
TYPE_LABELS = dict(ResourceType.choices)
LANGUAGE_LABELS = dict(Language.choices)


@dataclass(frozen=True)
class LibraryCard:
    """What a resource's card in a listing shows (resources/includes/resource_card.html)."""

    url: str
    title: str
    type_label: str
    language_label: str
    organisation: str
    summary: str
    topics: list
    content_note: bool
    states: list


def library_cards(resources, index_page):
    """A card for each of `resources` (public ones, with their live version and organisation joined).

    The topics and States of all the cards are read in two queries of names, so a page of 20
    cards costs the same queries as one, and no topic or State object is made for each card.
    """
    versions = [resource.live_version_id for resource in resources]
    topics, states = defaultdict(list), defaultdict(list)
    through = ResourceVersion.topics.through.objects.filter(resourceversion_id__in=versions)
    for version, name in through.order_by("topic__position", "topic__name").values_list(
        "resourceversion_id", "topic__name"
    ):
        topics[version].append(name)
    through = ResourceVersion.states.through.objects.filter(resourceversion_id__in=versions)
    for version, name in through.order_by("state__name").values_list("resourceversion_id", "state__name"):
        states[version].append(name)
    cards = []
    for resource in resources:
        version = resource.live_version
        cards.append(
            LibraryCard(
                url=resource.get_url(index_page),
                title=version.title,
                type_label=TYPE_LABELS.get(version.resource_type, version.resource_type),
                language_label=LANGUAGE_LABELS.get(version.language, version.language),
                organisation=resource.organisation.name,
                summary=Truncator(version.summary).words(SUMMARY_WORDS, truncate=" …"),
                topics=topics[version.pk],
                content_note=version.content_note,
                states=states[version.pk],
            )
        )
    return cards


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
