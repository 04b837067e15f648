"""Demo plans for `seed_demo`: Mette's full plan, Ali's own plan, and their coordinator.

Idempotent: people, departments and the team are brought up to date on every run; a plan's
content is written only when the plan is first made, so what someone typed while trying the
demo stays.
"""

from plans.models import (
    Department,
    Plan,
    StaffProfile,
    Team,
)
from portal.demo.accounts import ensure_demo_user

from .plan_contents import fill_alis_plan, fill_mettes_plan

CASEWORKERS = "Sagsbehandlere"
CITIZEN_EMAIL = "borger@example.dk"
CITIZEN2_EMAIL = "borger2@example.dk"
COORDINATOR_EMAIL = "sagsbehandler@example.dk"


def _profile(*, name, role, department, phone, email, about="", user=None):
    lookup = {"user": user} if user else {"name": name, "user__isnull": True}
    profile, _ = StaffProfile.objects.update_or_create(
        **lookup,
        defaults={
            "name": name,
            "role": role,
            "department": department,
            "phone": phone,
            "email": email,
            "about": about,
        },
    )
    return profile


def seed_plans():
    departments = {
        name: Department.objects.get_or_create(name=name)[0]
        for name in ["Jobcenter", "Socialafdelingen", "Rusmiddelcentret", "Sundhed"]
    }
    team = Team.objects.get_or_create(name="Team Midt")[0]
    coordinator = ensure_demo_user(
        email=COORDINATOR_EMAIL, first_name="Sofie", last_name="Madsen", groups=[CASEWORKERS]
    )
    team.members.add(coordinator)
    sofie = _profile(
        user=coordinator,
        name="Sofie Madsen",
        role="Koordinator",
        department=departments["Socialafdelingen"],
        phone="99 12 34 56",
        email=COORDINATOR_EMAIL,
        about=(
            "Jeg holder styr på hele din plan og taler med de andre i kommunen for dig. "
            "Du kan altid ringe til mig på hverdage mellem 9 og 15."
        ),
    )
    jonas = _profile(
        name="Jonas Berg",
        role="Jobkonsulent",
        department=departments["Jobcenter"],
        phone="99 12 40 00",
        email="jonas.berg@example.dk",
    )
    helle = _profile(
        name="Helle Nør",
        role="Behandler",
        department=departments["Rusmiddelcentret"],
        phone="99 12 50 00",
        email="helle.noer@example.dk",
    )
    kamal = _profile(
        name="Kamal Aziz",
        role="Sygeplejerske",
        department=departments["Sundhed"],
        phone="99 12 60 00",
        email="kamal.aziz@example.dk",
    )

    mette = ensure_demo_user(email=CITIZEN_EMAIL, first_name="Mette", last_name="Larsen")
    ali = ensure_demo_user(email=CITIZEN2_EMAIL, first_name="Ali", last_name="Hassan")

    plan, created = Plan.objects.get_or_create(
        citizen=mette,
        status=Plan.Status.ACTIVE,
        defaults={
            "coordinator": sofie,
            "team": team,
            "what_matters": (
                "At være en god mor for Freja. Og at få et arbejde, hvor jeg har det godt."
            ),
        },
    )
    if created:
        fill_mettes_plan(plan, sofie=sofie, jonas=jonas, helle=helle, kamal=kamal, d=departments)

    plan2, created = Plan.objects.get_or_create(
        citizen=ali,
        status=Plan.Status.ACTIVE,
        defaults={
            "coordinator": sofie,
            "team": team,
            "what_matters": "At få min egen lejlighed og tale bedre dansk.",
        },
    )
    if created:
        fill_alis_plan(plan2, sofie=sofie, jonas=jonas, d=departments)
