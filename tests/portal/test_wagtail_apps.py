"""Five of Wagtail's apps without its API v3 (portal/wagtail_apps.py): what each app's ready()
set up still holds for editors, the API's packages are never loaded, and an upgrade of Wagtail
that changes one of the copied ready() methods is caught here."""

import hashlib
import inspect
import os
import subprocess
import sys
import textwrap

import pytest
from django.apps import apps
from django.conf import settings

from home.models import GuidePage
from portal import wagtail_apps
from tests.demo_replay import demo_site

CONFIGS = [
    wagtail_apps.ImagesConfig,
    wagtail_apps.DocumentsConfig,
    wagtail_apps.SnippetsConfig,
    wagtail_apps.LocalesConfig,
    wagtail_apps.RedirectsConfig,
]

# The start of the sha256 of each Wagtail config's ready() source, as copied (Wagtail 8.0.1).
COPIED_FROM = {
    "WagtailImagesAppConfig": "52e409385bb1ad62",
    "WagtailDocsAppConfig": "4cdf87a46dbf81ef",
    "WagtailSnippetsAppConfig": "1ac35b5ed4034956",
    "WagtailLocalesAppConfig": "212230a703ac39a7",
    "WagtailRedirectsAppConfig": "19d1a78049d84e47",
}


def _ready_hash(config) -> str:
    wagtail_config = config.__mro__[1]
    return hashlib.sha256(inspect.getsource(wagtail_config.ready).encode()).hexdigest()[:16]


@pytest.mark.parametrize("config", CONFIGS, ids=lambda c: c.__name__)
def test_the_copy_is_of_the_ready_wagtail_has_now(config):
    wagtail_config = config.__mro__[1]
    assert _ready_hash(config) == COPIED_FROM[wagtail_config.__name__], (
        f"Wagtail changed {wagtail_config.__module__}.{wagtail_config.__name__}.ready(): bring "
        f"portal/wagtail_apps.py's {config.__name__} in line with it, then its hash here."
    )


@pytest.mark.parametrize("config", CONFIGS, ids=lambda c: c.__name__)
def test_each_app_is_installed_under_wagtails_own_name_and_label(config):
    wagtail_config = config.__mro__[1]
    installed = apps.get_app_config(wagtail_config.label)
    assert type(installed) is config
    assert apps.is_installed(wagtail_config.name)


def test_the_api_v3_is_neither_installed_nor_loaded():
    # A fresh process with the portal's settings, its URLs loaded as a worker has them. (The
    # admin's own API, for its page explorer, still brings REST framework and pydantic.)
    code = textwrap.dedent(
        """
        import sys, django
        django.setup()
        from django.urls import get_resolver
        get_resolver().url_patterns
        print(sorted(m for m in ("ninja", "wagtail.api.v3.api") if m in sys.modules))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=os.environ, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip().splitlines()[-1] == "[]"
    assert not apps.is_installed("wagtail.api.v3")
    assert "wagtail.api.v3" not in settings.INSTALLED_APPS


@pytest.mark.django_db
def test_an_editor_who_changes_a_slug_leaves_a_redirect_behind(
    client, django_capture_on_commit_callbacks
):
    # RedirectsConfig.ready() connects Wagtail's own handler (it runs once the save commits).
    from wagtail.contrib.redirects.models import Redirect

    demo_site()
    guide = GuidePage.objects.live().first()
    old_path = guide.url
    guide.slug = f"{guide.slug}-ny"
    with django_capture_on_commit_callbacks(execute=True):
        guide.save_revision().publish()

    assert Redirect.objects.filter(redirect_page=guide).exists()
    response = client.get(old_path)
    assert response.status_code == 301
    assert response["Location"].endswith(f"{guide.slug}/")


def test_an_image_field_in_the_admin_is_chosen_with_wagtails_image_chooser():
    # ImagesConfig.ready() registers the chooser for every ForeignKey to the image model.
    from django.db import models
    from wagtail.admin.forms.models import formfield_for_dbfield
    from wagtail.images import get_image_model
    from wagtail.images.widgets import AdminImageChooser

    field = models.ForeignKey(get_image_model(), on_delete=models.SET_NULL, null=True)
    assert isinstance(formfield_for_dbfield(field).widget, AdminImageChooser)
