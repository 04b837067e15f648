"""Forms of the staff admin: a plan in one of the caseworker's own teams, an activity tied to a
goal of the same plan, and the answer to a comment."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm

from ..forms import LongTextField
from ..models import Comment, Goal, Team

User = get_user_model()


class PlanAdminForm(WagtailAdminModelForm):
    """A caseworker can only place a plan in one of their own teams."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and "team" in self.fields:
            self.fields["team"].queryset = Team.objects.filter(members=for_user)
        if "citizen" in self.fields:
            citizen = self.fields["citizen"]
            citizen.label_from_instance = lambda user: f"{user} ({user.email})"
            if self.instance.pk:
                # A plan stays with its citizen; the form names only them.
                citizen.disabled = True
                citizen.queryset = User.objects.filter(pk=self.instance.citizen_id)
            else:
                # Only people without any admin role can be given a plan.
                citizen.queryset = User.objects.filter(
                    is_staff=False, is_superuser=False, groups__isnull=True
                ).order_by("first_name", "email")


class ActivityAdminForm(WagtailAdminModelForm):
    """An activity may point to a goal of the same plan only (save a new goal first)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "goal" in self.fields:
            plan_id = self.instance.plan_id
            self.fields["goal"].queryset = (
                Goal.objects.filter(plan_id=plan_id) if plan_id else Goal.objects.none()
            )


class AnswerForm(forms.Form):
    body = LongTextField(
        label=gettext_lazy("Dit svar"),
        help_text=gettext_lazy(
            "Skriv i hverdagssprog. Borgeren får en e-mail om, at du har svaret."
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=Comment.MAX_LENGTH,
        error_messages={"required": gettext_lazy("Skriv dit svar, før du sender det.")},
    )
    reply_to = forms.IntegerField(required=False, widget=forms.HiddenInput)
