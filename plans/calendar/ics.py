"""A calendar file (RFC 5545) of meetings, written by hand: one VCALENDAR, one VEVENT a meeting.

About sixty lines instead of the `icalendar` package as a runtime dependency: we only ever write
this one shape, and the rules that matter (escaping §3.3.11, folding §3.1, a stable UID and a
growing SEQUENCE §3.8.7.4) are few and tested against `icalendar` reading the file back.
Times are local to Europe/Copenhagen with their VTIMEZONE, so a phone shows 10.00 as 10.00
whatever zone it is in, summer time included.
"""

import datetime
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

TZID = "Europe/Copenhagen"
ZONE = ZoneInfo(TZID)
# Danish time since 1996: CEST from the last Sunday of March 02:00, CET from the last Sunday of
# October 03:00. The rules, not a table of years, so the file is right for any date.
VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]
# Control characters are not allowed in TEXT (§3.3.11); a tab is, a newline is escaped.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass
class Event:
    uid: str
    sequence: int
    starts_at: datetime.datetime  # aware
    duration_minutes: int
    summary: str
    location: str
    description: str
    url: str = ""


def escape(text: str) -> str:
    """TEXT as §3.3.11 wants it: backslash first, then ; and , and every kind of newline."""
    text = str(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return CONTROL.sub("", text)


def fold(line: str) -> str:
    """Lines of at most 75 octets (§3.1), continued with a space, never cutting a UTF-8
    character in two (æ, ø and å are two octets each)."""
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode())
        if size + width > 75:
            parts.append(current)
            current, size = " ", 1
        current += char
        size += width
    parts.append(current)
    return "\r\n".join(parts)


def _local(value: datetime.datetime) -> str:
    return value.astimezone(ZONE).strftime("%Y%m%dT%H%M%S")


def calendar_file(events: list[Event], *, now: datetime.datetime) -> bytes:
    stamp = now.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Fællesplan//Min plan//DA"]
    lines += ["CALSCALE:GREGORIAN", "METHOD:PUBLISH", *VTIMEZONE]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"SEQUENCE:{event.sequence}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;TZID={TZID}:{_local(event.starts_at)}",
            f"DURATION:PT{event.duration_minutes}M",
            f"SUMMARY:{escape(event.summary)}",
            f"LOCATION:{escape(event.location)}",
            f"DESCRIPTION:{escape(event.description)}",
        ]
        if event.url:
            lines.append(f"URL:{CONTROL.sub('', event.url)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode()
