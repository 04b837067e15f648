"""The citizen hears at once about a new decision: she has a deadline to complain."""

from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext as _

from ..models import Decision
from .delivery import notice_record, site_url

DECISION = "decision"


def decision_notice_record(*, decision: Decision) -> int:
    """Hold an urgent notice for the citizen: a decision, and the last day to complain. Not
    what was decided: that is read behind the login. Called in the save's transaction."""
    plan = decision.plan
    with translation.override(settings.LANGUAGE_CODE):
        deadline = formats.date_format(decision.complaint_deadline, "j. F Y")
        held = notice_record(
            recipient=plan.citizen,
            plan=plan,
            kind=DECISION,
            subject=_("Du har fået en afgørelse fra kommunen"),
            lines=[
                _("Læs den, når du logger ind. Der står, hvorfor, og hvad det betyder for dig."),
                _("Er du uenig, kan du klage til og med den %(deadline)s.")
                % {"deadline": deadline},
            ],
            link=site_url("plans:min_plan") + f"#afgoerelse-{decision.pk}",
            link_text=_("Læs afgørelsen"),
            urgent=True,
        )
    return int(held is not None)
