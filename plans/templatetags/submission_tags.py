"""`{% submission_key %}`: the one-time key a writing form carries (plans.http.submitted_once)."""

from django import template
from django.utils.html import format_html

from ..models import SubmissionKey

register = template.Library()


@register.simple_tag
def submission_key():
    """A fresh key each time the form is shown: the same form sent twice carries the same key,
    a form shown again is a new submission."""
    return format_html(
        '<input type="hidden" name="{}" value="{}">',
        SubmissionKey.FIELD_NAME,
        SubmissionKey.new_form_key(),
    )
