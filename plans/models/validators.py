"""One rule for text on one line, wherever it is typed: the citizen's forms (plans.forms
LongTextField), the member's, and the admin's fields that end up in email subjects, calendar
entries and headers (a meeting's place, an activity's title, a staff member's name)."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ONE_LINE = _("Skriv det på én linje, uden linjeskift eller usynlige tegn.")


def has_control_character(value: str, *, allowed: frozenset[str] = frozenset()) -> bool:
    return any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in value or "")


def single_line(value: str) -> None:
    """A newline or another control character in a name breaks the emails it goes into."""
    if has_control_character(value):
        raise ValidationError(ONE_LINE, code="control_character")
