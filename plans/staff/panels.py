"""Panels of the plan's admin page: goals and activities up to the plan's caps, and a read-only
panel showing the help the citizen has said yes to, by goal (staff see who helps and how, never
the member's contact details)."""

from django.utils.translation import gettext_lazy as _
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.panels import InlinePanel, Panel

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


class CappedInlinePanel(InlinePanel):
    """Rows up to a cap (plans.limits). Wagtail hides "add" once max_num rows are there; a save
    with more (no JavaScript, a crafted POST) is refused with `too_many`, a plain message, and
    the form keeps what was typed."""

    def __init__(self, *args, too_many="", **kwargs):
        super().__init__(*args, **kwargs)
        self.too_many = too_many

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "too_many": self.too_many}

    def get_form_options(self):
        options = super().get_form_options()
        formset = type(
            "CappedFormSet",
            (BaseChildFormSet,),
            {"default_error_messages": {"too_many_forms": self.too_many}},
        )
        options["formsets"][self.relation_name]["formset"] = formset
        return options
