"""Plans test data: people in every role and plans of any size, built as the app builds them."""

import datetime
from types import SimpleNamespace

from django.utils import timezone

from plans.models import Activity, Decision, Department, Goal, Meeting, Plan, StaffProfile, Team
from plans.services import comment_add
from portal.demo.accounts import ensure_demo_user

CASEWORKERS = "Sagsbehandlere"


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
    )


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
