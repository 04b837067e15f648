"""How a notice reaches a person: held in the database, then one email at once or one digest.

`notice_record` is called inside the event's own transaction, so a notice exists exactly when
its event does. `notices_deliver` (the task after each event, and `manage.py send_notices` from
cron for digests) claims what is due into NoticeEmail rows and sends each of them once.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import Frequency, Notice, NoticeEmail, NoticePreference, Plan
from ..people import display_name

# Digests go out at this local hour: daily ones every day, "Kun det vigtigste" on Mondays.
DIGEST_HOUR = 7
WEEKLY_DIGEST_WEEKDAY = 0


def frequency_of(user) -> str:
    """Her choice of how often; taken from her when the read that found her brought it along
    (the comment notices' recipients, the members' `select_related("user__notice_preference")`)."""
    if get_user_model().notice_preference.is_cached(user):
        preference = getattr(user, "notice_preference", None)  # None: she never chose
    else:
        preference = NoticePreference.objects.filter(user=user).only("frequency").first()
    return preference.frequency if preference else NoticePreference.DEFAULT


def due_at(*, frequency: str, urgent: bool, now: datetime.datetime) -> datetime.datetime:
    """When a notice is sent: urgent ones and "Med det samme" at once, the rest at the next
    daily digest, or for "Kun det vigtigste" at the next weekly one (never dropped)."""
    if urgent or frequency == Frequency.IMMEDIATE:
        return now
    local = now.astimezone(ZoneInfo(settings.TIME_ZONE))
    digest = local.replace(hour=DIGEST_HOUR, minute=0, second=0, microsecond=0)
    if digest <= local:
        digest += datetime.timedelta(days=1)
    if frequency == Frequency.IMPORTANT:
        digest += datetime.timedelta(days=(WEEKLY_DIGEST_WEEKDAY - digest.weekday()) % 7)
    return digest


def notice_record(
    *,
    recipient,
    plan: Plan,
    kind: str,
    subject: str,
    lines: list[str] = (),
    link: str = "",
    link_text: str = "",
    urgent: bool = False,
    now=None,
) -> Notice | None:
    """Hold one notice for a person; None when there is nobody to tell (no account, no
    address, or the account is closed)."""
    if recipient is None or not recipient.email or not recipient.is_active:
        return None
    now = now or timezone.now()
    return Notice.objects.create(
        recipient=recipient,
        plan=plan,
        kind=kind,
        urgent=urgent,
        subject=str(subject),
        lines=[str(line) for line in lines],
        link=link,
        link_text=str(link_text),
        created_at=now,
        due_at=due_at(frequency=frequency_of(recipient), urgent=urgent, now=now),
    )


def notice_preference_set(*, user, frequency: str, now=None) -> NoticePreference:
    """Save the person's choice; notices already held move to the new schedule."""
    now = now or timezone.now()
    with transaction.atomic():
        preference, _created = NoticePreference.objects.update_or_create(
            user=user, defaults={"frequency": frequency}
        )
        Notice.objects.filter(recipient=user, email__isnull=True, urgent=False).update(
            due_at=due_at(frequency=frequency, urgent=False, now=now)
        )
    return preference


def notices_claim(*, now=None) -> int:
    """Put every due notice into an email: one email per person, holding all of that person's
    due notices. Returns how many emails were made (they are sent by `emails_send`)."""
    now = now or timezone.now()
    made = 0
    due = Notice.objects.filter(email__isnull=True, due_at__lte=now)
    for recipient_id in due.values_list("recipient_id", flat=True).distinct().order_by():
        with transaction.atomic():
            ids = list(
                due.filter(recipient_id=recipient_id)
                .select_for_update(skip_locked=True)
                .values_list("pk", flat=True)
            )
            if not ids:
                continue  # Another worker holds them.
            email = NoticeEmail.objects.create(recipient_id=recipient_id, created_at=now)
            claimed = Notice.objects.filter(pk__in=ids, email__isnull=True).update(email=email)
            if not claimed:
                email.delete()
                continue
            made += 1
    return made


def emails_send(*, now=None) -> int:
    """Send every claimed email that has not gone yet, each in its own transaction: the row
    is locked while it is sent and marked sent before the lock is let go."""
    sent = 0
    unsent = NoticeEmail.objects.filter(sent_at__isnull=True).order_by("created_at", "pk")
    for email_id in list(unsent.values_list("pk", flat=True)):
        with transaction.atomic():
            email = (
                unsent.select_for_update(skip_locked=True)
                .select_related("recipient")
                .filter(pk=email_id)
                .first()
            )
            if email is None:
                continue  # Sent meanwhile, or being sent by another worker.
            _send(email)
            email.sent_at = now or timezone.now()
            email.save(update_fields=["sent_at"])
            sent += 1
    return sent


def notices_deliver(*, now=None) -> int:
    """Claim what is due and send it, and anything claimed earlier but never sent."""
    notices_claim(now=now)
    return emails_send(now=now)


def _send(email: NoticeEmail) -> None:
    notices = list(email.notices.select_related("plan").order_by("created_at", "pk"))
    person = email.recipient
    context = {
        "recipient_name": display_name(person, short=True, fallback=_("du")),
        "settings_link": site_url("preferences:notices"),
    }
    with translation.override(settings.LANGUAGE_CODE):
        if len(notices) == 1:
            notice = notices[0]
            context.update(
                subject=notice.subject,
                lines=notice.lines,
                link=notice.link,
                link_text=notice.link_text,
            )
            template = "plans/email/notice"
        else:
            count = len(notices)
            subject = ngettext(
                "%(count)s nyhed fra Fællesplan", "%(count)s nyheder fra Fællesplan", count
            ) % {"count": count}
            context.update(subject=subject, notices=notices)
            template = "plans/email/digest"
        send_text_and_html(
            to=person.email,
            subject=f"Fællesplan: {context['subject']}",
            template=template,
            context=context,
        )


def send_text_and_html(*, to: str, subject: str, template: str, context: dict) -> None:
    """Render `<template>.txt` and `<template>.html` with the context and send both to one
    address. Callers choose the language (translation.override) and the subject's wording."""
    message = EmailMultiAlternatives(
        subject=subject, body=render_to_string(f"{template}.txt", context), to=[to]
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    message.send()


def site_url(name: str, *args) -> str:
    """An absolute link for an email, from the one setting that says where the site lives."""
    return settings.SITE_URL.rstrip("/") + reverse(name, args=args)
