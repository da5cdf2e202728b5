"""The one door from the workshop to the knowledge library and the conversation model.

The workshop stores stable keys: pitfalls (V1-V17), success factors (SF1-SF19), role keys (`loslaten` ...),
practice-case numbers (the library's `number`: 1-10 for the defaults, higher for a municipality's own) and
checklist numbers. Only this module turns them into text, always the text of the session's municipality:

- pitfalls, success factors, roles and practice cases come from the municipality's knowledge library
  (`knowledge.selectors`), so a text the municipality edited there shows in the workshop at once;
- the phases and the checklist come from the conversation-model version the session is pinned to
  (`WorkshopSession.conversation_model`, set when the session opens). A published version never changes,
  so checklist numbers (1..N over before, during, after) mean the same point for the whole session, even
  when a coordinator publishes a new version halfway.

Everything is read at most once per request: `library(session)` keeps one `Library` on the session object
the view loaded, and selectors, forms and services all ask that one (one query for the knowledge items,
a second only when a stored key is no longer visible).
"""

from functools import cached_property

from django.core.cache import caches
from django.utils.translation import gettext as _

from burgeridee.conversations import selectors as conversation_selectors
from burgeridee.conversations.constants import Moment
from burgeridee.conversations.services import conversation_model_ensure_default
from burgeridee.knowledge import selectors as knowledge_selectors
from burgeridee.knowledge.constants import Kind

KINDS = (Kind.PITFALL, Kind.SUCCESS_FACTOR, Kind.ROLE, Kind.CASE)
CACHE_ATTRIBUTE = "_workshop_library"
# How long a published version's phases stay in the per-process cache (they never change; this only frees memory).
PHASES_SECONDS = 60 * 60


def library(session) -> "Library":
    """The library of this session object, made on first use (per request, as views load the session anew)."""
    cached = session.__dict__.get(CACHE_ATTRIBUTE)
    if cached is None or cached.model_id != session.conversation_model_id:
        cached = session.__dict__[CACHE_ATTRIBUTE] = Library(session)
    return cached


def _paragraphs(text: str) -> list[str]:
    return [part.strip() for part in (text or "").split("\n\n") if part.strip()]


class Library:
    """The municipality's knowledge items and the session's conversation model, read lazily and once."""

    def __init__(self, session):
        self.session = session
        self.model_id = session.conversation_model_id

    @property
    def municipality(self):
        return self.session.municipality

    # --- Knowledge library --------------------------------------------------------------------------------

    @cached_property
    def _items(self) -> list:
        """What the municipality sees now: its own active items and the defaults it did not replace."""
        return list(knowledge_selectors.item_list(municipality=self.municipality).filter(kind__in=KINDS))

    @cached_property
    def _switched_off(self) -> list:
        """Items the municipality switched off: not offered any more, but a stored key still reads well."""
        return list(knowledge_selectors.switched_off(municipality=self.municipality).filter(kind__in=KINDS))

    def _visible(self, kind) -> dict:
        return {item.key: item for item in self._items if item.kind == kind}

    @cached_property
    def pitfalls(self) -> dict:
        return self._visible(Kind.PITFALL)

    @cached_property
    def factors(self) -> dict:
        return self._visible(Kind.SUCCESS_FACTOR)

    @cached_property
    def roles(self) -> dict:
        return self._visible(Kind.ROLE)

    @cached_property
    def cases(self) -> dict:
        return {item.number: item for item in self._items if item.kind == Kind.CASE}

    def _find(self, visible: dict, key):
        """A visible item, else the municipality's switched-off version of it (for keys stored earlier)."""
        if key in visible:
            return visible[key]
        if not key:
            return None
        return next((item for item in self._switched_off if item.key == key), None)

    def pitfall_keys(self) -> list[str]:
        return list(self.pitfalls)

    def pitfall_title(self, key: str) -> str:
        item = self._find(self.pitfalls, key)
        return item.title if item else key

    def pitfall_label(self, key: str) -> str:
        return f"{key} {self.pitfall_title(key)}"

    def pitfall_better(self, key: str) -> str:
        item = self._find(self.pitfalls, key)
        return (item.what_works_better or item.summary) if item else ""

    def factor_keys(self) -> list[str]:
        return list(self.factors)

    def factor_title(self, key: str) -> str:
        item = self._find(self.factors, key)
        return item.title if item else key

    def role_keys(self) -> list[str]:
        return list(self.roles)

    def role_title(self, key: str) -> str:
        item = self._find(self.roles, key)
        return item.title if item else key

    def role_description(self, key: str) -> str:
        item = self._find(self.roles, key)
        return item.summary if item else ""

    def case_numbers(self) -> list[int]:
        return list(self.cases)

    def case_card(self, number: int) -> dict:
        """A practice case as a card: the short summary for the screen, the whole story for the groups."""
        number = int(number)
        item = self.cases.get(number) or next(
            (item for item in self._switched_off if item.kind == Kind.CASE and item.number == number), None
        )
        if item is None:
            return {"number": number, "key": "", "title": _("niet meer in de kennisbank"), "summary": "", "story": []}
        return {
            "number": number,
            "key": item.key,
            "title": item.title,
            "summary": item.summary,
            "story": _paragraphs(item.body) or [item.summary],
        }

    # --- Conversation model -------------------------------------------------------------------------------

    @cached_property
    def model(self):
        """The pinned version; a session not opened yet follows the municipality's current version."""
        if self.session.conversation_model_id:
            return self.session.conversation_model
        return conversation_model_ensure_default(municipality=self.municipality)

    @cached_property
    def phases(self) -> list[dict]:
        model = self.model
        if model.is_draft:
            return self._phases_read(model)
        # A published version never changes (conversations.services refuses edits): its phases are read once per
        # process (settings CACHES "local"; no personal data), not on every participant's page.
        return caches["local"].get_or_set(
            f"workshops:phases:{model.pk}", lambda: self._phases_read(model), PHASES_SECONDS
        )

    @staticmethod
    def _phases_read(model) -> list[dict]:
        return [
            {"number": number, "key": phase.key, "title": phase.title, "purpose": phase.purpose}
            for number, phase in enumerate(conversation_selectors.phases_active(model=model), start=1)
        ]

    @cached_property
    def checklist(self) -> list[dict]:
        """The checklist for the first conversation, numbered 1..N over before, during and after."""
        rows = []
        for moment, label, items in conversation_selectors.checklist_by_moment(model=self.model):
            for item in items:
                rows.append(
                    {
                        "number": len(rows) + 1,
                        "key": item.key,
                        "section": moment,
                        "section_title": str(label),
                        "text": item.text,
                    }
                )
        return rows

    @cached_property
    def checklist_by_number(self) -> dict[int, dict]:
        return {row["number"]: row for row in self.checklist}

    @cached_property
    def during(self) -> list[dict]:
        return [row for row in self.checklist if row["section"] == Moment.DURING]


def checklist_section_title(section: str) -> str:
    return str(Moment(section).label) if section in Moment.values else section
