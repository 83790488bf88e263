from django import template

from core.html import clean_html as _clean_html

register = template.Library()


@register.filter
def clean_html(value):
    return _clean_html(value)


@register.simple_tag(takes_context=True)
def render_section(context, section):
    """Render one extension section (see core.extensions) with its own context."""
    if "html" in section:  # rendered already (core.extensions.learner_section)
        return section["html"]
    tpl = context.template.engine.get_template(section["template"])
    with context.push(section=section):
        return tpl.render(context)
