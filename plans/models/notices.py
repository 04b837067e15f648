"""Notices: every event that concerns a person, held in the database until it is emailed.

An event writes its Notice rows in its own transaction, so a notice exists exactly when the
event does. plans.notices.delivery turns due notices into NoticeEmail rows (one email: a single
notice, or a digest of every notice held for the person) and sends each NoticeEmail once. A
person's NoticePreference decides when a non-urgent notice is due; urgent ones are due at once.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .plan import Plan


class Frequency(models.TextChoices):
    """How often a person wants email about what happens in the plans they are part of."""

    IMMEDIATE = "immediate", _("Med det samme")
    DAILY = "daily", _("Samlet én gang om dagen")
    IMPORTANT = "important", _("Kun det vigtigste")


class NoticePreference(models.Model):
    """A person's choice of how often to get email. No row means the default (daily)."""

    DEFAULT = Frequency.DAILY

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_preference"
    )
    frequency = models.CharField(
        _("hvor tit"), max_length=20, choices=Frequency.choices, default=Frequency.DAILY
    )
    updated_at = models.DateTimeField(auto_now=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("indstilling for beskeder")
        verbose_name_plural = _("indstillinger for beskeder")

    def __str__(self):
        return f"{self.user_id}: {self.frequency}"


class NoticeEmail(models.Model):
    """One email to one person, carrying one or more notices. Created when the notices are
    claimed, marked sent after the mail server took it; an unsent row is sent on the next run,
    so a worker that dies between claiming and sending neither skips nor repeats."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        indexes = [
            models.Index(
                fields=["created_at"], condition=Q(sent_at__isnull=True), name="plans_email_unsent"
            )
        ]

    def __str__(self):
        return f"{self.recipient_id} {self.created_at:%d.%m.%Y %H:%M}"


class Notice(models.Model):
    """Something that happened which one person should hear about: who did what on which plan
    (never the text of a comment). Kept after sending, as the record that it was sent."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices"
    )
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=40)
    urgent = models.BooleanField(default=False)
    # Written when the event happens, in the site's language, so the email says what was true.
    subject = models.CharField(max_length=300)
    lines = models.JSONField(default=list)
    link = models.CharField(max_length=500, blank=True)
    link_text = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    due_at = models.DateTimeField()
    email = models.ForeignKey(
        NoticeEmail, on_delete=models.PROTECT, null=True, blank=True, related_name="notices"
    )

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["due_at"], condition=Q(email__isnull=True), name="plans_notice_held_due"
            ),
            models.Index(
                fields=["recipient", "created_at"],
                condition=Q(email__isnull=True),
                name="plans_notice_held_person",
            ),
        ]

    def __str__(self):
        return self.subject


class ReminderSent(models.Model):
    """That one person was reminded of one version of something: a meeting at this time, a
    complaint deadline on this day. Written in the transaction that holds the reminder's notice,
    so a second run finds it and sends nothing; a moved meeting has a new version_key, so it is
    reminded of again (plans.reminders)."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Møde i morgen")
        DEADLINE = "deadline", _("Klagefrist om en uge")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    # The meeting's start (UTC, ISO 8601) or the deadline's date: what the reminder said.
    version_key = models.CharField(max_length=40)
    sent_at = models.DateTimeField(default=timezone.now)

    wagtail_reference_index_ignore = True

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "object_id", "version_key"],
                name="plans_reminder_once_per_version",
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id} {self.version_key}"
