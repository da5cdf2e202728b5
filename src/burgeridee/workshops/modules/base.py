"""The base class of a workshop module, and the registry that finds one by the key an agenda item stores.

This file imports no view, service or selector, so the services and forms can ask a module about itself
(`module_for(item.module).step_count`) without an import cycle; the module files, which do use services and
selectors, are imported from `WorkshopsConfig.ready()` and register themselves with `@module_register`.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from burgeridee.records.registry import Registry

from ..constants import Module

# What most modules tell a participant after a save.
SAVED = _("Opgeslagen. U kunt uw antwoord nog aanpassen.")


@dataclass
class Posted:
    """What a participant sent with one action: bound to save it, and to show it again when it is not saved.

    `form` is validated before saving (a form with errors comes back with a 400); `shown` goes into the page's
    context when the answer is shown again (a 400, 429 or 503), so nothing typed is lost; `values` is what the
    module's `save` needs besides the form.
    """

    form: forms.Form | None = None
    shown: dict = field(default_factory=dict)
    values: dict = field(default_factory=dict)

    def is_valid(self) -> bool:
        return self.form.is_valid() if self.form is not None else True


class WorkshopModule:
    """One kind of agenda item. Subclasses live one per file in this package; the stored key never changes."""

    key: str = ""  # the value of `constants.Module` stored on `AgendaItem.module`
    actions: tuple[str, ...] = ()  # what participants send: /doe-mee/<code>/<action>/

    # Setting up the agenda item.
    step_count = 1  # dialogues or rounds the trainer steps through within the module
    forms_groups = False  # participants are put in groups when the module starts (and latecomers added)
    uses_cases = False  # the agenda item names practice cases
    max_cases: int | None = None  # how many of them it keeps (None: all that were chosen)

    # A refused save (WorkshopError) is shown on the page with what was typed, not as a message after a redirect.
    errors_on_page = False

    # Templates (rendered with the page's whole context): what participants see, the results (presenter, live
    # fragment, review), the results in the PDF report, and optionally the trainer's explanation, the step
    # controls and a panel beside the presenter's controls.
    participant_template = ""
    results_template = ""
    pdf_template = ""
    presenter_template: str | None = None
    controls_template: str | None = None
    presenter_side_template: str | None = None

    @property
    def label(self) -> str:
        return Module(self.key).label

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.key}>"

    # --- Agenda -----------------------------------------------------------------------------------------------

    def groups_for(self, participant_ids: list[int]) -> list[list[int]]:
        """The groups for these participants (in joining order), for a module that `forms_groups`."""
        raise ImproperlyConfigured(f"{self!r} forms no groups.")

    # --- Trainer: presenter, live results, review, report -----------------------------------------------------

    def results(self, *, session, item, every_step: bool = False) -> dict:
        """What the presenter, the review and the report show for this agenda item.

        `every_step`: the results of every dialogue or round, also while the module runs (the report);
        otherwise a running module shows the step on screen.
        """
        return {}

    def presenter_context(self, *, session, item) -> dict:
        """What the trainer's screen needs besides the results (step labels, the round, the questions)."""
        return {}

    # --- Participants -----------------------------------------------------------------------------------------

    def participant_context(self, *, session, item, participant) -> dict:
        """What the participant's page shows for this module (their form filled with what they saved)."""
        return {}

    def feedback(self, *, item, participant) -> list[dict] | None:
        """Feedback others gave this participant (polled on their page); None when the module has none."""
        return None

    def refusal(self, *, session, item, participant, action: str) -> str:
        """Why the page an action came from is out of date within this module ("" when it is not)."""
        return ""

    def posted(self, *, action: str, data, session, participant) -> Posted:
        """The participant's input for `action`, bound but not saved."""
        return Posted()

    def save(self, *, action: str, posted: Posted, session, participant) -> str:
        """Save a valid input through the services; returns the message for the participant.

        Raises `WorkshopError` when the step is not possible now (and `Http404` for an unknown object).
        """
        raise ImproperlyConfigured(f"{self!r} accepts no participant action {action!r}.")

    # --- Export -----------------------------------------------------------------------------------------------

    def export_text(self, contribution, sources) -> str:
        """The contribution's data as text for the CSV export ("gegevens")."""
        return ""


registry: Registry[WorkshopModule] = Registry("workshop modules")
_actions: Registry[tuple[str, WorkshopModule]] = Registry("workshop participant actions", key=lambda pair: pair[0])


def module_register(cls: type[WorkshopModule]) -> type[WorkshopModule]:
    """Class decorator: register one instance of the module under its key, and its participant actions."""
    module = cls()
    if module.key not in Module.values:
        raise ImproperlyConfigured(f"{cls.__name__}: {module.key!r} is not a value of workshops.constants.Module.")
    for action in module.actions:
        if action in _actions:
            owner = _actions[action][1]
            raise ImproperlyConfigured(f"{cls.__name__}: the action {action!r} already belongs to {owner!r}.")
    registry.register(module)
    for action in module.actions:
        _actions.register((action, module))
    return cls


def module_for(key: str) -> WorkshopModule:
    """The module stored under `key` (an `AgendaItem.module`); a KeyError for a key nothing registered."""
    return registry[key]


def module_for_action(action: str) -> WorkshopModule | None:
    """The module a participant action belongs to, or None for an unknown action."""
    pair = _actions.get(action)
    return pair[1] if pair else None


class ActionIndex(Mapping):
    """Every participant action with the key of its module, read from the registry each time it is used."""

    def __getitem__(self, action: str) -> str:
        module = module_for_action(action)
        if module is None:
            raise KeyError(action)
        return module.key

    def __iter__(self) -> Iterator[str]:
        return iter(_actions.keys())

    def __len__(self) -> int:
        return len(_actions)


PARTICIPANT_ACTIONS = ActionIndex()
