"""Template access to published state that only editors change, kept per cache generation."""

from django import template
from django.apps import apps
from wagtail.models import Site

from ..cache import published_memo

register = template.Library()


@register.simple_tag(takes_context=True)
def site_setting(context, model_label: str):
    """`{% site_setting "home.FooterSettings" as footer %}`: the site's settings row (with the
    model's `select_related` pages), without a query per request."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    model = apps.get_model(model_label)
    return published_memo(
        key=f"pagecache:setting:{model_label}:{site.pk}", build=lambda: model.for_site(site)
    )
