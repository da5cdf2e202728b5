"""The sections ("panels") of the staff initiative page, each registered by the app it belongs to.

The page (views/staff.py) is drawn by the initiatives app, which sits below the apps that add to it
(hand-overs, deadlines, the first conversation, the showcase, privacy) and may not import them. So each
of those apps registers its own section here from its AppConfig.ready():

    initiative_panels.register(
        InitiativePanel(key="handovers", column=MAIN, order=30, template="handovers/_initiative_section.html",
                        context=handovers_context)
    )

The initiatives app registers its own sections the same way (below), so one `order` places every
section: the page shows, per column, the panels the member of staff's roles allow, lowest order first.
A panel's template is rendered with the page's context (initiative, municipality, the forms, can_handle,
...) plus what its `context` function returns, just like an `{% include %}`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest

from burgeridee.records.registry import Registry

from .models import Initiative

MAIN = "main"  # the wide column: the idea, messages, notes, time line
SIDE = "side"  # the narrow column: contact person, phase, people
FOOT = "foot"  # under both columns
COLUMNS = (MAIN, SIDE, FOOT)


@dataclass(frozen=True)
class InitiativePanel:
    key: str
    column: str
    order: int
    template: str
    # (request, initiative) -> extra context for the template; run once per page view, before rendering.
    # Keep it to a fixed number of queries: the page's query count must not grow with the data.
    context: Callable[[HttpRequest, Initiative], dict] | None = None
    roles: tuple[str, ...] = ()  # empty: everyone who may open the page

    def __post_init__(self):
        if self.column not in COLUMNS:
            raise ValueError(f"{self.key}: column must be one of {COLUMNS}, not {self.column!r}")


@dataclass(frozen=True)
class BoundPanel:
    """A panel ready to draw: its template and its own context."""

    key: str
    template: str
    context: dict


initiative_panels = Registry[InitiativePanel]("initiative page panels")


def panels_for(request: HttpRequest, initiative: Initiative) -> dict[str, list[BoundPanel]]:
    """The panels this member of staff sees on this initiative's page, per column, in order."""
    membership = request.membership
    columns: dict[str, list[BoundPanel]] = {column: [] for column in COLUMNS}
    for panel in sorted(initiative_panels, key=lambda panel: (panel.order, panel.key)):
        if panel.roles and not membership.has_role(*panel.roles):
            continue
        context = panel.context(request, initiative) if panel.context else {}
        columns[panel.column].append(BoundPanel(panel.key, panel.template, context))
    return columns


# The initiatives app's own sections. Their templates use the page's context (the forms, can_handle).
for _panel in (
    InitiativePanel("idea", MAIN, 10, "initiatives/staff/panels/idea.html"),
    InitiativePanel("help", MAIN, 20, "initiatives/staff/panels/help.html"),
    InitiativePanel("messages", MAIN, 40, "initiatives/staff/panels/messages.html"),
    InitiativePanel("notes", MAIN, 50, "initiatives/staff/panels/notes.html"),
    InitiativePanel("timeline", MAIN, 60, "initiatives/staff/panels/timeline.html"),
    InitiativePanel("contact_person", SIDE, 10, "initiatives/staff/panels/contact_person.html"),
    InitiativePanel("phase", SIDE, 50, "initiatives/staff/panels/phase.html"),
    InitiativePanel("initiators", SIDE, 60, "initiatives/staff/panels/initiators.html"),
):
    initiative_panels.register(_panel)

# Where the other apps' sections go (they register themselves): MAIN 30 hand-overs; SIDE 12 the letter for a
# resident by post (intake), 15 the right to challenge, 20 the first conversation, 30 deadlines and follow-ups,
# 40 the showcase; FOOT 10 the processing log.
