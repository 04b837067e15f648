"""Mine data pages: read and download everything about you, delete a network member's account,
ask the coordinator to delete a citizen's data. Thin: plans.mydata reads and writes."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from portal.security import reauthentication_required

from . import mydata
from .selectors import plan_for_citizen
from .services import PlanRuleError


@never_cache
@login_required
@require_safe
def my_data(request):
    data = mydata.my_data(user=request.user)
    plan = plan_for_citizen(user=request.user)
    context = {
        "data": data,
        "plan": plan,
        "erasure_request": mydata.erasure_request_open(plan=plan) if plan else None,
        "deletion_refusal": mydata.account_deletion_refusal(user=request.user),
    }
    return render(request, "plans/my_data.html", context)


@never_cache
@login_required
@require_safe
def my_data_json(request):
    data = mydata.my_data(user=request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"faellesplan-mine-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
@reauthentication_required
def account_delete(request):
    refusal = mydata.account_deletion_refusal(user=request.user)
    if request.method == "POST" and refusal is None:
        if request.POST.get("confirm") == "yes":
            try:
                mydata.member_account_delete(user=request.user)
            except PlanRuleError as error:
                refusal = str(error)
            else:
                logout(request)
                messages.success(request, _("Din konto er slettet."))
                return redirect("/")
        else:
            messages.error(request, _("Sæt hak, hvis du vil slette din konto."))
    status = 200 if refusal is None else 403
    return render(request, "plans/account_delete.html", {"refusal": refusal}, status=status)


@never_cache
@login_required
@require_POST
def erasure_request(request):
    plan = plan_for_citizen(user=request.user)
    if plan is None:
        raise Http404
    _request, created = mydata.erasure_request(plan=plan, citizen=request.user)
    if created:
        messages.success(
            request, _("Tak. Vi har sendt din anmodning om sletning til din koordinator.")
        )
    else:
        messages.info(
            request, _("Du har allerede bedt om sletning. Din koordinator vender tilbage til dig.")
        )
    return redirect(reverse("plans:my_data") + "#sletning")
