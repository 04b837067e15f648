from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from . import glossary


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Indhold")

    def ready(self):
        # Any change to the word list, from the admin, a migration or the shell, gives the
        # compiled glossary a new version (cache invalidation, not a business rule).
        for signal in (post_save, post_delete):
            signal.connect(
                glossary.on_glossary_term_changed,
                sender="home.GlossaryTerm",
                dispatch_uid=f"home.glossary.{signal is post_save}",
            )
