"""The "Læsbarhed" panel in the page editor: LIX and each glossary word with its everyday
alternative, for the version being edited (so the approver sees the same as the writer)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .readability import LIX_LIMIT, analyse_html, analyse_page, is_measured


class ReadabilityPanel(Panel):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Læsbarhed"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/panels/readability.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["result"] = None
            context["lix_limit"] = LIX_LIMIT
            if page is not None and page.pk and not is_measured(page):
                context["empty_message"] = _(
                    "LIX og ordlisten måler dansk. Siden er ikke på dansk."
                )
            elif page is not None and page.pk:
                context["result"] = analyse_page(page)
            return context


class TextReadabilityPanel(Panel):
    """LIX and glossary words of one text field of a saved object, for staff writing what a
    citizen reads in a plan; place it after the field's own FieldPanel."""

    def __init__(self, field_name, *args, **kwargs):
        self.field_name = field_name
        kwargs.setdefault("heading", _("Læsbarhed"))
        super().__init__(*args, **kwargs)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "field_name": self.field_name}

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/panels/readability.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            text = getattr(self.instance, self.panel.field_name, "") if self.instance else ""
            context["result"] = analyse_html(text) if text else None
            context["lix_limit"] = LIX_LIMIT
            context["empty_message"] = _("Gem, så ser du LIX og fagord for teksten her.")
            return context
