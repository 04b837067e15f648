"""Request helpers shared by the plans' views: the citizen's own plan or 404, a finished plan
kept read-only, a form that writes once however often it is sent, and paging."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http.response import HttpResponseRedirectBase
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .errors import PlanRuleError
from .models import SubmissionKey
from .selectors import plan_for_citizen_or_404
from .services import refuse_if_archived


def citizen_page(view=None, *, coordinator: bool = False):
    """Logged in and handed the person's own plan (404 when they have none). Never cached:
    portal.security marks every response to a logged-in request `no-store, private`.
    `@citizen_page(coordinator=True)` for a page that shows or tells her coordinator: the plan
    comes with the coordinator's profile, department and account."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapper(request, *args, **kwargs):
            plan = plan_for_citizen_or_404(user=request.user, coordinator=coordinator)
            return view(request, plan, *args, **kwargs)

        return wrapper

    return decorator if view is None else decorator(view)


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


# Not part of what a person submitted: the CSRF token differs between a page and its reload.
NOT_SUBMITTED = {"csrfmiddlewaretoken", SubmissionKey.FIELD_NAME}


def submitted_once(view):
    """A POST that carries its form's one-time key (`{% submission_key %}`, plans.templatetags)
    is carried out once: a double click, a retry after a 503 or a timeout with the same data
    is answered as the first was (sent to the same place, "Det er allerede gemt") and writes
    nothing. Put it next to the view, under every decorator that may answer instead of it
    (a reauthentication asked for first is not the answer to the submission).

    The view runs in one transaction with the key's row (plans.models.SubmissionKey): a write
    that fails takes the key back with it. The row is inserted first, so a second copy of the
    submission arriving meanwhile waits for the first on the unique constraint (PostgreSQL)
    or on the database lock (SQLite), and then finds it done. Only a redirect without an error
    message counts as done; a form shown again with its errors frees the key. A POST without
    a key (a form of someone else's, an old page) is carried out as before."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        form_key = (
            request.POST.get(SubmissionKey.FIELD_NAME, "") if request.method == "POST" else ""
        )
        if not form_key or not request.user.is_authenticated:
            return view(request, *args, **kwargs)
        key = SubmissionKey.digest(
            form_key=form_key,
            path=request.get_full_path(),
            data=[
                (name, values)
                for name, values in request.POST.lists()
                if name not in NOT_SUBMITTED
            ],
        )
        with transaction.atomic():
            try:
                with transaction.atomic():
                    claim = SubmissionKey.objects.create(user=request.user, key=key)
            except IntegrityError:
                return _answer_again(request, key=key)
            messages_before = len(_queued_messages(request))
            response = view(request, *args, **kwargs)
            if _carried_out(request, response, messages_before=messages_before):
                claim.result_url = response.url
                claim.save(update_fields=["result_url"])
            else:
                claim.delete()
        return response

    return wrapper


def _answer_again(request, *, key: str):
    first = SubmissionKey.objects.filter(user=request.user, key=key).first()
    messages.info(request, _("Det er allerede gemt."))
    return redirect(first.result_url if first and first.result_url else "/")


def _queued_messages(request) -> list:
    # The messages added during this request (Django's storage keeps them in this list).
    return getattr(getattr(request, "_messages", None), "_queued_messages", [])


def _carried_out(request, response, *, messages_before: int) -> bool:
    if not isinstance(response, HttpResponseRedirectBase):
        return False
    added = _queued_messages(request)[messages_before:]
    return not any(message.level >= messages.WARNING for message in added)


def id_param(value) -> int | None:
    """A positive id from a query string or form field, or None. ASCII digits only ("²" is a
    digit to str.isdigit() but not to int()), and within the database's integer range."""
    if isinstance(value, str) and value.isascii() and value.isdigit() and 0 < int(value) < 2**63:
        return int(value)
    return None


def older_than(request) -> int | None:
    """The `?foer=<id>` of "Vis ældre": show the comments before this one."""
    return id_param(request.GET.get("foer"))
