"""Check that no access log entry was changed, removed or slipped in behind the app's back."""

from django.core.management.base import BaseCommand, CommandError

from plans.access_log import access_log_check, access_log_keys


class Command(BaseCommand):
    help = (
        "Verify every plan's access log chain and its HMAC under ACCESS_LOG_KEY (or a key in "
        "ACCESS_LOG_OLD_KEYS); name the first entry that fails in each plan, exit 1 if any."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--plan", type=int, action="append", help="Only this plan (repeatable)."
        )

    def handle(self, *args, plan=None, **options):
        report = access_log_check(plan_ids=plan)
        keys = access_log_keys()
        if report.breaks:
            for problem in report.breaks:
                self.stderr.write(str(problem))
            raise CommandError(
                f"The access log is broken in {len(report.breaks)} plan(s); "
                f"first: {report.breaks[0]}"
            )
        signed = ", ".join(
            f"{count} by key {key_id} ({keys[key_id][1]})"
            for key_id, count in report.by_key.items()
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Access log intact: {report.checked} entries checked"
                + (f"; signed {signed}." if signed else ".")
            )
        )
