"""The staff menu's sections. Each app registers the section it adds, from its AppConfig.ready():

    nav_registry.register(NavItem("privacy:overview", _("Privacy"), (Role.COORDINATOR,), order=30))

The items live here in the foundation, not in the workspace shell that draws the menu
(workspace/navigation.py), so that a feature app adds its section without importing the shell above it.
"""

from dataclasses import dataclass

from .registry import Registry


@dataclass(frozen=True)
class NavItem:
    url_name: str  # reversed with the municipality slug; also the item's key
    label: str
    roles: tuple[str, ...] = ()  # empty: every member
    # The place in the menu, low first. Apps become ready in INSTALLED_APPS order, which says nothing
    # about where a section belongs, so each item states it.
    order: int = 100

    @property
    def key(self) -> str:
        return self.url_name


nav_registry = Registry[NavItem]("workspace navigation")
