"""The academy page's "Contacts and nodal officers" section (colloquium_academy_sections), and a
co-organised event's organisers on its page (colloquium_event_sections)."""

from django.urls import reverse

from core.cache import depends_on

from .services import contacts_tag, listed_contacts, may_see_contacts, organising_academies


def academy_contacts(request, academy=None, **kwargs):
    """Verified users see the names and numbers; everyone else that the list exists and how to get verified."""
    if academy is None:
        return None
    depends_on(contacts_tag(academy.pk))  # what an anonymous visitor sees of it is cached with the page
    listed = listed_contacts(academy)
    if not (listed["academy"] or listed["nodal_officers"]):
        return None
    section = {
        "template": "interstate/sections/contacts.html",
        "academy": academy,
        "states": [state for state, _ in listed["nodal_officers"]],
        "visible": may_see_contacts(request.user, academy),
    }
    if section["visible"]:
        section.update(listed)
    elif request.user.is_authenticated:
        section["profile_url"] = reverse("accounts:profile")
    else:
        section["login_url"] = reverse("account_login")
        section["signup_url"] = reverse("account_signup")
    return section


def event_organisers(request, page=None, **kwargs):
    """Every academy organising a co-organised event, each linked to its page; nothing for an event
    one academy organises alone (its page already says which). Co-organisers are saved with the
    page, so publishing refreshes what anonymous visitors see of it."""
    if page is None:
        return None
    academies = organising_academies(page)
    if len(academies) < 2:
        return None
    return {"template": "interstate/sections/event_organisers.html", "academies": academies}
