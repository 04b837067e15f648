"""Rendered parts of personal pages, kept in the app's own cache (issue 18).

Min plan and the network member's page render the plan itself (goals, activities, comments,
decisions, contacts) from a dozen queries and a large template. That part changes only when
someone writes to the plan, so it is kept here, rendered, and used again while nothing changed:

- each plan carries a `version`; every write that changes what a viewer sees raises it (the
  receivers at the bottom, `plan_changed` for the services' bare UPDATEs, and
  `version_raised` where a write locks the plan and raises it in one statement);
- an entry belongs to one plan, one viewer, their role and scope, and one language (its key),
  and is served only at the version it was rendered at. The version is stored in the entry and
  compared, rather than written into the key, so each viewer has one entry per plan, never a
  trail of older ones: erasure, removal and archive (`forget`) then delete every copy;
- entries expire within FRAGMENT_SECONDS, sooner when the page shows something that changes
  with the clock (the views pass when);
- an entry holds one part of a page (PARTS): Min plan keeps the plan itself ("page") and her
  news since her last visit ("news", which also names the visit it was made for);
- only parts without forms are kept: the CSRF token and the forms are rendered every time.
  The cache is the app's own (CACHES), never an HTTP cache: the pages stay `private, no-store`.

Every read by someone other than the citizen still writes its access-log entry, hit or miss."""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.db.models import F, Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import get_language

from home.glossary import glossary_version

from .models import (
    Activity,
    Comment,
    Decision,
    Department,
    Feedback,
    Goal,
    Meeting,
    NetworkMembership,
    Offer,
    Plan,
    PlanEvent,
    StaffProfile,
)
from .rows import in_one_round_trip

FRAGMENT_SECONDS = 600  # ten minutes at most
PAGE, NEWS = "page", "news"
PARTS = (PAGE, NEWS)
CITIZEN, MEMBER = "citizen", "member"
ROLES = (CITIZEN, MEMBER)


@dataclass(frozen=True)
class Viewer:
    """Who a fragment is rendered for: the person, their role on the plan and their scope
    (the citizen sees all of it; a member sees the goals of their membership)."""

    user_id: int
    role: str
    scope: str


def citizen_viewer(plan: Plan) -> Viewer:
    return Viewer(user_id=plan.citizen_id, role=CITIZEN, scope="all")


def member_viewer(membership: NetworkMembership) -> Viewer:
    shared = "all" if membership.whole_plan else "goals"
    return Viewer(user_id=membership.user_id, role=MEMBER, scope=f"{membership.pk}-{shared}")


def _key(plan_id: int, viewer: Viewer, language: str, part: str = PAGE) -> str:
    who = f"{viewer.user_id}:{viewer.role}:{viewer.scope}"
    return f"plans.fragment:{plan_id}:{who}:{language}:{part}"


def read(*, plan: Plan, viewer: Viewer, part: str = PAGE):
    """The part kept for this viewer at the plan's current version, or None."""
    return read_many(plan=plan, viewer=viewer, parts=(part,))[part]


def read_many(*, plan: Plan, viewer: Viewer, parts: tuple[str, ...]) -> dict:
    """Each of `parts` kept for this viewer at the plan's current version, or None, in one
    round trip to the cache (Min plan reads its page and its news together)."""
    language = get_language()
    keys = {part: _key(plan.pk, viewer, language, part) for part in parts}
    if len(keys) == 1:
        found = {key: cache.get(key) for key in keys.values()}
    else:
        found = cache.get_many(list(keys.values()))
    return {part: _current(plan, found.get(key)) for part, key in keys.items()}


def _current(plan: Plan, entry):
    if entry is None or entry[0] != plan.version:
        return None
    version, glossary, parts = entry
    if glossary is not None and glossary != glossary_version():
        return None  # an editor changed the glossary its explanations came from
    return parts


def keep(
    *,
    plan: Plan,
    viewer: Viewer,
    parts,
    seconds: float = FRAGMENT_SECONDS,
    glossary=None,
    part: str = PAGE,
) -> None:
    """Keep `parts` (plain data and HTML without forms) for this viewer, rendered at the
    version `plan` was read with, for at most FRAGMENT_SECONDS. Pass the `glossary` version
    when the parts explain words from it (home.glossary)."""
    seconds = int(min(seconds, FRAGMENT_SECONDS))
    if seconds > 0:
        entry = (plan.version, glossary, parts)
        cache.set(_key(plan.pk, viewer, get_language(), part), entry, timeout=seconds)


def forget(*, plan_id: int) -> None:
    """Delete every entry of the plan, for every viewer who has or had a part in it."""
    plan = Plan.objects.filter(pk=plan_id).values("citizen_id").first()
    if plan is None:
        return
    viewers = [Viewer(user_id=plan["citizen_id"], role=CITIZEN, scope="all")]
    for membership in NetworkMembership.objects.filter(plan_id=plan_id, user__isnull=False):
        viewers.append(member_viewer(membership))
    languages = [code for code, _name in settings.LANGUAGES]
    cache.delete_many(
        [_key(plan_id, v, lang, part) for v in viewers for lang in languages for part in PARTS]
    )


def plan_changed(*, plan_ids) -> None:
    """Raise the version of these plans: their kept parts are not served again."""
    ids = {pk for pk in plan_ids if pk is not None} - _RAISED.get()
    if ids:
        Plan.objects.filter(pk__in=ids).update(version=F("version") + 1)


# The plans whose version `version_raised` has raised in the transaction under way.
_RAISED: ContextVar[frozenset] = ContextVar("plans_fragments_raised", default=frozenset())


@contextmanager
def version_raised(*, plan: Plan, then: tuple[str, list] | None = None):
    """For a write that changes what the plan's pages show (a comment): lock the plan's row and
    raise its version in one UPDATE, which makes every other writer wait as plan_lock's
    SELECT ... FOR UPDATE does; the rows saved inside do not raise it again. One round trip
    instead of two (issue 18). Inside transaction.atomic only, so the version commits together
    with the rows: raised alone, a reader could keep the old rows under the new version.

    `then` is a statement to run under the lock in the same round trip (a limit's count,
    plans.limits); its first row is what the block gets (None without one)."""
    if not connection.in_atomic_block:
        raise RuntimeError("version_raised needs transaction.atomic")
    statements = [(_RAISE, [plan.pk])] + ([then] if then is not None else [])
    results = in_one_round_trip(*statements)
    if results[0][0] != 1:
        raise Plan.DoesNotExist(f"no plan {plan.pk}")
    token = _RAISED.set(_RAISED.get() | {plan.pk})
    try:
        yield results[1][1] if then is not None else None
    finally:
        _RAISED.reset(token)


_RAISE = f'UPDATE "{Plan._meta.db_table}" SET "version" = "version" + 1 WHERE "id" = %s'  # noqa: S608


# --- What raises the version ------------------------------------------------------------------

# Rows of the plan itself that the pages show, each with its plan_id.
# PlanEvent: the lines of "Nyt siden sidst".
PLAN_PARTS = (
    Goal,
    Activity,
    Meeting,
    Decision,
    Feedback,
    Offer,
    Comment,
    NetworkMembership,
    PlanEvent,
)


def _plan_part_changed(sender, instance, **kwargs):
    plan_changed(plan_ids=[instance.plan_id])


for model in PLAN_PARTS:
    post_save.connect(_plan_part_changed, sender=model, dispatch_uid=f"fragments-{model.__name__}")
    post_delete.connect(
        _plan_part_changed, sender=model, dispatch_uid=f"fragments-del-{model.__name__}"
    )


@receiver(m2m_changed, sender=NetworkMembership.goals.through, dispatch_uid="fragments-scope")
def _scope_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, NetworkMembership):
        plan_changed(plan_ids=[instance.plan_id])


@receiver(post_save, sender=Plan, dispatch_uid="fragments-plan")
def _plan_saved(sender, instance, **kwargs):
    plan_changed(plan_ids=[instance.pk])
    if instance.is_archived:
        forget(plan_id=instance.pk)


def _plans_where(*conditions: Q) -> set[int]:
    ids: set[int] = set()
    for condition in conditions:
        ids.update(Plan.objects.filter(condition).values_list("pk", flat=True))
    return ids


@receiver(post_save, sender=StaffProfile, dispatch_uid="fragments-staff")
def _staff_changed(sender, instance, **kwargs):
    # Name, role, phone and "about" are shown as contacts and next to staff comments.
    plan_changed(
        plan_ids=_plans_where(
            Q(coordinator=instance),
            Q(activities__responsible=instance),
            Q(decisions__contact=instance),
            Q(comments__author__staff_profile=instance),
        )
    )


@receiver(post_save, sender=Department, dispatch_uid="fragments-department")
def _department_changed(sender, instance, **kwargs):
    plan_changed(
        plan_ids=_plans_where(
            Q(coordinator__department=instance),
            Q(activities__department=instance),
            Q(activities__responsible__department=instance),
            Q(decisions__contact__department=instance),
            Q(comments__author__staff_profile__department=instance),
        )
    )


# A login only stamps last_login (and maybe rehashes the password): nothing a page shows.
_UNSHOWN_USER_FIELDS = {"last_login", "password"}


@receiver(post_save, sender=get_user_model(), dispatch_uid="fragments-user")
def _user_changed(sender, instance, update_fields=None, created=False, **kwargs):
    if created or (update_fields is not None and set(update_fields) <= _UNSHOWN_USER_FIELDS):
        return
    # The account's name is shown for the citizen and, when nothing else names them, as a
    # comment's author.
    plan_changed(plan_ids=_plans_where(Q(citizen=instance), Q(comments__author=instance)))
