"""The Wagtail report "Borgeroplevet værdi": how meaningful citizens find their plans and
activities, per month, team, department and kind, with CSV and XLSX export from Wagtail's own
report export. Caseworkers see their teams, leaders all; the numbers come from value_stats."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView

from ..models import Feedback
from . import value_stats


def _year_choices():
    return [(str(year), str(year)) for year in value_stats.value_report_years()]


def _teams(request):
    return value_stats.value_report_teams(user=request.user)


class ValueReportFilterSet(WagtailFilterSet):
    # Only its form is used: value_stats.value_rows filters (ValueReportView.get_filtered_queryset)
    year = django_filters.ChoiceFilter(
        label=_("År"), choices=_year_choices, empty_label=_("Alle år")
    )
    team = django_filters.ModelChoiceFilter(
        label=_("Team"), queryset=_teams, empty_label=_("Alle teams")
    )

    class Meta:
        model = Feedback
        fields = []


class ValueReportView(ReportView):
    page_title = _("Borgeroplevet værdi")
    header_icon = "pick"
    results_template_name = "plans/admin/value_report_results.html"
    index_url_name = "plans_admin:value_report"
    index_results_url_name = "plans_admin:value_report_results"
    filterset_class = ValueReportFilterSet
    no_results_message = _("Der er ingen svar i det, du har valgt.")
    list_export = [
        "month_label",
        "team",
        "department",
        "kind",
        "answers",
        "median_export",
        "share_export",
    ]
    export_headings = {
        "month_label": _("Måned"),
        "team": _("Team"),
        "department": _("Afdeling"),
        "kind": _("Svar om"),
        "answers": _("Antal svar"),
        "median_export": _("Median (1-5)"),
        "share_export": _("Andel 4-5 (%)"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not value_stats.value_report_allowed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"borgeroplevet-vaerdi-{timezone.localdate():%Y-%m-%d}"

    def get_filtered_queryset(self):
        year = team = None
        if self.filters and self.filters.is_valid():
            chosen = self.filters.form.cleaned_data
            year = int(chosen["year"]) if chosen.get("year") else None
            team = chosen.get("team")
        return value_stats.value_rows(user=self.request.user, year=year, team=team)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["min_group"] = value_stats.MIN_GROUP
        return context


class ValueReportMenuItem(MenuItem):
    def is_shown(self, request):
        return value_stats.value_report_allowed(request.user)


def value_report_menu_item() -> MenuItem:
    return ValueReportMenuItem(
        _("Borgeroplevet værdi"),
        reverse("plans_admin:value_report"),
        name="borgeroplevet-vaerdi",
        icon_name="pick",
        order=650,
    )
