"""The sections of the staff initiative page come from a registry (initiatives/panels.py)."""

from types import SimpleNamespace

import pytest
from django.template import Context, Template

from burgeridee.accounts.constants import Role
from burgeridee.initiatives.panels import MAIN, SIDE, BoundPanel, InitiativePanel, initiative_panels, panels_for


class Member:
    def __init__(self, *roles):
        self.roles = set(roles)

    def has_role(self, *roles):
        return bool(self.roles & set(roles))


def keys(columns):
    return {column: [panel.key for panel in panels] for column, panels in columns.items()}


def test_every_app_places_its_section_in_the_order_of_the_page():
    """The apps above initiatives register their own sections in AppConfig.ready(); together they make the page."""
    in_order = sorted(initiative_panels, key=lambda panel: (panel.order, panel.key))
    assert {column: [p.key for p in in_order if p.column == column] for column in ("main", "side", "foot")} == {
        "main": ["idea", "help", "handovers", "messages", "notes", "timeline"],
        "side": [
            "contact_person",
            "letter",
            "challenge",
            "conversation",
            "deadlines",
            "showcase",
            "phase",
            "initiators",
        ],
        "foot": ["processing_log"],
    }
    assert initiative_panels["processing_log"].roles == (Role.ADMINISTRATOR,)


def test_panels_come_in_order_and_only_for_the_roles_they_name(monkeypatch):
    calls = []

    def context(request, initiative):
        calls.append(initiative)
        return {"extra": "van het paneel"}

    examples = [
        InitiativePanel("late", MAIN, 999, "late.html"),
        InitiativePanel("early", MAIN, -1, "early.html", context=context),
        InitiativePanel("admin", SIDE, -1, "admin.html", roles=(Role.ADMINISTRATOR,)),
    ]
    monkeypatch.setattr("burgeridee.initiatives.panels.initiative_panels", examples)
    contact = panels_for(SimpleNamespace(membership=Member(Role.CONTACT)), "het initiatief")
    assert keys(contact) == {"main": ["early", "late"], "side": [], "foot": []}
    assert contact["main"][0].context == {"extra": "van het paneel"}
    assert calls == ["het initiatief"]
    admin = panels_for(SimpleNamespace(membership=Member(Role.ADMINISTRATOR)), "het initiatief")
    assert keys(admin)["side"] == ["admin"]


def test_a_panel_names_a_known_column():
    with pytest.raises(ValueError):
        InitiativePanel("wrong", "left", 1, "x.html")


def test_a_panel_renders_with_the_page_context_and_its_own():
    initiative = SimpleNamespace(support_requests=SimpleNamespace(all=list), help_description="Een kraam\nen een tent")
    page = Template("{% load initiative_panels %}{% initiative_panel panel %}[{{ initiative|default:'' }}]")
    own = page.render(
        Context({"panel": BoundPanel("help", "initiatives/staff/panels/help.html", {"initiative": initiative})})
    )
    assert "Nog niet bekend" in own and "Een kraam<br>en een tent" in own
    assert own.endswith("[]")  # the panel's context ends with the panel
    shared = page.render(
        Context({"panel": BoundPanel("help", "initiatives/staff/panels/help.html", {}), "initiative": initiative})
    )
    assert "Een kraam<br>en een tent" in shared
