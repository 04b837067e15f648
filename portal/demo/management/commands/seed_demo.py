"""Load the demo data of DESIGN.md: idempotent, and only where DEBUG is on."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.demo.accounts import demo_password, demo_totp_secret, ensure_demo_user
from portal.demo.network import seed_network
from portal.demo.pages import seed_pages
from portal.demo.plans import seed_plans


def seed_editors():
    ensure_demo_user(
        email="redaktoer@example.dk",
        first_name="Rasmus",
        last_name="Redaktør",
        groups=["Redaktører"],
    )


def seed_communication_staff():
    # Editors ("Redaktører", above) write; this person approves and publishes their pages.
    ensure_demo_user(
        email="kommunikation@example.dk",
        first_name="Karen",
        last_name="Kommunikation",
        groups=["Kommunikationsansvarlige"],
    )


def seed_leader():
    # A leader follows "Borgeroplevet værdi" across every team, and sees no plan.
    ensure_demo_user(
        email="leder@example.dk", first_name="Lis", last_name="Leder", groups=["Ledere"]
    )


# The demo builders run in this order, and each is safe to run again.
SEEDERS = [
    seed_pages,
    seed_editors,
    seed_communication_staff,
    seed_leader,
    seed_plans,
    seed_network,
]


class Command(BaseCommand):
    help = "Create or refresh the demo users and pages (development only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("seed_demo only runs with DEBUG on: it sets known passwords.")
        with transaction.atomic():
            for seeder in SEEDERS:
                seeder()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready. Every demo user has the password: {demo_password()}"
            )
        )
        self.stdout.write(
            "Staff and editors also need a code from an authenticator app with the secret "
            f"{demo_totp_secret()} (e.g. `oathtool --totp -b {demo_totp_secret()}`)."
        )
