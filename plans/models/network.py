"""The citizen's network: invitations, the memberships they become, and offers of help."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .plan import Goal, Plan


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


class InvitationSend(models.Model):
    """One email with an invitation link, first or again ("Send igen"): the daily limits count
    these, so sending again is no way around them."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+")
    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="sends")
    sent_at = models.DateTimeField(default=timezone.now)

    wagtail_reference_index_ignore = True

    class Meta:
        indexes = [models.Index(fields=["plan", "sent_at"], name="plans_invitation_sends_day")]

    def __str__(self):
        return f"{self.invitation_id} {self.sent_at}"


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
    # The trusted helper ("må hjælpe mig med min plan", plans.network.services.helper): the
    # citizen asks (helper_asked_at), the member says yes (helper_since) and then sees the whole
    # plan and acts for her; ending clears both and keeps when (helper_ended_at), so the
    # helper's pages can say why they closed.
    helper_asked_at = models.DateTimeField(null=True, blank=True)
    helper_since = models.DateTimeField(null=True, blank=True)
    helper_ended_at = models.DateTimeField(null=True, blank=True)
    helper_sees_access_log = models.BooleanField(
        _("må se, hvem der har set planen"), default=False
    )
    # The citizen's choice: the helper is reminded of her meetings and complaint deadlines too.
    helper_reminded = models.BooleanField(_("får også påmindelser"), default=False)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("netværksmedlem")
        verbose_name_plural = _("netværk")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "user"],
                condition=Q(status="active"),
                name="plans_one_active_membership_per_person",
            ),
            # One helper per plan, asked or accepted: two would be two people acting for her.
            models.UniqueConstraint(
                fields=["plan"],
                condition=Q(status="active", helper_asked_at__isnull=False),
                name="plans_one_helper_per_plan",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_relation_display()})"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def is_helper(self) -> bool:
        return self.is_active and self.helper_since is not None

    @property
    def is_asked_to_help(self) -> bool:
        return self.is_active and self.helper_asked_at is not None and self.helper_since is None


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
    # The helper who answered for the citizen, by the name she gave them; blank: she answered.
    answered_by_name = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("tilbud om hjælp")
        verbose_name_plural = _("tilbud om hjælp")
        # plans.limits counts one member's offers in the last hour.
        indexes = [
            models.Index(fields=["membership", "created_at"], name="plans_offer_member_recent")
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.what[:60]}"
