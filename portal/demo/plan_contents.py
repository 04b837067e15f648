"""What Mette's and Ali's demo plans hold: goals in their own words, activities across three
departments, meetings, a decision explained, comments and a read in the access log."""

import datetime

from django.utils import timezone

from plans.access_log import access_log_record
from plans.models import (
    AccessLogEntry,
    Activity,
    AuthorRole,
    Comment,
    Decision,
    Goal,
    Meeting,
)
from portal.sanitize import sanitize_html


def fill_mettes_plan(plan, *, sofie, jonas, helle, kamal, d):
    today = timezone.localdate()
    job, drink, sleep = (
        Goal.objects.create(plan=plan, sort_order=n, written_by=Goal.WrittenBy.CITIZEN, text=text)
        for n, text in enumerate(
            [
                "Jeg vil have et arbejde igen. Gerne i en butik eller på et lager.",
                "Jeg vil drikke mindre og have flere gode dage.",
                "Jeg vil sove bedre og have mere energi om morgenen.",
            ]
        )
    )
    trial = Activity.objects.create(
        plan=plan,
        goal=job,
        sort_order=0,
        department=d["Jobcenter"],
        title="Praktik i et supermarked",
        description=(
            "Du er i praktik i Brugsen 3 dage om ugen, 4 timer ad gangen. Du får løn som nu."
        ),
        responsible=jonas,
        status=Activity.Status.ONGOING,
        starts_on=today - datetime.timedelta(days=7),
        ends_on=today + datetime.timedelta(weeks=8),
        next_step="Kort snak med butikschefen om, hvordan det går",
        next_step_on=today + datetime.timedelta(days=6),
    )
    Activity.objects.create(
        plan=plan,
        goal=job,
        sort_order=1,
        department=d["Jobcenter"],
        title="Hjælp til at skrive et CV",
        description="Jonas og du skrev dit CV sammen. Det er færdigt.",
        responsible=jonas,
        status=Activity.Status.DONE,
    )
    talks = Activity.objects.create(
        plan=plan,
        goal=drink,
        sort_order=2,
        department=d["Rusmiddelcentret"],
        title="Samtaler om alkohol hver uge",
        description=(
            "Du taler med Helle én gang om ugen. I finder sammen ud af, hvad der hjælper dig."
        ),
        responsible=helle,
        status=Activity.Status.ONGOING,
        next_step="Samtale hos Helle",
        next_step_on=today + datetime.timedelta(days=2),
    )
    Activity.objects.create(
        plan=plan,
        goal=sleep,
        sort_order=3,
        department=d["Sundhed"],
        title="Snak med sygeplejersken om søvn",
        description="Kamal giver dig gode råd om søvn. Han kan også se på din medicin.",
        responsible=kamal,
        status=Activity.Status.PLANNED,
        next_step="Første samtale hos Kamal",
        next_step_on=today + datetime.timedelta(days=10),
    )
    Activity.objects.create(
        plan=plan,
        goal=sleep,
        sort_order=4,
        department=d["Socialafdelingen"],
        title="Hjælp i hverdagen derhjemme",
        description=(
            "En støtteperson kommer to gange om ugen og hjælper "
            "med at få dagen til at hænge sammen."
        ),
        responsible=sofie,
        status=Activity.Status.ONGOING,
    )
    Meeting.objects.create(
        plan=plan,
        starts_at=timezone.make_aware(
            datetime.datetime.combine(today + datetime.timedelta(days=5), datetime.time(10, 0))
        ),
        place="Rådhuset, Torvet 1, mødelokale 3",
        participants="Dig, Sofie (koordinator) og Jonas fra Jobcentret",
        bring="Din kalender. Tag gerne én med, du stoler på.",
    )
    Decision.objects.create(
        plan=plan,
        title="Du får et forløb med praktik og samtaler",
        decided_on=today - datetime.timedelta(days=7),
        explanation=(
            "Du har sagt, at du gerne vil arbejde igen. Vi tror, det går bedst, hvis du starter "
            "stille og roligt og får hjælp til det, der er svært. Derfor får du praktik og "
            "samtaler på samme tid."
        ),
        meaning=(
            "Du skal ikke søge job de næste tre måneder. Du får den samme ydelse som nu. "
            "Du skal komme til praktikken og samtalerne, eller ringe, hvis du er syg."
        ),
        how_to_complain=(
            "Er du uenig, så ring eller skriv til Sofie. Vi ser på sagen igen. Er vi stadig "
            "uenige, sender vi din klage videre til Ankestyrelsen. Du kan også få hjælp af "
            "en bisidder."
        ),
        complaint_deadline=today + datetime.timedelta(weeks=3),
        contact=sofie,
    )
    question = _comment(
        plan,
        author=plan.citizen,
        role=AuthorRole.CITIZEN,
        activity=trial,
        body="Jeg er lidt nervøs for praktikken. Hvad skal jeg have på?",
        ago=datetime.timedelta(days=2, hours=3),
    )
    _comment(
        plan,
        author=sofie.user,
        role=AuthorRole.STAFF,
        activity=trial,
        reply_to=question,
        body=(
            "Det er helt normalt at være nervøs. Tag tøj på, du kan arbejde i, og gode sko. "
            "Ring til mig, hvis du vil tale om det."
        ),
        ago=datetime.timedelta(days=2),
    )
    _comment(
        plan,
        author=plan.citizen,
        role=AuthorRole.CITIZEN,
        activity=talks,
        body="Samtalen i går var god. Jeg fik sagt det, jeg ville.",
        ago=datetime.timedelta(days=1),
    )
    if not AccessLogEntry.objects.filter(plan=plan).exists():
        access_log_record(
            plan=plan, actor=sofie.user, action=AccessLogEntry.Action.READ, what="Planen"
        )


def _comment(plan, *, author, role, body, ago, activity=None, goal=None, reply_to=None):
    # Written directly, not through comment_add: demo history should not send emails.
    return Comment.objects.create(
        plan=plan,
        author=author,
        author_name=str(author),
        author_role=role,
        activity=activity,
        goal=goal,
        reply_to=reply_to,
        body=body,
        body_html=sanitize_html(body),
        created_at=timezone.now() - ago,
    )


def fill_alis_plan(plan, *, sofie, jonas, d):
    today = timezone.localdate()
    home, danish = (
        Goal.objects.create(plan=plan, sort_order=n, written_by=Goal.WrittenBy.CITIZEN, text=text)
        for n, text in enumerate(
            ["Jeg vil have min egen lejlighed.", "Jeg vil tale dansk, så jeg kan klare mig selv."]
        )
    )
    Activity.objects.create(
        plan=plan,
        goal=home,
        sort_order=0,
        department=d["Socialafdelingen"],
        title="Hjælp til at finde en bolig",
        description=(
            "Sofie hjælper dig med at skrive dig op til en bolig og søge om hjælp til depositum."
        ),
        responsible=sofie,
        status=Activity.Status.ONGOING,
        next_step="Skriv dig op hos boligselskabet sammen med Sofie",
        next_step_on=today + datetime.timedelta(days=4),
    )
    Activity.objects.create(
        plan=plan,
        goal=danish,
        sort_order=1,
        department=d["Jobcenter"],
        title="Danskundervisning",
        description="Du går på sprogskolen to formiddage om ugen.",
        responsible=jonas,
        status=Activity.Status.ONGOING,
    )
