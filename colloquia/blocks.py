"""Blocks for an agenda session: the people on the dais and the materials."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

PERSON_ROLES = [
    ("chair", "Chair"),
    ("co_chair", "Co-chair"),
    ("resource_person", "Resource person"),
    ("moderator", "Moderator"),
    ("panellist", "Panellist"),
    ("facilitator", "Facilitator"),
    ("presiding", "Presiding"),
    ("observer", "Observer"),
    ("speaker", "Speaker"),
]


class PersonBlock(blocks.StructBlock):
    """A chair or resource person. The name may be a role title ("High Court Judge") until confirmed."""

    role = blocks.ChoiceBlock(choices=PERSON_ROLES, default="resource_person")
    name = blocks.CharBlock(max_length=160, help_text="A name, or a role title until the person is confirmed.")
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
    title = blocks.CharBlock(required=False, help_text="Defaults to the document's title.")
    access = blocks.ChoiceBlock(
        choices=[("public", "Public"), ("participants", "Registered participants only")], default="public"
    )

    class Meta:
        icon = "doc-full"
        template = "colloquia/blocks/material_block.html"
        preview_value = {"title": "Reading list (public)", "access": "public"}


class PeopleBlock(blocks.StreamBlock):
    person = PersonBlock()


class MaterialsBlock(blocks.StreamBlock):
    material = MaterialBlock()
