"""Closes Wagtail's search-promotions query chooser to everyone but the people who pin answers.

Wagtail serves the chooser (the most popular search terms, searchable) to any admin user, so a
caseworker could read what the public types. Our own paths, registered ahead of Wagtail's, let
only those who may add, change or delete promotions (editors, "Redaktører") through to
Wagtail's view."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.contrib.search_promotions.views.settings import chooser, chooserresults

PROMOTION_PERMISSIONS = [
    f"wagtailsearchpromotions.{action}_searchpromotion" for action in ("add", "change", "delete")
]


def for_promotion_editors(view):
    def guarded(request, *args, **kwargs):
        if not any(request.user.has_perm(permission) for permission in PROMOTION_PERMISSIONS):
            return permission_denied(request)
        return view(request, *args, **kwargs)

    return guarded


@hooks.register("register_admin_urls", order=-1)
def register_guarded_query_chooser():
    return [
        path("searchpicks/queries/chooser/", for_promotion_editors(chooser)),
        path("searchpicks/queries/chooser/results/", for_promotion_editors(chooserresults)),
    ]
