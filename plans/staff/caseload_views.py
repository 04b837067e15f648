"""The coordinator's caseload in the admin ("Mine borgere"): the plans of their teams and what
waits for staff on each, read by plans.staff.caseload.

Like the Planer list (PlanIndexView), the caseload writes no access-log entry per plan: it shows
the citizen's first name and counts, no content of the plan. Opening a plan or its comments from
here is logged by those pages, as always.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from .caseload import caseload

MINE, ALL = "mine", "alle"


def caseload_listing(request):
    """All plans in use of the user's teams, or with ?vis=mine only those they coordinate."""
    if not request.user.has_perm("plans.view_plan"):
        raise PermissionDenied
    shown = MINE if request.GET.get("vis") == MINE else ALL
    rows = caseload(user=request.user, mine_only=shown == MINE)
    context = {"rows": rows, "shown": shown, "MINE": MINE, "ALL": ALL}
    return render(request, "plans/admin/caseload.html", context)
