"""The English versions of the demo pages, in plain English: translations of the Danish pages
(same translation key, so Wagtail links them), by the Danish page's slug."""

from .english_about import ABOUT_PAGES, GOOD_TO_KNOW
from .guides import callout, heading, paragraphs, questions, steps

HOME = {
    "title": "Fællesplan",
    "intro": "Find your plan with the council. And answers to what people often ask.",
}
GUIDE_INDEX = {
    "slug": "guides",
    "title": "Guides",
    "intro": "Short answers to what people often ask.",
}


GUIDES = {
    "saadan-virker-din-plan": {
        "slug": "how-your-plan-works",
        "title": "How your plan works",
        "summary": "Your plan holds everything you and the council have agreed. You can see "
        "it when you log in.",
        "body": [
            *paragraphs(
                "Many people deal with several parts of the council at once. That can be hard "
                "to keep track of. So you have one plan.",
                "The plan says what matters to you. You write your goals in your own words. "
                "We write what we do to help you.",
            ),
            *heading("What you can see in your plan"),
            *steps(
                ("Your goals", "What you want to reach. You can write and change them."),
                ("Who does what", "Who at the council helps you, and how to reach them."),
                ("Your meetings", "When and where you meet us, and what to bring."),
                (
                    "What we decided",
                    "What we have decided, and why. And what you can do if you disagree.",
                ),
            ),
            *callout(
                "You have one contact person. This is the person who keeps track of it all "
                "with you. You can always call them.",
                title=GOOD_TO_KNOW,
            ),
            *questions(
                (
                    "Can I write in the plan?",
                    "Yes. You can write your goals and comment on anything in the plan. We "
                    "answer you.",
                ),
                (
                    "Who can see my plan?",
                    "You and the people at the council who help you. And the people you choose "
                    "to show it to. You can always see who has looked at it.",
                ),
            ),
        ],
    },
    "inviter-dit-netvaerk": {
        "slug": "invite-your-network",
        "title": "Invite your network",
        "summary": "You can show part of your plan to people you trust. Then they can help too.",
        "body": [
            *paragraphs(
                "Family, friends and neighbours can often help more than you think. So can a "
                "volunteer, a club or a boss.",
                "You choose who to ask. You also choose what they may see.",
            ),
            *heading("How to do it"),
            *steps(
                ("Choose a person", "Write the name and email of the person you want to ask."),
                ("Choose what they may see", "The whole plan or just one or two of your goals."),
                ("Send", "The person gets an email with a link. The link works for 14 days."),
                ("Get help", "The person can write to you and offer help. You say yes or no."),
            ),
            *callout(
                "You can always remove a person from your plan. Then they cannot see it any "
                "more. This happens at once.",
                title=GOOD_TO_KNOW,
            ),
            *questions(
                (
                    "Can they see everything about me?",
                    "No. They only see the goals you chose. They can never see our decisions "
                    "about you.",
                ),
                (
                    "What can they help with?",
                    "A lift to a meeting, company on a hard day, help to write an application, "
                    "or a job on trial.",
                ),
            ),
        ],
    },
    "naar-du-skal-til-moede": {
        "slug": "going-to-a-meeting",
        "title": "When you have a meeting with the council",
        "summary": "How to get ready for a meeting. And what happens when you are there.",
        "body": [
            *paragraphs(
                "You can see all your meetings in your plan. It says where and when the "
                "meeting is. It also says who you will meet.",
            ),
            *heading("Before the meeting"),
            *steps(
                ("Think about what you want to say", "Write down what matters to you."),
                ("Bring what the plan says", "It could be papers or a list of your medicine."),
                ("Bring someone if you like", "A friend or someone from your family is welcome."),
            ),
            *heading("At the meeting"),
            *paragraphs(
                "We talk about how things are going, and about your goals. We agree what "
                "happens next. You can see what we agreed in your plan afterwards.",
            ),
            *callout(
                "Cannot come? Call your contact person as early as you can. Then you find a "
                "new time together.",
                title=GOOD_TO_KNOW,
            ),
            *questions(
                ("Can the meeting be on video?", "Yes, often. Ask your contact person."),
                (
                    "What if I do not understand what is said?",
                    "Then ask. We are happy to say it again in other words.",
                ),
            ),
        ],
    },
    "hvis-du-er-uenig": {
        "slug": "if-you-disagree",
        "title": "If you disagree with a decision",
        "summary": "You can complain if you disagree with what we decided. Here is how.",
        "body": [
            *paragraphs(
                "A decision is what we decide about your case. It can be a yes or a no to "
                "help. Or to a benefit, that is money from the council. Your plan says what "
                "we decided, and why.",
                "If you disagree, you can complain. It costs nothing.",
            ),
            *heading("How to complain"),
            *steps(
                (
                    "See the deadline",
                    "Your plan says when we must have your complaint. Often you have four weeks.",
                ),
                ("Write or call", "Tell us that you disagree, and why. Use your own words."),
                (
                    "We look at the case again",
                    "We see if we can agree with you. If not, we send your complaint on. We "
                    "tell you when we do.",
                ),
            ),
            *callout(
                "Not sure? Call your contact person. They can help you complain.",
                title=GOOD_TO_KNOW,
            ),
            *questions(
                (
                    "Can someone else complain for me?",
                    "Yes. You can let someone else complain for you. Write to us about it.",
                ),
                (
                    "What happens to my help while I complain?",
                    "It depends. Ask your contact person.",
                ),
            ),
        ],
    },
    "din-kontaktperson": {
        "slug": "your-contact-person",
        "title": "Your contact person",
        "summary": "You have one person at the council who keeps track of it all with you.",
        "body": [
            *paragraphs(
                "When you get help from several parts of the council, you get one contact "
                "person. This is who you call when you have questions.",
                "Your contact person talks to the others who help you. So you do not have to "
                "say the same thing many times.",
            ),
            *heading("What your contact person does"),
            *steps(
                (
                    "Makes the plan with you",
                    "You write the plan together. It starts with what matters to you.",
                ),
                ("Keeps track of it all", "Knows who does what, and when."),
                ("Answers you", "You can call, or write a comment in your plan."),
            ),
            *callout(
                "You can see the name and number of your contact person at the top of your plan.",
                title=GOOD_TO_KNOW,
            ),
        ],
    },
    "saadan-logger-du-ind": {
        "slug": "how-to-log-in",
        "title": "How to log in",
        "summary": "You log in with your email. The first time you must confirm your email.",
        "body": [
            *steps(
                ("Press Log in", "You find the button at the top of the page."),
                ("Write your email and password", "No password yet? You can make one."),
                (
                    "Confirm your email",
                    "The first time you get an email with a link. Press the link.",
                ),
            ),
            *callout(
                "Forgot your password? Press Forgot password when you log in. Then you get an "
                "email.",
                title=GOOD_TO_KNOW,
            ),
            *questions(
                (
                    "I get no email. What do I do?",
                    "Look in your spam. If it still does not come, call Citizen Service.",
                ),
            ),
        ],
    },
    "hvem-kan-se-dine-data": {
        "slug": "who-can-see-your-details",
        "title": "Who can see your details",
        "summary": "You decide who in your network sees your plan. And you can see who has "
        "looked at it.",
        "body": [
            *paragraphs(
                "Your plan is only for you and those who help you. Other people cannot see it.",
                "Each time someone from the council or your network looks at your plan, we "
                "write it down. You can see the list under Who has seen my plan.",
            ),
            *callout(
                "Do you see a name you do not know? Call your contact person at once.",
                title=GOOD_TO_KNOW,
            ),
        ],
    },
}

PAGES = {**GUIDES, **ABOUT_PAGES}

TOP_TASKS = [
    ("How your plan works", "saadan-virker-din-plan"),
    ("Invite your network", "inviter-dit-netvaerk"),
    ("When you have a meeting", "naar-du-skal-til-moede"),
    ("If you disagree", "hvis-du-er-uenig"),
]
