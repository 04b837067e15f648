"""Request helpers shared by the plans' views: the citizen's own plan or 404, and paging."""

from functools import wraps

from django.contrib.auth.decorators import login_required

from .selectors import plan_for_citizen_or_404


def citizen_page(view):
    """Logged in and handed the person's own plan (404 when they have none). Never cached:
    portal.security marks every response to a logged-in request `no-store, private`."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        plan = plan_for_citizen_or_404(user=request.user)
        return view(request, plan, *args, **kwargs)

    return wrapper


def id_param(value) -> int | None:
    """A positive id from a query string or form field, or None. ASCII digits only ("²" is a
    digit to str.isdigit() but not to int()), and within the database's integer range."""
    if isinstance(value, str) and value.isascii() and value.isdigit() and 0 < int(value) < 2**63:
        return int(value)
    return None


def older_than(request) -> int | None:
    """The `?foer=<id>` of "Vis ældre": show the comments before this one."""
    return id_param(request.GET.get("foer"))
