"""Citizens get a plain explanation where a Fagland word stays: <dfn> on the word, a <details>
after its paragraph; only text changes, never tags, attributes, links or headings."""

import re

import pytest
from django.template import Context, Template
from django.utils.safestring import mark_safe

from home.glossary import Glossary, GlossaryEntry, explain_html
from home.models import GlossaryTerm, GuidePage

GLOSSARY = Glossary(
    [
        GlossaryEntry("afgørelse", "beslutning", "Det, kommunen har besluttet i din sag."),
        GlossaryEntry("bevilling", "det, du har fået ja til", ""),
    ]
)


def explain(html, **kwargs):
    return explain_html(html, glossary=GLOSSARY, **kwargs)


def test_the_word_is_marked_and_explained_after_its_paragraph():
    html = explain("<p>Du har fået en afgørelse. Læs den.</p><p>Ring til os.</p>")
    assert html == (
        '<p>Du har fået en <dfn class="term__word">afgørelse</dfn>. Læs den.</p>'
        '<details class="term"><summary class="term__question">Hvad betyder “afgørelse”?'
        '</summary><div class="term__answer"><p>Afgørelse betyder: beslutning.</p>'
        "<p>Det, kommunen har besluttet i din sag.</p></div></details>"
        "<p>Ring til os.</p>"
    )


def test_the_word_keeps_its_form_and_case():
    html = explain("<p>Afgørelsen kom i går.</p>")
    assert '<dfn class="term__word">Afgørelsen</dfn>' in html
    assert "Hvad betyder “Afgørelsen”?" in html


def test_each_word_is_explained_once():
    html = explain("<p>En afgørelse.</p><p>To afgørelser og en bevilling.</p>")
    assert html.count("<dfn") == 2
    assert html.count("<details") == 2
    assert html.index("afgørelser") < html.index('<dfn class="term__word">bevilling')


def test_words_already_explained_elsewhere_on_the_page_are_not_repeated():
    seen = set()
    explain("<p>En afgørelse.</p>", seen=seen)
    assert "<dfn" not in explain("<p>Afgørelsen igen.</p>", seen=seen)


def test_in_a_list_item_the_explanation_stays_inside_the_item():
    html = explain("<ul><li>Se din afgørelse</li><li>Ring</li></ul>")
    assert re.fullmatch(
        r'<ul><li>Se din <dfn class="term__word">afgørelse</dfn><details class="term">.*'
        r"</details></li><li>Ring</li></ul>",
        html,
    )


@pytest.mark.parametrize(
    "html",
    [
        '<p><a href="/afgoerelse">Læs om afgørelse</a></p>',
        "<h2>Din afgørelse</h2>",
        "<details><summary>Hvad er en afgørelse?</summary></details>",
    ],
)
def test_links_headings_and_summaries_keep_their_words(html):
    assert explain(html) == html


def test_attributes_are_never_touched():
    html = '<p><a href="/x" title="afgørelse">her</a> og <span lang="da">ingen</span></p>'
    assert explain(html) == html


def test_text_is_escaped_again_and_never_turned_into_markup():
    html = explain("<p>&lt;script&gt;alert(1)&lt;/script&gt; afgørelse &amp; mere</p>")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&amp; mere" in html


def test_an_explanation_an_editor_wrote_is_escaped():
    glossary = Glossary([GlossaryEntry("afgørelse", "<b>beslutning</b>", '"><script>x</script>')])
    html = explain_html("<p>En afgørelse.</p>", glossary=glossary)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;b&gt;beslutning&lt;/b&gt;" in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


@pytest.mark.django_db
def test_the_filter_explains_plain_text_staff_typed_and_escapes_it():
    template = Template("{% load borgerland %}{{ text|explain_jargon }}")
    html = template.render(Context({"text": "Vi har truffet en afgørelse <b>nu</b>.\n\nRing."}))
    assert html.startswith('<p>Vi har truffet en <dfn class="term__word">afgørelse</dfn>')
    assert "&lt;b&gt;nu&lt;/b&gt;" in html
    assert html.endswith("<p>Ring.</p>")


@pytest.mark.django_db
def test_the_filter_keeps_sanitised_html_as_it_is():
    template = Template("{% load borgerland %}{{ text|explain_jargon }}")
    text = mark_safe('<p><strong>Bevillingen</strong> gælder. <a href="https://x.dk">Link</a></p>')
    html = template.render(Context({"text": text}))
    assert '<strong><dfn class="term__word">Bevillingen</dfn></strong>' in html
    assert '<a href="https://x.dk">Link</a></p><details class="term">' in html


@pytest.mark.django_db
def test_a_guide_explains_the_word_to_the_citizen(demo_site, client):
    html = client.get("/vejledninger/hvis-du-er-uenig/").content.decode()
    article = html[html.index("<article") : html.index("</article>")]
    # The title keeps its word; the first use in the text is explained, once. (The guide's
    # other glossary word, "ydelse", is explained once too.)
    assert "<h1>Hvis du er uenig i en afgørelse</h1>" in article
    assert article.count('<dfn class="term__word">afgørelse</dfn>') == 1
    assert article.count('<dfn class="term__word">') == 2
    assert '<dfn class="term__word">ydelse</dfn>' in article
    assert '<summary class="term__question">Hvad betyder “afgørelse”?</summary>' in article
    assert "Afgørelse betyder: beslutning." in article


@pytest.mark.django_db
def test_an_editors_change_to_the_glossary_shows_on_the_next_page_view(demo_site, client):
    term = GlossaryTerm.objects.get(term="afgørelse")
    term.explanation = "En ny forklaring i én sætning."
    term.save()
    guide = GuidePage.objects.get(slug="hvis-du-er-uenig")
    assert "En ny forklaring i én sætning." in client.get(guide.url).content.decode()
