from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def create_cache_table(*, using, **kwargs):
    """allauth's rate limits and used one-time codes live in the shared cache. The embedded
    default is Django's database cache; making its table after every `migrate` means a fresh
    clone, CI and production need no extra step. The command is idempotent and does nothing
    for Redis."""
    call_command("createcachetable", database=using, verbosity=0)


class AccountsConfig(AppConfig):
    name = "portal.accounts"
    label = "accounts"
    verbose_name = _("Brugere")

    def ready(self):
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="accounts_cache_table")
