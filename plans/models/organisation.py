"""The municipality's side of a plan: departments, teams and how staff present themselves."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .validators import single_line


class Department(models.Model):
    """A part of the municipality the citizen meets, e.g. Jobcenter or Socialafdelingen."""

    name = models.CharField(_("navn"), max_length=120, unique=True, validators=[single_line])

    class Meta:
        ordering = ["name"]
        verbose_name = _("afdeling")
        verbose_name_plural = _("afdelinger")

    def __str__(self):
        return self.name


class Team(models.Model):
    """The staff who share a group of plans. A caseworker sees only the plans of their teams."""

    name = models.CharField(_("navn"), max_length=120, unique=True, validators=[single_line])
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
    name = models.CharField(_("navn"), max_length=120, validators=[single_line])
    role = models.CharField(
        _("rolle"), max_length=120, help_text=_("Fx Jobkonsulent."), validators=[single_line]
    )
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="staff", verbose_name=_("afdeling")
    )
    phone = models.CharField(_("telefon"), max_length=40, blank=True, validators=[single_line])
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
