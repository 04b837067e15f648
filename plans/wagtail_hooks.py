"""Registers the plans' admin pieces with Wagtail; what they are lives in plans.staff."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import AccessLogEntry, Plan, StaffLookup
from .staff import urls as staff_urls
from .staff.caseload_panel import CaseloadMenuItem, CaseloadPanel, keeps_plans
from .staff.permissions import TeamPlanPermissionPolicy
from .staff.value_report import value_report_menu_item
from .staff.viewsets import (
    OrganisationGroup,
    PlanViewSet,
    ReadOnlyPolicy,
    SuperusersReadOnlyPolicy,
)

# Before any viewset asks: Wagtail would otherwise make a team-blind fallback policy for Plan.
register_permission_policy(Plan, TeamPlanPermissionPolicy(Plan))
register_permission_policy(AccessLogEntry, ReadOnlyPolicy(AccessLogEntry))
register_permission_policy(StaffLookup, SuperusersReadOnlyPolicy(StaffLookup))


@hooks.register("register_admin_viewset")
def register_plan_viewsets():
    return [PlanViewSet(), OrganisationGroup()]


@hooks.register("register_admin_urls")
def register_plan_admin_urls():
    return [path("", include((staff_urls.urlpatterns, "plans_admin")))]


@hooks.register("register_admin_menu_item")
def register_caseload_menu_item():
    return CaseloadMenuItem(
        _("Mine borgere"),
        reverse("plans_admin:caseload"),
        name="mine-borgere",
        icon_name="group",
        order=140,
    )


@hooks.register("construct_homepage_panels")
def add_caseload_panel(request, panels):
    if keeps_plans(request.user):
        panels.append(CaseloadPanel(user=request.user))


@hooks.register("register_reports_menu_item")
def register_value_report_menu_item():
    return value_report_menu_item()
