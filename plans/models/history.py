"""A plan's own history: who changed what and when, for the plan's team and, as "Nyt siden
sidst", for the citizen. Kept per plan, never in Wagtail's site-wide log (which crosses teams)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .conversation import AuthorRole
from .plan import Plan


class PlanEvent(models.Model):
    """One change to a plan, in words: "Flyttede mødet til 3. december kl. 10"."""

    class Kind(models.TextChoices):
        PLAN = "plan", _("Planen")
        GOAL = "goal", _("Mål")
        ACTIVITY = "activity", _("Indsats")
        MEETING = "meeting", _("Møde")
        DECISION = "decision", _("Afgørelse")
        STATUS = "status", _("Status")
        NETWORK = "network", _("Netværk")
        OFFER = "offer", _("Tilbud om hjælp")
        COMMENT = "comment", _("Kommentar")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("hvornår"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_name = models.CharField(_("hvem"), max_length=200)
    actor_kind = models.CharField(_("type"), max_length=20, choices=AuthorRole.choices)
    kind = models.CharField(_("hvad"), max_length=20, choices=Kind.choices)
    what = models.CharField(_("ændring"), max_length=300)
    # Where on Min plan the change is shown ("moede-12"); empty when it has no place there.
    anchor = models.CharField(max_length=60, blank=True)
    # False for changes the citizen does not see on her plan (e.g. staff-only fields).
    shown_to_citizen = models.BooleanField(default=True)

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("ændring i planen")
        verbose_name_plural = _("ændringer i planen")
        indexes = [models.Index(fields=["plan", "at", "id"], name="plans_event_plan_newest")]

    def __str__(self):
        return f"{self.actor_name}: {self.what}"


class PlanVisit(models.Model):
    """When the citizen last looked at her plan, and the visit before: "Nyt siden sidst" shows
    what changed since `previous_at`."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    previous_at = models.DateTimeField(null=True, blank=True)
    seen_at = models.DateTimeField(default=timezone.now)

    wagtail_reference_index_ignore = True

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan", "user"], name="plans_one_visit_row")
        ]

    def __str__(self):
        return f"{self.plan_id} {self.user_id} {self.seen_at}"
