"""What empties the page cache: anything an anonymous visitor could see change on a page."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import BaseViewRestriction, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from .cache import purge_page_cache

# Saved or deleted rows of these kinds change what pages show: footer settings, a site's
# hostname or root, an image or document a page links, and above all a view restriction
# (a page that just became private must not stay in the cache as a public copy).
RENDER_MODELS = (
    BaseSiteSetting,
    BaseGenericSetting,
    Site,
    AbstractImage,
    AbstractDocument,
    BaseViewRestriction,
)

# Plain models (not snippets) whose rows appear in rendered pages: the glossary explains
# Fagland words inside page text; editors' promoted search answers head a search page.
RENDER_MODEL_LABELS = ("home.GlossaryTerm", "wagtailsearchpromotions.SearchPromotion")


def _render_models_by_label() -> tuple[type, ...]:
    found = []
    for label in RENDER_MODEL_LABELS:
        try:
            found.append(apps.get_model(label))
        except LookupError:
            continue
    return tuple(found)


def _on_page_change(sender, **kwargs):
    purge_page_cache()


def _on_row_change(sender, instance, **kwargs):
    # A draft save of a page changes nothing public; publish/unpublish/move have signals.
    if isinstance(instance, Page) and kwargs.get("signal") is post_save:
        return
    watched = (*RENDER_MODELS, Page, *_render_models_by_label())
    if isinstance(instance, watched) or sender in get_snippet_models():
        purge_page_cache()


def connect() -> None:
    page_published.connect(_on_page_change, dispatch_uid="pagecache_published")
    page_unpublished.connect(_on_page_change, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(_on_page_change, dispatch_uid="pagecache_moved")
    post_save.connect(_on_row_change, dispatch_uid="pagecache_saved")
    post_delete.connect(_on_row_change, dispatch_uid="pagecache_deleted")
