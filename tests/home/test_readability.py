"""LIX and glossary words: hand-computed values, and every demo page stays under LIX 35 with
each remaining Fagland word explained to the citizen."""

import pytest
from wagtail.models import Page

from home.glossary import Glossary, GlossaryEntry
from home.models import GuidePage
from home.readability import analyse, analyse_html, analyse_page, lix, page_text, text_from_html


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


def test_analyse_of_a_letter_in_fagland():

    glossary = Glossary(
        [
            GlossaryEntry("afgørelse", "beslutning", ""),
            GlossaryEntry("bevilling", "det, du har fået ja til", ""),
        ]
    )
    text = "Afgørelsen er truffet. Din bevilling ophører. Du kan klage."
    # Words: Afgørelsen er truffet | Din bevilling ophører | Du kan klage = 9 words, 3 sentences.
    # Long words (over six letters): afgørelsen (10), truffet (7), bevilling (9); ophører has 7
    # letters too → 4. LIX = 9/3 + 100*4/9 = 3 + 44.44 = 47.4 (hard: over 45).
    result = analyse(text, glossary=glossary)
    assert (result.words, result.sentences, result.long_words) == (9, 3, 4)
    assert result.lix == 47.4
    assert result.is_hard
    assert [(w, e.plain) for w, e in result.jargon_entries] == [
        ("Afgørelsen", "beslutning"),
        ("bevilling", "det, du har fået ja til"),
    ]


@pytest.mark.django_db
def test_analyse_of_the_same_letter_in_borgerland():
    text = "Vi har sagt nej. Du får ikke mere hjælp. Du kan klage."
    # 12 words, 3 sentences, no word over six letters: 12/3 + 0 = 4.0
    result = analyse(text)
    assert (result.words, result.sentences, result.long_words, result.lix) == (12, 3, 0, 4.0)
    assert not result.is_hard
    assert result.jargon == ()


@pytest.mark.django_db
def test_analyse_html_reads_what_staff_typed_in_a_plan():
    html = "<p>Vi har truffet en afgørelse.</p><ul><li>Ring til os</li></ul>"
    # "Vi har truffet en afgørelse" (5 words) and the list item "Ring til os" (3) are two
    # sentences; long words: truffet, afgørelse → 8/2 + 100*2/8 = 4 + 25 = 29.0
    result = analyse_html(html)
    assert (result.words, result.sentences, result.lix) == (8, 2, 29.0)
    assert [e.term for _, e in result.jargon_entries] == ["afgørelse"]


@pytest.mark.django_db
def test_page_text_reads_title_summary_and_blocks_but_not_addresses(demo_site):
    contact = GuidePage.objects.get(slug="kontakt")
    text = page_text(contact)
    assert text.startswith("Kontakt\n\nSådan får du fat i os.")
    assert "Borgerservice" in text
    assert "borgerservice@example.dk" not in text


@pytest.mark.django_db
def test_every_demo_page_reads_under_lix_35_and_explains_each_jargon_word(demo_site, client):
    scores = {}
    # LIX is a Danish measure; the English versions are left out (tests/home/test_english_pages).
    for page in Page.objects.live().filter(depth__gt=1, locale__language_code="da").specific():
        result = analyse_page(page)
        scores[page.title] = result.lix
        html = client.get(page.url).content.decode()
        for word, entry in result.jargon_entries:
            assert f"Hvad betyder “{word}”?" in html, (page.title, word)
            assert f"{entry.term[:1].upper()}{entry.term[1:]} betyder: {entry.plain}." in html

    assert len(scores) >= 11
    assert all(score < 35 for score in scores.values()), scores
