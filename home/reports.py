"""The "Læsbarhed" report: every live page with its LIX, glossary words and last edit, sortable
and filterable in the database (figures are stored by services.page_readability_refresh)."""

import django_filters
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn, UserColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry

from .models import PageReadability
from .readability import LIX_LIMIT, MEASURED_LANGUAGE
from .services import page_readability_refresh


class ReadabilityFilterSet(WagtailFilterSet):
    title = django_filters.CharFilter(
        label=_("Sidens titel indeholder"), field_name="page__title", lookup_expr="icontains"
    )
    hard = django_filters.BooleanFilter(
        # format_lazy keeps the label translatable per request instead of fixed at import.
        label=format_lazy(_("Svær at læse (LIX over {limit})"), limit=LIX_LIMIT),
        method="filter_hard",
    )
    has_jargon = django_filters.BooleanFilter(label=_("Har fagord"), method="filter_has_jargon")

    class Meta:
        model = PageReadability
        fields = ["title", "hard", "has_jargon"]

    def filter_hard(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(lix__gt=LIX_LIMIT) if value else queryset.filter(lix__lte=LIX_LIMIT)

    def filter_has_jargon(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(jargon_count__gt=0) if value else queryset.filter(jargon_count=0)


class FlagColumn(Column):
    """A figure with a written flag next to it, so a page that needs work stands out in words
    and weight, not by colour alone."""

    cell_template_name = "home/reports/flag_cell.html"

    def __init__(self, name, *, flag, **kwargs):
        super().__init__(name, **kwargs)
        self.flag = flag

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["flag"] = self.flag(instance)
        context["value"] = context["raw_value"]
        return context


def _lix_flag(row):
    return _("Svær") if row.lix > LIX_LIMIT else ""


def _jargon_flag(row):
    return ", ".join(row.jargon_terms)


class ReadabilityReportView(ReportView):
    page_title = _("Læsbarhed")
    header_icon = "doc-full"
    index_url_name = "home_readability_report"
    index_results_url_name = "home_readability_report_results"
    results_template_name = "home/reports/readability_results.html"
    filterset_class = ReadabilityFilterSet
    any_permission_required = ["add", "change", "publish"]
    default_ordering = "-lix"
    paginate_by = 100
    list_export = [
        "page.title",
        "lix",
        "words",
        "jargon_count",
        "jargon_terms",
        "page.latest_revision_created_at",
    ]
    export_headings = {
        "page.title": _("Side"),
        "lix": _("LIX"),
        "words": _("Ord"),
        "jargon_count": _("Fagord"),
        "jargon_terms": _("Hvilke fagord"),
        "page.latest_revision_created_at": _("Sidst rettet"),
    }
    columns = [
        TitleColumn(
            "title",
            label=_("Side"),
            accessor="page.title",
            sort_key="page__title",
            get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.page_id]),
        ),
        FlagColumn("lix", label=_("LIX"), sort_key="lix", flag=_lix_flag),
        FlagColumn("jargon_count", label=_("Fagord"), sort_key="jargon_count", flag=_jargon_flag),
        DateColumn(
            "last_edited",
            label=_("Sidst rettet"),
            accessor="page.latest_revision_created_at",
            sort_key="page__latest_revision_created_at",
        ),
        UserColumn("edited_by", label=_("Rettet af"), accessor="page.latest_revision.user"),
    ]

    @property
    def permission_policy(self):
        return policy_registry.get_by_type(Page)

    def get_base_queryset(self):
        page_readability_refresh()
        editable = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["add", "change", "publish"]
        )
        return PageReadability.objects.filter(
            page__live=True, page__locale__language_code=MEASURED_LANGUAGE, page__in=editable
        ).select_related("page", "page__latest_revision__user")
