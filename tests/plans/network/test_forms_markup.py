"""The plan and network forms as a browser and a screen reader get them: no maxlength to cut
pasted text, every control with an error described by its message, and an error summary whose
links land on the fields."""

from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.django_db

INVITE = "/min-plan/netvaerk/inviter/"
CONTROLS = {"input", "textarea", "select"}


class _Markup(HTMLParser):
    """The ids on a page, its form controls (with the aria-describedby of the fieldset around
    them) and the links of its error summary."""

    def __init__(self, html: str):
        super().__init__()
        self.ids: set[str] = set()
        self.controls: list[dict] = []
        self.summary_links: list[str] = []
        self._fieldsets: list[str] = []
        self._open: list[str] = []
        self._summary_depth: int | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "fieldset":
            self._fieldsets.append(attrs.get("aria-describedby", ""))
        if tag in CONTROLS and attrs.get("type") != "hidden":
            self.controls.append({**attrs, "tag": tag, "fieldset": list(self._fieldsets)})
        if "error-summary" in attrs.get("class", "").split():
            self._summary_depth = len(self._open)
        if tag == "a" and self._summary_depth is not None:
            self.summary_links.append(attrs.get("href", ""))
        if tag not in {"input", "br", "img", "link", "meta", "hr"}:
            self._open.append(tag)

    def handle_endtag(self, tag):
        if tag == "fieldset" and self._fieldsets:
            self._fieldsets.pop()
        if tag in self._open:
            while self._open.pop() != tag:
                pass
        if self._summary_depth is not None and len(self._open) <= self._summary_depth:
            self._summary_depth = None


def _markup(response, status=200) -> _Markup:
    assert response.status_code == status, response.content.decode()[:500]
    return _Markup(response.content.decode())


@pytest.fixture
def form_pages(client, network_world, member, reauthenticate):
    """Each form page as its first GET shows it, by name."""
    reauthenticate(client, network_world.citizen)
    pages = {
        "invitation": _markup(client.get(INVITE)),
        "goal": _markup(client.get("/min-plan/maal/nyt/")),
        "comment": _markup(
            client.get(f"/min-plan/kommentar/?goal={network_world.shared_goal.pk}")
        ),
        "comments on a goal": _markup(
            client.get(f"/min-plan/maal/{network_world.shared_goal.pk}/")
        ),
        "feedback": _markup(client.get("/min-plan/meningsfuld/")),
    }
    client.force_login(member.user)
    pages["offer"] = _markup(client.get(f"/jeg-hjaelper/{network_world.plan.pk}/tilbyd-hjaelp/"))
    pages["member's comments"] = _markup(client.get(f"/jeg-hjaelper/{network_world.plan.pk}/"))
    return pages


@pytest.fixture
def error_pages(client, network_world, member, reauthenticate):
    """Each form page sent back with errors, by name."""
    reauthenticate(client, network_world.citizen)
    goal = network_world.shared_goal.pk
    pages = {
        "invitation": _markup(client.post(INVITE, {"preview": "1"})),
        "goal": _markup(client.post("/min-plan/maal/nyt/", {"text": "x" * 501})),
        "comment": _markup(client.post("/min-plan/kommentar/", {"body": " ", "goal": goal})),
        "feedback": _markup(client.post("/min-plan/meningsfuld/", {"words": "Hmm"})),
    }
    client.force_login(member.user)
    offer_url = f"/jeg-hjaelper/{network_world.plan.pk}/tilbyd-hjaelp/"
    pages["offer"] = _markup(client.post(offer_url, {"what": ""}), status=400)
    pages["member's comment"] = _markup(
        client.post(f"/jeg-hjaelper/{network_world.plan.pk}/maal/{goal}/kommentar/", {"body": ""}),
        status=400,
    )
    return pages


def test_no_form_control_has_a_maxlength_to_cut_pasted_text(form_pages):
    with_maxlength = [
        f"{page}: {control['tag']} {control.get('name')}"
        for page, markup in form_pages.items()
        for control in markup.controls
        if "maxlength" in control
    ]
    assert with_maxlength == []


def test_every_control_with_an_error_is_described_by_its_message(error_pages):
    for page, markup in error_pages.items():
        invalid = [c for c in markup.controls if c.get("aria-invalid") == "true"]
        assert invalid, f"{page}: no control is marked invalid"
        for control in invalid:
            described_by = control.get("aria-describedby") or " ".join(control["fieldset"])
            ids = described_by.split()
            assert any(i.endswith("_error") or i.endswith("-fejl") for i in ids), (page, control)
            missing = [i for i in ids if i not in markup.ids]
            assert missing == [], (page, control.get("name"), missing)


def test_the_error_summary_links_to_each_field_with_an_error(error_pages):
    for page in ["invitation", "goal", "comment", "feedback", "offer"]:
        markup = error_pages[page]
        assert markup.summary_links, f"{page}: no error summary"
        for href in markup.summary_links:
            assert href.startswith("#") and href[1:] in markup.ids, (page, href)


def test_every_field_comes_through_the_one_field_template(client, network_world):
    """portal.forms.FormRenderer is on: a field is wrapped the way components/field.html does it
    (Django's own field template has no form-field class and puts a colon after the label)."""
    client.force_login(network_world.citizen)
    html = client.get("/min-plan/maal/nyt/").content.decode()
    label = '<div class="form-field">\n    <label for="id_text">Dit mål med dine egne ord</label>'
    assert label in html
