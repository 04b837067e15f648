"""Our own words for the screens we borrow from allauth, Wagtail's admin and Django.

Their Danish catalogues translate their English msgids into formal or official Danish
("Genautentificer venligst", "To-faktor-autentificering") and have typos ("Bekæftet"). This
app has no code and no strings of its own: only locale/da/LC_MESSAGES/django.po, which gives
those English msgids the project's plain Danish. Django reads the catalogues of
INSTALLED_APPS in order and the first one that has a msgid wins, so this app is listed before
Wagtail, allauth and Django's contrib apps. It stays out of `makemessages`: with no
translatable strings in its folder, makemessages writes no template for its locale/ and
leaves the .po alone (tests/accounts/test_borrowed_words.py checks both). Edit the .po by
hand and compile it with `msgfmt` (or `manage.py compilemessages`)."""

from django.apps import AppConfig


class BorrowedConfig(AppConfig):
    name = "portal.borrowed"
    label = "borrowed"
