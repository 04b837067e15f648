"""Forms the citizen fills in on Min plan. No maxlength in the HTML: a browser would silently cut
pasted text; the server says the text is too long and gives it all back."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Comment, Feedback, Goal
from .models.validators import ONE_LINE, has_control_character

GOAL_MAX = Goal._meta.get_field("text").max_length
WORDS_MAX = Feedback._meta.get_field("words").max_length


TOO_LONG = _(
    "Teksten er for lang: %(show_value)s tegn. Der er plads til %(limit_value)s. "
    "Din tekst står stadig i feltet, så du kan gøre den kortere."
)


class NoMaxlengthMixin:
    """The length limit stays on the server (with TOO_LONG), not in the browser."""

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


class LongTextField(NoMaxlengthMixin, forms.CharField):
    """Text people type. Control characters are refused: on one line (a name, "hvornår") all
    of them, a newline too (it would break the emails the name goes into); in a text box all
    but line breaks and tabs. The form shows the text again, so nothing typed is lost."""

    KEPT_IN_TEXT_BOXES = frozenset({"\n", "\r", "\t"})

    def validate(self, value):
        super().validate(value)
        if not isinstance(self.widget, forms.Textarea):
            if has_control_character(value):
                raise forms.ValidationError(ONE_LINE, code="control_character")
        elif has_control_character(value, allowed=self.KEPT_IN_TEXT_BOXES):
            raise forms.ValidationError(
                _("Teksten indeholder et usynligt tegn, som ikke kan gemmes. Fjern det."),
                code="control_character",
            )


class LongEmailField(NoMaxlengthMixin, forms.EmailField):
    pass


class GoalForm(forms.Form):
    text = LongTextField(
        label=_("Dit mål med dine egne ord"),
        help_text=_("Fx: Jeg vil kunne hente mine børn fra skole hver dag. Højst 500 tegn."),
        max_length=GOAL_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Skriv dit mål, før du gemmer."),
            "max_length": TOO_LONG,
        },
    )


class CommentForm(forms.Form):
    body = LongTextField(
        label=_("Din kommentar"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=Comment.MAX_LENGTH,
        error_messages={
            "required": _("Skriv din kommentar, før du sender den."),
            "max_length": TOO_LONG,
        },
    )
    goal = forms.IntegerField(required=False, widget=forms.HiddenInput)
    activity = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The limits are the model's; said here in the words of the language in use.
        self.fields["body"].help_text = gettext(
            "Højst %(max)s tegn. Du kan rette den i %(minutes)s minutter, efter du har sendt den."
        ) % {"max": Comment.MAX_LENGTH, "minutes": Comment.EDIT_WINDOW_MINUTES}


SCORE_CHOICES = [
    (1, _("1 – slet ikke meningsfuld")),
    (2, _("2")),
    (3, _("3")),
    (4, _("4")),
    (5, _("5 – meget meningsfuld")),
]


class FeedbackForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Hvor meningsfuld er planen for dig?"),
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Vælg et tal fra 1 til 5."),
            "invalid_choice": _("Vælg et tal fra 1 til 5."),
        },
    )
    words = LongTextField(
        label=_("Vil du sige mere? (kan udelades)"),
        required=False,
        max_length=WORDS_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": TOO_LONG},
    )

    def __init__(self, *args, question=None, **kwargs):
        super().__init__(*args, **kwargs)
        if question:
            self.fields["score"].label = question
