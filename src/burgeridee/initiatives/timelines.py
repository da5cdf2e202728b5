"""Other routes for the resident's status page. An initiative normally shows the ordinary time line
(selectors.resident_timeline); an app above this one whose initiatives follow a route of their own (the right
to challenge) registers a function that returns that route's steps, or None for initiatives that are not its:

    resident_routes.register(ResidentRoute("challenge", challenge_steps, related=("challenge__task",)))

`related`: the route's relations on the initiative (select_related paths) that its function reads; the status
page and the confirmation join them into the initiative's own query, so that telling whether an initiative
follows the route costs no query of its own.
"""

from collections.abc import Callable
from dataclasses import dataclass

from burgeridee.records.registry import Registry

from .models import Initiative
from .selectors import Step, resident_timeline


@dataclass(frozen=True)
class ResidentRoute:
    key: str
    steps: Callable[[Initiative], list[Step] | None]
    related: tuple[str, ...] = ()


resident_routes = Registry[ResidentRoute]("resident routes")


def resident_route_related() -> tuple[str, ...]:
    """The relations every registered route reads (for `selectors.initiative_get_by_token(select=...)`)."""
    return tuple(path for route in resident_routes for path in route.related)


def resident_steps(*, initiative: Initiative) -> list[Step]:
    """The steps the resident sees: the first registered route that claims the initiative, else the ordinary."""
    for route in resident_routes:
        steps = route.steps(initiative)
        if steps is not None:
            return steps
    return resident_timeline(initiative=initiative)
