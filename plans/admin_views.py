"""Staff side of plans in the Wagtail admin: views limited to the staff member's teams.

Every view finds its plan through plans.selectors, so a plan outside the team answers 404, and
every read and write is written to the plan's access log (the citizen sees it).
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.widgets.button import HeaderButton

from . import selectors, services
from .forms import LongTextField
from .models import AccessLogEntry, AuthorRole, Comment, Goal, Team

READ, WRITE = AccessLogEntry.Action.READ, AccessLogEntry.Action.WRITE
User = get_user_model()


def _log(request, plan, action, what):
    services.access_log_record(plan=plan, actor=request.user, action=action, what=what)


# --- Forms -----------------------------------------------------------------------------------


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


# --- Plan views ------------------------------------------------------------------------------


class TeamPlanObjectMixin:
    """Look the plan up through the team filter: another team's plan is 404 in every view."""

    def get_object(self, queryset=None):
        return selectors.plan_for_staff(user=self.request.user, pk=self.kwargs[self.pk_url_kwarg])


class PlanIndexView(generic.IndexView):
    def get_base_queryset(self):
        return selectors.plans_visible_to(user=self.request.user).select_related(
            "citizen", "coordinator", "team"
        )


class AccessLogIndexView(generic.IndexView):
    def get_base_queryset(self):
        visible = selectors.plans_visible_to(user=self.request.user)
        return AccessLogEntry.objects.filter(plan__in=visible).select_related("plan__citizen")


# Plans keep no Wagtail log entries (log_action=False): Wagtail's site history report shows them
# to anyone holding plan permissions, across teams, with the citizen's name in the title. The
# plan's own access log records every staff write instead.


class PlanCreateView(generic.CreateView):
    def save_instance(self):
        self.action_class(
            self.form.instance, user=self.request.user, form=self.form, log_action=False
        ).execute(skip_permission_checks=True)
        plan = self.form.instance
        _log(self.request, plan, WRITE, _("Oprettede planen"))
        return plan


class PlanEditView(TeamPlanObjectMixin, generic.EditView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        _log(request, self.object, READ, _("Planen"))
        return response

    def save_instance(self):
        self.action_class(
            self.form.instance, user=self.request.user, form=self.form, log_action=False
        ).execute(skip_permission_checks=True)
        plan = self.form.instance
        _log(self.request, plan, WRITE, _("Planen"))
        return plan

    @cached_property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(
                _("Kommentarer"),
                url=reverse("plans_admin:comments", args=[self.object.pk]),
                icon_name="comment",
            ),
        ]


class PlanDeleteView(TeamPlanObjectMixin, generic.DeleteView):
    pass


class PlanHistoryView(TeamPlanObjectMixin, generic.HistoryView):
    pass


class PlanUsageView(TeamPlanObjectMixin, generic.UsageView):
    pass


# --- Answering comments ----------------------------------------------------------------------


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


@never_cache
def plan_comments(request, pk):
    """The conversation on one plan, newest 50 first page; staff answer a comment or the plan."""
    if not request.user.has_perm("plans.view_plan"):
        raise PermissionDenied
    plan = selectors.plan_for_staff(user=request.user, pk=pk)
    before = request.GET.get("foer")
    thread = selectors.comment_thread(
        plan=plan, before=int(before) if before and before.isdigit() else None
    )
    reply_to_pk = request.POST.get("reply_to") or request.GET.get("svar")
    reply_to = (
        selectors.comment_on_plan(plan=plan, pk=reply_to_pk)
        if reply_to_pk and str(reply_to_pk).isdigit()
        else None
    )
    form = AnswerForm(request.POST or None, initial={"reply_to": reply_to and reply_to.pk})
    if request.method == "POST":
        if not request.user.has_perm("plans.add_comment"):
            raise PermissionDenied
        if form.is_valid():
            try:
                services.comment_add(
                    plan=plan,
                    author=request.user,
                    author_role=AuthorRole.STAFF,
                    body=form.cleaned_data["body"],
                    reply_to=reply_to,
                )
            except services.PlanRuleError as error:
                form.add_error("body", str(error))
            else:
                messages.success(request, _("Dit svar er sendt."))
                return redirect("plans_admin:comments", pk=plan.pk)
    else:
        _log(request, plan, READ, _("Kommentarer"))
    context = {
        "plan": plan,
        "thread": thread,
        "form": form,
        "reply_to": reply_to,
        "edit_url": reverse("planer:edit", args=[plan.pk]),
    }
    return render(request, "plans/admin/comments.html", context)
