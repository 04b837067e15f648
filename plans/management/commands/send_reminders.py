"""Send the reminders that are due (a meeting tomorrow, a complaint deadline in a week) and the
urgent email they make. Idempotent: run it from cron every hour (README "Drift")."""

from django.core.management.base import BaseCommand

from plans import notices
from plans.reminders.services import reminders_send


class Command(BaseCommand):
    help = "Send due reminders of meetings and complaint deadlines (idempotent; cron hourly)."

    def handle(self, *args, **options):
        reminded = reminders_send()
        sent = notices.notices_deliver()
        self.stdout.write(f"{reminded} påmindelser, {sent} e-mails sendt.")
