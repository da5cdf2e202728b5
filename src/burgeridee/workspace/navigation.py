"""The workspace menu. The sections come from `records.navigation.nav_registry`, where each app
registers its own in AppConfig.ready()."""

from django.urls import reverse

from burgeridee.records.navigation import nav_registry


def nav_items(request) -> list[dict]:
    membership = getattr(request, "membership", None)
    if membership is None:
        return []
    items = []
    for item in sorted(nav_registry, key=lambda item: item.order):
        if item.roles and not membership.has_role(*item.roles):
            continue
        url = reverse(item.url_name, kwargs={"municipality_slug": membership.municipality.slug})
        items.append({"url": url, "label": item.label, "current": url == request.path})
    # The deepest matching section is the current one (the inbox URL is a prefix of every page).
    matches = [entry for entry in items if request.path.startswith(entry["url"])]
    if matches and not any(entry["current"] for entry in items):
        max(matches, key=lambda entry: len(entry["url"]))["current"] = True
    return items
