"""What the deadlines app does when something happens elsewhere (connected in `apps.ready`)."""

from .services import follow_up_promised


def callback_was_promised(sender, initiative, due_date, actor, key, note="", assigned_to=None, **kwargs) -> None:
    """A callback promised to the resident (the conversation report) becomes a callback appointment."""
    follow_up_promised(
        initiative=initiative, due_date=due_date, actor=actor, key=key, note=note, assigned_to=assigned_to
    )
