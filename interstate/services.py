"""Public functions of the interstate app: who organises an event, whom an academy lists.

Other apps use `organising_academies(event_page)` (the outcome report, the statistics) and
reach the rest through the hooks registered in wagtail_hooks.py. No function here imports a
page class: they are given the pages and academies they act on.
"""

from academies.services import staff_academies

from .models import Contact, ContactKind, CoOrganiser

__all__ = [
    "co_organised_event_ids",
    "contacts_tag",
    "listed_contacts",
    "may_see_contacts",
    "organising_academies",
    "page_cache_tags",
]


def organising_academies(event_page):
    """The academies organising `event_page`: the one whose section holds it first, then its
    co-organisers in the order the editor put them (each once). Empty for a national event
    with no co-organiser."""
    academies = [event_page.academy] if event_page.academy_id else []
    seen = {academy.pk for academy in academies}
    for row in event_page.co_organisers.select_related("academy").order_by("sort_order", "pk"):
        if row.academy_id not in seen:
            seen.add(row.academy_id)
            academies.append(row.academy)
    return academies


def co_organised_event_ids(academies):
    """For colloquia's `colloquium_co_organised_events` hook: the ids of the events that any of
    `academies` (a queryset) co-organises, as a subquery (no query of its own)."""
    return CoOrganiser.objects.filter(academy__in=academies).values("page_id")


def may_see_contacts(user, academy):
    """Names and numbers are for verified users (any verified role) and the academy's own staff.

    Signed-in pages are never kept in the anonymous page cache (core.middleware), so what a
    verified user sees never reaches a visitor who is not signed in.
    """
    if not user.is_authenticated:
        return False
    if user.has_verified_role:
        return True
    return staff_academies(user).filter(pk=academy.pk).exists()


def contacts_tag(academy_id):
    """The page-cache tag of the academy page's contacts section (what anonymous visitors see of it)."""
    return f"interstate-contacts:{academy_id}"


def page_cache_tags():
    """For the `colloquium_page_cache_tags` hook: a contact's save makes stale its academy's page only."""
    return {"interstate.Contact": lambda contact: [contacts_tag(contact.academy_id)]}


def listed_contacts(academy):
    """What `academy` lists: {"academy": [contacts], "nodal_officers": [(state, [officers])]},
    nodal officers grouped by State/UT in name order. One query."""
    # Ordered as the model orders them, less the academy's name: one academy's rows need no join to it.
    contacts = list(
        Contact.objects.filter(academy=academy)
        .select_related("state")
        .order_by("kind", "state__name", "sort_order", "name")
    )
    own = [contact for contact in contacts if contact.kind == ContactKind.ACADEMY]
    by_state = {}
    for contact in contacts:
        if contact.kind == ContactKind.NODAL_OFFICER:
            by_state.setdefault(contact.state, []).append(contact)
    nodal = sorted(by_state.items(), key=lambda item: item[0].name)
    return {"academy": own, "nodal_officers": nodal}
