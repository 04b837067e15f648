""" "Fejl: " before the page title when the page shows a form sent back with errors (the GOV.UK
and DKFDS pattern), so a screen reader hears at once that the page came back.

{% load form_errors %}<title>{% error_title_prefix %}…</title>

The title is rendered before the form, so it cannot learn from the form's include; it looks for
the same errors components/error_summary.html shows: a bound Django form with errors anywhere in
the context (ours, allauth's, Wagtail's), or `form_errors` for a form that is not a Django form.
"""

from django import template
from django.forms import BaseForm
from django.utils.translation import gettext as _

register = template.Library()


def _shows_errors(value) -> bool:
    # type(), not isinstance(): isinstance would open a lazy object (request.user) and cost a
    # query on pages that otherwise make none. Only a bound form can have errors; an unbound
    # one is not validated here.
    return issubclass(type(value), BaseForm) and value.is_bound and bool(value.errors)


@register.simple_tag(takes_context=True)
def error_title_prefix(context) -> str:
    values = context.flatten()
    if values.get("form_errors") or any(_shows_errors(v) for v in values.values()):
        return _("Fejl: ")
    return ""
