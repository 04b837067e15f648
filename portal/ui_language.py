"""The UI language a request is shown in (portal.languages handles which *page* a URL names).
Kept apart from portal.languages, which imports Wagtail's views, because the page cache needs
it while the apps load."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation


def chosen_language(request) -> str:
    """The UI language of this request: an /en/ prefix, else the switch's cookie, else Danish.
    Never the browser's Accept-Language: a Danish phone set to English still gets Danish
    unless the person chose English. The page cache keys on it too, so a cached copy is in
    the language served."""
    from_path = translation.get_language_from_path(request.path_info)
    if from_path:
        return from_path
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if cookie:
        try:
            return translation.get_supported_language_variant(cookie)
        except LookupError:
            pass
    return settings.LANGUAGE_CODE


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, with `chosen_language` instead of get_language_from_request: once
    i18n_patterns is used Django picks LANGUAGE_CODE on every unprefixed URL (dropping the
    visitor's choice on Min plan, login and search), and elsewhere it follows Accept-Language.
    Its response half (Content-Language) is Django's; Wagtail's admin still applies a staff
    member's own preferred language on top (wagtail.admin.localization)."""

    def process_request(self, request):
        translation.activate(chosen_language(request))
        request.LANGUAGE_CODE = translation.get_language()
