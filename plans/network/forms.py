"""Forms for the citizen's network: invite someone, answer an offer, offer help."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..forms import TOO_LONG, LongEmailField, LongTextField
from ..models import Goal, Offer, Relation

SCOPE_WHOLE = "whole"
SCOPE_GOALS = "goals"


class InvitationForm(forms.Form):
    name = LongTextField(
        label=_("Navn"),
        max_length=120,
        error_messages={
            "required": _("Skriv navnet på den, du vil invitere."),
            "max_length": TOO_LONG,
        },
    )
    email = LongEmailField(
        label=_("E-mail"),
        max_length=254,
        error_messages={
            "required": _("Skriv e-mailadressen på den, du vil invitere."),
            "invalid": _("Det ligner ikke en e-mailadresse. Tjek, at den er skrevet rigtigt."),
            "max_length": TOO_LONG,
        },
    )
    relation = forms.ChoiceField(
        label=_("Hvem er personen for dig?"),
        choices=Relation.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Vælg, hvem personen er for dig.")},
    )
    scope = forms.ChoiceField(
        label=_("Hvad må personen se?"),
        choices=[
            (SCOPE_GOALS, _("Kun de mål, jeg vælger")),
            (SCOPE_WHOLE, _("Alle mine mål")),
        ],
        initial=SCOPE_GOALS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Vælg, hvad personen må se.")},
    )
    goals = forms.ModelMultipleChoiceField(
        label=_("Mål, personen må se"),
        queryset=Goal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Vælg kun blandt dine egne mål.")},
    )
    message = LongTextField(
        label=_("Personlig besked (kan udelades)"),
        help_text=_("Fx hvorfor du gerne vil have personen med."),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": TOO_LONG},
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["goals"].queryset = plan.goals.all()
        self.fields["goals"].label_from_instance = lambda goal: goal.text

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("scope") == SCOPE_GOALS and not cleaned.get("goals"):
            self.add_error("goals", _("Vælg mindst ét mål, eller vælg “Alle mine mål”."))
        return cleaned

    @property
    def whole_plan(self) -> bool:
        return self.cleaned_data["scope"] == SCOPE_WHOLE

    def chosen_goals(self):
        if self.whole_plan:
            return list(self.plan.goals.all())
        return list(self.cleaned_data["goals"])


class OfferAnswerForm(forms.Form):
    answer = LongTextField(
        label=_("Dit svar (kan udelades)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": TOO_LONG},
    )


class OfferForm(forms.ModelForm):
    class Meta:
        model = Offer
        fields = ["goal", "kind", "what", "when"]
        field_classes = {"what": LongTextField, "when": LongTextField}
        labels = {
            "goal": _("Hvilket mål vil du hjælpe med?"),
            "kind": _("Hvad slags hjælp?"),
            "what": _("Hvad vil du gøre?"),
            "when": _("Hvornår eller hvor tit? (kan udelades)"),
        }
        help_texts = {
            "what": _("Fx “Jeg kan køre dig til jobsamtalen og vente udenfor.”"),
            "when": _("Fx “Tirsdag formiddag” eller “Hver anden uge”."),
        }
        widgets = {
            "goal": forms.RadioSelect,
            "kind": forms.RadioSelect,
            "what": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "goal": {
                "required": _("Vælg det mål, du vil hjælpe med."),
                "invalid_choice": _("Vælg et af de mål, du kan se."),
            },
            "kind": {"required": _("Vælg, hvad slags hjælp du tilbyder.")},
            "what": {"required": _("Skriv kort, hvad du vil gøre."), "max_length": TOO_LONG},
            "when": {"max_length": TOO_LONG},
        }

    def __init__(self, *args, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = goals
        self.fields["goal"].empty_label = None
        self.fields["goal"].label_from_instance = lambda goal: goal.text
        self.fields["kind"].choices = Offer.Kind.choices
