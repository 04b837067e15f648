"""The staff's admin pages beside the ViewSets ("plans_admin"), mounted at /admin/:
/admin/plan-kommentarer/<id>/ and the caseload, /admin/mine-borgere/."""

from django.urls import include, path

from . import caseload_views, views

comment_urls = [path("<int:pk>/", views.plan_comments, name="comments")]

urlpatterns = [
    path("plan-kommentarer/", include(comment_urls)),
    path("mine-borgere/", caseload_views.caseload_listing, name="caseload"),
]
