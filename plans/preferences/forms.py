"""The notification settings form: one choice, each option explained in plain words."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from ..models import Frequency

EXPLAINED = {
    Frequency.IMMEDIATE: _("Du får en e-mail, hver gang der sker noget."),
    Frequency.DAILY: _("Du får højst én e-mail om dagen, om morgenen, med alt det nye."),
    Frequency.IMPORTANT: _(
        "Du får kun e-mail med det samme om det vigtigste. Alt andet samler vi i én e-mail "
        "om ugen, om mandagen."
    ),
}


class NoticePreferenceForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Hvor tit vil du have e-mail fra os?"),
        # Joined lazily: an f-string would fix the labels in the language active at import.
        choices=[
            (value, format_lazy("{}. {}", label, EXPLAINED[value]))
            for value, label in Frequency.choices
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Vælg, hvor tit du vil have e-mail."),
            "invalid_choice": _("Vælg en af de tre muligheder."),
        },
    )
