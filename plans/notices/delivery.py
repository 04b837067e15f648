"""How a notice reaches a person: at most one email an hour per plan, text and HTML."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from ..models import EmailNotice

EMAIL_INTERVAL = timedelta(hours=1)


def email_notice_claim(*, plan_id: int, recipient_id: int, now=None) -> bool:
    """True if this person may be emailed about this plan now (at most once an hour), and
    records that they are. Safe when two workers ask at once: only one gets True."""
    now = now or timezone.now()
    claimed = EmailNotice.objects.filter(
        plan_id=plan_id, recipient_id=recipient_id, sent_at__lte=now - EMAIL_INTERVAL
    ).update(sent_at=now)
    if claimed:
        return True
    try:
        with transaction.atomic():
            EmailNotice.objects.create(plan_id=plan_id, recipient_id=recipient_id, sent_at=now)
    except IntegrityError:
        return False  # A row exists and is younger than an hour.
    return True


def send_text_and_html(*, to: str, subject: str, template: str, context: dict) -> None:
    """Render `<template>.txt` and `<template>.html` with the context and send both to one
    address. Callers choose the language (translation.override) and the subject's wording."""
    message = EmailMultiAlternatives(
        subject=subject, body=render_to_string(f"{template}.txt", context), to=[to]
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    message.send()


def site_url(name: str, *args) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)
