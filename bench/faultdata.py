"""The steps of `make cluster` and `make faultload` that run inside Django, with the servers'
own settings (bench/services.inside): a small data set, sessions for its citizens, a page
published, and the count of what was stored afterwards.

    python -m bench.faultdata --inside <step> [args]
"""

import json
import sys
import time


def build(citizens: int) -> dict:
    """The demo site and people, and `citizens` generated citizens with a plan each (one
    comment, so the page is small). Their coordinator wants email at once: every comment's
    notice is due now, not at the 07:00 digest."""
    from django.db import transaction

    from bench.dataset import CITIZEN_EMAIL, plans
    from plans.models import Frequency, NoticePreference, Plan
    from portal.demo.accounts import demo_password
    from portal.demo.management.commands.seed_demo import SEEDERS
    from portal.demo.plans import CITIZEN_EMAIL as CITIZEN_DEMO_EMAIL

    with transaction.atomic():
        for seeder in SEEDERS:  # seed_demo itself insists on DEBUG
            seeder()
    plans(citizens, comments_per_plan=1, one_coordinator=True)
    emails = [CITIZEN_EMAIL.format(n) for n in range(citizens)]
    plan = Plan.objects.select_related("coordinator__user").get(citizen__email=emails[0])
    coordinator = plan.coordinator.user
    NoticePreference.objects.update_or_create(
        user=coordinator, defaults={"frequency": Frequency.IMMEDIATE}
    )
    return {
        "citizens": emails,
        "coordinator": coordinator.email,
        "demo_login": CITIZEN_DEMO_EMAIL,
        "demo_password": demo_password(),
    }


def sessions(*emails: str) -> dict:
    """A logged-in session cookie for each person, as after a login."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    users = get_user_model().objects.in_bulk(list(emails), field_name="email")
    cookies = {}
    for email in emails:
        client = Client()
        client.force_login(users[email])
        cookies[email] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return {"cookie_name": settings.SESSION_COOKIE_NAME, "sessions": cookies}


def guide() -> dict:
    """A public guide page anyone can read: its path and its title now."""
    from home.models import GuidePage

    page = GuidePage.objects.live().public().order_by("pk").first()
    return {"path": page.get_url(), "title": page.title}


def publish(title: str) -> dict:
    """Publish a new revision of that guide with a new title, as an editor's Publish does
    (the page_published signal purges the page cache: a new generation in Redis)."""
    from django.db import transaction

    from home.models import GuidePage

    committed = {}
    with transaction.atomic():
        page = GuidePage.objects.live().public().order_by("pk").first().specific
        page.title = title
        page.save_revision().publish()
        # Runs after the page cache's own after-commit purge (registered first, run first).
        transaction.on_commit(lambda: committed.setdefault("at", time.time()))
    return {"path": page.get_url(), "title": title, "published_at": committed["at"]}


def limited_message() -> dict:
    """What the login form says, in Danish, when allauth's rate limit refuses a login."""
    from allauth.account.adapter import get_adapter
    from django.utils import translation
    from django.utils.html import escape

    with translation.override("da"):
        message = get_adapter().error_messages["too_many_login_attempts"]
        return {"message": escape(str(message))}


def stored(prefix: str, since: str, coordinator: str) -> dict:
    """What the database holds after a run: every comment whose text starts with `prefix`
    (with how many times each text is stored), the coordinator's comment notices since
    `since` and whether each went out in a sent email, the task queue's states, and the
    emails written to the mail folder for the coordinator (a resent email shows up there)."""
    from django.conf import settings
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    from plans.models import Comment, Notice, NoticeEmail

    bodies = dict(
        Comment.objects.filter(body__startswith=prefix)
        .values_list("body")
        .annotate(n=Count("pk"))
        .values_list("body", "n")
    )
    notices = Notice.objects.filter(
        recipient__email=coordinator, kind="comment", created_at__gte=since
    )
    emails = NoticeEmail.objects.filter(recipient__email=coordinator, created_at__gte=since)
    mailed = 0
    folder = getattr(settings, "EMAIL_FILE_PATH", None)
    if folder:
        from pathlib import Path

        for path in Path(folder).glob("*.log"):
            mailed += sum(
                1
                for line in path.read_text(errors="replace").splitlines()
                if line.startswith("To: ") and coordinator in line
            )
    return {
        "bodies": bodies,
        "notices": notices.count(),
        "notices_sent": notices.filter(email__sent_at__isnull=False).count(),
        "notices_unsent": notices.filter(email__sent_at__isnull=True).count(),
        "emails_sent": emails.filter(sent_at__isnull=False).count(),
        "emails_written": mailed,
        "tasks": dict(
            DBTaskResult.objects.values_list("status")
            .annotate(n=Count("pk"))
            .values_list("status", "n")
        ),
    }


STEPS = {"build": build, "sessions": sessions, "guide": guide, "publish": publish}
STEPS.update(stored=stored, limited_message=limited_message)


def main(argv: list[str]) -> int:
    if argv[:1] != ["--inside"] or len(argv) < 2:
        raise SystemExit(__doc__)
    import django

    django.setup()
    step, args = argv[1], argv[2:]
    answer = build(int(args[0])) if step == "build" else STEPS[step](*args)
    print(json.dumps(answer, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
