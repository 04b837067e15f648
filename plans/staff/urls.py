"""The staff's admin pages beside the ViewSets ("plans_admin"), mounted at /admin/:
/admin/plan-kommentarer/<id>/, the caseload, /admin/mine-borgere/, and the report
"Borgeroplevet værdi", /admin/borgeroplevet-vaerdi/."""

from django.urls import include, path

from . import caseload_views, views
from .value_report import ValueReportView

comment_urls = [path("<int:pk>/", views.plan_comments, name="comments")]

value_report_urls = [
    path("", ValueReportView.as_view(), name="value_report"),
    path(
        "resultater/",
        ValueReportView.as_view(results_only=True),
        name="value_report_results",
    ),
]

urlpatterns = [
    path("plan-kommentarer/", include(comment_urls)),
    path("mine-borgere/", caseload_views.caseload_listing, name="caseload"),
    path("borgeroplevet-vaerdi/", include(value_report_urls)),
]
