from allauth.account.adapter import DefaultAccountAdapter

from .roles import RoleStatus


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        """Copy the profile answers from the sign-up form; a declared role starts pending."""
        user = super().save_user(request, user, form, commit=False)
        for field in ("full_name", "name_devanagari", "role", "designation", "court_or_office", "district"):
            setattr(user, field, form.cleaned_data.get(field, ""))
        user.state = form.cleaned_data.get("state")
        user.high_court = form.cleaned_data.get("high_court")
        user.role_status = RoleStatus.PENDING
        if commit:
            user.save()
        return user
