"""Demo accounts for `seed_demo`: verified email, one shared password, and for everyone who
reaches the admin a TOTP authenticator with one shared, known secret."""

import os

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from allauth.mfa.utils import decrypt, encrypt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from portal.security import requires_mfa

DEFAULT_DEMO_PASSWORD = "demo-faellesplan"  # noqa: S105 - demo only; seed_demo refuses outside DEBUG


def demo_password() -> str:
    return os.environ.get("DEMO_PASSWORD", DEFAULT_DEMO_PASSWORD)


DEFAULT_DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXP"  # noqa: S105 - demo only, like the password


def demo_totp_secret() -> str:
    return os.environ.get("DEMO_TOTP_SECRET", DEFAULT_DEMO_TOTP_SECRET)


def ensure_demo_totp(user) -> Authenticator:
    """Enroll the user in TOTP with the demo secret, or set the existing authenticator's secret
    to it, so demos and tests can compute the code."""
    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if authenticator is None:
        return TOTP.activate(user, demo_totp_secret()).instance
    if decrypt(authenticator.data["secret"]) != demo_totp_secret():
        authenticator.data = {**authenticator.data, "secret": encrypt(demo_totp_secret())}
        authenticator.save(update_fields=["data"])
    return authenticator


def ensure_demo_user(*, email: str, first_name: str, last_name: str = "", groups=()):
    user, created = get_user_model().objects.get_or_create(
        email=email, defaults={"first_name": first_name, "last_name": last_name}
    )
    user.first_name, user.last_name = first_name, last_name
    user.set_password(demo_password())
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    if requires_mfa(user):
        ensure_demo_totp(user)
    return user
