"""What this app adds to colloquia (through the hooks colloquia reads) and to the admin."""

from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import InlinePanel

from colloquia.extensions import EVENT_PANELS, REGISTRATION_FORMS

from . import forms, services, views


@hooks.register(EVENT_PANELS)
def question_panels():
    return [
        InlinePanel(
            "registration_questions",
            heading=gettext_lazy("Registration questions"),
            label=gettext_lazy("Question"),
            help_text=gettext_lazy(
                "Asked in the registration form, and of nominees when they accept an invitation. "
                "The answers are shown to the event's registrars and in their exports."
            ),
        )
    ]


hooks.register(REGISTRATION_FORMS, forms.registration_form)
hooks.register(services.EXPORT_COLUMNS_HOOK, services.export_columns)
hooks.register("colloquium_personal_data", services.personal_data, order=45)


@hooks.register("register_admin_urls")
def register_answer_urls():
    return [
        path("registration-questions/", views.event_list, name="registration_questions_events"),
        path("registration-questions/<int:page_id>/", views.event_answers, name="registration_questions_event"),
        path(
            "registration-questions/answers/<int:pk>/<str:name>",
            views.registrar_file,
            name="registration_questions_file",
        ),
    ]


class RegistrarMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.REGISTRAR_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_answers_menu_item():
    return RegistrarMenuItem(
        gettext_lazy("Registration answers"), reverse("registration_questions_events"), icon_name="form", order=261
    )


@hooks.register("colloquium_event_admin_links", order=10)
def event_admin_links(request, page):
    if not request.user.has_perm(views.REGISTRAR_PERMISSION) or not services.may_see_answers(request.user, page):
        return []
    return [{"label": _("Registration answers"), "url": reverse("registration_questions_event", args=[page.pk])}]
