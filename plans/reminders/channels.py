"""The way a reminder reaches a person. Email now, through the notices (so the person's email
settings and the one sending path apply, plans.notices.delivery); an SMS or Digital Post
channel later is one more class with the same `send`. Tests pass a fake that only records."""

from dataclasses import dataclass
from typing import Protocol

from ..models import Plan
from ..notices.delivery import notice_record


@dataclass(frozen=True)
class Reminder:
    kind: str
    subject: str
    lines: list[str]
    link: str
    link_text: str
    urgent: bool


class Channel(Protocol):
    def send(self, *, recipient, plan: Plan, reminder: Reminder, now) -> bool:
        """Hand the reminder on inside the caller's transaction; False when it cannot reach
        the person (then nothing is marked as sent)."""


class EmailChannel:
    """A notice held for the person: sent at once when urgent, else in their digest."""

    def send(self, *, recipient, plan: Plan, reminder: Reminder, now) -> bool:
        notice = notice_record(
            recipient=recipient,
            plan=plan,
            kind=f"reminder_{reminder.kind}",
            subject=reminder.subject,
            lines=reminder.lines,
            link=reminder.link,
            link_text=reminder.link_text,
            urgent=reminder.urgent,
            now=now,
        )
        return notice is not None
