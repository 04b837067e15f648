"""Min plan URLs, under /min-plan/. Every one of them is listed in the privacy matrix test."""

from django.urls import include, path

from . import print_views, views
from .calendar import views as calendar_views

app_name = "plans"

urlpatterns = [
    path("", views.min_plan, name="min_plan"),
    path("maal/nyt/", views.goal_add, name="goal_add"),
    path("maal/<int:pk>/", views.goal_detail, name="goal"),
    path("maal/<int:pk>/ret/", views.goal_edit, name="goal_edit"),
    path("indsats/<int:pk>/", views.activity_detail, name="activity"),
    path("meningsfuld/", views.plan_feedback, name="plan_feedback"),
    path("kommentar/", views.comment_add, name="comment_add"),
    path("kommentar/<int:pk>/ret/", views.comment_edit, name="comment_edit"),
    path("kommentar/<int:pk>/slet/", views.comment_delete, name="comment_delete"),
    path("kommentarer/", views.comments_older, name="comments_older"),
    path("hvem-har-set/", views.access_log, name="access_log"),
    path("udskriv/", print_views.plan_print, name="print"),
    path("kalender/", calendar_views.plan_calendar, name="calendar"),
    path("kalender/moede/<int:pk>/", calendar_views.meeting_calendar, name="meeting_calendar"),
    path("", include("plans.mydata.urls")),
]
