"""The words of the demo guides, as StreamField data: everyday Danish, each under LIX 35."""


# One builder per StreamField block of home.blocks; each returns a list to splice into a body.


def paragraphs(*texts):
    return [("paragraph", "".join(f"<p>{text}</p>" for text in texts))]


def heading(text):
    return [("heading", text)]


def steps(*titled_texts, intro=""):
    items = [{"title": title, "text": f"<p>{text}</p>"} for title, text in titled_texts]
    return [("steps", {"intro": intro, "steps": items})]


def callout(text, title="Godt at vide"):
    return [("callout", {"title": title, "text": f"<p>{text}</p>"})]


def questions(*pairs):
    return [("questions", [{"question": q, "answer": f"<p>{a}</p>"} for q, a in pairs])]


def contact_card(name, role, phone, email, hours):
    return [
        ("contact", {"name": name, "role": role, "phone": phone, "email": email, "hours": hours})
    ]


CONTACT = contact_card(
    "Borgerservice",
    "Vi hjælper dig videre, hvis du ikke ved, hvem du skal tale med.",
    "70 20 30 40",
    "borgerservice@example.dk",
    "Mandag til torsdag kl. 9 til 15. Fredag kl. 9 til 13.",
)

GUIDES = [
    {
        "slug": "saadan-virker-din-plan",
        "title": "Sådan virker din plan",
        "summary": "Din plan samler alt det, du og kommunen har aftalt. Du kan se den, når du "
        "logger ind.",
        "body": [
            *paragraphs(
                "Mange har kontakt med flere dele af kommunen på én gang. Det kan være svært "
                "at holde styr på. Derfor har du én plan.",
                "I planen står det, der er vigtigt for dig. Du skriver dine mål med dine egne "
                "ord. Vi skriver, hvad vi gør for at hjælpe dig.",
            ),
            *heading("Det kan du se i din plan"),
            *steps(
                ("Dine mål", "Det, du gerne vil nå. Du kan selv skrive og rette dem."),
                ("Hvem gør hvad", "Hvem i kommunen der hjælper dig, og hvordan du får fat i dem."),
                ("Dine møder", "Hvornår og hvor du skal mødes med os, og hvad du skal have med."),
                (
                    "Vores beslutninger",
                    "Hvad vi har besluttet, og hvorfor. Og hvad du kan gøre, hvis du er uenig.",
                ),
            ),
            *callout(
                "Du har en fast kontaktperson. Det er den person, der holder styr på det hele "
                "sammen med dig. Du kan altid ringe til hende eller ham."
            ),
            *questions(
                (
                    "Kan jeg skrive i planen?",
                    "Ja. Du kan skrive dine mål og skrive en kommentar "
                    "til alt i planen. Vi svarer dig.",
                ),
                (
                    "Hvem kan se min plan?",
                    "Du og de folk i kommunen, der hjælper dig. Og de "
                    "personer, du selv vælger at vise den til. Du kan altid se, hvem der har set "
                    "den.",
                ),
            ),
        ],
    },
    {
        "slug": "inviter-dit-netvaerk",
        "title": "Inviter dit netværk",
        "summary": "Du kan vise en del af din plan til dem, du stoler på. Så kan de også hjælpe.",
        "body": [
            *paragraphs(
                "Familie, venner og naboer kan ofte hjælpe med mere, end man tror. Det kan "
                "også være en frivillig, en forening eller en chef.",
                "Du vælger selv, hvem du vil spørge. Du vælger også, hvad de må se.",
            ),
            *heading("Sådan gør du"),
            *steps(
                ("Vælg en person", "Skriv navn og mail på den, du vil spørge."),
                ("Vælg hvad de må se", "Hele planen eller kun et eller to af dine mål."),
                ("Send", "Personen får en mail med et link. Linket virker i 14 dage."),
                (
                    "Få hjælp",
                    "Personen kan skrive til dig og tilbyde hjælp. Du siger ja eller nej tak.",
                ),
            ),
            *callout(
                "Du kan altid fjerne en person fra din plan. Så kan de ikke se den mere. Det "
                "sker med det samme."
            ),
            *questions(
                (
                    "Kan de se alt om mig?",
                    "Nej. De ser kun de mål, du har valgt. De kan aldrig "
                    "se vores beslutninger om dig.",
                ),
                (
                    "Hvad kan de hjælpe med?",
                    "Det kan være et lift til et møde, selskab på en "
                    "svær dag, hjælp til at skrive en ansøgning eller et job på prøve.",
                ),
            ),
        ],
    },
    {
        "slug": "naar-du-skal-til-moede",
        "title": "Når du skal til møde med kommunen",
        "summary": "Sådan gør du dig klar til et møde. Og hvad der sker, når du er der.",
        "body": [
            *paragraphs(
                "Du kan se alle dine møder i din plan. Der står, hvor og hvornår mødet er. "
                "Der står også, hvem du skal mødes med.",
            ),
            *heading("Før mødet"),
            *steps(
                ("Tænk over, hvad du vil sige", "Skriv gerne ned, hvad der er vigtigt for dig."),
                (
                    "Tag det med, der står i planen",
                    "Det kan være papirer eller en liste over din medicin.",
                ),
                ("Tag en med, hvis du vil", "Du må gerne have en ven eller en fra familien med."),
            ),
            *heading("Til mødet"),
            *paragraphs(
                "Vi taler om, hvordan det går, og om dine mål. Vi aftaler, hvad der skal ske nu. "
                "Det vi aftaler, kan du se i din plan bagefter.",
            ),
            *callout(
                "Kan du ikke komme? Så ring til din kontaktperson så tidligt som muligt. Så "
                "finder I en ny tid."
            ),
            *questions(
                ("Kan mødet være på video?", "Ja, tit. Spørg din kontaktperson."),
                (
                    "Hvad hvis jeg ikke forstår det, der bliver sagt?",
                    "Så spørg. Vi vil gerne sige det igen med andre ord.",
                ),
            ),
        ],
    },
    {
        "slug": "hvis-du-er-uenig",
        "title": "Hvis du er uenig i en afgørelse",
        "summary": "Du kan klage, hvis du er uenig i det, vi har besluttet. Her kan du se "
        "hvordan.",
        "body": [
            *paragraphs(
                "En afgørelse er en beslutning om din sag. Det kan være et ja eller et nej til "
                "hjælp. Eller til en ydelse, det vil sige penge fra kommunen. I din plan står "
                "det, vi har besluttet, og hvorfor.",
                "Er du uenig, kan du klage. Det koster ikke noget.",
            ),
            *heading("Sådan klager du"),
            *steps(
                (
                    "Se fristen",
                    "I din plan står, hvornår vi skal have din klage. Tit har du fire uger.",
                ),
                (
                    "Skriv eller ring",
                    "Fortæl os, at du er uenig, og hvorfor. Du kan skrive med dine egne ord.",
                ),
                (
                    "Vi ser på sagen igen",
                    "Vi ser på, om vi kan give dig ret. Hvis ikke, sender "
                    "vi klagen videre. Det får du besked om.",
                ),
            ),
            *callout(
                "Er du i tvivl? Ring til din kontaktperson. Hun eller han kan hjælpe dig med at "
                "klage."
            ),
            *questions(
                (
                    "Kan en anden klage for mig?",
                    "Ja. Du kan give en anden lov til at klage for dig. Skriv det til os.",
                ),
                (
                    "Hvad sker der med min hjælp, mens jeg klager?",
                    "Det er forskelligt. Spørg din kontaktperson.",
                ),
            ),
        ],
    },
    {
        "slug": "din-kontaktperson",
        "title": "Din faste kontaktperson",
        "summary": "Du har én person i kommunen, der holder styr på det hele sammen med dig.",
        "body": [
            *paragraphs(
                "Når du får hjælp fra flere steder i kommunen, får du en fast kontaktperson. "
                "Det er den, du skal ringe til, når du har spørgsmål.",
                "Din kontaktperson taler med de andre, der hjælper dig. Så skal du ikke sige "
                "det samme mange gange.",
            ),
            *heading("Det gør din kontaktperson"),
            *steps(
                (
                    "Laver planen med dig",
                    "I skriver planen sammen. Den starter med det, der er vigtigt for dig.",
                ),
                ("Holder styr på det hele", "Ved, hvem der gør hvad, og hvornår."),
                ("Svarer dig", "Du kan ringe eller skrive en kommentar i din plan."),
            ),
            *callout("Du kan se navn og nummer på din kontaktperson øverst i din plan."),
        ],
    },
    {
        "slug": "saadan-logger-du-ind",
        "title": "Sådan logger du ind",
        "summary": "Du logger ind med din mail. Første gang skal du bekræfte din mail.",
        "body": [
            *steps(
                ("Tryk på Log ind", "Du finder knappen øverst på siden."),
                ("Skriv din mail og din kode", "Har du ikke en kode endnu, kan du lave en."),
                ("Bekræft din mail", "Første gang får du en mail med et link. Tryk på linket."),
            ),
            *callout(
                "Har du glemt din kode? Tryk på Glemt kode, når du logger ind. Så får du en mail."
            ),
            *questions(
                (
                    "Jeg får ingen mail. Hvad gør jeg?",
                    "Se efter i din spam. Kommer den stadig ikke, så ring til Borgerservice.",
                ),
            ),
        ],
    },
    {
        "slug": "hvem-kan-se-dine-data",
        "title": "Hvem kan se dine oplysninger",
        "summary": "Du bestemmer, hvem fra dit netværk der ser din plan. Og du kan se, hvem "
        "der har set den.",
        "body": [
            *paragraphs(
                "Din plan er kun for dig og dem, der hjælper dig. Andre borgere kan ikke se den.",
                "Hver gang en fra kommunen eller dit netværk ser din plan, skriver vi det ned. "
                "Du kan se listen under Hvem har set min plan.",
            ),
            *callout(
                "Ser du et navn, du ikke kender? Så ring til din kontaktperson med det samme."
            ),
        ],
    },
]
