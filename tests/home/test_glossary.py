"""The glossary finds Fagland words in any form and case; editors' changes count at once."""

import pytest

from home.glossary import Glossary, GlossaryEntry, current_glossary
from home.models import GlossaryTerm
from home.readability import analyse

AFGOERELSE = GlossaryEntry("afgørelse", "beslutning", "Det, kommunen har besluttet.")
BEVILLING = GlossaryEntry("bevilling", "det, du har fået ja til", "")
OPLYSE = GlossaryEntry("oplyse", "fortælle", "")
KOORDINERENDE = GlossaryEntry("koordinerende sagsbehandler", "din faste kontaktperson", "")
HENHOLD = GlossaryEntry("i henhold til", "efter", "")
JF = GlossaryEntry("jf.", "se", "")
PAABUD = GlossaryEntry("påbud", "krav", "")
HJEMMEL = GlossaryEntry(
    "hjemmel", "den regel, der giver ret til det", "", other_forms=("hjemlen",)
)
INDSATS = GlossaryEntry("indsats", "hjælp", "")

GLOSSARY = Glossary(
    [AFGOERELSE, BEVILLING, OPLYSE, KOORDINERENDE, HENHOLD, JF, PAABUD, HJEMMEL, INDSATS]
)


def found(text):
    return [(hit.word, hit.entry.term) for hit in GLOSSARY.find(text)]


@pytest.mark.parametrize(
    "word",
    [
        "afgørelse",
        "afgørelsen",
        "afgørelser",
        "afgørelserne",
        "afgørelsens",
        "Afgørelsen",
        "AFGØRELSER",
    ],
)
def test_every_form_and_case_of_afgoerelse_is_found(word):
    assert found(f"Vi har sendt {word} til dig.") == [(word, "afgørelse")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bevillingen gælder et år.", [("Bevillingen", "bevilling")]),
        ("Du har to bevillinger.", [("bevillinger", "bevilling")]),
        ("Vi oplyser dig om det.", [("oplyser", "oplyse")]),
        (
            "Din koordinerende sagsbehandler ringer.",
            [("koordinerende sagsbehandler", "koordinerende sagsbehandler")],
        ),
        (
            "Din koordinerende\nsagsbehandleren ringer.",
            [("koordinerende\nsagsbehandleren", "koordinerende sagsbehandler")],
        ),
        ("I henhold til loven.", [("I henhold til", "i henhold til")]),
        ("Se reglen, jf. loven.", [("jf.", "jf.")]),
        ("Påbuddet kom i går.", [("Påbuddet", "påbud")]),  # doubled consonant
        ("Hjemlen er klar.", [("Hjemlen", "hjemmel")]),  # an irregular form the editor added
        ("Indsatsen starter nu.", [("Indsatsen", "indsats")]),
    ],
)
def test_inflections_phrases_and_irregular_forms(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Vi har brug for dine oplysninger.",  # a noun of its own, everyday Danish
        "Indsatsplanen ligger i mappen.",  # a compound is another word
        "Det er en uafgørelse.",  # no match inside a word
        "henhold til loven",  # "i henhold til" only as a whole
    ],
)
def test_words_that_only_look_alike_are_left_alone(text):
    assert found(text) == []


def test_hits_keep_their_place_in_the_text():
    text = "Afgørelsen og bevillingen."
    hits = GLOSSARY.find(text)
    assert [text[h.start : h.end] for h in hits] == ["Afgørelsen", "bevillingen"]


def test_an_empty_glossary_finds_nothing():
    assert Glossary([]).find("afgørelse") == []


@pytest.mark.django_db
def test_the_starting_list_comes_from_the_shared_fagord_file():
    # 43 lines in ../shared/data/fagord.tsv, copied to home/data/ with an explanation each,
    # and 7 words citizens meet in plans and decisions (issue 16).
    assert GlossaryTerm.objects.count() == 50
    term = GlossaryTerm.objects.get(term="partshøring")
    assert term.plain == "vi spørger dig, før vi beslutter"
    assert term.explanation
    assert not GlossaryTerm.objects.filter(explanation="").exists()


@pytest.mark.django_db
def test_the_compiled_glossary_is_reused_until_a_term_changes():
    first = current_glossary()
    assert current_glossary() is first
    assert first.find("skolebussen") == []

    GlossaryTerm.objects.create(term="skolebus", plain="bussen til skolen")

    second = current_glossary()
    assert second is not first
    assert [h.word for h in second.find("Skolebussen kommer.")] == ["Skolebussen"]

    GlossaryTerm.objects.filter(term="skolebus").get().delete()
    assert current_glossary().find("Skolebussen kommer.") == []


@pytest.mark.django_db
def test_an_editor_adds_a_word_in_the_admin_and_the_editor_panel_knows_it(
    client, editor, demo_site
):
    client.force_login(editor)
    response = client.post(
        "/admin/snippets/home/glossaryterm/add/",
        {
            "term": "borgerservice",
            "plain": "kommunens skranke",
            "explanation": "Stedet, hvor du kan spørge om alt.",
            "other_forms": "",
        },
    )
    assert response.status_code == 302
    assert [h.entry.plain for h in current_glossary().find("Ring til Borgerservice.")] == [
        "kommunens skranke"
    ]


@pytest.mark.django_db
def test_a_word_can_only_be_in_the_list_once(client, editor):
    client.force_login(editor)
    response = client.post(
        "/admin/snippets/home/glossaryterm/add/",
        {"term": "afgørelse", "plain": "beslutning", "explanation": "", "other_forms": ""},
    )
    assert response.status_code == 200
    assert GlossaryTerm.objects.filter(term="afgørelse").count() == 1


CITIZENS_MEET = [
    ("bisidder", "Tag en bisidder med til mødet."),
    ("Ankestyrelsen", "Du kan klage til Ankestyrelsen."),
    ("revurdering", "Din hjælp får en revurdering om et år."),
    ("paragraf", "Efter § 85 får du hjælp i hjemmet."),
    ("paragraf", "Paragraffen siger det."),
    ("serviceloven", "Det står i servicelovens regler."),
    ("forvaltningsloven", "Det følger af forvaltningsloven."),
    ("arkivloven", "Arkivloven siger, at vi gemmer det."),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("term", "text"), CITIZENS_MEET)
def test_words_citizens_meet_in_plans_are_explained_in_plain_words(term, text):
    entry = GlossaryTerm.objects.get(term=term)
    assert [hit.entry.term for hit in current_glossary().find(text)] == [term]
    assert entry.explanation
    assert analyse(entry.explanation).lix < 35
