""" "Læg i kalender": the .ics files read back by a real parser (icalendar), with Danish times
through a summer-time change, hostile text escaped per RFC 5545, a UID that stays when the
meeting moves and a SEQUENCE that grows, and nobody but the citizen getting anything."""

import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from plans.calendar.access import calendar_read_record
from plans.calendar.ics import Event, calendar_file, escape
from plans.models import AccessLogEntry, Meeting, NetworkMembership, Relation
from plans.network import services as network_services
from tests.plans.factories import admin_edit_data, admin_row, citizen

CPH = ZoneInfo("Europe/Copenhagen")
PAYLOADS = [
    line
    for line in (Path(__file__).parents[1] / "browser" / "xss_payloads.txt")
    .read_text()
    .splitlines()
    if line.strip() and not line.startswith("# ")
]
RFC_HOSTILE = [
    "Rådhuset, Torvet 1; mødelokale 3",
    "C:\\Users\\mette\\papirer, kopi; og mere\\n (ikke en ny linje)",
    "Første linje\nAnden linje\r\nTredje\rFjerde",
    "x\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil@example.invalid",
    "æøå " * 40,
]


def _calendar(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    return icalendar.Calendar.from_ical(response.content)


def _events(cal):
    return list(cal.walk("VEVENT"))


def _last_sunday(year, month):
    day = datetime.date(year, month + 1, 1) - datetime.timedelta(days=1)
    return day - datetime.timedelta(days=(day.weekday() - 6) % 7)


@pytest.fixture
def mette(client, mettes):
    client.force_login(mettes.citizen)
    return client


def _meeting(plan, **fields) -> Meeting:
    defaults = {"starts_at": timezone.now() + datetime.timedelta(days=10), "place": "Rådhuset"}
    return Meeting.objects.create(plan=plan, **{**defaults, **fields})


def test_one_meeting_reads_back_with_place_who_and_what_to_bring(mette, mettes):
    meeting = _meeting(
        mettes.plan,
        starts_at=datetime.datetime(2027, 1, 12, 10, 0, tzinfo=CPH),
        place="Jobcentret, Torvet 1",
        participants="Dig, Anne og Jonas",
        bring="Dit sundhedskort; din kalender",
        online_url="https://moede.example.dk/rum/7",
    )
    cal = _calendar(mette.get(reverse("plans:meeting_calendar", args=[meeting.pk])))
    (event,) = _events(cal)
    start = event.decoded("dtstart")
    assert start == datetime.datetime(2027, 1, 12, 10, 0, tzinfo=CPH)
    assert start.utcoffset() == datetime.timedelta(hours=1)
    assert event["DTSTART"].params["TZID"] == "Europe/Copenhagen"
    assert event.decoded("duration") == datetime.timedelta(hours=1)
    assert str(event["LOCATION"]) == "Jobcentret, Torvet 1"
    description = str(event["DESCRIPTION"])
    assert "Hvem kommer: Dig, Anne og Jonas" in description.splitlines()
    assert "Tag med: Dit sundhedskort; din kalender" in description.splitlines()
    assert "Link til mødet: https://moede.example.dk/rum/7" in description.splitlines()
    assert str(event["UID"]) == f"meeting-{meeting.pk}@testserver"
    assert event.get("DTSTAMP") is not None
    # The address names the meeting by its id only: no name, date or place.
    assert reverse("plans:meeting_calendar", args=[meeting.pk]) == (
        f"/min-plan/kalender/moede/{meeting.pk}/"
    )


def test_times_are_right_on_both_sides_of_the_summer_time_change(mette, mettes):
    """The file's own VTIMEZONE (not only the parser's knowledge of Europe/Copenhagen) puts
    10.00 on the Saturday before and the Sunday of the change at 09.00 and 08.00 UTC."""
    Meeting.objects.filter(plan=mettes.plan).delete()
    year = timezone.localdate().year + 1
    change = _last_sunday(year, 3)
    before = datetime.datetime.combine(change - datetime.timedelta(days=1), datetime.time(10))
    after = datetime.datetime.combine(change, datetime.time(10))
    autumn = datetime.datetime.combine(_last_sunday(year, 10), datetime.time(10))
    for local in (before, after, autumn):
        _meeting(mettes.plan, starts_at=local.replace(tzinfo=CPH))
    cal = _calendar(mette.get(reverse("plans:calendar")))
    own_zone = cal.walk("VTIMEZONE")[0].to_tz()
    utc_hours = []
    for event in _events(cal):
        raw = event["DTSTART"].to_ical().decode()  # the local wall time as written
        naive = datetime.datetime.strptime(raw, "%Y%m%dT%H%M%S")
        assert naive.time() == datetime.time(10)
        by_own_rules = naive.replace(tzinfo=own_zone)
        assert by_own_rules == event.decoded("dtstart")
        utc_hours.append(by_own_rules.astimezone(datetime.UTC).hour)
    assert utc_hours == [9, 8, 9]


def test_hostile_text_is_escaped_and_reads_back_unchanged():
    """Every XSS payload and the RFC's own special characters (\\ ; , and newlines) come back
    exactly, one VEVENT stays one VEVENT, and no line is longer than 75 octets."""
    now = timezone.now()
    texts = PAYLOADS + RFC_HOSTILE
    events = [
        Event(
            uid=f"meeting-{n}@testserver",
            sequence=0,
            starts_at=now,
            duration_minutes=60,
            summary=text,
            location=text[:200],
            description=f"Hvem kommer: {text}\nTag med: {text}",
        )
        for n, text in enumerate(texts)
    ]
    raw = calendar_file(events, now=now)
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
        assert b"\n" not in line and b"\r" not in line
        line.decode()  # never a UTF-8 character cut in two by the folding
    cal = icalendar.Calendar.from_ical(raw)
    parsed = _events(cal)
    assert len(parsed) == len(texts)
    normalised = [t.replace("\r\n", "\n").replace("\r", "\n") for t in texts]
    assert [str(e["SUMMARY"]) for e in parsed] == normalised
    assert [str(e["LOCATION"]) for e in parsed] == [t[:200] for t in normalised]
    assert [str(e["UID"]) for e in parsed] == [
        f"meeting-{n}@testserver" for n in range(len(texts))
    ]


def test_escaping_follows_rfc_5545_section_3_3_11():
    assert escape("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"
    assert escape("bell\x07 and tab\t") == "bell and tab\t"


def test_hostile_meeting_text_through_the_page(mette, mettes):
    hostile = "<script>window.__xss=1</script>, ; \\ \nEND:VCALENDAR"
    meeting = _meeting(mettes.plan, place=hostile[:200], participants=hostile, bring=hostile)
    cal = _calendar(mette.get(reverse("plans:meeting_calendar", args=[meeting.pk])))
    (event,) = _events(cal)
    assert str(event["LOCATION"]) == hostile
    assert str(event["DESCRIPTION"]).startswith(f"Hvem kommer: {hostile}\nTag med: {hostile}\n")


def test_a_moved_meeting_keeps_its_uid_and_its_sequence_grows(mette, mettes, client):
    meeting = mettes.plan.meetings.get()
    url = reverse("plans:meeting_calendar", args=[meeting.pk])
    first = _events(_calendar(mette.get(url)))[0]
    assert int(first["SEQUENCE"]) == 0

    # The coordinator moves it in the admin, as she would.
    staff = Client()
    staff.force_login(mettes.coordinator)
    data = admin_edit_data(staff, mettes.plan)
    row = admin_row(data, "meetings", meeting.pk)
    new_start = (timezone.localtime() + datetime.timedelta(days=6)).replace(
        hour=13, minute=30, second=0, microsecond=0
    )
    data[f"{row}-starts_at"] = new_start.strftime("%Y-%m-%d %H:%M")
    assert staff.post(reverse("planer:edit", args=[mettes.plan.pk]), data).status_code == 302

    moved = _events(_calendar(mette.get(url)))[0]
    assert str(moved["UID"]) == str(first["UID"])
    assert int(moved["SEQUENCE"]) == 1
    assert moved.decoded("dtstart") == new_start

    # A save that changes nothing of when or where is not a new revision.
    data = admin_edit_data(staff, mettes.plan)
    assert staff.post(reverse("planer:edit", args=[mettes.plan.pk]), data).status_code == 302
    assert int(_events(_calendar(mette.get(url)))[0]["SEQUENCE"]) == 1


def test_the_plan_file_holds_every_coming_meeting_and_no_past_one(mette, mettes):
    _meeting(mettes.plan, starts_at=timezone.now() - datetime.timedelta(days=2), place="Før")
    _meeting(mettes.plan, starts_at=timezone.now() + datetime.timedelta(days=20), place="Senere")
    cal = _calendar(mette.get(reverse("plans:calendar")))
    places = [str(e["LOCATION"]) for e in _events(cal)]
    assert places == ["Rådhuset, mødelokale 2", "Senere"]
    assert len({str(e["UID"]) for e in _events(cal)}) == 2


def test_min_plan_offers_the_download_links(mette, mettes):
    _meeting(mettes.plan, place="Senere")
    body = mette.get(reverse("plans:min_plan")).content.decode()
    for meeting in mettes.plan.meetings.all():
        assert reverse("plans:meeting_calendar", args=[meeting.pk]) in body
    assert reverse("plans:calendar") in body
    assert "Læg i kalender" in body


@pytest.mark.parametrize("bad", ["foreign", "unknown", "huge"])
def test_a_foreign_unknown_or_malformed_meeting_id_is_the_plain_404(mette, mettes, bad):
    pk = {
        "foreign": mettes.other_plan.meetings.get().pk,
        "unknown": 987654,
        "huge": 10**30,
    }[bad]
    response = mette.get(reverse("plans:meeting_calendar", args=[pk]))
    assert response.status_code == 404
    assert b"VCALENDAR" not in response.content
    assert mette.get("/min-plan/kalender/moede/abc/").status_code == 404


def _removed_member(world):
    person = citizen(email="fjernet@example.dk", first_name="Lene")
    membership = NetworkMembership.objects.create(
        plan=world.plan, user=person, name="Lene", relation=Relation.FAMILY, whole_plan=True
    )
    network_services.membership_remove(membership=membership, by=world.citizen)
    return person


def _active_member(world):
    person = citizen(email="soester@example.dk", first_name="Lene")
    NetworkMembership.objects.create(
        plan=world.plan, user=person, name="Lene", relation=Relation.FAMILY, whole_plan=True
    )
    return person


WHO = {
    "coordinator": lambda w: w.coordinator,
    "staff_outside_team": lambda w: w.outsider,
    "other_citizen": lambda w: w.other_citizen,
    "editor": lambda w: w.editor,
    "member_whole_plan": _active_member,
    "removed_member": _removed_member,
}


@pytest.mark.parametrize("who", WHO)
def test_nobody_but_the_citizen_gets_her_meetings(mettes, who):
    user = WHO[who](mettes)
    client = Client()
    client.force_login(user)
    meeting = mettes.plan.meetings.get()
    before = AccessLogEntry.objects.filter(plan=mettes.plan).count()

    one = client.get(reverse("plans:meeting_calendar", args=[meeting.pk]))
    assert one.status_code == 404
    everything = client.get(reverse("plans:calendar"))
    if who == "other_citizen":
        # Ali gets his own meetings, never Mette's.
        uids = [str(e["UID"]) for e in _events(_calendar(everything))]
        assert uids == [f"meeting-{mettes.other_plan.meetings.get().pk}@testserver"]
    else:
        assert everything.status_code == 404
    assert b"R\xc3\xa5dhuset, m\xc3\xb8delokale 2" not in one.content + everything.content
    assert AccessLogEntry.objects.filter(plan=mettes.plan).count() == before


def test_anonymous_is_sent_to_log_in(mettes):
    meeting = mettes.plan.meetings.get()
    for url in (reverse("plans:meeting_calendar", args=[meeting.pk]), reverse("plans:calendar")):
        response = Client().get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/login/")


def test_her_own_download_is_not_logged_a_download_by_anyone_else_is(mette, mettes):
    before = AccessLogEntry.objects.filter(plan=mettes.plan).count()
    mette.get(reverse("plans:calendar"))
    mette.get(reverse("plans:meeting_calendar", args=[mettes.plan.meetings.get().pk]))
    assert AccessLogEntry.objects.filter(plan=mettes.plan).count() == before

    # The seam the helper comes through: a download by another person is a read of her plan.
    calendar_read_record(plan=mettes.plan, user=mettes.coordinator, what="Hentede et møde")
    entry = AccessLogEntry.objects.filter(plan=mettes.plan).latest("pk")
    assert (entry.actor_id, entry.action, entry.what) == (
        mettes.coordinator.pk,
        AccessLogEntry.Action.READ,
        "Hentede et møde",
    )


def test_a_download_by_a_member_is_logged_with_the_name_she_gave_them(mettes):
    """The helper's downloads will come through here (issue 17): named as Mette knows them."""
    person = _active_member(mettes)
    membership = NetworkMembership.objects.get(user=person)
    calendar_read_record(
        plan=mettes.plan, user=person, what="Hentede møderne", membership=membership
    )
    entry = AccessLogEntry.objects.filter(plan=mettes.plan).latest("pk")
    assert (entry.actor_name, entry.actor_kind, entry.what) == (
        "Lene",
        "network",
        "Hentede møderne",
    )


# --- The trusted helper ---


def _helper(world, *, ended=False):
    person = _active_member(world)
    membership = NetworkMembership.objects.get(user=person)
    network_services.helper_ask(membership=membership, by=world.citizen, sees_access_log=False)
    network_services.helper_accept(membership=membership)
    if ended:
        network_services.helper_end(membership=membership, by=world.citizen)
    client = Client()
    client.force_login(person)
    return client


def test_her_helper_downloads_her_meetings_and_it_is_in_her_access_log(mettes):
    helper = _helper(mettes)
    meeting = mettes.plan.meetings.get()
    page = helper.get(reverse("network:helper_plan", args=[mettes.plan.pk])).content.decode()
    link = reverse("network:helper_meeting_calendar", args=[mettes.plan.pk, meeting.pk])
    assert link in page

    one = helper.get(link)
    everything = helper.get(reverse("network:helper_calendar", args=[mettes.plan.pk]))

    for response in (one, everything):
        assert response.status_code == 200
        assert [str(e["UID"]) for e in _events(_calendar(response))] == [
            f"meeting-{meeting.pk}@testserver"
        ]
    logged = list(
        AccessLogEntry.objects.filter(plan=mettes.plan, what__contains="kalenderen")
        .order_by("pk")
        .values_list("actor_name", "what")
    )
    assert logged == [
        ("Lene", "Hentede et møde til kalenderen (som hjælper)"),
        ("Lene", "Hentede møderne til kalenderen (som hjælper)"),
    ]


@pytest.mark.parametrize("who", ["ended_helper", "member_whole_plan", "other_citizen"])
def test_only_a_helper_whose_role_holds_gets_the_helper_calendar(mettes, who):
    if who == "ended_helper":
        client = _helper(mettes, ended=True)
    else:
        client = Client()
        client.force_login(WHO[who](mettes))
    meeting = mettes.plan.meetings.get()
    before = AccessLogEntry.objects.filter(plan=mettes.plan).count()
    for url in (
        reverse("network:helper_meeting_calendar", args=[mettes.plan.pk, meeting.pk]),
        reverse("network:helper_calendar", args=[mettes.plan.pk]),
    ):
        assert client.get(url).status_code == 404
    assert AccessLogEntry.objects.filter(plan=mettes.plan).count() == before


def test_a_helper_gets_no_meeting_of_another_plan_through_her_own(mettes):
    helper = _helper(mettes)
    foreign = mettes.other_plan.meetings.get()
    url = reverse("network:helper_meeting_calendar", args=[mettes.plan.pk, foreign.pk])
    assert helper.get(url).status_code == 404
