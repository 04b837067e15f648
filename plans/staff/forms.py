"""Forms of the staff admin: a plan in one of the caseworker's own teams, an activity tied to a
goal of the same plan, and the answer to a comment."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm

from ..forms import LongTextField
from ..models import Comment, Goal, Team
from . import lookup

User = get_user_model()


NO_PLAN_FOR_THIS_PERSON = gettext_lazy(
    "Der kan ikke oprettes en plan for denne person. Tjek e-mailadressen sammen med borgeren. "
    "Passer den, så kontakt din leder."
)


class CitizenLookupField(forms.CharField):
    """The citizen of a new plan, found by the exact identifier she gives: her email address,
    or with a MitID broker on also what the broker knows her by (plans.staff.lookup); never
    chosen from a list of accounts. The lookup is kept on the field (`result`) for the view to
    log. On an existing plan it shows her address, fixed."""

    widget = forms.EmailInput  # a text box when a MitID identifier may be typed instead

    def __init__(self, **kwargs):
        super().__init__(max_length=254, **kwargs)
        self.result = None  # the last plans.staff.lookup.Lookup

    def prepare_value(self, value):
        if isinstance(value, int):
            value = User.objects.filter(pk=value).first()
        return value.email if isinstance(value, User) else value

    def clean(self, value):
        if isinstance(value, int | User):  # a disabled field gives back its initial value
            return value if isinstance(value, User) else User.objects.get(pk=value)
        typed = super().clean(value)
        self.result = lookup.citizen_lookup(identifier=typed)
        if self.result.citizen is None:
            raise forms.ValidationError(NO_PLAN_FOR_THIS_PERSON, code="no_plan")
        return self.result.citizen


CitizenByEmailField = CitizenLookupField  # the name the first version had


class PlanAdminForm(WagtailAdminModelForm):
    """A caseworker can only place a plan in one of their own teams, for a citizen found by
    her exact email address (or MitID identifier)."""

    citizen = CitizenLookupField(
        label=gettext_lazy("Borgerens e-mail"),
        help_text=gettext_lazy(
            "Den e-mailadresse, borgeren har bekræftet hos os. Spørg borgeren, og skriv den "
            "præcis."
        ),
        error_messages={"required": gettext_lazy("Skriv borgerens e-mailadresse.")},
    )

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if lookup.broker_provider_ids() and "citizen" in self.fields:
            field = self.fields["citizen"]
            field.widget = forms.TextInput(attrs=field.widget.attrs)
            field.label = gettext_lazy("Borgerens e-mail eller MitID-oplysning")
            field.help_text = gettext_lazy(
                "Den e-mailadresse, borgeren har bekræftet hos os, eller den oplysning fra "
                "MitID, I har aftalt at bruge (fx CPR-nummeret). Skriv den præcis."
            )
        if for_user is not None and "team" in self.fields:
            self.fields["team"].queryset = Team.objects.filter(members=for_user)
        if self.instance.pk and "citizen" in self.fields:
            # A plan stays with its citizen.
            self.fields["citizen"].disabled = True
            self.fields["citizen"].help_text = ""
        activities = self.formsets.get("activities")
        if activities is not None:
            # Every activity row, the new ones and the empty template JavaScript copies
            # included, is told the plan: its goal list holds the plan's saved goals.
            activities.form_kwargs = {**activities.form_kwargs, "plan_id": self.instance.pk}

    @property
    def citizen_lookup(self) -> "lookup.Lookup | None":
        """The lookup this form made for a new plan, None if it made none (field left empty)."""
        field = self.fields.get("citizen")
        return getattr(field, "result", None)


class ActivityAdminForm(WagtailAdminModelForm):
    """An activity may point to a goal of the same plan only. A new row of a saved plan offers
    its goals at once (PlanAdminForm passes the plan); a goal of another plan is refused."""

    def __init__(self, *args, plan_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        if "goal" in self.fields:
            plan_id = self.instance.plan_id or plan_id
            goal = self.fields["goal"]
            goal.queryset = (
                Goal.objects.filter(plan_id=plan_id) if plan_id else Goal.objects.none()
            )
            if not plan_id:
                goal.help_text = gettext_lazy("Målene kan vælges, når planen er gemt første gang.")


class AnswerForm(forms.Form):
    body = LongTextField(
        label=gettext_lazy("Dit svar"),
        help_text=gettext_lazy(
            "Skriv i hverdagssprog. Borgeren får en e-mail om, at du har svaret: med det samme "
            "eller samlet om morgenen, som borgeren selv har valgt."
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=Comment.MAX_LENGTH,
        error_messages={"required": gettext_lazy("Skriv dit svar, før du sender det.")},
    )
    reply_to = forms.IntegerField(required=False, widget=forms.HiddenInput)
