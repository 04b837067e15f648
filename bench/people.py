"""The benchmark's people: users with verified addresses, made in batches, and the bench teams
with their coordinators (bench/dataset.py).

As in a large municipality, the citizens are spread over teams of TEAM_SIZE plans, each plan
with one of the team's COORDINATORS_PER_TEAM coordinators; the demo coordinator (Sofie) is also
in the first bench team, so her caseload (/admin/mine-borgere/) holds the same 200 plans at
2,000 citizens as at 100,000: what must stay flat is the cost of one caseload, not its size."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connections, transaction

PASSWORD = "bench-faellesplan"  # noqa: S105 - a throwaway database on loopback
TEAM_NAME = "Bench-team {:04d}"
TEAM_SIZE = 200
COORDINATORS_PER_TEAM = 5
BATCH = 2000  # rows of one kind per INSERT, plans per transaction


def make_users(emails: list[str], first_name: str) -> list:
    """The users with these addresses (made when missing), each with a verified address."""
    User = get_user_model()
    users = []
    for start in range(0, len(emails), BATCH):
        users += _user_batch(User, emails[start : start + BATCH], first_name)
    return users


def _user_batch(User, emails: list[str], first_name: str) -> list:
    have = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    with transaction.atomic():
        copy_in(
            User,
            [
                User(email=email, first_name=first_name, password=_password())
                for email in emails
                if email not in have
            ],
        )
        users = list(User.objects.filter(email__in=emails).order_by("email"))
        verified = set(
            EmailAddress.objects.filter(email__in=emails).values_list("email", flat=True)
        )
        copy_in(
            EmailAddress,
            [
                EmailAddress(user=u, email=u.email, verified=True, primary=True)
                for u in users
                if u.email not in verified
            ],
        )
    return users


_PASSWORD_HASH = []


def _password() -> str:
    """One hash for all: hashing 100,000 times adds nothing but minutes."""
    if not _PASSWORD_HASH:
        _PASSWORD_HASH.append(make_password(PASSWORD))
    return _PASSWORD_HASH[0]


def number(email: str) -> int:
    return int(email.partition("@")[0].removeprefix("borger-"))


def teams_for(m, citizens: int) -> tuple[list, list]:
    """The bench teams for this many citizens and their coordinators (staff profiles without
    an account: only their names are shown), made when missing."""
    count = -(-citizens // TEAM_SIZE)
    names = [TEAM_NAME.format(n) for n in range(count)]
    have = set(m.Team.objects.filter(name__in=names).values_list("name", flat=True))
    m.Team.objects.bulk_create([m.Team(name=name) for name in names if name not in have])
    teams = list(m.Team.objects.filter(name__in=names).order_by("name"))
    departments = list(m.Department.objects.order_by("name"))
    profile = "Koordinator {:04d}-{}"
    wanted = {
        profile.format(t, c): departments[(t + c) % len(departments)]
        for t in range(count)
        for c in range(COORDINATORS_PER_TEAM)
    }
    known = set(
        m.StaffProfile.objects.filter(name__startswith="Koordinator ").values_list(
            "name", flat=True
        )
    )
    m.StaffProfile.objects.bulk_create(
        [
            m.StaffProfile(
                name=name,
                role="Koordinator",
                department=department,
                phone="70 20 30 40",
            )
            for name, department in wanted.items()
            if name not in known
        ],
        batch_size=BATCH,
    )
    by_name = {
        p.name: p
        for p in m.StaffProfile.objects.filter(name__in=wanted).select_related("department")
    }
    coordinators = [
        [by_name[profile.format(t, c)] for c in range(COORDINATORS_PER_TEAM)] for t in range(count)
    ]
    from portal.demo.plans import COORDINATOR_EMAIL

    demo = get_user_model().objects.filter(email=COORDINATOR_EMAIL).first()
    if demo is not None:
        # Sofie coordinates 40 plans of her own in the first team (bench/faultdata.py's
        # notices go to her), and sees that team's 200 in her caseload.
        teams[0].members.add(demo)
        coordinators[0][0] = m.StaffProfile.objects.select_related("department").get(user=demo)
    return teams, coordinators


def copy_in(model, objects: list) -> None:
    """Write unsaved model instances with PostgreSQL's COPY: several times faster than
    bulk_create's INSERTs for the rows whose ids nobody needs back. Each field's value is what
    bulk_create would send (its pre_save and database value); bulk_create elsewhere."""
    db = connections["default"]  # the connection itself: the proxy costs a lookup per use
    if db.vendor != "postgresql":
        model.objects.bulk_create(objects, batch_size=BATCH)
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    quote = db.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    sql = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
    with db.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for obj in objects:
            copy.write_row([f.get_db_prep_save(f.pre_save(obj, True), db) for f in fields])
