"""Blocks for an agenda session: the people on the dais and the materials."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

PERSON_ROLES = [
    ("chair", _("Chair")),
    ("co_chair", _("Co-chair")),
    ("resource_person", _("Resource person")),
    ("moderator", _("Moderator")),
    ("panellist", _("Panellist")),
    ("facilitator", _("Facilitator")),
    ("presiding", _("Presiding")),
    ("observer", _("Observer")),
    ("speaker", _("Speaker")),
]


class PersonBlock(blocks.StructBlock):
    """A chair or resource person. The name may be a role title ("High Court Judge") until confirmed."""

    role = blocks.ChoiceBlock(choices=PERSON_ROLES, default="resource_person")
    name = blocks.CharBlock(max_length=160, help_text=_("A name, or a role title until the person is confirmed."))
    designation = blocks.CharBlock(max_length=160, required=False)
    organisation = blocks.CharBlock(max_length=200, required=False)

    class Meta:
        icon = "user"
        template = "colloquia/blocks/person_block.html"
        preview_value = {
            "role": "chair",
            "name": "High Court Judge",
            "designation": "Judge",
            "organisation": "High Court of Jharkhand",
        }


class MaterialBlock(blocks.StructBlock):
    """A document for a session: public, or for registered participants only."""

    document = DocumentChooserBlock()
    title = blocks.CharBlock(required=False, help_text=_("Defaults to the document's title."))
    access = blocks.ChoiceBlock(
        choices=[("public", _("Public")), ("participants", _("Registered participants only"))], default="public"
    )

    class Meta:
        icon = "doc-full"
        template = "colloquia/blocks/material_block.html"
        preview_value = {"title": "Reading list (public)", "access": "public"}


class PeopleBlock(blocks.StreamBlock):
    person = PersonBlock()


class MaterialsBlock(blocks.StreamBlock):
    material = MaterialBlock()
