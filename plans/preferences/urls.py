"""The person's own settings, under /indstillinger/."""

from django.urls import path

from . import views

app_name = "preferences"

urlpatterns = [path("beskeder/", views.notice_settings, name="notices")]
