"""Finding the citizen a new plan is for: by the exact identifier she gives (her email address;
with a MitID broker also her broker identifier or a configured claim such as the CPR number),
never from a list of accounts, and with one neutral answer whatever the reason a plan cannot be
made, so a caseworker learns nothing about a person who is not theirs (another team's plan, a
staff account, an address nobody has confirmed). Every lookup is written down: in the new
plan's access log when a plan results (plans.staff.views), otherwise here, in StaffLookup."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q

from ..models import Plan, StaffLookup
from ..models.audit import identifier_hash
from ..people import actor_details


@dataclass(frozen=True)
class Lookup:
    """What the caseworker typed, how it was read, and whom it found (None: nobody who may
    be given a plan; the reason is never told)."""

    typed: str
    kind: str  # StaffLookup.Kind
    citizen: object | None


def broker_provider_ids() -> list[str]:
    """The configured OpenID Connect brokers (MitID); empty when none is on."""
    apps = settings.SOCIALACCOUNT_PROVIDERS.get("openid_connect", {}).get("APPS", [])
    return [app["provider_id"] for app in apps]


def citizen_lookup(*, identifier: str) -> Lookup:
    typed = (identifier or "").strip()
    if "@" in typed or not broker_provider_ids():
        return Lookup(typed, StaffLookup.Kind.EMAIL, citizen_for_new_plan(email=typed))
    return Lookup(typed, StaffLookup.Kind.MITID, citizen_for_new_plan_by_broker(identifier=typed))


def _may_get_a_plan(users):
    """Active, no admin role, and no plan in use (with any team). Helping in someone else's
    network is no bar: a sister who helps Mette may need a plan of her own, and the exact
    address she confirmed is what keeps a plan off the wrong account."""
    active_plan = Plan.objects.filter(citizen=OuterRef("pk"), status=Plan.Status.ACTIVE)
    return (
        users.filter(is_active=True, is_staff=False, is_superuser=False)
        .filter(groups__isnull=True)
        .exclude(Exists(active_plan))
    )


def citizen_for_new_plan(*, email: str):
    """The account with exactly this confirmed address that may be given a plan, or None."""
    email = (email or "").strip()
    if not email:
        return None
    confirmed = EmailAddress.objects.filter(
        user=OuterRef("pk"), email__iexact=email, verified=True
    )
    users = get_user_model().objects.filter(email__iexact=email).filter(Exists(confirmed))
    return _may_get_a_plan(users).first()


def _claim_values(identifier: str) -> list[str]:
    # A CPR number is written with or without its dash; brokers send it one way.
    bare = identifier.replace("-", "").replace(" ", "")
    return list(dict.fromkeys([identifier, bare]))


def citizen_for_new_plan_by_broker(*, identifier: str):
    """The account that logged in through the broker as exactly this person, or None: the
    broker's own identifier for her (the account's uid, OIDC `sub`), or the value of the claim
    named by STAFF_LOOKUP_OIDC_CLAIM (e.g. a CPR claim) in what the broker sent."""
    providers = broker_provider_ids()
    if not identifier or not providers:
        return None
    match = Q(uid=identifier)
    claim = getattr(settings, "STAFF_LOOKUP_OIDC_CLAIM", "")
    if claim:
        for value in _claim_values(identifier):
            match |= Q(**{f"extra_data__userinfo__{claim}": value})
            match |= Q(**{f"extra_data__id_token__{claim}": value})
    accounts = SocialAccount.objects.filter(match, provider__in=providers)
    users = get_user_model().objects.filter(Exists(accounts.filter(user=OuterRef("pk"))))
    return _may_get_a_plan(users).first()


def lookup_without_plan_record(*, actor, lookup: Lookup) -> StaffLookup:
    """The lookup made no plan (nobody found, or the form was not saved): the staff audit log."""
    return StaffLookup.objects.create(
        actor=actor,
        actor_name=actor_details(user=actor)["actor_name"][:200],
        kind=lookup.kind,
        identifier_hash=identifier_hash(lookup.typed),
        found=lookup.citizen is not None,
        outcome=StaffLookup.Outcome.NO_PLAN,
    )
