"""What the apps above add to the one message that tells a resident their initiative ended.

When an initiative closes (completed, stopped, withdrawn), the resident gets one message, by their own
channel (an email, or a letter the contact person prints): what happened, and what they may still do. An app
that wants to ask something at that moment (the evaluation: "look back with us") registers a paragraph here
from its AppConfig.ready(), instead of sending a second mail of its own:

    closing_paragraphs.register(ClosingParagraph(key="evaluation", text=evaluation_paragraph))

`text(initiative)` returns the paragraph in the active language, or "" when it does not apply (an idea that
was never an initiative is not asked to evaluate). The initiatives app never imports the apps that register.
Receivers of `initiatives.signals.initiative_closed` are told with `resident_told=True` that the message
(with these paragraphs) went out, so they do not write to the resident again.
"""

from collections.abc import Callable
from dataclasses import dataclass

from burgeridee.records.registry import Registry

from .models import Initiative


@dataclass(frozen=True)
class ClosingParagraph:
    key: str
    text: Callable[[Initiative], str]


closing_paragraphs: Registry[ClosingParagraph] = Registry("closing message paragraphs")


def closing_paragraphs_for(initiative: Initiative) -> list[str]:
    """The registered paragraphs that apply to this initiative, in the order the apps registered them."""
    return [text for paragraph in closing_paragraphs if (text := paragraph.text(initiative).strip())]
