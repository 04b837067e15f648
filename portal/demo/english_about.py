"""The English Kontakt and Accessibility statement pages of the demo data (portal.demo.english
holds the guides), by the Danish page's slug."""

from .guides import callout, contact_card, heading, paragraphs

GOOD_TO_KNOW = "Good to know"

CONTACT = contact_card(
    "Citizen Service",
    "We help you on if you do not know who to talk to.",
    "70 20 30 40",
    "borgerservice@example.dk",
    "Monday to Thursday 9 am to 3 pm. Friday 9 am to 1 pm.",
)

ABOUT_PAGES = {
    "kontakt": {
        "slug": "contact",
        "title": "Contact",
        "summary": "How to reach us. Call, write or drop by.",
        "body": [
            *paragraphs("Questions about your plan? Call your contact person."),
            *CONTACT,
            *callout(
                "Do not write about your case in a normal email. Write a comment in your plan "
                "instead. Then your details are safe.",
                title=GOOD_TO_KNOW,
            ),
        ],
    },
    "tilgaengelighedserklaering": {
        "slug": "accessibility-statement",
        "title": "Accessibility statement",
        "summary": "We want everyone to be able to use this site. Here you can see what does "
        "not work yet, and where to complain.",
        "body": [
            *paragraphs(
                "Everyone should be able to use this site. Also if you do not see well, cannot "
                "use a mouse, or use a screen reader. The Danish law on accessible public "
                "websites says so. Here you can see how far we are.",
            ),
            *heading("Status"),
            *paragraphs(
                "The site meets most of the rules in the WCAG 2.1 AA standard. But not all of "
                "them. So the site is partly compliant. What does not work yet is listed below.",
            ),
            *heading("What does not work yet"),
            (
                "paragraph",
                "<ul>"
                "<li>The part of the site only staff use has not been fully checked. Some "
                "words and buttons are in English, and some lists are hard to use with a "
                "screen reader.</li>"
                "<li>Some PDF files can be hard to read with a screen reader. We fix them when "
                "we find them. Write to us, and we send you the text in another way.</li>"
                "<li>Some pages are only in Danish. If you choose English, these pages say "
                "that they are only in Danish.</li>"
                "</ul>",
            ),
            *heading("Tell us if something does not work"),
            *paragraphs(
                "We want to hear about it. Write or call us. You get an answer within 10 "
                "working days. Do not write about your case or your CPR number.",
            ),
            *contact_card("Web team", "", "70 20 30 40", "web@example.dk", ""),
            *heading("Complain to the Danish Agency for Digital Government"),
            *paragraphs(
                "No answer within 10 working days? Or not happy with the answer? Then you can "
                "complain to the Danish Agency for Digital Government (Digitaliseringsstyrelsen)"
                '. See how on <a href="https://digst.dk/digital-inklusion/webtilgaengelighed/'
                'oplever-du-ikke-tilgaengeligt-indhold/">digst.dk</a>. The statements of all '
                'councils are also on <a href="https://www.was.digst.dk/">was.digst.dk</a>.',
            ),
            *heading("About this statement"),
            *paragraphs(
                "We made this statement on 2 December 2026. We checked the site ourselves. We "
                "tested it on a small phone, with a keyboard, with a screen reader and with a "
                "program that finds errors. We look at it again at least once a year.",
            ),
        ],
    },
}
