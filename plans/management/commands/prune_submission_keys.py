"""Forget the one-time keys of forms sent more than a day ago (plans.models.SubmissionKey): a
retry comes within minutes; after a day the same form is not sent again. Run daily from cron."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from plans.models import SubmissionKey


class Command(BaseCommand):
    help = "Delete one-time form keys older than a day (idempotent; run daily from cron)."

    def handle(self, *args, **options):
        older = timezone.now() - timedelta(hours=SubmissionKey.KEEP_FOR_HOURS)
        deleted, _ = SubmissionKey.objects.filter(created_at__lt=older).delete()
        self.stdout.write(f"{deleted} engangsnøgler slettet.")
