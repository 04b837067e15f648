"""Send every notice that is due: the daily and weekly digests, and anything an interrupted
worker claimed but did not send. Safe to run as often as you like (cron every 5 minutes)."""

from django.core.management.base import BaseCommand

from plans import notices


class Command(BaseCommand):
    help = "Send due notices and digests (idempotent; run from cron every few minutes)."

    def handle(self, *args, **options):
        sent = notices.notices_deliver()
        self.stdout.write(f"{sent} e-mails sendt.")
