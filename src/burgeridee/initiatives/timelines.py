"""Other routes for the resident's status page. An initiative normally shows the ordinary time line
(selectors.resident_timeline); an app above this one whose initiatives follow a route of their own (the right
to challenge) registers a function that returns that route's steps, or None for initiatives that are not its:

    resident_routes.register(ResidentRoute("challenge", challenge_steps))
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


resident_routes = Registry[ResidentRoute]("resident routes")


def resident_steps(*, initiative: Initiative) -> list[Step]:
    """The steps the resident sees: the first registered route that claims the initiative, else the ordinary."""
    for route in resident_routes:
        steps = route.steps(initiative)
        if steps is not None:
            return steps
    return resident_timeline(initiative=initiative)
