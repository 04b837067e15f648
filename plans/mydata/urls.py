"""Mine data's routes, mounted under /min-plan/ in the "plans" namespace (plans.urls)."""

from django.urls import path

from . import views

urlpatterns = [
    path("mine-data/", views.my_data, name="my_data"),
    path("mine-data.json", views.my_data_json, name="my_data_json"),
    path("mine-data/slet-konto/", views.account_delete, name="account_delete"),
    path("mine-data/bed-om-sletning/", views.erasure_request, name="erasure_request"),
]
