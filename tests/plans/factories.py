"""Plans test data: people in every role and plans of any size, built as the app builds them."""

import datetime
import re
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from types import SimpleNamespace
from unittest import mock

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from plans import limits
from plans.models import (
    AccessLogEntry,
    Activity,
    Comment,
    Decision,
    Department,
    Feedback,
    Goal,
    Meeting,
    Plan,
    StaffProfile,
    Team,
)
from plans.services import comment_add
from portal.demo.accounts import ensure_demo_user

CASEWORKERS = "Sagsbehandlere"
# The network tests: the titles of the activities on network_world's three goals, and the link in
# an invitation email.
NETWORK_ACTIVITY_TITLES = [
    "Jobsamtaler hos Jobcentret",
    "Samtaler på Rusmiddelcentret",
    "Familiemøder",
]
INVITATION_LINK = re.compile(r"https?://[^/\s]+(/invitation/[A-Za-z0-9_\-]+/)")


def staff_member(*, email, first_name, role, department, team=None, last_name=""):
    user = ensure_demo_user(
        email=email, first_name=first_name, last_name=last_name, groups=[CASEWORKERS]
    )
    profile, _ = StaffProfile.objects.update_or_create(
        user=user,
        defaults={
            "name": f"{first_name} {last_name}".strip(),
            "role": role,
            "department": department,
            "email": email,
            "phone": "70 11 22 33",
        },
    )
    if team is not None:
        team.members.add(user)
    return user, profile


def citizen(*, email, first_name, last_name=""):
    return ensure_demo_user(email=email, first_name=first_name, last_name=last_name)


def build_world():
    """Two teams, a coordinator and a colleague outside the team, two citizens with a plan each,
    and an editor. Tests (and the network issue) add roles to this."""
    job = Department.objects.get_or_create(name="Jobcenter")[0]
    social = Department.objects.get_or_create(name="Socialafdelingen")[0]
    health = Department.objects.get_or_create(name="Sundhed")[0]
    team = Team.objects.get_or_create(name="Team Øst")[0]
    other_team = Team.objects.get_or_create(name="Team Vest")[0]
    coordinator, coordinator_profile = staff_member(
        email="koordinator@example.dk",
        first_name="Anne",
        last_name="Holm",
        role="Koordinator",
        department=social,
        team=team,
    )
    outsider, outsider_profile = staff_member(
        email="udenfor@example.dk",
        first_name="Bo",
        role="Jobkonsulent",
        department=job,
        team=other_team,
    )
    mette = citizen(email="mette@example.dk", first_name="Mette")
    ali = citizen(email="ali@example.dk", first_name="Ali")
    plan = Plan.objects.create(
        citizen=mette,
        coordinator=coordinator_profile,
        team=team,
        what_matters="At komme i gang med noget, der giver mening.",
    )
    other_plan = Plan.objects.create(
        citizen=ali, coordinator=outsider_profile, team=other_team, what_matters="Et job."
    )
    editor = ensure_demo_user(
        email="redaktoer@example.dk", first_name="Rasmus", groups=["Redaktører"]
    )
    # A leader sees the "Borgeroplevet værdi" report for every team, and no plan at all.
    leader = ensure_demo_user(email="leder@example.dk", first_name="Lis", groups=["Ledere"])
    return SimpleNamespace(
        departments=[job, social, health],
        team=team,
        other_team=other_team,
        coordinator=coordinator,
        coordinator_profile=coordinator_profile,
        outsider=outsider,
        outsider_profile=outsider_profile,
        citizen=mette,
        other_citizen=ali,
        plan=plan,
        other_plan=other_plan,
        editor=editor,
        leader=leader,
    )


@contextmanager
def written_over_time():
    """Test data a person would write over weeks, made in a moment: the hourly limits of
    plans.limits are for people typing, not for building a plan's history (the caps per plan
    still hold)."""
    many = 10**6
    with mock.patch.multiple(
        limits,
        COMMENTS_PER_HOUR=many,
        COMMENTS_PER_HOUR_STAFF=many,
        OFFERS_PER_HOUR=many,
        FEEDBACK_PER_HOUR=many,
        GOAL_WRITES_PER_HOUR=many,
    ):
        yield


def fill_plan(*, plan, profile, departments, goals, activities, comments, decisions=1):
    """Goals, activities spread over them and the departments, a meeting, decisions, comments."""
    goal_objs = [
        Goal.objects.create(plan=plan, text=f"Mål nummer {n}", sort_order=n) for n in range(goals)
    ]
    today = timezone.localdate()
    activity_objs = [
        Activity.objects.create(
            plan=plan,
            goal=goal_objs[n % len(goal_objs)] if goal_objs else None,
            department=departments[n % len(departments)],
            title=f"Indsats {n}",
            description="Det sker her.",
            responsible=profile,
            status=Activity.Status.ONGOING,
            next_step=f"Næste skridt {n}",
            next_step_on=today + datetime.timedelta(days=n + 1),
            sort_order=n,
        )
        for n in range(activities)
    ]
    Meeting.objects.create(
        plan=plan,
        starts_at=timezone.now() + datetime.timedelta(days=3),
        place="Rådhuset, mødelokale 2",
        participants="Dig og Anne",
        bring="Dit sundhedskort",
    )
    for n in range(decisions):
        Decision.objects.create(
            plan=plan,
            title=f"Afgørelse {n}",
            explanation="Fordi du har brug for ro til at komme dig.",
            meaning="Du får hjælp i seks måneder.",
            how_to_complain="Skriv til os eller ring. Vi ser på sagen igen.",
            complaint_deadline=today + datetime.timedelta(weeks=4),
            contact=profile,
        )
    with written_over_time():
        for n in range(comments):
            comment_add(
                plan=plan,
                author=plan.citizen,
                author_role="citizen",
                body=f"Kommentar {n}",
                goal=goal_objs[n % len(goal_objs)] if goal_objs and n % 3 == 1 else None,
                activity=activity_objs[n % len(activity_objs)]
                if activity_objs and n % 3 == 2
                else None,
            )
    return goal_objs, activity_objs


# The privacy matrix's columns and its two probes, shared by tests/plans/test_privacy_matrix.py
# and the network's rows (tests/plans/network/test_privacy_matrix_citizen_and_admin_urls.py).

SECRET = "At komme i gang med noget, der giver mening."  # Mette's "det vigtigste for mig"


@dataclass
class Url:
    name: str
    path: Callable  # world -> path
    side: str  # "citizen" (Min plan) or "admin"
    names_object: bool = True  # the path holds the id of one of Mette's objects
    post: dict | None = None  # form data to POST, or None for GET only
    reauth: bool = False  # asks for the password again first (a redirect, even for the owner)
    # Mine data: the asker's own data; a network member's read goes into the citizen's log
    member_reads_own_data: bool = False

    def __str__(self):
        return f"{'POST' if self.post is not None else 'GET'} {self.name}"


def _r(name, *args):
    return reverse(name, args=args)


def editing_ping_path(plan, session_id=0):
    """The edit page's "who else is here" ping (session 0: start a new editing session)."""
    return _r("wagtailadmin_editing_sessions:ping", "plans", "plan", plan.pk, session_id)


URLS = [
    # Min plan: pages without an id show the asker's own plan (or the no-plan page)
    Url("min_plan", lambda w: _r("plans:min_plan"), "citizen", names_object=False),
    Url("access_log", lambda w: _r("plans:access_log"), "citizen", names_object=False),
    Url("comments_older", lambda w: _r("plans:comments_older"), "citizen", names_object=False),
    Url("goal_add", lambda w: _r("plans:goal_add"), "citizen", names_object=False),
    Url("goal", lambda w: _r("plans:goal", w.goal.pk), "citizen"),
    Url("goal_edit", lambda w: _r("plans:goal_edit", w.goal.pk), "citizen"),
    Url("activity", lambda w: _r("plans:activity", w.activity.pk), "citizen"),
    Url(
        "comment_add_on_goal", lambda w: _r("plans:comment_add") + f"?goal={w.goal.pk}", "citizen"
    ),
    Url("comment_edit", lambda w: _r("plans:comment_edit", w.comment.pk), "citizen"),
    Url("comment_delete", lambda w: _r("plans:comment_delete", w.comment.pk), "citizen"),
    Url("plan_feedback", lambda w: _r("plans:plan_feedback"), "citizen", names_object=False),
    # On paper and in the calendar (issue 17)
    Url("print", lambda w: _r("plans:print"), "citizen", names_object=False),
    Url(
        "print_with_comments",
        lambda w: _r("plans:print") + "?med_kommentarer=1",
        "citizen",
        names_object=False,
    ),
    Url("calendar", lambda w: _r("plans:calendar"), "citizen", names_object=False),
    Url(
        "meeting_calendar",
        lambda w: _r("plans:meeting_calendar", w.plan.meetings.order_by("pk").first().pk),
        "citizen",
    ),
    # ... and every POST
    Url("goal_add", lambda w: _r("plans:goal_add"), "citizen", False, post={"text": "Nyt mål"}),
    Url(
        "goal_edit", lambda w: _r("plans:goal_edit", w.goal.pk), "citizen", post={"text": "Ændret"}
    ),
    Url(
        "activity_feedback",
        lambda w: _r("plans:activity", w.activity.pk),
        "citizen",
        post={"score": "1"},
    ),
    Url(
        "plan_feedback", lambda w: _r("plans:plan_feedback"), "citizen", False, post={"score": "1"}
    ),
    Url("comment_add", lambda w: _r("plans:comment_add"), "citizen", False, post={"body": "Ny"}),
    Url(
        "comment_add_on_goal",
        lambda w: _r("plans:comment_add"),
        "citizen",
        post={"body": "Indtrængen", "goal": "GOAL"},
    ),
    Url(
        "comment_edit",
        lambda w: _r("plans:comment_edit", w.comment.pk),
        "citizen",
        post={"body": "Ændret"},
    ),
    Url("comment_delete", lambda w: _r("plans:comment_delete", w.comment.pk), "citizen", post={}),
    # Mine data: always the asker's own data, so nobody reaches Mette's through it
    Url("my_data", lambda w: _r("plans:my_data"), "citizen", False, member_reads_own_data=True),
    Url(
        "my_data_json",
        lambda w: _r("plans:my_data_json"),
        "citizen",
        False,
        member_reads_own_data=True,
    ),
    Url("account_delete", lambda w: _r("plans:account_delete"), "citizen", False, reauth=True),
    Url(
        "account_delete",
        lambda w: _r("plans:account_delete"),
        "citizen",
        False,
        post={"confirm": "yes"},
        reauth=True,
    ),
    Url("erasure_request", lambda w: _r("plans:erasure_request"), "citizen", False, post={}),
    # The person's own settings: about them, never about a plan
    Url("notice_settings", lambda w: _r("preferences:notices"), "citizen", names_object=False),
    Url(
        "notice_settings",
        lambda w: _r("preferences:notices"),
        "citizen",
        False,
        post={"frequency": "immediate"},
    ),
    # The Wagtail admin
    Url("admin_index", lambda w: _r("planer:index"), "admin", names_object=False),
    Url("admin_edit", lambda w: _r("planer:edit", w.plan.pk), "admin"),
    Url("admin_delete", lambda w: _r("planer:delete", w.plan.pk), "admin"),
    Url("admin_history", lambda w: _r("planer:history", w.plan.pk), "admin"),
    Url("admin_usage", lambda w: _r("planer:usage", w.plan.pk), "admin"),
    Url("admin_comments", lambda w: _r("plans_admin:comments", w.plan.pk), "admin"),
    Url("admin_access_log", lambda w: _r("adgangslog:index"), "admin", names_object=False),
    Url("admin_caseload", lambda w: _r("plans_admin:caseload"), "admin", names_object=False),
    Url(
        "admin_value_report", lambda w: _r("plans_admin:value_report"), "admin", names_object=False
    ),
    # Wagtail's own per-object checks (plans.staff.permissions): the editing-session ping
    Url("admin_editing_ping", lambda w: editing_ping_path(w.plan), "admin", post={}),
    Url("admin_edit", lambda w: _r("planer:edit", w.plan.pk), "admin", post={"what_matters": "x"}),
    Url("admin_delete", lambda w: _r("planer:delete", w.plan.pk), "admin", post={}),
    Url(
        "admin_comments",
        lambda w: _r("plans_admin:comments", w.plan.pk),
        "admin",
        post={"body": "Indtrængen"},
    ),
]


def matrix_snapshot(world):
    """What an intruder could change of Mette's plan."""
    plan = Plan.objects.get(pk=world.plan.pk)
    return (
        plan.what_matters,
        list(Goal.objects.filter(plan=plan).values_list("text", flat=True).order_by("pk")),
        list(Comment.objects.filter(plan=plan).values_list("body", "deleted_at").order_by("pk")),
        list(Feedback.objects.filter(plan=plan).values_list("score", flat=True)),
        AccessLogEntry.objects.filter(plan=plan).count(),
    )


def matrix_request(url, world, user):
    client = Client()
    if user is not None:
        client.force_login(user)
    path = url.path(world)
    if url.post is None:
        return client.get(path)
    data = {k: (world.goal.pk if v == "GOAL" else v) for k, v in url.post.items()}
    return client.post(path, data)


def assert_shows_nothing_of_mettes_plan(body: str) -> None:
    """The privacy matrix's one test of a response: none of Mette's plan is in it."""
    assert SECRET not in body
    assert "Mettes kommentar" not in body
    assert "Plan for Mette" not in body


# --- Notices: what waits for the digest ---


def deliver_digests(days: int = 8) -> int:
    """Send every held notice as if the digests had fallen due (the weekly one within 8 days),
    the way `manage.py send_notices` does from cron. Returns how many emails went."""
    from django.utils import timezone

    from plans.notices import notices_deliver

    return notices_deliver(now=timezone.now() + datetime.timedelta(days=days))


# The admin's plan form (tests/plans/test_history.py and test_news.py).


def admin_edit_data(client, plan):
    """What the admin's edit form sends back for the plan unchanged: every field of the plan and
    of each inline row as the page shows it, with the formsets' management forms."""
    form = client.get(reverse("planer:edit", args=[plan.pk])).context["form"]
    data = {}
    forms = [form]
    for formset in form.formsets.values():
        for field in formset.management_form:
            data[field.html_name] = field.value()
        forms += formset.forms
    for each in forms:
        for field in each:
            if field.name == "DELETE" or field.field.disabled:
                continue
            value = field.value()
            data[field.html_name] = field.field.widget.format_value(value) if value else ""
            if field.field.show_hidden_initial:  # e.g. a date with today as its default
                data[field.html_initial_name] = data[field.html_name]
    return data


def admin_formset(prefix, rows=()):
    """The POST data of one inline panel of the admin's plan form holding new `rows` (dicts of
    field -> value). The maximum the browser reports does not matter: the server keeps its own."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for n, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{n}-{key}"] = value
        data[f"{prefix}-{n}-ORDER"] = str(n + 1)
        data[f"{prefix}-{n}-DELETE"] = ""
    return data


def admin_row(data, prefix, pk):
    """The form prefix ("meetings-0") of the row holding object `pk`."""
    n = next(
        key.split("-")[1]
        for key, value in data.items()
        if key.startswith(prefix) and key.endswith("-id") and str(value) == str(pk)
    )
    return f"{prefix}-{n}"
