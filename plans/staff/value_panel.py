"""Borgeroplevet værdi on the plan's admin page: a read-only panel with every answer the citizen
gave about the plan and its activities, newest first, with her own words."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .value_stats import plan_answers


class ValuePanel(Panel):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Hvor meningsfuld er det for borgeren?"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "plans/admin/value_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["answers"] = plan_answers(plan=self.instance) if self.instance.pk else None
            return context
