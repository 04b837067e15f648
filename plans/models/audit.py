"""The staff audit log: a caseworker's lookup of a person that made no plan.

A lookup that makes a plan is written to that plan's access log (the citizen sees it); one that
makes none has no plan to log it in, so it lands here, for superusers to read in the admin.
The identifier the caseworker typed (an email address, a MitID/CPR claim) is kept only as a
keyed hash (HMAC-SHA256 with a key from the settings, never stored in the database): a reader of
this table cannot recover the address, nor test guesses against it without the key, yet whoever
holds the key can answer "did anyone look up this person?" (see identifier_hash)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _


class AppendOnly(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Audit entries cannot be changed.")

    def delete(self):
        raise PermissionError("Audit entries cannot be deleted.")


def identifier_hash(identifier: str) -> str:
    """The same hash for the same identifier however it was typed (case, spaces around it)."""
    normalised = (identifier or "").strip().lower()
    return salted_hmac("plans.StaffLookup", normalised, algorithm="sha256").hexdigest()


class StaffLookup(models.Model):
    class Kind(models.TextChoices):
        EMAIL = "email", _("E-mailadresse")
        MITID = "mitid", _("MitID-oplysning")

    class Outcome(models.TextChoices):
        NO_PLAN = "no_plan", _("Ingen plan oprettet")

    at = models.DateTimeField(_("tidspunkt"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(_("medarbejder"), max_length=200)
    kind = models.CharField(_("søgt på"), max_length=10, choices=Kind.choices)
    identifier_hash = models.CharField(_("nøglet hash af det søgte"), max_length=64)
    found = models.BooleanField(
        _("fandt en person, der kan få en plan"),
        help_text=_(
            "Sand, når personen fandtes, men planen ikke blev gemt (fx fejl i formularen)."
        ),
    )
    outcome = models.CharField(_("udfald"), max_length=10, choices=Outcome.choices)

    objects = AppendOnly.as_manager()

    class Meta:
        verbose_name = _("opslag uden plan")
        verbose_name_plural = _("opslag uden plan")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.actor_name} {self.at:%Y-%m-%d %H:%M} {self.get_outcome_display()}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit entries cannot be deleted.")
