"""Demo accounts for `seed_demo`: verified email, one shared password."""

import os

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

DEFAULT_DEMO_PASSWORD = "demo-faellesplan"  # noqa: S105 - demo only; seed_demo refuses outside DEBUG


def demo_password() -> str:
    return os.environ.get("DEMO_PASSWORD", DEFAULT_DEMO_PASSWORD)


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
    return user
