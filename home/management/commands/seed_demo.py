"""Load the demo data of DESIGN.md: idempotent, and only where DEBUG is on."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.demo import seed_pages
from portal.accounts.demo import demo_password, ensure_demo_user


class Command(BaseCommand):
    help = "Create or refresh the demo users and pages (development only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("seed_demo only runs with DEBUG on: it sets known passwords.")
        seed_pages()
        ensure_demo_user(
            email="redaktoer@example.dk",
            first_name="Rasmus",
            last_name="Redaktør",
            groups=["Redaktører"],
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready. Every demo user has the password: {demo_password()}"
            )
        )
