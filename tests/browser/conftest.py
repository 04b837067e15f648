"""Browser fixtures: the demo site on a live server, and an axe check for WCAG 2.1 A/AA."""

import pytest
from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def live_site(live_server, transactional_db):
    """A live server with the demo pages. Transactional tests flush the database, so the
    site is built again for each test."""
    from home.demo import seed_pages

    seed_pages()
    return live_server


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def assert_accessible(axe):
    """Run axe-core on the current page with the WCAG 2.1 A and AA rules; fail on any hit."""

    def check(page):
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        violations = results.response["violations"]
        assert not violations, f"{page.url}:\n{results.generate_report()}"
        return results

    return check
