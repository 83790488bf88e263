from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation

from core.i18n import language_of
from core.site import public_site, public_url

from .roles import RoleStatus

# The links allauth puts in its emails (its templates use no others).
EMAIL_LINKS = ("activate_url", "password_reset_url", "signup_url")


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        """Copy the profile answers from the sign-up form; a declared role starts pending."""
        user = super().save_user(request, user, form, commit=False)
        for field in ("full_name", "name_devanagari", "role", "designation", "court_or_office", "district"):
            setattr(user, field, form.cleaned_data.get(field, ""))
        user.preferred_language = form.cleaned_data.get("preferred_language") or ""
        user.devanagari_digits = bool(form.cleaned_data.get("devanagari_digits"))
        user.state = form.cleaned_data.get("state")
        user.high_court = form.cleaned_data.get("high_court")
        user.role_status = RoleStatus.PENDING
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix, email, context):
        """allauth's emails name the site and link to its public address (SITE_NAME, SITE_URL), not the request's host.

        Without django.contrib.sites allauth's `current_site` is the request's host, which its templates
        greet with ("Hello from 127.0.0.1:8000!"), and it builds links from the request.

        Each email is written in its recipient's language (their profile's, else English); an email to
        an address with no account (allauth's "unknown account" notices) in the language of the request.
        """
        context = {"current_site": public_site(), **context}
        for name in EMAIL_LINKS:
            if context.get(name):
                context[name] = public_url(context[name])
        with translation.override(language_of(context.get("user"))):
            super().send_mail(template_prefix, email, context)
