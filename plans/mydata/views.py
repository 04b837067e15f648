"""Mine data pages: read and download everything about you, delete a network member's account,
ask the coordinator to delete a citizen's data. Thin: plans.mydata's selectors and services."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from portal.security import reauthentication_required

from ..errors import PlanRuleError
from ..http import citizen_page
from ..selectors import plan_for_citizen
from . import selectors, services


@login_required
@require_safe
def my_data(request):
    data = services.my_data_export(user=request.user)
    plan = plan_for_citizen(user=request.user)
    context = {
        "data": data,
        "plan": plan,
        "erasure_request": selectors.erasure_request_open(plan=plan) if plan else None,
        "deletion_refusal": selectors.account_deletion_refusal(user=request.user),
    }
    return render(request, "plans/my_data.html", context)


@login_required
@require_safe
def my_data_json(request):
    data = services.my_data_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"faellesplan-mine-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
@reauthentication_required
def account_delete(request):
    refusal = selectors.account_deletion_refusal(user=request.user)
    form_errors = []
    if request.method == "POST" and refusal is None:
        if request.POST.get("confirm") == "yes":
            try:
                services.member_account_delete(user=request.user)
            except PlanRuleError as error:
                refusal = " ".join(error.messages)
            else:
                logout(request)
                messages.success(request, _("Din konto er slettet."))
                return redirect("/")
        else:
            form_errors = [_("Sæt hak, hvis du vil slette din konto.")]
    status = 200 if refusal is None else 403
    context = {"refusal": refusal, "form_errors": form_errors}
    return render(request, "plans/account_delete.html", context, status=status)


@citizen_page(coordinator=True)
@require_POST
def erasure_request(request, plan):
    _request, created = services.erasure_request(plan=plan, citizen=request.user)
    if created:
        messages.success(
            request, _("Tak. Vi har sendt din anmodning om sletning til din koordinator.")
        )
    else:
        messages.info(
            request, _("Du har allerede bedt om sletning. Din koordinator vender tilbage til dig.")
        )
    return redirect(reverse("plans:my_data") + "#sletning")
