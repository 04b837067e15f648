"""The benchmark's data set, generated: the demo site and people (seed_demo's seeders), 1,000
guide pages, citizens with plans of realistic size, one plan with 300 comments and 20 network
members. Run inside Django (bench/run.py does); adds only what is missing, so it can grow the
same database from 2,000 to 100,000 citizens (`--scale`).
Citizens are spread over bench teams (bench/people.py). Rows go in with bulk_create, BATCH plans
and all their rows per transaction."""

import datetime
import hashlib
import random

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from .guides import guides
from .people import BATCH, COORDINATORS_PER_TEAM, TEAM_SIZE, copy_in, make_users, number, teams_for

BIG_PLAN_EMAIL = "stor-plan@bench.example.dk"
CITIZEN_EMAIL = "borger-{:06d}@bench.example.dk"
MEMBER_EMAIL = "netvaerk-{:02d}@bench.example.dk"

GOALS = [
    "Jeg vil have et arbejde, hvor jeg har det godt.",
    "Jeg vil have min egen bolig inden jul.",
    "Jeg vil sove bedre og have mere energi.",
    "Jeg vil have styr på mine penge.",
    "Jeg vil se mine børn oftere.",
]
ACTIVITIES = [
    ("Jobcenter", "Praktik i en butik", "Du prøver at arbejde tre dage om ugen."),
    ("Socialafdelingen", "Hjælp til at finde en bolig", "Vi søger boliger sammen med dig."),
    ("Sundhed", "Samtaler om søvn", "Du taler med en sygeplejerske hver anden uge."),
    ("Rusmiddelcentret", "Samtaler om alkohol", "Du mødes med en behandler en gang om ugen."),
    ("Jobcenter", "Kursus i at søge job", "Du lærer at skrive en god ansøgning."),
    ("Socialafdelingen", "Hjælp til budget", "Vi laver et budget sammen med dig."),
]


def _chain(entries):
    from plans.access_log import access_log_seal  # inside Django only (targets.py imports us)

    previous = ""
    for entry in entries:
        entry.previous_hash = previous
        access_log_seal(entry)
        previous = entry.entry_hash
    return entries


def plans(citizens: int, *, comments_per_plan: int = 8, one_coordinator: bool = False) -> int:
    """A plan like Mette's for every generated citizen: 3 goals, 5 activities across
    departments, 2 meetings, a decision, a few comments and access log entries.
    `one_coordinator`: every plan in the first team with the demo coordinator (Sofie), whom
    bench/faultload.py expects a notice from for every comment."""
    m = apps.get_app_config("plans").models_module
    emails = [CITIZEN_EMAIL.format(n) for n in range(citizens)]
    users = make_users(emails, "Borger")
    # (By prefix: an IN list of 100,000 ids is past PostgreSQL's limit of parameters.)
    with_plan = set(
        m.Plan.objects.filter(citizen__email__startswith="borger-").values_list(
            "citizen_id", flat=True
        )
    )
    # The citizen's number decides the team, so a grown data set keeps the first teams' plans.
    numbered = [(number(u.email), u) for u in users if u.pk not in with_plan]
    if not numbered:
        return 0
    teams, coordinators = teams_for(m, citizens)
    staff = list(m.StaffProfile.objects.select_related("department").order_by("pk"))
    departments = {d.name: d for d in m.Department.objects.all()}
    rng = random.Random(2)
    now = timezone.now()
    today = timezone.localdate()
    sanitized = "<p>Tak for snakken i dag. Jeg glæder mig til næste møde.</p>"

    for start in range(0, len(numbered), BATCH):
        batch = numbered[start : start + BATCH]
        with transaction.atomic():
            new_plans = m.Plan.objects.bulk_create(
                [
                    m.Plan(
                        citizen=u,
                        coordinator=coordinators[0][0]
                        if one_coordinator
                        else coordinators[n // TEAM_SIZE][n % COORDINATORS_PER_TEAM],
                        team=teams[0 if one_coordinator else n // TEAM_SIZE],
                        what_matters="At have en hverdag, der hænger sammen.",
                    )
                    for n, u in batch
                ],
                batch_size=BATCH,
            )
            goals = m.Goal.objects.bulk_create(
                [
                    m.Goal(plan=p, sort_order=n, text=text, written_by="citizen")
                    for p in new_plans
                    for n, text in enumerate(rng.sample(GOALS, 3))
                ],
                batch_size=BATCH * 3,
            )
            goals_by_plan = {}
            for goal in goals:
                goals_by_plan.setdefault(goal.plan_id, []).append(goal)
            copy_in(
                m.Activity,
                [
                    m.Activity(
                        plan=p,
                        goal=goals_by_plan[p.pk][n % 3],
                        sort_order=n,
                        department=departments.get(dept) or staff[n % len(staff)].department,
                        title=title,
                        description=text,
                        responsible=staff[n % len(staff)],
                        status="ongoing",
                        starts_on=today - datetime.timedelta(days=30),
                        next_step="Vi ringer til dig og aftaler en tid.",
                        next_step_on=today + datetime.timedelta(days=7),
                    )
                    for p in new_plans
                    for n, (dept, title, text) in enumerate(rng.sample(ACTIVITIES, 5))
                ],
            )
            copy_in(
                m.Meeting,
                [
                    m.Meeting(
                        plan=p,
                        starts_at=now + datetime.timedelta(days=7 * (n + 1)),
                        place="Rådhuset, indgang B",
                        participants="Dig og din koordinator",
                        bring="Dit sygesikringskort",
                    )
                    for p in new_plans
                    for n in range(2)
                ],
            )
            copy_in(
                m.Decision,
                [
                    m.Decision(
                        plan=p,
                        title="Du får hjælp til praktik",
                        explanation="Vi har set på din situation, og praktik er et godt næste "
                        "skridt for dig.",
                        meaning="Du starter i praktik i næste måned.",
                        how_to_complain="Ring til din koordinator, eller skriv til os.",
                        complaint_deadline=today + datetime.timedelta(days=28),
                        contact=p.coordinator,
                    )
                    for p in new_plans
                ],
            )
            copy_in(
                m.Comment,
                [
                    m.Comment(
                        plan=p,
                        author=p.citizen,
                        author_name="Borger",
                        author_role="citizen",
                        body="Tak for snakken i dag. Jeg glæder mig til næste møde.",
                        body_html=sanitized,
                        created_at=now - datetime.timedelta(hours=comments_per_plan - n),
                    )
                    for p in new_plans
                    for n in range(comments_per_plan)
                ],
            )
            entries = []
            for p in new_plans:
                entries += _chain(
                    [
                        m.AccessLogEntry(
                            plan=p,
                            actor_name=p.coordinator.name,
                            actor_role=p.coordinator.role,
                            actor_department=p.coordinator.department.name,
                            actor_kind="staff",
                            action="read",
                            what="planen",
                            at=now - datetime.timedelta(days=3 - n),
                        )
                        for n in range(3)
                    ]
                )
            copy_in(m.AccessLogEntry, entries)
    return len(numbered)


def big_plan(*, comments: int = 300, members: int = 20):
    """One citizen whose plan has 300 comments and 20 network members, each sharing a goal."""
    m = apps.get_app_config("plans").models_module
    (citizen,) = make_users([BIG_PLAN_EMAIL], "Stor")
    plan = m.Plan.objects.filter(citizen=citizen).first()
    if plan is None:
        template = m.Plan.objects.exclude(citizen=citizen).order_by("pk").first()
        plan = m.Plan.objects.create(
            citizen=citizen,
            coordinator=template.coordinator,
            team=template.team,
            what_matters="At komme videre, sammen med de mennesker, jeg holder af.",
        )
        for n, text in enumerate(GOALS[:3]):
            m.Goal.objects.create(plan=plan, sort_order=n, text=text, written_by="citizen")
    goals = list(plan.goals.all())
    now = timezone.now()
    have = plan.comments.count()
    m.Comment.objects.bulk_create(
        [
            m.Comment(
                plan=plan,
                goal=goals[n % len(goals)] if n % 2 else None,
                author=citizen,
                author_name="Stor",
                author_role="citizen",
                body=f"Kommentar nummer {n + 1}. Det går lidt bedre nu.",
                body_html=f"<p>Kommentar nummer {n + 1}. Det går lidt bedre nu.</p>",
                created_at=now - datetime.timedelta(minutes=comments - n),
            )
            for n in range(have, comments)
        ]
    )
    member_users = make_users([MEMBER_EMAIL.format(n) for n in range(members)], "Hjælper")
    for n, user in enumerate(member_users):
        if m.NetworkMembership.objects.filter(plan=plan, user=user).exists():
            continue
        invitation = m.Invitation.objects.create(
            plan=plan,
            invited_by=citizen,
            name=f"Hjælper {n + 1}",
            email=user.email,
            relation="friend",
            token_hash=hashlib.sha256(f"bench-{n}".encode()).hexdigest(),
            status="accepted",
            expires_at=now + datetime.timedelta(days=14),
            answered_at=now,
        )
        membership = m.NetworkMembership.objects.create(
            plan=plan, user=user, invitation=invitation, name=f"Hjælper {n + 1}", relation="friend"
        )
        membership.goals.set([goals[n % len(goals)]])
    return plan


def build(*, citizens: int = 2000, guide_count: int = 1000) -> dict:
    from portal.demo.management.commands.seed_demo import SEEDERS

    with transaction.atomic():
        for seeder in SEEDERS:  # the demo site and people; seed_demo itself insists on DEBUG
            seeder()
    made = {"guides": guides(guide_count)}
    if apps.is_installed("plans") and hasattr(
        apps.get_app_config("plans").models_module, "NetworkMembership"
    ):
        made["citizens"] = plans(citizens)
        made["big_plan"] = big_plan().pk
    return made
