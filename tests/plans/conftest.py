"""Fixtures for the plans tests: a world of roles and plans (see factories.build_world)."""

import pytest

from .factories import build_world


@pytest.fixture
def world(db):
    return build_world()
