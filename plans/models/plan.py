"""The citizen's coordinated plan and its parts: goals, activities, meetings and decisions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from .organisation import Department, StaffProfile, Team
from .validators import single_line


class Plan(ClusterableModel):
    """One citizen's coordinated plan, kept by a coordinator and a team of staff."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Aktiv")
        ARCHIVED = "archived", _("Afsluttet")

    citizen = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="plans",
        verbose_name=_("borger"),
    )
    coordinator = models.ForeignKey(
        StaffProfile,
        on_delete=models.PROTECT,
        related_name="coordinated_plans",
        verbose_name=_("koordinator"),
    )
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="plans", verbose_name=_("team")
    )
    what_matters = models.TextField(
        _("det vigtigste for mig"),
        blank=True,
        help_text=_("Skrevet med borgerens egne ord."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)
    # Set when the plan is saved as Afsluttet (kept if it is reopened and closed again later).
    archived_at = models.DateTimeField(_("afsluttet"), null=True, blank=True, editable=False)
    # Raised by every write that changes what the citizen or her network sees (plans.fragments):
    # rendered parts of their pages are used again only at the version they were made at.
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("plan")
        verbose_name_plural = _("planer")
        constraints = [
            # A citizen may have archived plans, but only one plan in use.
            models.UniqueConstraint(
                fields=["citizen"],
                condition=Q(status="active"),
                name="plans_one_active_plan_per_citizen",
            )
        ]

    def __str__(self):
        return str(_("Plan for %(name)s")) % {"name": self.citizen}

    @property
    def is_archived(self) -> bool:
        return self.status == self.Status.ARCHIVED

    def save(self, *args, **kwargs):
        # Stamped here so every path that archives through the model (admin, services, the
        # shell) records when; a plan archived by a bare UPDATE falls back to updated_at.
        if self.is_archived and self.archived_at is None:
            self.archived_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "archived_at"}
        elif not self.is_archived:
            self.archived_at = None
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "archived_at"}
        super().save(*args, **kwargs)

    @property
    def ended_at(self):
        return self.archived_at or self.updated_at if self.is_archived else None


class Goal(Orderable):
    """A goal in the citizen's own words (or written with them by staff)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("I gang")
        REACHED = "reached", _("Nået")
        PAUSED = "paused", _("Sat på pause")

    class WrittenBy(models.TextChoices):
        CITIZEN = "citizen", _("Borgeren")
        STAFF = "staff", _("Medarbejder")

    plan = ParentalKey(Plan, on_delete=models.CASCADE, related_name="goals")
    text = models.TextField(_("mål"), max_length=500)
    written_by = models.CharField(
        _("skrevet af"), max_length=20, choices=WrittenBy.choices, default=WrittenBy.STAFF
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )

    class Meta(Orderable.Meta):
        verbose_name = _("mål")
        verbose_name_plural = _("mål")

    def __str__(self):
        return self.text[:80]


class Activity(Orderable):
    """An indsats: one department's part of the plan, in plain words."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planlagt")
        ONGOING = "ongoing", _("I gang")
        DONE = "done", _("Afsluttet")
        PAUSED = "paused", _("Sat på pause")

    plan = ParentalKey(Plan, on_delete=models.CASCADE, related_name="activities")
    goal = models.ForeignKey(
        Goal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("hører til målet"),
    )
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="activities", verbose_name=_("afdeling")
    )
    title = models.CharField(
        _("overskrift i hverdagssprog"), max_length=160, validators=[single_line]
    )
    description = models.TextField(_("hvad sker der"), blank=True)
    responsible = models.ForeignKey(
        StaffProfile,
        on_delete=models.PROTECT,
        related_name="activities",
        verbose_name=_("ansvarlig"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    starts_on = models.DateField(_("starter"), null=True, blank=True)
    ends_on = models.DateField(_("slutter"), null=True, blank=True)
    next_step = models.CharField(
        _("næste skridt"), max_length=240, blank=True, validators=[single_line]
    )
    next_step_on = models.DateField(_("næste skridt dato"), null=True, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("indsats")
        verbose_name_plural = _("indsatser")

    def __str__(self):
        return self.title

    def clean(self):
        if self.goal_id and self.plan_id and self.goal.plan_id != self.plan_id:
            raise ValidationError({"goal": _("Målet hører til en anden plan.")})


class Meeting(models.Model):
    """A meeting: when, where, who comes and what to bring."""

    plan = ParentalKey(Plan, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField(_("tidspunkt"))
    place = models.CharField(
        _("sted"),
        max_length=200,
        help_text=_("Adresse, eller 'Online' med et link."),
        validators=[single_line],
    )
    online_url = models.URLField(_("link til online møde"), blank=True)
    participants = models.CharField(
        _("hvem deltager"), max_length=300, blank=True, validators=[single_line]
    )
    bring = models.CharField(_("tag med"), max_length=300, blank=True, validators=[single_line])
    # The calendar file's SEQUENCE (RFC 5545 §3.8.7.4): counts the changes to when and where, so
    # a calendar that imported the meeting replaces its entry with the newer one.
    sequence = models.PositiveIntegerField(default=0, editable=False)

    # What a calendar entry shows of when and where: a change to any of them is a new revision.
    REVISED_BY = ("starts_at", "place", "online_url")

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("møde")
        verbose_name_plural = _("møder")

    def __str__(self):
        return f"{self.starts_at:%d.%m.%Y %H:%M} {self.place}"

    def save(self, *args, **kwargs):
        # Here, like Plan.archived_at, so every path that moves a meeting (the admin's inline
        # form, a service, the shell) counts it; the loaded values cost no extra query.
        loaded = getattr(self, "_loaded", {})
        if any(self.__dict__.get(name) != value for name, value in loaded.items()):
            self.sequence += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "sequence"}
        super().save(*args, **kwargs)
        self._loaded = {name: self.__dict__.get(name) for name in self.REVISED_BY}

    @classmethod
    def from_db(cls, db, field_names, values):
        meeting = super().from_db(db, field_names, values)
        # Only the fields loaded (a deferred one is not "changed" when it is read later).
        meeting._loaded = {
            name: meeting.__dict__[name] for name in cls.REVISED_BY if name in meeting.__dict__
        }
        return meeting


class Decision(models.Model):
    """An afgørelse, explained so it makes sense to the citizen."""

    plan = ParentalKey(Plan, on_delete=models.CASCADE, related_name="decisions")
    title = models.CharField(_("overskrift"), max_length=160, validators=[single_line])
    decided_on = models.DateField(_("dato for afgørelsen"), default=timezone.localdate)
    explanation = models.TextField(_("hvorfor, forklaret i hverdagssprog"))
    meaning = models.TextField(_("hvad betyder det for dig"))
    how_to_complain = models.TextField(_("sådan klager du"))
    complaint_deadline = models.DateField(_("klagefrist"))
    contact = models.ForeignKey(
        StaffProfile,
        on_delete=models.PROTECT,
        related_name="decisions",
        verbose_name=_("ring til"),
    )

    class Meta:
        ordering = ["-decided_on", "-pk"]
        verbose_name = _("afgørelse")
        verbose_name_plural = _("afgørelser")

    def __str__(self):
        return self.title
