"""Blocks that let editors link approved resources from lessons and agenda sessions.

Only approved, public resources can be chosen; a resource that stops being public
(its organisation unverified) renders nothing.
"""

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.cache import depends_on

from .models import Resource, ResourceIndexPage
from .services import PUBLIC_RESOURCES_TAG


class ResourceChooserBlock(blocks.ChooserBlock):
    """Choose one public resource (a plain select: works without JavaScript in the editor too)."""

    @cached_property
    def target_model(self):
        return Resource

    @cached_property
    def widget(self):
        return forms.Select()

    @cached_property
    def field(self):
        return forms.ModelChoiceField(
            queryset=Resource.objects.public().select_related("live_version").order_by("live_version__title"),
            widget=self.widget,
            required=self._required,
            validators=self._validators,
            help_text=self._help_text,
        )

    class Meta:
        icon = "doc-full-inverse"


class ResourceLinkBlock(blocks.StructBlock):
    resource = ResourceChooserBlock()
    note = blocks.CharBlock(required=False, max_length=200, help_text=_("Optional: why this resource is useful here."))

    def get_context(self, value, parent_context=None):
        depends_on(PUBLIC_RESOURCES_TAG)  # the page shows whether the resource is still public
        context = super().get_context(value, parent_context=parent_context)
        resource = value.get("resource")
        if resource is not None and resource.live_version_id and resource.organisation.verified:
            context["resource"] = resource
            context["url"] = resource.get_url(ResourceIndexPage.originals.live().first())
        return context

    class Meta:
        icon = "doc-full-inverse"
        template = "resources/blocks/resource_link_block.html"
        preview_value = {"note": _("Read before the session on victim identification.")}
        description = _("A link to an approved resource from the library")
