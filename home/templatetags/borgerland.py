"""Template helpers that explain glossary words to citizens and score texts for staff.

{% load borgerland %}
{{ decision.explanation|explain_jargon }}      plain text or sanitised HTML → safe HTML
{% explained value.text %}                     rich text in a page; each word explained once
{% readability decision.explanation as r %}    r.lix, r.jargon_entries (for staff forms)
"""

from django import template
from django.utils.html import conditional_escape, linebreaks
from django.utils.safestring import SafeData, mark_safe
from wagtail.rich_text import RichText

from ..glossary import explain_html
from ..readability import analyse_html

register = template.Library()


def _as_html(value) -> str:
    if isinstance(value, RichText):
        return str(value)  # Wagtail's front-end rendering of rich text (already safe)
    if isinstance(value, SafeData):
        return str(value)
    # Plain text a person typed: escaped, with its paragraphs kept.
    return linebreaks(conditional_escape(str(value or "")))


@register.filter(is_safe=True)
def explain_jargon(value):
    """Explain each glossary word the first time it appears in this text."""
    return mark_safe(explain_html(_as_html(value)))  # noqa: S308 - text re-escaped by explain_html


@register.simple_tag(takes_context=True)
def explained(context, value):
    """Like explain_jargon, but a word explained once on the page is not explained again."""
    request = context.get("request")
    seen = getattr(request, "_explained_terms", None) if request is not None else None
    if seen is None:
        seen = set()
        if request is not None:
            request._explained_terms = seen
    return mark_safe(explain_html(_as_html(value), seen=seen))  # noqa: S308 - re-escaped


@register.simple_tag
def readability(value):
    return analyse_html(_as_html(value))
