"""Danish first: the site speaks Danish unless the visitor chose English with the switch.

Django's LocaleMiddleware also follows the browser's Accept-Language, so a phone set to English
got English labels over Danish content. Here only a language prefix in the URL (should
i18n_patterns ever be used) and the switch's cookie (Django's set_language view) count.
Wagtail's admin still applies a staff member's own preferred language on top of this
(wagtail.admin.localization.get_localized_response)."""

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


def chosen_language(request) -> str:
    """The language this request is shown in: the URL's prefix, else the cookie, else Danish.
    The prefix rules are LocaleMiddleware's (with prefix_default_language=False an unprefixed
    URL is Danish). The page cache keys on it too, so a cached copy is in the language served."""
    urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
    prefixes_used, prefixed_default = is_language_prefix_patterns_used(urlconf)
    if prefixes_used:
        from_path = translation.get_language_from_path(request.path_info)
        if from_path:
            return from_path
        if not prefixed_default:
            return settings.LANGUAGE_CODE
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if cookie:
        try:
            return translation.get_supported_language_variant(cookie)
        except LookupError:
            pass
    return settings.LANGUAGE_CODE


class ChosenLanguageMiddleware(LocaleMiddleware):
    """LocaleMiddleware with `chosen_language` instead of get_language_from_request; its
    response half (redirect to a prefixed URL, Content-Language) is Django's unchanged."""

    def process_request(self, request):
        translation.activate(chosen_language(request))
        request.LANGUAGE_CODE = translation.get_language()
