"""The citizen's coordinated plan: who does what, decisions in plain words, comments, access log.

Sections: organisation (Department, Team, StaffProfile), the plan and its parts (Plan, Goal,
Activity, Meeting, Decision), what people write (Comment, Feedback), and the records kept about
access (AccessLogEntry, EmailNotice). The network (Invitation, NetworkMembership, Offer) is added
at the end of this file by the network issue.
"""

import datetime
import hashlib
import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

# --- Organisation -------------------------------------------------------------------------------


class Department(models.Model):
    """A part of the municipality the citizen meets, e.g. Jobcenter or Socialafdelingen."""

    name = models.CharField(_("navn"), max_length=120, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("afdeling")
        verbose_name_plural = _("afdelinger")

    def __str__(self):
        return self.name


class Team(models.Model):
    """The staff who share a group of plans. A caseworker sees only the plans of their teams."""

    name = models.CharField(_("navn"), max_length=120, unique=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="plan_teams",
        blank=True,
        verbose_name=_("medlemmer"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self):
        return self.name


class StaffProfile(models.Model):
    """How a staff member presents themselves to the citizen: who I am and how to reach me."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff_profile",
        verbose_name=_("bruger"),
    )
    name = models.CharField(_("navn"), max_length=120)
    role = models.CharField(_("rolle"), max_length=120, help_text=_("Fx Jobkonsulent."))
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="staff", verbose_name=_("afdeling")
    )
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    about = models.TextField(
        _("hvem er jeg"),
        blank=True,
        max_length=600,
        help_text=_("Et par linjer i hverdagssprog om dig og din rolle."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("medarbejder")
        verbose_name_plural = _("medarbejdere")

    def __str__(self):
        return f"{self.name}, {self.role} ({self.department})"


# --- The plan and its parts --------------------------------------------------------------------


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
    title = models.CharField(_("overskrift i hverdagssprog"), max_length=160)
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
    next_step = models.CharField(_("næste skridt"), max_length=240, blank=True)
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
        _("sted"), max_length=200, help_text=_("Adresse, eller 'Online' med et link.")
    )
    online_url = models.URLField(_("link til online møde"), blank=True)
    participants = models.CharField(_("hvem deltager"), max_length=300, blank=True)
    bring = models.CharField(_("tag med"), max_length=300, blank=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("møde")
        verbose_name_plural = _("møder")

    def __str__(self):
        return f"{self.starts_at:%d.%m.%Y %H:%M} {self.place}"


class Decision(models.Model):
    """An afgørelse, explained so it makes sense to the citizen."""

    plan = ParentalKey(Plan, on_delete=models.CASCADE, related_name="decisions")
    title = models.CharField(_("overskrift"), max_length=160)
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


# --- What people write -------------------------------------------------------------------------


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
        # them by (their account may hold only an email), for staff the name they present.
        if self.author_name:
            return self.author_name
        if self.author_id and self.author is not None:
            return str(self.author)
        if self.author_role == AuthorRole.NETWORK:
            return str(_("Tidligere netværksmedlem"))
        return str(_("Tidligere deltager"))


class Feedback(models.Model):
    """The citizen's "Hvor meningsfuld er planen for dig?", for the plan or an activity."""

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
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("tilbagemelding")
        verbose_name_plural = _("tilbagemeldinger")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "author"],
                condition=Q(activity__isnull=True),
                name="plans_feedback_one_per_plan",
            ),
            models.UniqueConstraint(
                fields=["plan", "author", "activity"],
                condition=Q(activity__isnull=False),
                name="plans_feedback_one_per_activity",
            ),
            models.CheckConstraint(
                condition=Q(score__gte=1) & Q(score__lte=5), name="plans_feedback_score_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.score}/5"


# --- Records about access ----------------------------------------------------------------------


class AppendOnlyQuerySet(models.QuerySet):
    """The access log is evidence for the citizen: the app may add to it, never rewrite it."""

    def update(self, **kwargs):
        raise PermissionError("Access log entries cannot be changed.")

    def delete(self):
        raise PermissionError("Access log entries cannot be deleted.")


class AccessLogEntry(models.Model):
    """Who (staff or network member) read or changed what in a plan, and when.

    Entries form one hash chain per plan: entry_hash = sha256(previous_hash + content). Editing
    or removing an entry in the database breaks the chain, which `verify_access_log` reports.
    Only plans.services.access_log_record writes entries; it locks the plan row so two
    concurrent writes cannot both chain onto the same predecessor (and the unique constraint
    refuses a fork if a database ignores the lock). The chain covers the copied names, not
    actor_id, because actor_id becomes NULL when a person deletes their account."""

    class Action(models.TextChoices):
        READ = "read", _("Så")
        WRITE = "write", _("Ændrede")

    # PROTECT: a plan with a log cannot be deleted (plans are archived), so no chain is cut off.
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="access_log")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    # Copied at the time of access, so the entry stays true if the person changes job later.
    actor_name = models.CharField(_("hvem"), max_length=200)
    actor_role = models.CharField(_("rolle"), max_length=200, blank=True)
    actor_department = models.CharField(_("afdeling"), max_length=200, blank=True)
    actor_kind = models.CharField(_("type"), max_length=20, choices=AuthorRole.choices)
    action = models.CharField(_("handling"), max_length=10, choices=Action.choices)
    what = models.CharField(_("hvad"), max_length=200)
    at = models.DateTimeField(_("hvornår"), default=timezone.now, db_index=True)
    previous_hash = models.CharField(max_length=64, blank=True)
    entry_hash = models.CharField(max_length=64, unique=True)

    objects = AppendOnlyQuerySet.as_manager()
    # Not tracked by Wagtail's reference index: each read would otherwise add index writes, and
    # the admin's "usage" listings must not surface who read a plan.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("adgang til plan")
        verbose_name_plural = _("adgange til planer")
        # The newest entry of a plan (the link a new entry chains to) and "Hvem har set min
        # plan" (newest first) are found through these, however long the log grows.
        indexes = [
            models.Index(fields=["plan", "id"], name="plans_access_log_chain"),
            models.Index(fields=["plan", "at", "id"], name="plans_access_log_newest"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "previous_hash"], name="plans_access_log_no_fork"
            )
        ]

    def __str__(self):
        return f"{self.actor_name} {self.get_action_display()} {self.what}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("Access log entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Access log entries cannot be deleted.")

    def compute_hash(self) -> str:
        at = self.at.astimezone(datetime.UTC).isoformat(timespec="microseconds")
        content = [
            self.previous_hash,
            str(self.plan_id),
            self.actor_name,
            self.actor_role,
            self.actor_department,
            self.actor_kind,
            self.action,
            self.what,
            at,
        ]
        # JSON keeps field boundaries unambiguous ("ab","c" differs from "a","bc").
        payload = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(payload.encode()).hexdigest()


class EmailNotice(models.Model):
    """When a person was last emailed about a plan, so they get at most one email an hour."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan", "recipient"], name="plans_one_notice_row")
        ]

    def __str__(self):
        return f"{self.recipient_id} {self.sent_at}"


# --- The citizen's network ---------------------------------------------------------------------


class Relation(models.TextChoices):
    """Who a network member is to the citizen, in the citizen's words."""

    FAMILY = "family", _("Familie")
    FRIEND = "friend", _("Ven")
    NEIGHBOUR = "neighbour", _("Nabo")
    VOLUNTEER = "volunteer", _("Frivillig")
    ASSOCIATION = "association", _("Forening")
    EMPLOYER = "employer", _("Arbejdsgiver")
    PROFESSIONAL = "professional", _("Fagperson")
    OTHER = "other", _("Andet")


class Invitation(models.Model):
    """The citizen asks someone into their network. The link's token is only in the email; the
    database keeps its sha256, so a copy of the database opens no plan (plans.tokens)."""

    VALID_DAYS = 14
    # Personal data: kept out of Wagtail's reference index and so out of the admin's "usage".
    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        SENT = "sent", _("Sendt")
        ACCEPTED = "accepted", _("Accepteret")
        DECLINED = "declined", _("Afvist")
        WITHDRAWN = "withdrawn", _("Trukket tilbage")
        # "Udløbet" is not stored: it is a sent invitation past expires_at (see `state`).

    EXPIRED = "expired"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="invitations")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("navn"), max_length=120)
    email = models.EmailField(_("e-mail"))
    relation = models.CharField(_("relation"), max_length=20, choices=Relation.choices)
    whole_plan = models.BooleanField(_("hele planen"), default=False)
    goals = models.ManyToManyField(Goal, blank=True, related_name="+", verbose_name=_("mål"))
    message = models.TextField(_("personlig besked"), blank=True, max_length=1000)
    token_hash = models.CharField(max_length=64, unique=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SENT)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitationer")

    def __str__(self):
        return f"{self.name} <{self.email}>"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.SENT and self.expires_at > timezone.now()

    @property
    def state(self) -> str:
        """What the citizen sees: sendt, accepteret, afvist, udløbet or trukket tilbage."""
        if self.status == self.Status.SENT and not self.is_open:
            return self.EXPIRED
        return self.status

    def get_state_display(self) -> str:
        if self.state == self.EXPIRED:
            return _("Udløbet")
        return self.get_status_display()


class NetworkMembership(models.Model):
    """A person who accepted an invitation: sees the goals in scope, comments and offers help
    there, until the citizen removes them or they leave."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Med i netværket")
        REMOVED = "removed", _("Fjernet")
        LEFT = "left", _("Har forladt netværket")

    wagtail_reference_index_ignore = True

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="network")
    # SET_NULL: a member who deletes their account leaves the membership (and so their offers)
    # in the plan's history, without a link to the person.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="network_memberships",
    )
    invitation = models.OneToOneField(
        Invitation, on_delete=models.SET_NULL, null=True, blank=True, related_name="membership"
    )
    # The name the citizen gave; shown instead of the account's name or email address.
    name = models.CharField(_("navn"), max_length=120)
    relation = models.CharField(_("relation"), max_length=20, choices=Relation.choices)
    whole_plan = models.BooleanField(_("hele planen"), default=False)
    goals = models.ManyToManyField(Goal, blank=True, related_name="+", verbose_name=_("mål"))
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    joined_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("netværksmedlem")
        verbose_name_plural = _("netværk")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "user"],
                condition=Q(status="active"),
                name="plans_one_active_membership_per_person",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.get_relation_display()})"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


class Offer(models.Model):
    """Help a network member offers towards one goal; the citizen says yes or no thanks."""

    class Kind(models.TextChoices):
        PRACTICAL = "practical", _("Praktisk hjælp")
        TRANSPORT = "transport", _("Transport")
        COMPANY = "company", _("Selskab")
        KNOWLEDGE = "knowledge", _("Viden og erfaring")
        JOB = "job", _("Job eller praktik")
        OTHER = "other", _("Andet")

    class Status(models.TextChoices):
        WAITING = "waiting", _("Venter på svar")
        ACCEPTED = "accepted", _("Ja tak")
        DECLINED = "declined", _("Nej tak")

    wagtail_reference_index_ignore = True

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="offers")
    membership = models.ForeignKey(
        NetworkMembership, on_delete=models.CASCADE, related_name="offers"
    )
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="offers")
    kind = models.CharField(_("slags hjælp"), max_length=20, choices=Kind.choices)
    what = models.TextField(_("hvad vil du hjælpe med"), max_length=500)
    when = models.CharField(_("hvornår eller hvor tit"), max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.WAITING)
    answer = models.TextField(_("svar"), blank=True, max_length=500)
    created_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("tilbud om hjælp")
        verbose_name_plural = _("tilbud om hjælp")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.what[:60]}"


# --- The citizen's own data ---------------------------------------------------------------------


class ErasureRequest(models.Model):
    """A citizen asks for their data to be deleted. The coordinator decides: the municipality
    must keep case records by law, so the app records the request and tells the coordinator."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="erasure_requests")
    citizen = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("bedt om"), default=timezone.now)
    notified_at = models.DateTimeField(null=True, blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("anmodning om sletning")
        verbose_name_plural = _("anmodninger om sletning")

    def __str__(self):
        return f"{self.plan_id} {self.requested_at:%d.%m.%Y}"
