"""Where each member of staff starts: the page that fits their roles. After login /werkplek/ (the chooser)
sends them there; /werkplek/<slug>/, the inbox's address (kept stable for bookmarks and the 403 page's way
back), sends those it is not meant for on to their start page too, so no role meets a 403 on arrival."""

from django.urls import reverse

from burgeridee.accounts.constants import Role
from burgeridee.accounts.models import Membership

# The first line whose roles the membership holds decides. Coordinators and contact persons handle
# initiatives, so with either role the inbox comes first whatever else someone does. The administrator
# may open the inbox too (to read an initiative's processing log), but starts on Inrichting (their set-up pages).
ROLE_HOMES: tuple[tuple[tuple[str, ...], str], ...] = (
    ((Role.COORDINATOR, Role.CONTACT), "workspace:inbox"),
    ((Role.ADMINISTRATOR,), "administration:overview"),
    ((Role.DEPARTMENT,), "handovers:list"),
    ((Role.TRAINER,), "workshops:list"),
)
# Open to every member: a membership without a role still lands on a page it may open.
FALLBACK_HOME = "knowledge:overview"


def home_url_name(membership: Membership) -> str:
    for roles, url_name in ROLE_HOMES:
        if membership.has_role(*roles):
            return url_name
    return FALLBACK_HOME


def home_url(membership: Membership) -> str:
    return reverse(home_url_name(membership), kwargs={"municipality_slug": membership.municipality.slug})
