"""Every page Wagtail serves may be cached for anonymous visitors; the middleware's checks
(no cookie set, no never-cache header from view restrictions, status 200) decide."""

from wagtail import hooks

from .cache import mark_cacheable


@hooks.register("before_serve_page")
def mark_wagtail_page_cacheable(page, request, serve_args, serve_kwargs):
    # A query string may carry anything (paging, tracking tags): not worth one entry each.
    if not request.GET:
        mark_cacheable(request=request)
