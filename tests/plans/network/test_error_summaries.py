"""Every form a person can send, sent back with a mistake: the page title starts with "Fejl: ",
the form starts with an error summary that takes the focus, and each link in the summary lands
on a control of the page (the GOV.UK / DKFDS pattern). Citizen, network member, trusted helper,
caseworker in the admin, and allauth's own forms."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from plans.models import Comment
from plans.network import services

pytestmark = pytest.mark.django_db

CONTROLS = {"input", "textarea", "select"}
VOID = {"input", "br", "img", "link", "meta", "hr"}


class _Page(HTMLParser):
    """The title, the ids, and each error summary: its attributes, its links, and whether it
    stands inside a form before the form's first visible control."""

    def __init__(self, html: str):
        super().__init__()
        self.title = ""
        self.ids: set[str] = set()
        self.summaries: list[dict] = []
        self._in_title = False
        self._open: list[str] = []
        self._summary_depth: int | None = None
        self._form_has_control = None  # None outside a form
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = {name: value if value is not None else "" for name, value in attrs}
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "title":
            self._in_title = True
        if tag == "form":
            self._form_has_control = False
        if "error-summary" in attrs.get("class", "").split():
            self._summary_depth = len(self._open)
            self.summaries.append(
                {
                    "attrs": attrs,
                    "links": [],
                    "at_top_of_form": self._form_has_control is False,
                }
            )
        if tag == "a" and self._summary_depth is not None:
            self.summaries[-1]["links"].append(attrs.get("href", ""))
        if tag in CONTROLS and attrs.get("type") != "hidden" and self._form_has_control is False:
            self._form_has_control = True
        if tag not in VOID:
            self._open.append(tag)

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag == "form":
            self._form_has_control = None
        if tag in self._open:
            while self._open.pop() != tag:
                pass
        if self._summary_depth is not None and len(self._open) <= self._summary_depth:
            self._summary_depth = None

    def handle_data(self, data):
        if self._in_title:
            self.title += data


# Each case: who sends it, and how (a function of the test client and the world).
def _goal_edit(client, w):
    return client.post(f"/min-plan/maal/{w.shared_goal.pk}/ret/", {"text": ""})


def _comment_edit(client, w):
    comment = Comment.objects.get(body="Om jobbet")
    return client.post(f"/min-plan/kommentar/{comment.pk}/ret/", {"body": ""})


def _activity_feedback(client, w):
    return client.post(f"/min-plan/indsats/{w.activities[0].pk}/", {"words": "Hmm"})


def _invitation_to_someone_else(client, w):
    _invitation, link = w.invite(name="Nogen", email="nogen@example.dk")
    return client.post(link, {"action": "accept"})


CITIZEN = {
    "new goal": lambda c, w: c.post("/min-plan/maal/nyt/", {"text": "x" * 501}),
    "edit goal": _goal_edit,
    "comment": lambda c, w: c.post(
        "/min-plan/kommentar/", {"body": " ", "goal": w.shared_goal.pk}
    ),
    "edit comment": _comment_edit,
    "plan feedback": lambda c, w: c.post("/min-plan/meningsfuld/", {"words": "Hmm"}),
    "activity feedback": _activity_feedback,
    "invitation": lambda c, w: c.post("/min-plan/netvaerk/inviter/", {"preview": "1"}),
    "e-mail settings": lambda c, w: c.post("/indstillinger/beskeder/", {}),
}
MEMBER = {
    "offer": lambda c, w: c.post(f"/jeg-hjaelper/{w.plan.pk}/tilbyd-hjaelp/", {"what": ""}),
    "member's comment": lambda c, w: c.post(
        f"/jeg-hjaelper/{w.plan.pk}/maal/{w.shared_goal.pk}/kommentar/", {"body": ""}
    ),
    "delete account without the tick": lambda c, w: c.post("/min-plan/mine-data/slet-konto/", {}),
    # Logged in as Lene, with a link sent to another address: a rule error, not a field's.
    "invitation answer": _invitation_to_someone_else,
}
ALLAUTH_ANONYMOUS = {
    "log in": lambda c, w: c.post(
        "/konto/login/", {"login": "mette@example.dk", "password": "forkert"}
    ),
    "sign up": lambda c, w: c.post(
        "/konto/signup/", {"email": "ikke-en-adresse", "password1": "a", "password2": "b"}
    ),
    "forgotten password": lambda c, w: c.post("/konto/password/reset/", {"email": "ikke"}),
    "log in with a code": lambda c, w: c.post("/konto/login/code/", {"email": "ikke"}),
}
ALLAUTH_CITIZEN = {
    "confirm password": lambda c, w: c.post("/konto/reauthenticate/", {"password": "forkert"}),
    "change password": lambda c, w: c.post(
        "/konto/password/change/",
        {"oldpassword": "forkert", "password1": "a", "password2": "b"},
    ),
    "add an e-mail address": lambda c, w: c.post(
        "/konto/email/", {"action_add": "", "email": "ikke-en-adresse"}
    ),
}
# Errors that belong to no one field: the summary says them, with nothing to link to.
NO_FIELD = {"invitation answer", "log in"}


@pytest.fixture
def send_with_a_mistake(client, network_world, member, invite, reauthenticate):
    network_world.invite = invite

    def send(name):
        w = network_world
        if name in CITIZEN:
            reauthenticate(client, w.citizen)
            return CITIZEN[name](client, w)
        if name in ALLAUTH_CITIZEN:
            reauthenticate(client, w.citizen)
            return ALLAUTH_CITIZEN[name](client, w)
        if name in MEMBER:
            reauthenticate(client, member.user)
            return MEMBER[name](client, w)
        return ALLAUTH_ANONYMOUS[name](client, w)

    return send


@pytest.mark.parametrize("name", [*CITIZEN, *MEMBER, *ALLAUTH_ANONYMOUS, *ALLAUTH_CITIZEN])
def test_a_form_sent_back_says_fejl_in_the_title_and_starts_with_a_linked_summary(
    send_with_a_mistake, name
):
    response = send_with_a_mistake(name)
    assert response.status_code in {200, 400}, (response.status_code, response.get("Location"))
    _assert_error_page(_Page(response.content.decode()), links=name not in NO_FIELD)


def _assert_error_page(page: _Page, *, links: bool):
    assert page.title.startswith("Fejl: "), page.title
    (summary,) = page.summaries
    assert summary["attrs"].get("tabindex") == "-1"
    assert "autofocus" in summary["attrs"]
    assert summary["at_top_of_form"], "the summary stands after a field, or outside the form"
    assert bool(summary["links"]) is links, summary["links"]
    missing = [href for href in summary["links"] if href[1:] not in page.ids]
    assert missing == []
    assert all(href.startswith("#") for href in summary["links"])


def test_the_helpers_comment_sent_back_starts_with_a_linked_summary(client, network_world, member):
    services.helper_ask(
        membership=member.membership, by=network_world.citizen, sees_access_log=False
    )
    services.helper_accept(membership=member.membership)
    client.force_login(member.user)
    response = client.post(f"/hjaelper/{network_world.plan.pk}/kommentar/", {"body": ""})
    assert response.status_code == 400
    _assert_error_page(_Page(response.content.decode()), links=True)


def test_the_caseworkers_empty_reply_in_the_admin_starts_with_a_linked_summary(client, world):
    client.force_login(world.coordinator)
    url = reverse("plans_admin:comments", args=[world.plan.pk])
    response = client.post(url, {"body": ""})
    assert response.status_code == 200
    _assert_error_page(_Page(response.content.decode()), links=True)


@pytest.mark.parametrize(
    "url", ["/min-plan/maal/nyt/", "/min-plan/meningsfuld/", "/konto/login/", "/konto/signup/"]
)
def test_a_form_not_yet_sent_has_no_summary_and_no_fejl(client, network_world, url):
    if url.startswith("/min-plan/"):
        client.force_login(network_world.citizen)
    page = _Page(client.get(url).content.decode())
    assert page.summaries == []
    assert not page.title.startswith("Fejl"), page.title
    assert page.title.endswith("· Fællesplan")
