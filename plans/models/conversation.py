"""What people write in a plan: comments, and the citizen's answer to "how meaningful is it"."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .plan import Activity, Goal, Plan


class AuthorRole(models.TextChoices):
    """Who someone is in relation to a plan; stored with what they wrote or read."""

    CITIZEN = "citizen", _("Borger")
    STAFF = "staff", _("Medarbejder")
    NETWORK = "network", _("Netværk")


class Comment(models.Model):
    """A comment on the plan, on one goal or on one activity. Never silently altered: an edit
    is marked, and a deletion keeps the row (so answers keep their place) with the text removed.

    The author may delete their account later (a network member who leaves): the comment stays,
    shown under the name copied when it was written."""

    MAX_LENGTH = 2000
    EDIT_WINDOW_MINUTES = 15
    # Comments are personal: keep them out of Wagtail's usage listings and save the queries.
    wagtail_reference_index_ignore = True

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="comments")
    # SET_NULL: when staff remove a goal or an activity, what people wrote stays on the plan.
    goal = models.ForeignKey(
        Goal, on_delete=models.SET_NULL, null=True, blank=True, related_name="comments"
    )
    activity = models.ForeignKey(
        Activity, on_delete=models.SET_NULL, null=True, blank=True, related_name="comments"
    )
    reply_to = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("svar på"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_comments",
    )
    author_name = models.CharField(_("skrevet af"), max_length=200)
    author_role = models.CharField(max_length=20, choices=AuthorRole.choices)
    # A trusted helper wrote it for the citizen: her name, copied when it was written ("skrevet
    # af Bente for Mette"). Blank for everyone who writes in their own name.
    on_behalf_of_name = models.CharField(max_length=200, blank=True)
    # What the person typed, kept so an edit starts from their own words, and the safe HTML shown.
    body = models.TextField(_("kommentar"), max_length=MAX_LENGTH, blank=True)
    body_html = models.TextField(blank=True, help_text="Made by portal.sanitize.sanitize_html.")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("kommentar")
        verbose_name_plural = _("kommentarer")
        # A thread is "the newest comments of this plan": without the plan first, PostgreSQL
        # walks the created_at index of every plan's comments backwards to find them.
        indexes = [
            models.Index(fields=["plan", "created_at", "id"], name="plans_comment_plan_newest"),
            # plans.limits counts one author's comments in the last hour.
            models.Index(fields=["author", "created_at"], name="plans_comment_author_recent"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(goal__isnull=True) | Q(activity__isnull=True),
                name="plans_comment_one_target",
            )
        ]

    def __str__(self):
        return f"{self.display_author} {self.created_at:%d.%m.%Y %H:%M}"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def display_author(self) -> str:
        # The name copied when it was written: for a network member the name the citizen knows
        # them by (their account may hold only an email), for staff the name they present; a
        # helper's comment says for whom.
        if self.on_behalf_of_name and self.author_name:
            return _("%(helper)s for %(citizen)s") % {
                "helper": self.author_name,
                "citizen": self.on_behalf_of_name,
            }
        if self.author_name:
            return self.author_name
        if self.author_id and self.author is not None:
            return str(self.author)
        if self.author_role == AuthorRole.NETWORK:
            return str(_("Tidligere netværksmedlem"))
        return str(_("Tidligere deltager"))


class Feedback(models.Model):
    """One answer to "Hvor meningsfuld er planen / denne indsats for dig?", for the plan or an
    activity. Every answer is kept with its date, so staff see the trend, not only the last."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="feedback")
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, null=True, blank=True, related_name="feedback"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_feedback"
    )
    score = models.PositiveSmallIntegerField(
        _("hvor meningsfuld"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    words = models.TextField(_("med dine egne ord"), blank=True, max_length=1000)
    answered_at = models.DateTimeField(_("svaret"), default=timezone.now)

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-answered_at", "-pk"]
        verbose_name = _("tilbagemelding")
        verbose_name_plural = _("tilbagemeldinger")
        permissions = [
            ("view_value_report", _("Kan se rapporten Borgeroplevet værdi for egne teams")),
            ("view_value_report_all", _("Kan se rapporten Borgeroplevet værdi for alle")),
        ]
        indexes = [
            models.Index(fields=["plan", "activity", "answered_at"], name="plans_feedback_newest"),
            models.Index(fields=["answered_at"], name="plans_feedback_month"),
            # plans.limits counts one person's answers in the last hour.
            models.Index(fields=["author", "answered_at"], name="plans_feedback_author_recent"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(score__gte=1) & Q(score__lte=5), name="plans_feedback_score_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.score}/5"
