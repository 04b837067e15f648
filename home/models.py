"""Page types for the public plain-language site, and the footer settings editors manage."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.pagecache.restrictions import CachedViewRestrictionsMixin, exclude_restricted
from portal.pagecache.routing import OneQueryRouteMixin

from .blocks import GUIDE_BLOCKS, TOP_TASK_BLOCKS
from .panels import ReadabilityPanel


class HomePage(OneQueryRouteMixin, CachedViewRestrictionsMixin, Page):
    intro = models.TextField(_("kort introduktion"), blank=True)
    top_tasks = StreamField(TOP_TASK_BLOCKS, blank=True, verbose_name=_("vigtigste opgaver"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("top_tasks"),
        ReadabilityPanel(),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("forside")
        verbose_name_plural = _("forsider")


class GuideIndexPage(CachedViewRestrictionsMixin, Page):
    intro = models.TextField(_("kort introduktion"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), ReadabilityPanel()]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage", "home.GuideIndexPage"]
    subpage_types = ["home.GuidePage", "home.GuideIndexPage"]

    class Meta:
        verbose_name = _("sektion")
        verbose_name_plural = _("sektioner")

    def get_context(self, request, *args, **kwargs):
        """Every live public page below, in one list: the direct children, and under each
        section its own pages (`child.nested`), so a guide deep in a section is one click
        from here as well."""
        context = super().get_context(request, *args, **kwargs)
        below = exclude_restricted(self.get_descendants().live()).specific().order_by("path")
        children = []
        for page in below:
            if page.depth == self.depth + 1:
                page.nested = []
                children.append(page)
            elif children and page.path.startswith(children[-1].path):
                children[-1].nested.append(page)
        context["children"] = children
        return context


class GuidePage(CachedViewRestrictionsMixin, Page):
    summary = models.TextField(
        _("kort resumé"),
        max_length=300,
        help_text=_("Én eller to sætninger. Vises i søgeresultater og oversigter."),
    )
    body = StreamField(GUIDE_BLOCKS, verbose_name=_("indhold"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        ReadabilityPanel(),
    ]
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
    # The footer links both pages on every page: one query (and then the cache) for all three.
    select_related = ["contact_page", "accessibility_page"]

    class Meta:
        verbose_name = _("sidefod")


class GlossaryTerm(models.Model):
    """A Fagland word and its Borgerland meaning. Editors keep the list; pages and plans are
    checked against it, and citizens get the explanation where the word stays."""

    term = models.CharField(
        _("fagord"),
        max_length=100,
        unique=True,
        help_text=_("Grundformen, fx “afgørelse”. Bøjede former findes af sig selv."),
    )
    plain = models.CharField(
        _("hverdagsord"), max_length=200, help_text=_("Det ord, en borger selv ville bruge.")
    )
    explanation = models.CharField(
        _("forklaring"),
        max_length=300,
        blank=True,
        help_text=_("Én sætning i hverdagssprog. Borgeren ser den, når ordet står i en tekst."),
    )
    other_forms = models.CharField(
        _("andre former"),
        max_length=300,
        blank=True,
        help_text=_(
            "Former, der ikke følger reglen, adskilt med komma, fx “påbuddet, påbuddene”."
        ),
    )

    panels = [
        FieldPanel("term"),
        FieldPanel("plain"),
        FieldPanel("explanation"),
        FieldPanel("other_forms"),
    ]

    class Meta:
        ordering = ["term"]
        verbose_name = _("fagord")
        verbose_name_plural = _("ordliste")

    def __str__(self):
        return f"{self.term} → {self.plain}"


class PageReadability(models.Model):
    """LIX and glossary words of a page's live version, kept so the Læsbarhed report can sort
    and filter in the database. Recomputed when the live revision or the glossary changes."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="readability"
    )
    revision_id = models.BigIntegerField(null=True)
    glossary_version = models.CharField(max_length=40)
    lix = models.FloatField(_("LIX"))
    words = models.PositiveIntegerField(_("ord"))
    jargon_count = models.PositiveIntegerField(_("fagord"))
    jargon_terms = models.JSONField(_("fagord fundet"), default=list)

    class Meta:
        verbose_name = _("læsbarhed")
        verbose_name_plural = _("læsbarhed")

    def __str__(self):
        return f"{self.page_id}: LIX {self.lix}"
