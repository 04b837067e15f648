"""Request helpers shared by the plans' views: the citizen's own plan or 404, a finished plan
kept read-only, and paging."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect

from .errors import PlanRuleError
from .selectors import plan_for_citizen_or_404
from .services import refuse_if_archived


def citizen_page(view):
    """Logged in and handed the person's own plan (404 when they have none). Never cached:
    portal.security marks every response to a logged-in request `no-store, private`."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        plan = plan_for_citizen_or_404(user=request.user)
        return view(request, plan, *args, **kwargs)

    return wrapper


def writes_to_plan(back: str):
    """For a page that only writes (a form and its POST), after citizen_page: on a finished plan
    the citizen is sent back to `back` (a URL name) with the reason, and nothing is written.
    The services refuse the write as well; this keeps her from filling in a form for nothing."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, plan, *args, **kwargs):
            try:
                refuse_if_archived(plan=plan)
            except PlanRuleError as error:
                for text in error.messages:
                    messages.error(request, text)
                return redirect(back)
            return view(request, plan, *args, **kwargs)

        return wrapper

    return decorator


def id_param(value) -> int | None:
    """A positive id from a query string or form field, or None. ASCII digits only ("²" is a
    digit to str.isdigit() but not to int()), and within the database's integer range."""
    if isinstance(value, str) and value.isascii() and value.isdigit() and 0 < int(value) < 2**63:
        return int(value)
    return None


def older_than(request) -> int | None:
    """The `?foer=<id>` of "Vis ældre": show the comments before this one."""
    return id_param(request.GET.get("foer"))
