"""Registers the plans' admin pieces with Wagtail; what they are lives in plans.staff."""

from django.urls import include, path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import AccessLogEntry
from .staff import urls as staff_urls
from .staff.viewsets import OrganisationGroup, PlanViewSet, ReadOnlyPolicy

register_permission_policy(AccessLogEntry, ReadOnlyPolicy(AccessLogEntry))


@hooks.register("register_admin_viewset")
def register_plan_viewsets():
    return [PlanViewSet(), OrganisationGroup()]


@hooks.register("register_admin_urls")
def register_plan_admin_urls():
    return [path("plan-kommentarer/", include((staff_urls.urlpatterns, "plans_admin")))]
