"""Page types for the public plain-language site, and the footer settings editors manage."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import GUIDE_BLOCKS, TOP_TASK_BLOCKS


class HomePage(Page):
    intro = models.TextField(_("kort introduktion"), blank=True)
    top_tasks = StreamField(TOP_TASK_BLOCKS, blank=True, verbose_name=_("vigtigste opgaver"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("top_tasks")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("forside")
        verbose_name_plural = _("forsider")


class GuideIndexPage(Page):
    intro = models.TextField(_("kort introduktion"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage", "home.GuideIndexPage"]
    subpage_types = ["home.GuidePage", "home.GuideIndexPage"]

    class Meta:
        verbose_name = _("sektion")
        verbose_name_plural = _("sektioner")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().public().specific().order_by("path")
        return context


class GuidePage(Page):
    summary = models.TextField(
        _("kort resumé"),
        max_length=300,
        help_text=_("Én eller to sætninger. Vises i søgeresultater og oversigter."),
    )
    body = StreamField(GUIDE_BLOCKS, verbose_name=_("indhold"))

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.GuideIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("vejledning")
        verbose_name_plural = _("vejledninger")


@register_setting(icon="list-ul")
class FooterSettings(BaseSiteSetting):
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("kontaktside"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("tilgængelighedserklæring"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [PageChooserPanel("contact_page"), PageChooserPanel("accessibility_page")]

    class Meta:
        verbose_name = _("sidefod")
