"""The network in the staff admin: a read-only panel on the plan showing the help the citizen
has said yes to, by goal. Staff see who helps and how, never the member's contact details."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from ..network.selectors import network_help_by_goal


class NetworkHelpPanel(Panel):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Netværket hjælper med"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "plans/admin/network_help_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            plan = self.instance
            help_by_goal = network_help_by_goal(plan=plan) if plan.pk else {}
            context["goals"] = [
                (goal, help_by_goal[goal.pk])
                for goal in plan.goals.all()
                if goal.pk in help_by_goal
            ]
            return context
