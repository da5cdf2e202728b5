"""Helpers for the end-to-end tests: axe-core checks, keyboard navigation and a logged-in staff session."""

import json
from pathlib import Path

from django.conf import settings
from playwright.sync_api import Error as PlaywrightError

from burgeridee.accounts.testing import login_with_second_factor

ROOT = Path(__file__).resolve().parents[2]
AXE_SOURCE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page) -> list[dict]:
    """Run axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on the page; return the violations.

    A page that navigates by itself while axe runs (an htmx poll that redirects to the next module of a
    workshop) destroys the script's context; then the new page is checked once it has loaded.
    """
    for attempt in range(3):
        try:
            page.wait_for_load_state("load")
            page.evaluate(AXE_SOURCE.read_text())
            result = page.evaluate(
                "async (tags) => await axe.run(document, "
                "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
                AXE_TAGS,
            )
            break
        except PlaywrightError as error:
            if "context was destroyed" not in str(error) or attempt == 2:
                raise
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]


def assert_accessible(page):
    violations = axe_violations(page)
    assert violations == [], f"axe-core violations on {page.url}:\n{json.dumps(violations, indent=2)}"


def tab_to(page, selector: str, *, limit: int = 80):
    """Press Tab until the element matching `selector` has focus (keyboard only, no clicks)."""
    for _ in range(limit):
        if page.evaluate("(sel) => document.activeElement && document.activeElement.matches(sel)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Could not reach {selector} with the Tab key")


def login_as(page, live_server, user):
    """Put a logged-in staff session for `user`, second factor verified, into the page's browser context."""
    client = login_with_second_factor(user)
    name = settings.SESSION_COOKIE_NAME
    page.context.add_cookies([{"name": name, "value": client.cookies[name].value, "url": live_server.url}])
