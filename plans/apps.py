from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = _("Planer")

    def ready(self):
        from . import fragments  # noqa: F401  (connects what raises a plan's version)
