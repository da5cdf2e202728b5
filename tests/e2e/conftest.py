"""End-to-end tests: Debian's Chromium driven by Playwright. The page helpers (axe-core, keyboard, login) are in
helpers.py."""

import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop
pytest.register_assert_rewrite("tests.e2e.helpers")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    contexts = []

    def make(*, viewport=None, **kwargs):
        kwargs.setdefault("locale", "nl-NL")
        context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900}, **kwargs)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture(scope="module")
def oidc_url():
    """A real OpenID Connect provider on loopback (oidc-provider-mock), for the SSO tests."""
    from burgeridee.sso.testing import oidc_provider  # noqa: PLC0415 - only for the tests that use it

    with oidc_provider() as url:
        yield url
