"""The workshop's modules: one class per kind of agenda item, looked up by the key the agenda item stores.

Everything that differs between, say, the practice cases and the success-factor board lives in that
module's class (one file each, the base class in `base.py`): how its agenda item is set up (cases,
groups, steps), what participants see and send, what the trainer's screen shows, its results in the
review and the report, and its line in the CSV export; plus its templates under
`templates/workshops/modules/<file name>/`. Views, services and forms ask `module_for(item.module)`
instead of branching on the key, so a new module is one new file here, its templates and a value in
`constants.Module`. The module files register themselves when `WorkshopsConfig.ready()` imports them.
"""

from .base import (
    PARTICIPANT_ACTIONS,
    Posted,
    WorkshopModule,
    module_for,
    module_for_action,
    module_register,
    registry,
)

__all__ = [
    "PARTICIPANT_ACTIONS",
    "Posted",
    "WorkshopModule",
    "module_for",
    "module_for_action",
    "module_register",
    "registry",
]
