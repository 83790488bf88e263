"""Blocks shared by every content page: the base stream block that apps extend with their own."""

from django.utils.translation import gettext_lazy
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(choices=[("h2", "Level 2"), ("h3", "Level 3")], default="h2")

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        preview_value = {"text": "Why consent is irrelevant", "level": "h2"}


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=80, default="Key point")
    body = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "pick"
        template = "blocks/callout_block.html"
        preview_value = {"title": "Key point", "body": "<p>The victim's consent is immaterial.</p>"}


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(required=False, help_text=gettext_lazy("Defaults to the document's title."))

    class Meta:
        icon = "doc-full"
        template = "blocks/document_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks every content page offers; apps extend it with their own."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol", "h3", "h4"])
    image = ImageBlock()
    callout = CalloutBlock()
    document = DocumentLinkBlock()
    embed = EmbedBlock(help_text=gettext_lazy("A video URL (YouTube, Vimeo)."), icon="media")
