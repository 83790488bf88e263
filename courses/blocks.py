"""StreamField blocks for lessons: the shared base blocks plus statute and case-law references."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import BaseStreamBlock


class StatuteBlock(blocks.StructBlock):
    """A provision of the new law and the old-law section it replaced, shown together."""

    act = blocks.CharBlock(max_length=40, help_text=_("Short name of the Act in force, e.g. BNS, BNSS, POCSO."))
    section = blocks.CharBlock(max_length=40, help_text=_("e.g. 143, 396(3), 94(2)."))
    old_act = blocks.CharBlock(max_length=40, required=False, help_text=_("The repealed Act, e.g. IPC, CrPC."))
    old_section = blocks.CharBlock(max_length=40, required=False, help_text=_("Its equivalent section, e.g. 370."))
    new_provision = blocks.BooleanBlock(
        required=False, help_text=_("Tick for a provision with no counterpart in the old law (e.g. BNS 111).")
    )
    source = blocks.CharBlock(
        max_length=160,
        required=False,
        help_text=_("The bare act, e.g. 'Bharatiya Nyaya Sanhita, 2023, s.144'."),
    )
    summary = blocks.TextBlock(required=False, help_text=_("What the provision says, in a sentence or two."))
    changes = blocks.TextBlock(
        required=False,
        help_text=_(
            "What the old provision said differently (sentences, wording). A court applies the old "
            "law to conduct before 1 July 2024, so a difference here decides cases."
        ),
    )
    to_confirm = blocks.TextBlock(
        required=False,
        help_text=_("A point not yet checked against the bare act; readers see it marked 'to be confirmed'."),
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/statute_block.html"
        label = _("Statute reference")
        preview_value = {
            "act": "BNS",
            "section": "143",
            "old_act": "IPC",
            "old_section": "370",
            "summary": "Trafficking of persons: the act, the means and the purpose of exploitation.",
        }


class CaseLawBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=200, help_text=_("e.g. Vishal Jeet v. Union of India"))
    citation = blocks.CharBlock(max_length=120, required=False, help_text=_("e.g. (1990) 3 SCC 318"))
    year = blocks.IntegerBlock(min_value=1850, max_value=2100, required=False)
    holding = blocks.TextBlock(help_text=_("The holding in one line."))
    to_confirm = blocks.TextBlock(
        required=False,
        help_text=_("A point not yet checked against the reporter; readers see it marked 'to be confirmed'."),
    )

    class Meta:
        icon = "openquote"
        template = "blocks/case_block.html"
        label = _("Case law")
        preview_value = {
            "name": "Vishal Jeet v. Union of India",
            "citation": "(1990) 3 SCC 318",
            "year": 1990,
            "holding": "Directions to States to act against forced prostitution and to rehabilitate victims.",
        }


class LessonStreamBlock(BaseStreamBlock):
    """Base blocks (heading, paragraph, image, callout "key point", document, video embed) plus law references."""

    statute = StatuteBlock()
    case = CaseLawBlock()


class OptionBlock(blocks.StructBlock):
    """One answer option of a quiz question. `correct` never leaves the server before submission."""

    text = blocks.CharBlock(max_length=300)
    correct = blocks.BooleanBlock(required=False)

    class Meta:
        icon = "tick"
        template = "blocks/option_block.html"
        label = _("Option")
        preview_value = {"text": "No: consent is irrelevant", "correct": True}


class OptionsBlock(blocks.StreamBlock):
    option = OptionBlock()
