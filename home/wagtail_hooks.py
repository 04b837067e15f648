"""Admin for communication staff: the glossary, the Læsbarhed report, and a readability note
after each save, so an editor sees it before anything is published."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.formats import localize
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import GlossaryTerm
from .readability import analyse_page, is_measured
from .reports import ReadabilityReportView


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "openquote"
    menu_label = _("Ordliste")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["term", "plain", "explanation"]
    search_fields = ["term", "plain"]
    ordering = ["term"]


register_snippet(GlossaryTermViewSet)


@hooks.register("register_admin_urls")
def register_readability_report_urls():
    return [
        path("laesbarhed/", ReadabilityReportView.as_view(), name="home_readability_report"),
        path(
            "laesbarhed/results/",
            ReadabilityReportView.as_view(results_only=True),
            name="home_readability_report_results",
        ),
    ]


class ReadabilityReportMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Page).user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_admin_menu_item")
def register_readability_report_menu_item():
    return ReadabilityReportMenuItem(
        _("Læsbarhed"),
        reverse("home_readability_report"),
        name="laesbarhed",
        icon_name="doc-full",
        order=260,
    )


def _readability_message(request, page):
    if (page.live and not page.has_unpublished_changes) or not is_measured(page):
        return
    result = analyse_page(page.get_latest_revision_as_object())
    words = [
        gettext("“%(word)s” (skriv hellere: %(plain)s)") % {"word": word, "plain": entry.plain}
        for word, entry in result.jargon_entries
    ]
    text = gettext("Læsbarhed: LIX %(lix)s.") % {"lix": localize(result.lix)}
    if words:
        text += " " + gettext("Fagord: %(words)s.") % {"words": ", ".join(words)}
    (messages.warning if result.is_hard or words else messages.info)(request, text)


hooks.register("after_create_page", _readability_message)
hooks.register("after_edit_page", _readability_message)
