"""The caseload on the Wagtail dashboard: the five plans where something waits for staff (an
unanswered comment, a near complaint deadline, an offer the citizen has not answered), in the
caseload's order, and the "Mine borgere" menu item; both only for staff who keep plans."""

from django.urls import reverse
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from .caseload import caseload

DASHBOARD_ROWS = 5
CASELOAD_PERMISSION = "plans.view_plan"


def keeps_plans(user) -> bool:
    return user.has_perm(CASELOAD_PERMISSION)


class CaseloadPanel(Component):
    """Like the listing it opens, the panel writes no access-log entry: it shows the citizen's
    first name and counts, nothing of the plan's content."""

    name = "mine_borgere"
    template_name = "plans/admin/caseload_panel.html"
    order = 50  # before Wagtail's own panels (site summary 100, moderation 200-300)

    def __init__(self, *, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        waiting = [row for row in caseload(user=self.user) if row.needs_attention]
        return {
            "rows": waiting[:DASHBOARD_ROWS],
            "more": max(len(waiting) - DASHBOARD_ROWS, 0),
            "listing_url": reverse("plans_admin:caseload"),
        }


class CaseloadMenuItem(MenuItem):
    def is_shown(self, request):
        return keeps_plans(request.user)
