"""Check that no access log entry was changed, removed or slipped in behind the app's back."""

from django.core.management.base import BaseCommand, CommandError

from plans.access_log import access_log_verify
from plans.models import AccessLogEntry


class Command(BaseCommand):
    help = "Verify the hash chain of every plan's access log; exit 1 at the first broken link."

    def add_arguments(self, parser):
        parser.add_argument(
            "--plan", type=int, action="append", help="Only this plan (repeatable)."
        )

    def handle(self, *args, plan=None, **options):
        problems = access_log_verify(plan_ids=plan)
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(
                f"The access log is broken in {len(problems)} plan(s); first: {problems[0]}"
            )
        count = AccessLogEntry.objects.filter(**({"plan_id__in": plan} if plan else {})).count()
        self.stdout.write(self.style.SUCCESS(f"Access log intact: {count} entries checked."))
