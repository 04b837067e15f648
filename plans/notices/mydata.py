"""The coordinator hears that a citizen asks for her data to be deleted."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..models import ErasureRequest
from ..people import display_name
from .delivery import site_url


def erasure_request_notice_send(*, request_id: int) -> bool:
    """Email the coordinator: who asks to be deleted, and where to see the plan. Not why: the
    email says no more than needed, like the other notices."""
    request = (
        ErasureRequest.objects.select_related("plan__coordinator__user", "citizen")
        .filter(pk=request_id, notified_at__isnull=True)
        .first()
    )
    if request is None:
        return False
    coordinator = request.plan.coordinator
    to = (coordinator.user.email if coordinator.user else "") or coordinator.email
    if not to:
        return False
    link = site_url("planer:edit", request.plan_id)
    with translation.override(settings.LANGUAGE_CODE):
        body = "\n\n".join(
            [
                _("Hej %(name)s") % {"name": coordinator.name},
                _("%(citizen)s har bedt om at få slettet sine oplysninger i Fællesplan.")
                % {"citizen": display_name(request.citizen)},
                _(
                    "Kommunen skal gemme sagens oplysninger efter loven. Tal med borgeren om, "
                    "hvad der skal gemmes, og hvad der kan slettes, og svar borgeren."
                ),
                _("Se planen: %(link)s") % {"link": link},
            ]
        )
        EmailMessage(
            subject=_("Fællesplan: en borger beder om sletning"), body=body, to=[to]
        ).send()
    ErasureRequest.objects.filter(pk=request.pk).update(notified_at=timezone.now())
    return True
