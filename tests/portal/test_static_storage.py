"""The static files' storage (portal.storage): whitenoise's URLs, each worked out once."""

import json

import pytest
from django.test import override_settings
from whitenoise.storage import CompressedManifestStaticFilesStorage

from portal.storage import StaticFilesStorage

NAMES = ["css/base.css", "css/base.css#top", "fonts/x.woff?#iefix", "img/", "css/base.css"]


@pytest.fixture
def static_root(tmp_path):
    paths = {"css/base.css": "css/base.0123abcd.css", "fonts/x.woff": "fonts/x.4567ef.woff"}
    manifest = {"paths": paths, "version": "1.1", "hash": "0"}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    return tmp_path


@override_settings(DEBUG=False, STATIC_URL="/static/")
def test_the_urls_are_whitenoises_and_each_is_worked_out_once(static_root, monkeypatch):
    ours = StaticFilesStorage(location=static_root)
    theirs = CompressedManifestStaticFilesStorage(location=static_root)
    assert [ours.url(name) for name in NAMES] == [theirs.url(name) for name in NAMES]
    assert ours.url("css/base.css") == "/static/css/base.0123abcd.css"

    looked_up = []
    original = StaticFilesStorage.stored_name
    monkeypatch.setattr(
        StaticFilesStorage,
        "stored_name",
        lambda self, name: looked_up.append(name) or original(self, name),
    )
    for _ in range(3):
        assert [ours.url(name) for name in NAMES] == [theirs.url(name) for name in NAMES]
    assert looked_up == []  # all kept from the first round
    assert ours.url("css/base.css", force=True) == "/static/css/base.0123abcd.css"
    assert looked_up == ["css/base.css"]  # a forced URL is asked for afresh


@override_settings(DEBUG=False, STATIC_URL="/static/")
def test_a_name_missing_from_the_manifest_fails_every_time(static_root):
    storage = StaticFilesStorage(location=static_root)
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("css/missing.css")


def test_debug_serves_the_plain_names_even_after_a_hashed_one_was_kept(static_root):
    storage = StaticFilesStorage(location=static_root)
    with override_settings(DEBUG=False, STATIC_URL="/static/"):
        assert storage.url("css/base.css") == "/static/css/base.0123abcd.css"
    with override_settings(DEBUG=True, STATIC_URL="/static/"):
        assert storage.url("css/base.css") == "/static/css/base.css"
