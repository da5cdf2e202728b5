"""Time-line event kinds: what can happen to an initiative, declared by the app it happens in.

A `TimelineEvent` stores its kind as a plain string key. The key is checked against this registry
when an event is recorded (and by the model field's validator), not by database choices, so an app
adds a kind by registering an `EventType` in its own `events.py`, with no migration and without
touching any other app. See docs/decisions/0005-event-registry.md.

    # conversations/events.py, imported from ConversationsConfig.ready()
    event_types.register(EventType("gesprek_gepland", _("Eerste gesprek gepland")))

A type renders through two small templates: one for staff (the initiative page's time line) and one
for the resident (the status page). Both default to the label alone; a kind that says more brings
its own template. `resident_template=None` means the event does not concern the resident: it is
recorded as internal and never rendered for them.

A kind can also say how it shows as a step of the resident's time line ("Zo gaat het verder"):
`resident_steps(event)` returns `ResidentStep`s. The initiatives app folds the steps of all events of
an initiative in order; a later step with the same key replaces the earlier one (a conversation moved,
then held), so the time line follows what really happened. A step function may read an internal
event (a callback date), so it must put only what the resident may know into its step.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .registry import Registry

Audience = Literal["staff", "resident"]
AUDIENCES: tuple[Audience, ...] = ("staff", "resident")

# The label and nothing else: what most kinds show.
LABEL_TEMPLATE = "records/events/label.html"


StepState = Literal["done", "current", "upcoming"]


@dataclass(frozen=True)
class ResidentStep:
    """One step of the resident's time line: what happened or comes next, with its date.

    key: steps with the same key replace each other, the later event's step wins ("gesprek": planned,
        moved, held). `replaces`: keys of other steps this one makes void (a phase corrected back).
    state: "done" (it happened), "current" (going on now, or waiting for the resident) or "upcoming".
    day / day_label: the date shown ("Op", "Uiterlijk"); day_text: the date as written when the day alone
        does not say it ("dinsdag 10 maart 2026, om 14:00 uur"); at: when it happened, to order done steps.
    order: the place of steps without a date among those still to come.
    fulfils: keys of steps still ahead that this one makes unnecessary (a planned conversation is the
        contact that was promised); a step that already happened stays.
    A step without a title shows nothing: it only voids the keys in `replaces`.
    """

    key: str
    title: str
    description: str = ""
    state: StepState = "done"
    day: date | None = None
    day_label: str = ""
    day_text: str = ""
    at: datetime | None = None
    order: int = 50
    replaces: tuple[str, ...] = ()
    fulfils: tuple[str, ...] = ()

    @property
    def is_done(self) -> bool:
        return self.state == "done"


@dataclass(frozen=True)
class EventType:
    """One kind of time-line event.

    key: the stored string; never change it once events of the kind exist.
    label: short, translated when shown (a lazy gettext string).
    staff_template / resident_template: rendered with `event`, `data` (the event's data), `label`
        and whatever `context(event)` adds. `resident_template=None`: internal, staff only.
    context: optional; extra template variables computed from the event (e.g. a phase's label).
    resident_steps: optional; (event) -> the ResidentSteps this event puts on the resident's time line.
    """

    key: str
    label: str | Promise
    staff_template: str = LABEL_TEMPLATE
    resident_template: str | None = LABEL_TEMPLATE
    context: Callable[[Any], dict] | None = field(default=None, compare=False)
    resident_steps: Callable[[Any], Iterable[ResidentStep]] | None = field(default=None, compare=False)

    @property
    def concerns_resident(self) -> bool:
        return self.resident_template is not None

    def template_for(self, audience: Audience) -> str | None:
        if audience not in AUDIENCES:
            raise ValueError(f"Unknown audience {audience!r}; use one of {AUDIENCES}.")
        return self.staff_template if audience == "staff" else self.resident_template


event_types = Registry[EventType]("time-line events")


class UnknownEventKind(ValueError):
    """An event of a kind no app registered: a typo, or an app that forgot to import its events.py."""

    def __init__(self, kind: str):
        super().__init__(
            f"No time-line event kind {kind!r} is registered. Declare it with "
            f"`event_types.register(EventType({kind!r}, ...))` in the app's events.py and import that "
            f"module from the app's AppConfig.ready(). Registered: {', '.join(sorted(event_types.keys()))}."
        )
        self.kind = kind


def event_type_get(kind: str) -> EventType:
    """The registered type of `kind`; raises UnknownEventKind."""
    event_type = event_types.get(kind)
    if event_type is None:
        raise UnknownEventKind(kind)
    return event_type


def event_kind_validate(value: str) -> None:
    """Model field validator: the kind must be registered (no database choices, so no migrations)."""
    if value not in event_types:
        raise ValidationError(
            _("Onbekende soort gebeurtenis: %(kind)s"), code="unknown_event_kind", params={"kind": value}
        )


def event_label(kind: str) -> str:
    """The translated label of `kind`, or the key itself for a kind no longer registered (old rows)."""
    event_type = event_types.get(kind)
    return str(event_type.label) if event_type else kind


def step_kinds() -> list[str]:
    """The keys of the kinds that put steps on the resident's time line."""
    return [event_type.key for event_type in event_types if event_type.resident_steps is not None]


def event_resident_steps(event) -> list[ResidentStep]:
    """The steps `event` puts on the resident's time line (none for a kind without them)."""
    event_type = event_types.get(event.kind)
    if event_type is None or event_type.resident_steps is None:
        return []
    return list(event_type.resident_steps(event) or [])
