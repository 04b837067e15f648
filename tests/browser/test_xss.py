"""Cross-site scripting: every payload in xss_payloads.txt goes in through every free-text field a
person fills in (goal, comment, invitation message, offer, decision explanation, a guide page's
rich text) and is then rendered in Chromium, on every page that shows it.

The browser runs with the Content-Security-Policy switched off (bypass_csp), so the test sees
what the templates and sanitizers let through, not what the CSP happens to block: no dialog
opens, window.__xss (set by the payloads) stays undefined, and the DOM holds no javascript:,
vbscript: or data:text/html link, no inline event handler and no foreign script."""

import json
import re
from pathlib import Path

import pytest
from django.core import mail
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.rich_text import RichText

from home.blocks import RICH_TEXT_FEATURES
from home.models import GuideIndexPage, GuidePage
from plans import services
from plans.models import Decision, Goal, Invitation, NetworkMembership, Offer, Relation
from plans.network import services as network_services
from plans.tokens import hash_token
from tests.plans.factories import build_world, citizen, written_over_time

pytestmark = pytest.mark.browser

CORPUS = Path(__file__).parent / "xss_payloads.txt"
PAYLOADS = [
    line
    for line in CORPUS.read_text(encoding="utf-8").split("\n")
    if line.strip() and not line.startswith("# ")
]
TOKEN = "xss-test-token-" + "a" * 40

# Everything in the DOM that would run a script, or take the person to one.
FIND_BAD = """(root) => {
  const scope = document.querySelector(root);
  const bad = scope ? [] : ['no ' + root];
  const urlAttrs = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'background',
                    'poster', 'srcdoc', 'to', 'values', 'from'];
  for (const el of scope.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      // Browsers ignore control characters and spaces inside a URL scheme.
      const value = (attr.value || '').replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
      if (name.startsWith('on')) bad.push(el.tagName + ' ' + name);
      if (urlAttrs.includes(name) && (value.startsWith('javascript:') ||
          value.startsWith('vbscript:') || value.startsWith('data:text/html'))) {
        bad.push(el.tagName + ' ' + name + '=' + attr.value);
      }
    }
  }
  for (const script of scope.querySelectorAll('script')) {
    if (!script.src || new URL(script.src).origin !== location.origin) {
      bad.push('script ' + (script.src || script.textContent.slice(0, 60)));
    }
  }
  for (const sel of ['iframe', 'object', 'embed', 'base', 'meta[http-equiv]', 'link[rel=import]',
                     'style']) {
    for (const el of scope.querySelectorAll(sel)) bad.push(sel + ' ' + el.outerHTML.slice(0, 80));
  }
  return {xss: window.__xss, bad: bad};
}"""


OFFER_WHAT_MAX = Offer._meta.get_field("what").max_length


def _chunks(texts, limit):
    """Payloads joined by blank lines into pieces of at most `limit` characters."""
    chunk = ""
    for text in texts:
        if chunk and len(chunk) + 2 + len(text) > limit:
            yield chunk
            chunk = ""
        chunk = f"{chunk}\n\n{text}" if chunk else text
    if chunk:
        yield chunk


def _as_the_editor_saves(payload: str) -> str:
    """What Wagtail's rich text editor stores for a paragraph: the payload typed as text and
    linked to the URL inside it, and the payload pasted as HTML (both through the editor's
    converter, the path every admin save takes)."""
    converter = ContentstateConverter(features=RICH_TEXT_FEATURES)
    found = re.search(r"""(?:href|src|action)\s*=\s*["']?([^"'\s>]+)""", payload)
    url = found.group(1) if found else payload
    typed = {
        "blocks": [
            {
                "key": "a1b2c",
                "type": "unstyled",
                "depth": 0,
                "text": payload,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": len(payload), "key": 0}],
                "data": {},
            }
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
    }
    html = converter.to_database_format(json.dumps(typed))
    try:
        return html + converter.to_database_format(converter.from_database_format(payload))
    except (AssertionError, TypeError):
        # Wagtail's HTML reader gives up on some broken markup ("Unmatched tags", entity ranges
        # without a length); the editor never stores such HTML, so the typed form is what counts.
        return html


@pytest.fixture
def poisoned(live_site):
    """Mette's plan with every payload in every field, Lene in her network, and a guide page."""
    world = build_world()
    plan, mette = world.plan, world.citizen
    with written_over_time():  # the hourly limits are for people typing, not for test data
        # Joined into goals of up to 500 characters: a plan holds at most 50 goals.
        goals = [
            services.goal_add_by_citizen(plan=plan, citizen=mette, text=chunk)
            for chunk in _chunks(PAYLOADS, Goal._meta.get_field("text").max_length)
        ]
        for chunk in _chunks(PAYLOADS, 2000):
            services.comment_add(plan=plan, author=mette, author_role="citizen", body=chunk)
            services.comment_add(
                plan=plan, author=mette, author_role="citizen", body=chunk, goal=goals[0]
            )
    # The staff form saves the model as it is; what the citizen sees is the template's escaping.
    Decision.objects.create(
        plan=plan,
        title=PAYLOADS[0],
        explanation="\n\n".join(PAYLOADS),
        meaning="\n".join(PAYLOADS),
        how_to_complain="\n".join(PAYLOADS),
        complaint_deadline="2030-01-01",
        contact=world.coordinator_profile,
    )
    lene = citizen(email="lene@example.dk", first_name="Lene")
    membership = NetworkMembership.objects.create(
        plan=plan, user=lene, name=PAYLOADS[0], relation=Relation.FAMILY, whole_plan=True
    )
    with written_over_time():
        for chunk in _chunks(PAYLOADS, 2000):
            network_services.member_comment_add(membership=membership, goal=goals[0], body=chunk)
        # A plan holds at most 100 waiting offers: the payloads share them.
        for chunk in _chunks(PAYLOADS, OFFER_WHAT_MAX):
            network_services.offer_create(
                membership=membership, goal=goals[0], kind="other", what=chunk, when=chunk[:200]
            )
    mail.outbox.clear()
    invitation = network_services.invitation_send(
        plan=plan,
        invited_by=mette,
        name="Jonas",
        email="jonas@example.dk",
        relation=Relation.FRIEND,
        whole_plan=True,
        goals=[],
        message="\n".join(PAYLOADS),
    )
    Invitation.objects.filter(pk=invitation.pk).update(token_hash=hash_token(TOKEN))
    world.invitation_email = next(
        body for body, kind in mail.outbox[-1].alternatives if kind == "text/html"
    )
    guide = GuidePage(
        title="Sikkerhedstest",
        slug="sikkerhedstest",
        summary="Test.",
        body=[("paragraph", RichText(_as_the_editor_saves(p))) for p in PAYLOADS],
    )
    GuideIndexPage.objects.first().add_child(instance=guide)
    guide.save_revision().publish()
    world.guide_url, world.goals, world.lene = guide.url, goals, lene
    return world


def _check(page, path_or_none, *, base_url, where, root="html"):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    if path_or_none is not None:
        response = page.goto(base_url + path_or_none)
        assert response.status == 200, (where, response.status)
    page.wait_for_load_state("load")
    page.wait_for_timeout(150)  # let image errors and autofocus fire; not an assertion
    result = page.evaluate(FIND_BAD, root)
    assert dialogs == [], where
    assert result["xss"] is None, where
    assert result["bad"] == [], (where, result["bad"][:5])
    # The payloads did arrive, shown as harmless text.
    assert "__xss" in page.content(), where


def test_no_payload_runs_on_any_page_that_shows_it(
    poisoned, browser, browser_context_args, live_site, log_in
):
    world, base = poisoned, live_site.url
    assert len(PAYLOADS) >= 100

    def new_page():
        context = browser.new_context(**{**browser_context_args, "bypass_csp": True})
        return context, context.new_page()

    context, page = new_page()
    log_in(page, base, world.citizen.email, next_url="/min-plan/")
    for where in (
        "/min-plan/",
        f"/min-plan/maal/{world.goals[0].pk}/",
        "/min-plan/netvaerk/",
        "/min-plan/mine-data/",
    ):
        _check(page, where, base_url=base, where=where)
    context.close()

    context, page = new_page()
    log_in(page, base, world.lene.email, next_url="/jeg-hjaelper/")
    _check(page, f"/jeg-hjaelper/{world.plan.pk}/", base_url=base, where="member page")
    context.close()

    context, page = new_page()
    # The check itself: raw payloads in a page without the site's escaping are caught.
    page.set_content("<img src=x onerror=window.__xss=1><a href='java&#09;script:x'>x</a>")
    page.wait_for_timeout(150)
    caught = page.evaluate(FIND_BAD, "html")
    assert caught["xss"] == 1 and len(caught["bad"]) == 2, caught
    _check(page, f"/invitation/{TOKEN}/", base_url=base, where="invitation page")
    _check(page, world.guide_url, base_url=base, where="guide page")
    page.set_content(world.invitation_email)
    _check(page, None, base_url=base, where="invitation email")
    context.close()

    context, page = new_page()
    log_in(page, base, world.coordinator.email, next_url="/admin/")
    _check(
        page,
        f"/admin/plan-kommentarer/{world.plan.pk}/",
        base_url=base,
        where="staff comments",
        # Wagtail's admin has scripts of its own: look at the comments the staff member reads.
        root=".plans-admin-comments",
    )
    context.close()
