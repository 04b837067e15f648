"""Wagtail routes a URL one level at a time (two queries per level: the child, then its
specific row). A page's `url_path` already holds the whole path, so the site root can find
the page in one query and hand over to it."""

from wagtail.models import Page


class OneQueryRouteMixin:
    """For the site's root page model. Falls back to Wagtail's walk when no page has that exact
    path (a 404, or a routable page that reads the rest of the path itself)."""

    def route(self, request, path_components):
        if path_components:
            url_path = self.url_path + "/".join(path_components) + "/"
            page = Page.objects.filter(url_path=url_path).first()
            if page is not None:
                return page.specific.route(request, [])
        return super().route(request, path_components)
