"""StreamField blocks for plain-language guides: each renders with its own template."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Overskrift")
        template = "home/blocks/heading.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Trin"))
    text = blocks.RichTextBlock(label=_("Forklaring"), features=RICH_TEXT_FEATURES, required=False)


class StepsBlock(blocks.StructBlock):
    intro = blocks.CharBlock(label=_("Indledning"), required=False)
    steps = blocks.ListBlock(StepBlock(), label=_("Trin"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Trin for trin")
        template = "home/blocks/steps.html"


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Overskrift"), default="Godt at vide")
    text = blocks.RichTextBlock(label=_("Tekst"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Godt at vide")
        template = "home/blocks/callout.html"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Spørgsmål"))
    answer = blocks.RichTextBlock(label=_("Svar"), features=RICH_TEXT_FEATURES)


class QuestionsBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(QuestionBlock(), **kwargs)

    class Meta:
        icon = "help"
        label = _("Spørgsmål og svar")
        template = "home/blocks/questions.html"


class ContactBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Navn eller afdeling"))
    role = blocks.CharBlock(label=_("Hvad de kan hjælpe med"), required=False)
    phone = blocks.CharBlock(label=_("Telefon"), required=False)
    email = blocks.EmailBlock(label=_("E-mail"), required=False)
    hours = blocks.CharBlock(label=_("Hvornår du kan ringe"), required=False)

    class Meta:
        icon = "user"
        label = _("Kontaktkort")
        template = "home/blocks/contact.html"


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tekst på linket"))
    page = blocks.PageChooserBlock(label=_("Side"), required=False)
    url = blocks.URLBlock(label=_("Eller en adresse"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": _("Vælg en side eller skriv en adresse.")}
            )
        return value


class LinkListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Overskrift"), required=False)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"), min_num=1)

    class Meta:
        icon = "link"
        label = _("Liste med links")
        template = "home/blocks/link_list.html"


GUIDE_BLOCKS = [
    (
        "paragraph",
        blocks.RichTextBlock(
            features=RICH_TEXT_FEATURES,
            label=_("Afsnit"),
            icon="pilcrow",
            template="home/blocks/paragraph.html",
        ),
    ),
    ("heading", HeadingBlock()),
    ("steps", StepsBlock()),
    ("callout", CalloutBlock()),
    ("questions", QuestionsBlock()),
    ("contact", ContactBlock()),
    ("links", LinkListBlock()),
]

TOP_TASK_BLOCKS = [("task", LinkBlock(icon="link", label=_("Opgave")))]
