"""LIX: hand-computed values, and the demo guides stay under LIX 35."""

import pytest

from home.models import GuidePage
from home.readability import lix, text_from_html


def test_lix_of_short_plain_sentences():
    # 8 words, 2 sentences, 1 word over six letters ("kommunen"): 8/2 + 100*1/8 = 16.5
    assert lix("Du har en plan. Den er fra kommunen.") == 16.5


def test_lix_of_fagland():
    # 11 words, 1 sentence; long words: afgørelsen, foreligger, henhold, gældende,
    # retningslinjer (5; "regler" has six letters, not over): 11/1 + 100*5/11 = 56.45
    text = "Afgørelsen foreligger i henhold til de nu gældende retningslinjer og regler."
    assert lix(text) == 56.5


def test_lix_counts_headings_as_their_own_sentences():
    html = "<h2>Før mødet</h2><p>Tag papirerne med.</p>"
    # 5 words, 2 sentences, 1 long word ("papirerne"): 5/2 + 100*1/5 = 22.5
    assert lix(text_from_html(html)) == 22.5


def test_lix_of_no_words_is_zero():
    assert lix("") == 0.0
    assert lix("42 . !") == 0.0


@pytest.mark.django_db
def test_every_demo_guide_reads_under_lix_35(demo_site):
    scores = {}
    for guide in GuidePage.objects.live():
        html = "".join(str(block.render()) for block in guide.body)
        scores[guide.title] = lix(f"{guide.title}.\n\n{guide.summary}\n\n{text_from_html(html)}")

    assert len(scores) >= 8
    assert all(score < 35 for score in scores.values()), scores
