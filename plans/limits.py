"""How much one person may write in an hour, and how big one plan may grow.

The figures are far above what a real person does: a citizen writes a handful of goals with her
caseworker and a few comments a week; a caseworker answers maybe 20 comments on a busy day. They
exist so that a script, a stolen session or a stuck key cannot fill a plan (and the inboxes of
everyone who hears about it), and so that a plan's pages stay small: in the issue that asked for
them, 159 goals and 159 offers made the admin edit page 11 MB and 4.8 s. Activities weigh most
there (each row brings its own choice lists and queries: 100 of them made 2.3 MB and 549
queries), so they are capped at 50; a plan at all its caps opens as a page of 1.7 MB.

Each limit is counted from the rows themselves, in the write's own transaction after plan_lock,
so it holds across app servers and two quick clicks cannot both pass. Each count uses an index
(migration 0011 adds the per-author ones); an hour of one person's rows is a short range scan.
A limit that is reached raises LimitReached, a PlanRuleError: the forms show it on the field and
give the text back, and nothing is saved.
"""

from datetime import timedelta
from functools import cache

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from .errors import PlanRuleError
from .models import AuthorRole, Comment, Feedback, Offer, Plan, PlanEvent

HOUR = timedelta(hours=1)

# --- Per person, per hour ----
COMMENTS_PER_HOUR = 30  # a citizen or network member, all plans together
COMMENTS_PER_HOUR_STAFF = 120  # a caseworker answering many citizens in one sitting
OFFERS_PER_HOUR = 20  # a network member's offers of help, all plans together
FEEDBACK_PER_HOUR = 20  # answers to "Hvor meningsfuld ...", the plan and its activities
GOAL_WRITES_PER_HOUR = 30  # the citizen's new and reworded goals

# --- Per plan ----
GOALS_PER_PLAN = 50  # a real plan has 3 to 10
ACTIVITIES_PER_PLAN = 50  # a real plan has 5 to 20, finished ones included
OFFERS_PER_PLAN = 100  # waiting and accepted; a declined offer is no longer shown


class LimitReached(PlanRuleError):
    """A limit on how much is written was reached. The message says what happened and what to
    do; the person's text is kept by the form that shows it."""

    def __init__(self, message):
        super().__init__(message, code="limit_reached")


def _hour_ago():
    return timezone.now() - HOUR


def _wait_a_little(message: str) -> LimitReached:
    return LimitReached(message + " " + _("Vent lidt, og prøv igen."))


def comments_this_hour(*, author) -> tuple[str, list]:
    """The statement that counts the author's comments of the last hour, run under the plan's
    lock together with the lock itself (plans.fragments.version_raised's `then`): written out,
    it costs neither a round trip nor the ORM's building of a count (issue 18)."""
    since = connection.ops.adapt_datetimefield_value(_hour_ago())
    return _comments_since(), [author.pk, since]


@cache
def _comments_since() -> str:
    quote = connection.ops.quote_name
    table = quote(Comment._meta.db_table)
    author, created = (quote(Comment._meta.get_field(n).column) for n in ("author", "created_at"))
    return f"SELECT COUNT(*) FROM {table} WHERE {author} = %s AND {created} >= %s"  # noqa: S608


def comments_per_hour_check(*, written: int, author_role: str) -> None:
    """`written`: what comments_this_hour counted."""
    limit = COMMENTS_PER_HOUR_STAFF if author_role == AuthorRole.STAFF else COMMENTS_PER_HOUR
    if written >= limit:
        raise _wait_a_little(_("Du har skrevet mange kommentarer den sidste time."))


def offers_per_hour_check(*, user) -> None:
    made = Offer.objects.filter(membership__user=user, created_at__gte=_hour_ago()).count()
    if made >= OFFERS_PER_HOUR:
        raise _wait_a_little(_("Du har tilbudt hjælp mange gange den sidste time."))


def feedback_per_hour_check(*, user) -> None:
    given = Feedback.objects.filter(author=user, answered_at__gte=_hour_ago()).count()
    if given >= FEEDBACK_PER_HOUR:
        raise _wait_a_little(_("Du har svaret mange gange den sidste time."))


def goal_writes_per_hour_check(*, plan: Plan, citizen) -> None:
    # Goals keep no time of their own; each new or reworded goal is a line in the plan's
    # history, written in the same transaction.
    written = PlanEvent.objects.filter(
        plan=plan,
        actor=citizen,
        actor_kind=AuthorRole.CITIZEN,
        kind=PlanEvent.Kind.GOAL,
        at__gte=_hour_ago(),
    ).count()
    if written >= GOAL_WRITES_PER_HOUR:
        raise _wait_a_little(_("Du har skrevet eller rettet mange mål den sidste time."))


def goals_per_plan_check(*, plan: Plan) -> None:
    if plan.goals.count() >= GOALS_PER_PLAN:
        raise LimitReached(goals_per_plan_message())


def goals_per_plan_message() -> str:
    return _(
        "Planen har %(n)d mål. Der er ikke plads til flere. "
        "Tal med din koordinator om, hvilke mål I kan samle."
    ) % {"n": GOALS_PER_PLAN}


def offers_per_plan_check(*, plan: Plan) -> None:
    shown = plan.offers.filter(status__in=[Offer.Status.WAITING, Offer.Status.ACCEPTED]).count()
    if shown >= OFFERS_PER_PLAN:
        raise LimitReached(
            _("Planen har allerede %(n)d tilbud om hjælp. Der er ikke plads til flere lige nu.")
            % {"n": OFFERS_PER_PLAN}
        )
