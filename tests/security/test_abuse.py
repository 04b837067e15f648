"""Abuse of forms and addresses: every POST needs the CSRF token, and oversized or malformed
input (huge bodies, invalid UTF-8, NUL bytes, wrong types, missing fields) gets a 4xx with a
plain Danish message or the form again with one, never a server error (500)."""

import re

import pytest
from django.conf import settings
from django.test import Client

from plans.models import Invitation, NetworkMembership, Offer, Relation
from plans.network import services as network_services
from plans.services import comment_add
from plans.tokens import hash_token
from tests.plans.factories import build_world, citizen, fill_plan

pytestmark = pytest.mark.django_db

TOKEN = "abuse-test-token-" + "b" * 40


@pytest.fixture
def w(db):
    world = build_world()
    goals, activities = fill_plan(
        plan=world.plan,
        profile=world.coordinator_profile,
        departments=world.departments,
        goals=1,
        activities=1,
        comments=0,
    )
    world.goal, world.activity = goals[0], activities[0]
    world.comment = comment_add(
        plan=world.plan, author=world.citizen, author_role="citizen", body="Hej"
    )
    world.lene = citizen(email="lene@example.dk", first_name="Lene")
    world.membership = NetworkMembership.objects.create(
        plan=world.plan, user=world.lene, name="Lene", relation=Relation.FAMILY, whole_plan=True
    )
    world.offer = network_services.offer_create(
        membership=world.membership, goal=world.goal, kind="other", what="Kørsel"
    )
    world.invitation = Invitation.objects.create(
        plan=world.plan,
        invited_by=world.citizen,
        name="Jonas",
        email="jonas@example.dk",
        relation=Relation.FRIEND,
        token_hash=hash_token(TOKEN),
        expires_at=world.plan.created_at.replace(year=2099),
    )
    return world


# (name, who is logged in, path) of every form that changes something
CITIZEN, MEMBER, NOBODY = "citizen", "member", None
POSTS = [
    ("goal_add", CITIZEN, lambda w: "/min-plan/maal/nyt/"),
    ("goal_edit", CITIZEN, lambda w: f"/min-plan/maal/{w.goal.pk}/ret/"),
    ("activity_feedback", CITIZEN, lambda w: f"/min-plan/indsats/{w.activity.pk}/"),
    ("plan_feedback", CITIZEN, lambda w: "/min-plan/meningsfuld/"),
    ("comment_add", CITIZEN, lambda w: "/min-plan/kommentar/"),
    ("comment_edit", CITIZEN, lambda w: f"/min-plan/kommentar/{w.comment.pk}/ret/"),
    ("comment_delete", CITIZEN, lambda w: f"/min-plan/kommentar/{w.comment.pk}/slet/"),
    ("erasure_request", CITIZEN, lambda w: "/min-plan/mine-data/bed-om-sletning/"),
    ("account_delete", MEMBER, lambda w: "/min-plan/mine-data/slet-konto/"),
    ("invitation_new", CITIZEN, lambda w: "/min-plan/netvaerk/inviter/"),
    (
        "invitation_resend",
        CITIZEN,
        lambda w: f"/min-plan/netvaerk/invitationer/{w.invitation.pk}/send-igen/",
    ),
    (
        "invitation_withdraw",
        CITIZEN,
        lambda w: f"/min-plan/netvaerk/invitationer/{w.invitation.pk}/traek-tilbage/",
    ),
    (
        "member_remove",
        CITIZEN,
        lambda w: f"/min-plan/netvaerk/medlemmer/{w.membership.pk}/fjern/",
    ),
    ("offer_answer", CITIZEN, lambda w: f"/min-plan/netvaerk/tilbud/{w.offer.pk}/svar/"),
    ("offer_answer_big", CITIZEN, lambda w: f"/min-plan/netvaerk/tilbud/{10**22}/svar/"),
    ("invitation_answer", NOBODY, lambda w: f"/invitation/{TOKEN}/"),
    (
        "member_comment",
        MEMBER,
        lambda w: f"/jeg-hjaelper/{w.plan.pk}/maal/{w.goal.pk}/kommentar/",
    ),
    ("offer_new", MEMBER, lambda w: f"/jeg-hjaelper/{w.plan.pk}/tilbyd-hjaelp/"),
    ("member_leave", MEMBER, lambda w: f"/jeg-hjaelper/{w.plan.pk}/forlad/"),
    (
        "member_comment_big",
        MEMBER,
        lambda w: f"/jeg-hjaelper/{w.plan.pk}/maal/{10**22}/kommentar/",
    ),
    ("login", NOBODY, lambda w: "/konto/login/"),
    ("signup", NOBODY, lambda w: "/konto/signup/"),
    ("password_reset", NOBODY, lambda w: "/konto/password/reset/"),
    ("login_code", NOBODY, lambda w: "/konto/login/code/"),
    ("logout", CITIZEN, lambda w: "/konto/logout/"),
    ("email", CITIZEN, lambda w: "/konto/email/"),
    ("password_change", CITIZEN, lambda w: "/konto/password/change/"),
    ("reauthenticate", CITIZEN, lambda w: "/konto/reauthenticate/"),
]


def _client(w, who, **kwargs):
    client = Client(**kwargs)
    if who == CITIZEN:
        client.force_login(w.citizen)
    elif who == MEMBER:
        client.force_login(w.lene)
    return client


def _state(w):
    return (
        w.plan.goals.count(),
        w.plan.comments.filter(deleted_at__isnull=True).count(),
        NetworkMembership.objects.filter(status="active").count(),
        Offer.objects.filter(status="waiting").count(),
        Invitation.objects.filter(status="sent").count(),
        type(w.citizen).objects.count(),
    )


@pytest.mark.parametrize("name,who,path", POSTS, ids=[p[0] for p in POSTS])
def test_every_post_without_the_csrf_token_is_refused_plainly(w, name, who, path):
    client = _client(w, who, enforce_csrf_checks=True)
    before = _state(w)

    response = client.post(path(w), {"body": "x", "text": "x", "score": "3", "confirm": "yes"})

    assert response.status_code == 403
    html = response.content.decode()
    assert "Siden er udløbet" in html and "Prøv igen" in html
    assert "<script" not in html
    assert _state(w) == before


def test_the_same_post_with_the_token_goes_through(w):
    client = _client(w, CITIZEN, enforce_csrf_checks=True)
    page = client.get("/min-plan/maal/nyt/")
    token = page.cookies[settings.CSRF_COOKIE_NAME].value

    response = client.post(
        "/min-plan/maal/nyt/", {"text": "Nyt mål", "csrfmiddlewaretoken": token}
    )

    assert response.status_code == 302
    assert w.plan.goals.filter(text="Nyt mål").exists()


HUGE = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1024)
BAD = [
    ("huge body", lambda path: ("post", path, {"body": HUGE, "text": HUGE, "what": HUGE}, {})),
    (
        "invalid utf-8 form",
        lambda path: (
            "post",
            path,
            b"body=%FF%FE%C3%28&text=%ED%A0%80&what=%C0%AF&score=%FF",
            {"content_type": "application/x-www-form-urlencoded"},
        ),
    ),
    (
        "nul bytes",
        lambda path: ("post", path, {"body": "a\x00b", "text": "a\x00b", "what": "a\x00b"}, {}),
    ),
    (
        "wrong types",
        lambda path: (
            "post",
            path,
            {"goal": "x", "activity": "[]", "score": "abc", "reply_to": "x", "whole_plan": "?"},
            {},
        ),
    ),
    ("missing fields", lambda path: ("post", path, {}, {})),
    (
        "json body",
        lambda path: ("post", path, b'{"body": [1, 2]}', {"content_type": "application/json"}),
    ),
]

GETS = [
    ("min_plan", CITIZEN, "/min-plan/?page=abc&side=-1"),
    ("access_log", CITIZEN, "/min-plan/hvem-har-set/?side=abc"),
    ("access_log_far", CITIZEN, "/min-plan/hvem-har-set/?side=99999999999999999999"),
    ("comments_older", CITIZEN, "/min-plan/kommentarer/?foer=abc"),
    ("comments_older_big", CITIZEN, "/min-plan/kommentarer/?foer=99999999999999999999999"),
    # "²" is a digit to str.isdigit() but not to int()
    ("comments_older_superscript", CITIZEN, "/min-plan/kommentarer/?foer=%C2%B2"),
    ("offer_goal_superscript", MEMBER, "/jeg-hjaelper/{plan}/tilbyd-hjaelp/?maal=%C2%B2"),
    ("comment_add_goal", CITIZEN, "/min-plan/kommentar/?goal=x&activity=%FF"),
    ("goal_id", CITIZEN, "/min-plan/maal/99999999999999999999999/"),
    ("offer_goal", MEMBER, "/jeg-hjaelper/{plan}/tilbyd-hjaelp/?maal=x"),
    ("member_plan_big", MEMBER, "/jeg-hjaelper/99999999999999999999999/"),
    ("member_offer_big", MEMBER, "/jeg-hjaelper/99999999999999999999999/tilbyd-hjaelp/"),
    ("activity_big", CITIZEN, "/min-plan/indsats/99999999999999999999999/"),
    ("comment_edit_big", CITIZEN, "/min-plan/kommentar/99999999999999999999999/ret/"),
    ("invitation_token", NOBODY, "/invitation/%FF%FE%00/"),
    ("invitation_long", NOBODY, "/invitation/" + "a" * 5000 + "/"),
    ("search_page", NOBODY, "/soeg/?q=plan&page=abc"),
    ("search_utf8", NOBODY, "/soeg/?q=%FF%FE%C3%28&page=%FF"),
    ("search_nul", NOBODY, "/soeg/?q=%00&page=-1"),
    ("search_huge", NOBODY, "/soeg/?q=" + "a" * 20000),
    ("my_data", CITIZEN, "/min-plan/mine-data/?x=%FF"),
    ("login_next", NOBODY, "/konto/login/?next=%FF%00javascript:alert(1)"),
]


# Danish letters, also as JSON escapes (allauth answers a JSON request with JSON)
DANISH = re.compile(r"[æøåÆØÅ]|\\u00e[56]|\\u00f8")


def _assert_plain_4xx_or_ok(response, where):
    assert response.status_code < 500, (where, response.status_code)
    if 400 <= response.status_code < 500 and response.status_code != 404:
        body = response.content.decode()
        # A Danish message, not Django's English "Bad Request" page or a traceback.
        assert DANISH.search(body), (where, body[:200])
        assert "Bad Request" not in body and "Traceback" not in body, where


@pytest.mark.parametrize("kind,build", BAD, ids=[b[0] for b in BAD])
@pytest.mark.parametrize("name,who,path", POSTS, ids=[p[0] for p in POSTS])
def test_bad_input_to_every_form_gets_a_plain_answer_never_a_500(w, name, who, path, kind, build):
    client = _client(w, who, raise_request_exception=False)
    method, url, data, extra = build(path(w))

    response = getattr(client, method)(url, data, **extra)

    _assert_plain_4xx_or_ok(response, f"{kind} → {name}")


@pytest.mark.parametrize("name,who,url", GETS, ids=[g[0] for g in GETS])
def test_bad_addresses_get_a_plain_answer_never_a_500(w, name, who, url):
    client = _client(w, who, raise_request_exception=False)

    response = client.get(url.format(plan=w.plan.pk))

    _assert_plain_4xx_or_ok(response, name)


def test_a_huge_body_is_refused_with_a_plain_danish_page(w):
    client = _client(w, CITIZEN, raise_request_exception=False)

    response = client.post("/min-plan/kommentar/", {"body": HUGE})

    assert response.status_code == 400
    assert "Der gik noget galt med det, du sendte" in response.content.decode()
    assert not w.plan.comments.filter(body__startswith="xxxx").exists()
