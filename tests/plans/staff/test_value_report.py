"""The report "Borgeroplevet værdi" as staff and leaders use it: the numbers per month, team,
department and kind; "for få svar" under five answers, on the page and in both exports; each
caseworker sees their own teams, a leader all teams and still no plan; nobody else gets in."""

import csv
import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from plans.models import Activity, Feedback, Plan
from plans.staff.value_stats import MIN_GROUP, value_rows
from tests.plans.factories import citizen

YEAR = timezone.localdate().year
MARCH = f"marts {YEAR}"
REPORT = reverse("plans_admin:value_report")
SMALL_GROUP_WORDS = "Kun min sagsbehandler må vide det"
HEADINGS = [
    "Måned",
    "Team",
    "Afdeling",
    "Svar om",
    "Antal svar",
    "Median (1-5)",
    "Andel 4-5 (%)",
]


def _at(month, day, year=YEAR):
    return timezone.make_aware(datetime.datetime(year, month, day, 12))


def _answer(plan, score, when, activity=None, words=""):
    return Feedback.objects.create(
        plan=plan,
        author=plan.citizen,
        activity=activity,
        score=score,
        words=words,
        answered_at=when,
    )


def _activity(world, plan, department, title):
    return Activity.objects.create(
        plan=plan,
        department=department,
        title=title,
        responsible=world.coordinator_profile,
        status=Activity.Status.ONGOING,
        sort_order=0,
    )


@pytest.fixture
def value_world(world):
    """Team Øst: six answers on Mette's plan (median 4, 4 of 6 are 4-5) and three on her
    activity (too few); Team Vest: five answers on Ali's plan, all 3."""
    world.activity = _activity(world, world.plan, world.departments[1], "Samtaler")
    for day, score in enumerate([5, 4, 4, 3, 2, 5], start=1):
        _answer(world.plan, score, _at(3, day), words=f"Ord nummer {day}")
    for day, score in enumerate([1, 2, 1], start=10):
        _answer(world.plan, score, _at(3, day), activity=world.activity, words=SMALL_GROUP_WORDS)
    for day in range(1, 6):
        _answer(world.other_plan, 3, _at(3, day))
    return world


METTE_PLAN_ROW = [MARCH, "Team Øst", "—", "Planen som helhed", "6", "4", "67 %"]
METTE_ACTIVITY_ROW = [
    MARCH,
    "Team Øst",
    "Socialafdelingen",
    "Indsats",
    "3",
    "for få svar",
    "for få svar",
]
ALI_PLAN_ROW = [MARCH, "Team Vest", "—", "Planen som helhed", "5", "3", "0 %"]


def _rows(body):
    """The report table's body rows as lists of cell texts."""
    tbody = re.search(r"<tbody>(.*?)</tbody>", body, re.S)
    if tbody is None:
        return []
    return [
        [
            re.sub(r"\s+", " ", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", tbody.group(1), re.S)
    ]


def _get(client, user, **params):
    client.force_login(user)
    return client.get(REPORT, params)


def _csv_rows(response):
    assert response["Content-Type"] == "text/csv"
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(text)))


def test_five_answers_are_a_group_and_four_are_too_few(client, value_world):
    assert MIN_GROUP == 5
    assert _rows(_get(client, value_world.outsider).content.decode()) == [ALI_PLAN_ROW]
    Feedback.objects.filter(plan=value_world.other_plan).first().delete()
    four = [MARCH, "Team Vest", "—", "Planen som helhed", "4", "for få svar", "for få svar"]
    assert _rows(client.get(REPORT).content.decode()) == [four]


def test_a_caseworker_sees_the_numbers_of_her_team_and_for_faa_svar_for_small_groups(
    client, value_world
):
    response = _get(client, value_world.coordinator)
    assert response.status_code == 200
    body = response.content.decode()
    assert _rows(body) == [METTE_PLAN_ROW, METTE_ACTIVITY_ROW]
    assert '<th scope="col">Median (1-5)</th>' in body
    assert "Team Vest" not in body
    # No citizen's words and nothing of the plan itself reach the report.
    assert SMALL_GROUP_WORDS not in body and "Ord nummer" not in body
    assert "Plan for Mette" not in body


def test_the_export_holds_the_same_rows_and_never_a_small_groups_numbers(client, value_world):
    response = _get(client, value_world.coordinator, export="csv")
    assert response.status_code == 200
    assert 'filename="borgeroplevet-vaerdi-' in response["Content-Disposition"]
    header, *rows = _csv_rows(response)
    assert header == HEADINGS
    assert rows == [
        [MARCH, "Team Øst", "—", "Planen som helhed", "6", "4.0", "67"],
        [MARCH, "Team Øst", "Socialafdelingen", "Indsats", "3", "for få svar", "for få svar"],
    ]


def test_the_xlsx_export_is_a_real_workbook_with_the_same_rows(client, value_world):
    response = _get(client, value_world.coordinator, export="xlsx")
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    assert content[:2] == b"PK"  # a zip, as every xlsx is
    sheet = load_workbook(io.BytesIO(content)).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values == [
        HEADINGS,
        [MARCH, "Team Øst", "—", "Planen som helhed", 6, 4, 67],
        [MARCH, "Team Øst", "Socialafdelingen", "Indsats", 3, "for få svar", "for få svar"],
    ]


def test_a_caseworker_of_another_team_sees_only_her_own_team(client, value_world):
    body = _get(client, value_world.outsider).content.decode()
    assert _rows(body) == [ALI_PLAN_ROW]
    assert "Team Øst" not in body
    # Asking for Mette's team by its id gives no row of it: the filter only offers own teams.
    body = _get(client, value_world.outsider, team=value_world.team.pk).content.decode()
    assert "Team Øst" not in body
    assert _rows(body) == [ALI_PLAN_ROW]
    rows = _csv_rows(_get(client, value_world.outsider, team=value_world.team.pk, export="csv"))
    assert [row[1] for row in rows[1:]] == ["Team Vest"]


def test_a_leader_sees_every_team_but_no_plan(client, value_world):
    body = _get(client, value_world.leader).content.decode()
    assert _rows(body) == [ALI_PLAN_ROW, METTE_PLAN_ROW, METTE_ACTIVITY_ROW]
    body = client.get(REPORT, {"team": value_world.other_team.pk}).content.decode()
    assert _rows(body) == [ALI_PLAN_ROW]

    edit = client.get(reverse("planer:edit", args=[value_world.plan.pk]))
    assert edit.status_code in (302, 403, 404)
    if edit.status_code == 302:
        assert edit["Location"].split("?")[0] == "/admin/"
    assert "Plan for Mette" not in client.get(reverse("planer:index")).content.decode()


def test_the_year_filter_keeps_whole_groups(client, value_world):
    _answer(value_world.plan, 1, _at(11, 20, year=YEAR - 1))
    rows = _rows(_get(client, value_world.coordinator).content.decode())
    assert (
        rows[-1]
        == [f"november {YEAR - 1}", "Team Øst", "—", "Planen som helhed", "1"]
        + ["for få svar"] * 2
    )
    body = _get(client, value_world.coordinator, year=YEAR).content.decode()
    assert _rows(body) == [METTE_PLAN_ROW, METTE_ACTIVITY_ROW]
    body = _get(client, value_world.coordinator, year=YEAR - 1).content.decode()
    assert [row[0] for row in _rows(body)] == [f"november {YEAR - 1}"]


@pytest.mark.parametrize("role", ["editor", "citizen"])
def test_editors_and_citizens_have_no_report(client, value_world, role):
    response = _get(client, getattr(value_world, role))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"].split("?")[0] in ("/admin/", "/konto/login/")
    assert "Team Øst" not in response.content.decode()
    export = client.get(REPORT, {"export": "csv"})
    assert export.status_code == response.status_code
    assert not hasattr(export, "streaming_content")


def test_anonymous_visitors_are_sent_to_log_in(client, value_world):
    response = client.get(REPORT, {"export": "csv"})
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


def test_the_reports_menu_offers_the_report_only_to_those_who_may_see_it(client, value_world):
    for user, shown in [
        (value_world.coordinator, True),
        (value_world.leader, True),
        (value_world.editor, False),
    ]:
        client.force_login(user)
        body = client.get(reverse("wagtailadmin_home")).content.decode()
        assert (REPORT in body) is shown, user.email


def _team_of_plans(world, count):
    """`count` more plans on Mette's team, each with a plan answer and an activity answer."""
    for n in range(count):
        plan = Plan.objects.create(
            citizen=citizen(email=f"borger{n}@example.dk", first_name=f"Borger {n}"),
            coordinator=world.coordinator_profile,
            team=world.team,
        )
        activity = _activity(world, plan, world.departments[n % 3], "Forløb")
        _answer(plan, 1 + n % 5, _at(4, 1 + n))
        _answer(plan, 5 - n % 5, _at(4, 1 + n), activity=activity)


# After the site's first request: the page cache's keys (1), session and user (2), the user's
# own and her groups' permissions (2), the MFA check and the admin's user profile (2), the
# answers (1), and for the page Wagtail's menu (locale, page, collection and site permissions:
# 4) and the team filter (1).
PAGE_QUERIES = 13
EXPORT_QUERIES = 8  # the same without the menu and the filter


@pytest.mark.parametrize("plans", [1, 10])
def test_the_report_reads_the_same_number_of_queries_for_1_and_10_plans(
    client, world, django_assert_num_queries, plans
):
    _team_of_plans(world, plans)
    client.force_login(world.coordinator)
    client.get(REPORT)
    with django_assert_num_queries(PAGE_QUERIES):
        response = client.get(REPORT)
    assert sum(int(row[4]) for row in _rows(response.content.decode())) == 2 * plans
    with django_assert_num_queries(EXPORT_QUERIES):
        rows = _csv_rows(client.get(REPORT, {"export": "csv"}))
    assert sum(int(row[4]) for row in rows[1:]) == 2 * plans


def test_the_aggregation_is_one_query_however_many_answers(world, django_assert_num_queries):
    _team_of_plans(world, 10)
    world.coordinator.has_perm("plans.view_value_report")  # the permission cache, once
    with django_assert_num_queries(1):
        rows = value_rows(user=world.coordinator)
    assert sum(row.answers for row in rows) == 20


@pytest.mark.parametrize(
    "params",
    [{"year": "abc"}, {"year": "1900"}, {"team": "x"}, {"team": "99999"}, {"export": "pdf"}],
)
def test_bad_filters_show_the_persons_own_teams_and_nothing_more(client, value_world, params):
    response = _get(client, value_world.outsider, **params)
    assert response.status_code == 200
    assert _rows(response.content.decode()) == [ALI_PLAN_ROW]
