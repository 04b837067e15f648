"""Pages of the citizen's network: invite and manage it (the citizen), answer an invitation (anyone
with the link), and "Planer, jeg hjælper med" (the network member). Thin: rules live in
plans.network_services, who may see what in plans.network_selectors."""

from smtplib import SMTPException

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portal.security import reauthentication_required

from . import network_selectors as selectors
from . import network_services as services
from .network_forms import InvitationForm, OfferAnswerForm, OfferForm
from .selectors import plan_for_citizen
from .services import PlanRuleError


def _own_plan(request):
    plan = plan_for_citizen(user=request.user)
    if plan is None:
        raise Http404
    return plan


def _site_url(request) -> str:
    return request.build_absolute_uri("/")


def _messages_of(error: Exception) -> list[str]:
    if isinstance(error, ValidationError):
        return error.messages
    return [str(error)]


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# --- The citizen ----


@login_required
def network(request):
    plan = _own_plan(request)
    return render(
        request,
        "plans/network.html",
        {
            "plan": plan,
            "network": selectors.network_for_citizen(plan=plan),
            "answer_form": OfferAnswerForm(),
            "max_members": services.MAX_MEMBERS,
        },
    )


@login_required
@reauthentication_required
def invitation_new(request):
    """Three steps in one form, working without JavaScript: fill in, see "Det kan Lene se",
    send. The preview carries what was typed in hidden fields, so "Ret" loses nothing."""
    plan = _own_plan(request)
    form = InvitationForm(request.POST or None, plan=plan)
    if request.method != "POST" or "edit" in request.POST or not form.is_valid():
        return render(request, "plans/invitation_form.html", {"form": form, "plan": plan})
    try:
        services.invitation_check(plan=plan, email=form.cleaned_data["email"])
    except ValidationError as error:
        _add_errors(form, error)
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
                site_url=_site_url(request),
            )
        except ValidationError as error:
            _add_errors(form, error)
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


@login_required
@require_POST
@reauthentication_required
def invitation_resend(request, invitation_id: int):
    plan = _own_plan(request)
    invitation = selectors.invitation_of_plan(plan=plan, invitation_id=invitation_id)
    try:
        services.invitation_resend(invitation=invitation, site_url=_site_url(request))
    except ValidationError as error:
        for text in _messages_of(error):
            messages.error(request, text)
    except (SMTPException, OSError):
        messages.error(request, _("Vi kunne ikke sende e-mailen lige nu. Prøv igen om lidt."))
    else:
        messages.success(
            request, _("Invitationen er sendt igen til %(name)s.") % {"name": invitation.name}
        )
    return redirect("network:index")


@login_required
@require_POST
def invitation_withdraw(request, invitation_id: int):
    plan = _own_plan(request)
    invitation = selectors.invitation_of_plan(plan=plan, invitation_id=invitation_id)
    try:
        services.invitation_withdraw(invitation=invitation)
    except ValidationError as error:
        for text in _messages_of(error):
            messages.error(request, text)
    else:
        messages.success(
            request,
            _("Invitationen til %(name)s er trukket tilbage. Linket virker ikke længere.")
            % {"name": invitation.name},
        )
    return redirect("network:index")


@login_required
@reauthentication_required
def member_remove(request, membership_id: int):
    plan = _own_plan(request)
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


@login_required
@require_POST
def offer_answer(request, offer_id: int):
    plan = _own_plan(request)
    offer = selectors.offer_of_plan(plan=plan, offer_id=offer_id)
    form = OfferAnswerForm(request.POST)
    accepted = request.POST.get("answer_with") == "yes"
    if form.is_valid():
        try:
            services.offer_answer(
                offer=offer, accepted=accepted, answer=form.cleaned_data["answer"]
            )
        except ValidationError as error:
            for text in _messages_of(error):
                messages.error(request, text)
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


# --- The person holding an invitation link ----


def _private(response):
    # The address holds the token: keep it out of caches and out of Referer headers sent to
    # other sites. ("no-referrer" would make the browser send "Origin: null" with the page's own
    # forms, which Django's CSRF check rightly refuses.)
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "same-origin"
    return response


@never_cache
def invitation_answer(request, token: str):
    invitation = selectors.open_invitation(token=token)
    if invitation is None:
        return _private(render(request, "plans/invitation_invalid.html", status=404))
    errors = []
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "decline":
            try:
                services.invitation_decline(invitation=invitation)
            except ValidationError:
                return _private(render(request, "plans/invitation_invalid.html", status=404))
            return _private(
                render(request, "plans/invitation_declined.html", {"invitation": invitation})
            )
        if action == "accept" and request.user.is_authenticated:
            try:
                membership = services.invitation_accept(invitation=invitation, user=request.user)
            except (ValidationError, PlanRuleError) as error:
                errors = _messages_of(error)
            else:
                messages.success(
                    request,
                    _("Velkommen. Her er det, %(citizen)s har delt med dig.")
                    % {"citizen": services.citizen_name(invitation.plan)},
                )
                return redirect("network:member_plan", plan_id=membership.plan_id)
    next_query = urlencode({"next": request.path})
    return _private(
        render(
            request,
            "plans/invitation_answer.html",
            {
                "invitation": invitation,
                "citizen_name": services.citizen_name(invitation.plan),
                "goals": list(selectors.invitation_goals(invitation=invitation)),
                "errors": errors,
                "login_url": f"{reverse('account_login')}?{next_query}",
                "signup_url": f"{reverse('account_signup')}?{next_query}",
            },
            status=400 if errors else 200,
        )
    )


# --- The network member ----


@login_required
def member_plans(request):
    return render(
        request,
        "plans/network_membership_list.html",
        {"memberships": list(selectors.memberships_for_member(user=request.user))},
    )


def _member_page(request, membership, *, comment_form_goal=None, comment_errors=(), status=200):
    view = selectors.member_plan(membership=membership)
    services.member_read(membership=membership, goals=view.goals)
    return render(
        request,
        "plans/network_membership_detail.html",
        {
            "membership": membership,
            "citizen_name": services.citizen_name(membership.plan),
            "scope": view,
            "comment_form_goal": comment_form_goal,
            "comment_errors": comment_errors,
            "comment_body": request.POST.get("body", "") if comment_form_goal else "",
        },
        status=status,
    )


@login_required
def member_plan(request, plan_id: int):
    membership = selectors.membership_for_member(user=request.user, plan_id=plan_id)
    return _member_page(request, membership)


@login_required
@require_POST
def member_comment(request, plan_id: int, goal_id: int):
    membership = selectors.membership_for_member(user=request.user, plan_id=plan_id)
    goal = selectors.goal_in_scope(membership=membership, goal_id=goal_id)
    body = request.POST.get("body", "")
    try:
        if "\x00" in body:
            # No form cleans this field; PostgreSQL refuses NUL characters (a 500, not a message).
            raise ValidationError(_("Teksten indeholder et tegn, som ikke kan gemmes."))
        services.member_comment_add(membership=membership, goal=goal, body=body)
    except (ValidationError, PlanRuleError) as error:
        return _member_page(
            request,
            membership,
            comment_form_goal=goal.pk,
            comment_errors=_messages_of(error),
            status=400,
        )
    messages.success(request, _("Din kommentar er sendt."))
    return redirect(reverse("network:member_plan", args=[plan_id]) + f"#maal-{goal.pk}")


@login_required
def offer_new(request, plan_id: int):
    membership = selectors.membership_for_member(user=request.user, plan_id=plan_id)
    goals = selectors.goals_in_scope(membership=membership)
    initial = {}
    if request.GET.get("maal", "").isdigit():
        initial["goal"] = int(request.GET["maal"])
    form = OfferForm(request.POST or None, goals=goals, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.offer_create(
                membership=membership,
                goal=form.cleaned_data["goal"],
                kind=form.cleaned_data["kind"],
                what=form.cleaned_data["what"],
                when=form.cleaned_data["when"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("Tak. %(citizen)s får besked om dit tilbud og svarer dig her.")
                % {"citizen": services.citizen_name(membership.plan)},
            )
            return redirect("network:member_plan", plan_id=plan_id)
    if request.method == "GET":
        # The form lists the shared goals: a read like any other.
        services.member_read(membership=membership, goals=list(goals))
    return render(
        request,
        "plans/offer_form.html",
        {
            "membership": membership,
            "citizen_name": services.citizen_name(membership.plan),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@login_required
def member_leave(request, plan_id: int):
    membership = selectors.membership_for_member(user=request.user, plan_id=plan_id)
    citizen = services.citizen_name(membership.plan)
    if request.method == "POST":
        services.membership_leave(membership=membership)
        messages.success(
            request,
            _("Du er ikke længere med i netværket omkring %(citizen)s.") % {"citizen": citizen},
        )
        return redirect("network:member_plans")
    return render(
        request,
        "plans/network_membership_confirm_leave.html",
        {"membership": membership, "citizen_name": citizen},
    )
