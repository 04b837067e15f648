"""Records kept about a plan rather than in it: the access log and erasure requests."""

import datetime
import hashlib
import hmac
import json

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .conversation import AuthorRole
from .plan import Plan


class AppendOnlyQuerySet(models.QuerySet):
    """The access log is evidence for the citizen: the app may add to it, never rewrite it."""

    def update(self, **kwargs):
        raise PermissionError("Access log entries cannot be changed.")

    def delete(self):
        raise PermissionError("Access log entries cannot be deleted.")


class AccessLogEntry(models.Model):
    """Who (staff or network member) read or changed what in a plan, and when.

    Entries form one chain per plan: entry_hash = HMAC-SHA256(key, previous_hash + content),
    keyed with settings.ACCESS_LOG_KEY, which lives outside the database. Editing or removing an
    entry breaks the chain, and without the key nobody can compute a chain that passes
    `verify_access_log` again. key_id names the key that signed the entry (keys rotate; see
    plans.access_log). On PostgreSQL triggers refuse UPDATE and DELETE (migration 0009).
    Only plans.access_log.access_log_record writes entries; it locks the plan row so two
    concurrent writes cannot both chain onto the same predecessor (and the unique constraint
    refuses a fork if a database ignores the lock). The chain covers the copied names, not
    actor_id, because actor_id becomes NULL when a person deletes their account."""

    class Action(models.TextChoices):
        READ = "read", _("Så")
        WRITE = "write", _("Ændrede")

    # PROTECT: a plan with a log cannot be deleted (plans are archived), so no chain is cut off.
    # No index of its own: plans_access_log_chain (plan, id) serves every lookup by plan, and
    # each read by staff or a member writes an entry, so every index costs on the hot path.
    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="access_log", db_index=False
    )
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
    entry_hash = models.CharField(max_length=64)  # unique: plans_access_log_one_hash
    # Which key signed the entry (plans.access_log.access_log_key_id): not secret, covered by
    # the HMAC, so verification can tell "unknown key" from "changed".
    key_id = models.CharField(max_length=16, blank=True, editable=False)

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
            ),
            # A constraint rather than unique=True, which on PostgreSQL adds a second index
            # (varchar_pattern_ops, for LIKE) that nothing uses.
            models.UniqueConstraint(fields=["entry_hash"], name="plans_access_log_one_hash"),
        ]

    def __str__(self):
        return f"{self.actor_name} {self.get_action_display()} {self.what}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("Access log entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Access log entries cannot be deleted.")

    def compute_hash(self, *, key: bytes) -> str:
        """The entry's HMAC under `key` (the one key_id names)."""
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
            self.key_id,
        ]
        # JSON keeps field boundaries unambiguous ("ab","c" differs from "a","bc").
        payload = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
        return hmac.new(key, payload.encode(), hashlib.sha256).hexdigest()


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
