"""What staff write in a plan is checked like a page: the caseworker sees LIX and Fagland words
under a decision's explanation and an activity's description; the citizen gets explanations."""

import pytest
from django.contrib.auth import get_user_model
from django.template import Context, Template

from plans.models import Activity, Decision

pytestmark = pytest.mark.django_db


def test_caseworker_sees_readability_under_the_texts_a_citizen_reads(client, seed_demo):
    decision = Decision.objects.filter(plan__citizen__email="borger@example.dk").first()
    decision.explanation = "Afgørelsen er truffet i henhold til reglerne."
    decision.save()
    activity = Activity.objects.filter(plan=decision.plan).first()
    activity.description = "Vi holder et møde hver uge."
    activity.save()

    client.force_login(get_user_model().objects.get(email="sagsbehandler@example.dk"))
    html = client.get(f"/admin/planer/edit/{decision.plan.pk}/").content.decode()

    # "Afgørelsen er truffet i henhold til reglerne": 7 words, 1 sentence; over six letters:
    # afgørelsen, truffet, henhold, reglerne = 4 → 7/1 + 100*4/7 = 7 + 57.1 = 64.1
    assert "<strong>LIX: 64,1</strong>" in html
    assert "“Afgørelsen” → <strong>beslutning</strong>" in html
    assert "“i henhold til” → <strong>efter</strong>" in html
    # "Vi holder et møde hver uge": 6 words, 1 sentence, none long → 6.0
    assert "<strong>LIX: 6,0</strong>" in html


def test_plan_templates_explain_what_staff_wrote():
    html = Template("{% load borgerland %}{{ text|explain_jargon }}").render(
        Context({"text": "Du får en bevilling til et kursus."})
    )
    assert '<dfn class="term__word">bevilling</dfn>' in html
    assert "Bevilling betyder: det, du har fået ja til." in html
