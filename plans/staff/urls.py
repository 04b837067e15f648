"""The staff's admin pages beside the ViewSets: /admin/plan-kommentarer/ ("plans_admin")."""

from django.urls import path

from . import views

urlpatterns = [path("<int:pk>/", views.plan_comments, name="comments")]
