"""The language a person reads in: for what is sent to them (emails, PDFs made for them)."""

from django.conf import settings
from django.utils.translation import get_language_from_path


def language_of(user):
    """`user`'s chosen language (their profile's `preferred_language`), else the default.

    Emails are rendered inside `translation.override(language_of(recipient))`, so a registrar
    working in English sends a Hindi-speaking officer their confirmation in Hindi, and a
    moderator working in Hindi does not send Hindi to someone who never chose it. (Sign-up
    records the language the person signed up in.) For someone with no account, callers use the
    language of the request that caused the email.
    """
    chosen = getattr(user, "preferred_language", "") if user is not None else ""
    codes = {code for code, _name in settings.LANGUAGES}
    return chosen if chosen in codes else settings.LANGUAGE_CODE


def path_without_language(path):
    """`path` without its language prefix (/hi/admin/… is /admin/…): for rules that name paths."""
    language = get_language_from_path(path)
    if language and language != settings.LANGUAGE_CODE and path.startswith(f"/{language}/"):
        return path[len(language) + 1 :]
    return path
