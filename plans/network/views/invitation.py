"""The page behind an invitation link, for anyone holding it: who invites, why, what they would
see; say yes (logged in with the invited address) or no thanks (no account needed).

The link went to the invited address, so opening it while it is valid proves that address: it is
handed to allauth as verified (its stash_verified_email, made for invitations). allauth then
fills it in on "Opret en konto" and saves it verified, so no second email is needed. Only that
exact address: another one typed instead is checked by email as usual (portal.accounts.adapter).
"""

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from ...errors import PlanRuleError
from ...people import citizen_name
from .. import selectors, services


def _private(response):
    # The address holds the token: keep it out of caches and out of Referer headers sent to
    # other sites. ("no-referrer" would make the browser send "Origin: null" with the page's own
    # forms, which Django's CSRF check rightly refuses.)
    response["Referrer-Policy"] = "same-origin"
    return response


@never_cache
def invitation_answer(request, token: str):
    invitation = selectors.open_invitation(token=token)
    if invitation is None:
        return _private(render(request, "plans/invitation_invalid.html", status=404))
    form_errors = []
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "decline":
            try:
                services.invitation_decline(invitation=invitation)
            except PlanRuleError:
                return _private(render(request, "plans/invitation_invalid.html", status=404))
            get_adapter(request).unstash_verified_email(request)  # nothing more to sign up for
            return _private(
                render(request, "plans/invitation_declined.html", {"invitation": invitation})
            )
        if action == "accept" and request.user.is_authenticated:
            try:
                membership = services.invitation_accept(invitation=invitation, user=request.user)
            except PlanRuleError as error:
                form_errors = error.messages
            else:
                get_adapter(request).unstash_verified_email(request)
                messages.success(
                    request,
                    _("Velkommen. Her er det, %(citizen)s har delt med dig.")
                    % {"citizen": citizen_name(invitation.plan.citizen)},
                )
                return redirect("network:member_plan", plan_id=membership.plan_id)
    next_query = urlencode({"next": request.path})
    if request.method == "GET":
        services.invitation_opened(invitation=invitation, user=request.user)
        if not request.user.is_authenticated:
            get_adapter(request).stash_verified_email(request, invitation.email)
    return _private(
        render(
            request,
            "plans/invitation_answer.html",
            {
                "invitation": invitation,
                "citizen_name": citizen_name(invitation.plan.citizen),
                "goals": list(selectors.invitation_goals(invitation=invitation)),
                "form_errors": form_errors,
                "login_url": f"{reverse('account_login')}?{next_query}",
                "signup_url": f"{reverse('account_signup')}?{next_query}",
            },
            status=400 if form_errors else 200,
        )
    )
