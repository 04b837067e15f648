"""Staff side of plans in the Wagtail admin: views limited to the staff member's teams.

Every view finds its plan through plans.selectors, so a plan outside the team answers 404, and
every read and write is written to the plan's access log (the citizen sees it).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.widgets.button import HeaderButton

from .. import selectors, services, threads
from ..access_log import READ, WRITE, access_log_record
from ..errors import PlanRuleError
from ..history import admin_save_record
from ..http import id_param, older_than, submitted_once
from ..models import AccessLogEntry, AuthorRole, PlanEvent, StaffLookup
from ..network import services as network_services
from . import lookup
from .forms import AnswerForm


def _log(request, plan, action, what):
    access_log_record(plan=plan, actor=request.user, action=action, what=what)


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


class AccessLoggedSaveMixin:
    """Save without a Wagtail log entry; the plan's access log records the write, and the plan's
    own history what was changed (compared from the form and its formsets after the save). In
    the same transaction, the people it concerns are told: the citizen of a new decision, the
    network that the plan is finished."""

    written = ""  # what the access log says was changed

    def save_instance(self):
        created = self.form.instance.pk is None
        with transaction.atomic():
            self.action_class(
                self.form.instance, user=self.request.user, form=self.form, log_action=False
            ).execute(skip_permission_checks=True)
            plan = self.form.instance
            _log(self.request, plan, WRITE, str(self.written))
            admin_save_record(plan=plan, user=self.request.user, form=self.form, created=created)
            services.decisions_announce(decisions=self.form.formsets["decisions"].new_objects)
            if plan.is_archived:
                network_services.plan_archived_notify(plan=plan)  # tells nobody twice
        return plan


FOUND_BY = {
    StaffLookup.Kind.EMAIL: gettext_lazy(
        "Fandt borgeren på sin e-mailadresse og oprettede planen"
    ),
    StaffLookup.Kind.MITID: gettext_lazy(
        "Fandt borgeren på sin MitID-oplysning og oprettede planen"
    ),
}


class PlanCreateView(AccessLoggedSaveMixin, generic.CreateView):
    """A new plan: the lookup of its citizen goes into the new plan's access log together with
    the creation; a lookup that makes no plan goes into the staff audit log (StaffLookup)."""

    @property
    def written(self):
        found = self.form.citizen_lookup
        return FOUND_BY[found.kind] if found else gettext_lazy("Oprettede planen")

    def form_invalid(self, form):
        if form.citizen_lookup is not None:
            lookup.lookup_without_plan_record(actor=self.request.user, lookup=form.citizen_lookup)
        return super().form_invalid(form)


class PlanEditView(TeamPlanObjectMixin, AccessLoggedSaveMixin, generic.EditView):
    written = gettext_lazy("Planen")

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        _log(request, self.object, READ, _("Planen"))
        return response

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
    """Wagtail's "Historik" button shows the plan's own history (PlanEvent), newest first, to
    the plan's team; opening it is a read of the plan and goes into the access log. Wagtail's
    log entries stay off for plans (see above), so nothing here reaches the site history."""

    filterset_class = None
    paginate_by = 50
    verbose_name_plural = PlanEvent._meta.verbose_name_plural

    @cached_property
    def columns(self):
        return [
            Column("at", label=gettext_lazy("Hvornår"), accessor=_event_time, width="20%"),
            Column("actor_name", label=gettext_lazy("Hvem"), width="25%"),
            Column("what", label=gettext_lazy("Hvad")),
        ]

    def get_base_queryset(self):
        return PlanEvent.objects.filter(plan=self.object).order_by("-at", "-pk")

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        _log(request, self.object, READ, _("Planens historik"))
        return response


def _event_time(event) -> str:
    return date_format(localtime(event.at), "DATETIME_FORMAT")


class PlanUsageView(TeamPlanObjectMixin, generic.UsageView):
    """Wagtail's "Usage" page: opening it names the plan, so it is a read like any other."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if response.status_code == 200:
            _log(request, self.object, READ, _("Planens brug i systemet"))
        return response


# --- Answering comments ----------------------------------------------------------------------


@submitted_once
def plan_comments(request, pk):
    """The conversation on one plan, newest 50 first page; staff answer a comment or the plan."""
    if not request.user.has_perm("plans.view_plan"):
        raise PermissionDenied
    plan = selectors.plan_for_staff(user=request.user, pk=pk)
    thread = threads.comment_thread(plan=plan, before=older_than(request))
    reply_to_pk = id_param(request.POST.get("reply_to") or request.GET.get("svar"))
    reply_to = selectors.comment_on_plan(plan=plan, pk=reply_to_pk) if reply_to_pk else None
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
            except PlanRuleError as error:
                form.add_error("body", error)
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
