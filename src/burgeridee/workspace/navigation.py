"""The workspace navigation. Other apps add their section with `nav_item_register` in AppConfig.ready()."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from burgeridee.accounts.constants import Role


@dataclass(frozen=True)
class NavItem:
    url_name: str  # reversed with the municipality slug
    label: str
    roles: tuple[str, ...] = ()  # empty: every member


NAV_ITEMS: list[NavItem] = [
    NavItem("workspace:inbox", _("Inbox"), (Role.COORDINATOR, Role.CONTACT, Role.ADMINISTRATOR)),
]


def nav_item_register(item: NavItem) -> None:
    if item not in NAV_ITEMS:
        NAV_ITEMS.append(item)


def nav_items(request) -> list[dict]:
    membership = getattr(request, "membership", None)
    if membership is None:
        return []
    items = []
    for item in NAV_ITEMS:
        if item.roles and not membership.has_role(*item.roles):
            continue
        url = reverse(item.url_name, kwargs={"municipality_slug": membership.municipality.slug})
        items.append({"url": url, "label": item.label, "current": url == request.path})
    # The deepest matching section is the current one (the inbox URL is a prefix of every page).
    matches = [entry for entry in items if request.path.startswith(entry["url"])]
    if matches and not any(entry["current"] for entry in items):
        max(matches, key=lambda entry: len(entry["url"]))["current"] = True
    return items
