"""The citizen's network pages: who is in it, invite, send again, withdraw, remove, answer an
offer of help. Reauthentication before anything that opens or closes access to the plan."""

from smtplib import SMTPException

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.security import reauthentication_required

from ...errors import PlanRuleError
from ...http import citizen_page, submitted_once, writes_to_plan
from .. import selectors, services
from ..forms import InvitationForm, OfferAnswerForm


def _message_each(request, error: PlanRuleError) -> None:
    for text in error.messages:
        messages.error(request, text)


@citizen_page
def network(request, plan):
    return render(
        request,
        "plans/network.html",
        {
            "plan": plan,
            "network": selectors.network_for_citizen(plan=plan),
            "max_members": services.MAX_MEMBERS,
        },
    )


@citizen_page
@writes_to_plan("network:index")
@reauthentication_required
@submitted_once
def invitation_new(request, plan):
    """Three steps in one form, working without JavaScript: fill in, see "Det kan Lene se",
    send. The preview carries what was typed in hidden fields, so "Ret" loses nothing."""
    form = InvitationForm(request.POST or None, plan=plan)
    if request.method != "POST" or "edit" in request.POST or not form.is_valid():
        return render(request, "plans/invitation_form.html", {"form": form, "plan": plan})
    try:
        services.invitation_check(plan=plan, email=form.cleaned_data["email"])
    except PlanRuleError as error:
        form.add_error(None, error)
        return render(request, "plans/invitation_form.html", {"form": form, "plan": plan})
    goals = form.chosen_goals()
    if "send" in request.POST:
        try:
            invitation = services.invitation_send(
                plan=plan,
                invited_by=request.user,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                relation=form.cleaned_data["relation"],
                whole_plan=form.whole_plan,
                goals=goals,
                message=form.cleaned_data["message"],
            )
        except PlanRuleError as error:
            form.add_error(None, error)
            return render(request, "plans/invitation_form.html", {"form": form, "plan": plan})
        except (SMTPException, OSError):
            messages.error(
                request,
                _("Vi kunne ikke sende e-mailen lige nu. Intet er gemt. Prøv igen om lidt."),
            )
        else:
            messages.success(
                request,
                _("Invitationen er sendt til %(name)s.") % {"name": invitation.name},
            )
            return redirect("network:index")
    scope = selectors.scope_view(plan=plan, goals=plan.goals.filter(pk__in=[g.pk for g in goals]))
    return render(
        request,
        "plans/invitation_preview.html",
        {"form": form, "plan": plan, "scope": scope, "name": form.cleaned_data["name"]},
    )


@citizen_page
@writes_to_plan("network:index")
@require_POST
@reauthentication_required
@submitted_once
def invitation_resend(request, plan, invitation_id: int):
    invitation = selectors.invitation_of_plan(plan=plan, invitation_id=invitation_id)
    try:
        services.invitation_resend(invitation=invitation)
    except PlanRuleError as error:
        _message_each(request, error)
    except (SMTPException, OSError):
        messages.error(request, _("Vi kunne ikke sende e-mailen lige nu. Prøv igen om lidt."))
    else:
        messages.success(
            request, _("Invitationen er sendt igen til %(name)s.") % {"name": invitation.name}
        )
    return redirect("network:index")


@citizen_page
@require_POST
def invitation_withdraw(request, plan, invitation_id: int):
    invitation = selectors.invitation_of_plan(plan=plan, invitation_id=invitation_id)
    try:
        services.invitation_withdraw(invitation=invitation)
    except PlanRuleError as error:
        _message_each(request, error)
    else:
        messages.success(
            request,
            _("Invitationen til %(name)s er trukket tilbage. Linket virker ikke længere.")
            % {"name": invitation.name},
        )
    return redirect("network:index")


@citizen_page
@reauthentication_required
def member_remove(request, plan, membership_id: int):
    membership = selectors.membership_of_plan(plan=plan, membership_id=membership_id)
    if request.method == "POST":
        services.membership_remove(membership=membership, by=request.user)
        messages.success(
            request,
            _("%(name)s er fjernet fra dit netværk og kan ikke længere se din plan.")
            % {"name": membership.name},
        )
        return redirect("network:index")
    return render(
        request, "plans/network_membership_confirm_remove.html", {"membership": membership}
    )


@citizen_page
@writes_to_plan("network:index")
@require_POST
@submitted_once
def offer_answer(request, plan, offer_id: int):
    offer = selectors.offer_of_plan(plan=plan, offer_id=offer_id)
    form = OfferAnswerForm(request.POST)
    accepted = request.POST.get("answer_with") == "yes"
    if form.is_valid():
        try:
            services.offer_answer(
                offer=offer, accepted=accepted, answer=form.cleaned_data["answer"]
            )
        except PlanRuleError as error:
            _message_each(request, error)
        else:
            if accepted:
                text = _("Du har sagt ja tak til hjælpen fra %(name)s.")
            else:
                text = _("Du har sagt nej tak til tilbuddet fra %(name)s.")
            messages.success(request, text % {"name": offer.membership.name})
    else:
        for errors in form.errors.values():
            for text in errors:
                messages.error(request, text)
    return redirect("network:index")
