"""The coordinator hears that a citizen asks for her data to be deleted."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..models import ErasureRequest
from ..people import display_name
from .delivery import notice_record, site_url

ERASURE_REQUEST = "erasure_request"


def erasure_request_notice_record(*, request: ErasureRequest) -> bool:
    """Tell the coordinator at once who asks to be deleted, and where to see the plan; not why
    (the email says no more than needed, like every notice). A coordinator without an account
    in Fællesplan is written to at the profile's address. Called in the request's transaction."""
    plan = request.plan
    coordinator = plan.coordinator
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("%(citizen)s beder om at få slettet sine oplysninger") % {
            "citizen": display_name(request.citizen)
        }
        lines = [
            _(
                "Kommunen skal gemme sagens oplysninger efter loven. Tal med borgeren om, "
                "hvad der skal gemmes, og hvad der kan slettes, og svar borgeren."
            )
        ]
        link = site_url("planer:edit", plan.pk)
        if coordinator.user is not None:
            held = notice_record(
                recipient=coordinator.user,
                plan=plan,
                kind=ERASURE_REQUEST,
                subject=subject,
                lines=lines,
                link=link,
                link_text=_("Se planen"),
                urgent=True,
            )
            sent = held is not None
        elif coordinator.email:
            body = "\n\n".join([_("Hej %(name)s") % {"name": coordinator.name}, *lines, link])
            EmailMessage(
                subject=f"Fællesplan: {subject}", body=body, to=[coordinator.email]
            ).send()
            sent = True
        else:
            sent = False
    if sent:
        ErasureRequest.objects.filter(pk=request.pk).update(notified_at=timezone.now())
    return sent
