"""wagtail.users with Colloquium's user forms: Wagtail 8 takes the forms from the user viewset
(WAGTAIL_USER_EDIT_FORM is no longer read), and its own forms require a first and last name
that our user model does not have."""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersAdminConfig(WagtailUsersAppConfig):
    user_viewset = "accounts.viewsets.UserViewSet"
