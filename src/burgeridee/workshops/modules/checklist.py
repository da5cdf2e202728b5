"""Module 7: my checklist. Each participant keeps, drops or rewords the points of the session's checklist, adds
their own and downloads it as a PDF (also after the session)."""

from django.utils.translation import gettext as _

from burgeridee.core.forms import clean_text

from .. import selectors, services
from ..constants import Module
from .base import Posted, WorkshopModule, module_register


def checklist_post(data, rows) -> tuple[list[dict], list[str], bool]:
    """(items, own points, include factors) as posted; text without control characters (NUL included)."""
    items = []
    for row in rows:
        number = row["number"]
        text = clean_text(data.get(f"text_{number}", row["current"]))[:300]
        kept = data.get(f"keep_{number}") == "1"
        items.append({"number": number, "kept": kept, "text": text})
    own = clean_text(data.get("own_points", ""))[:5000].splitlines()
    include = data.get("include_factors") == "1"
    return items, own, include


def checklist_bound(rows, items) -> list[dict]:
    """The checklist rows as the participant left them, to show again."""
    return [{**row, "kept": item["kept"], "current": item["text"]} for row, item in zip(rows, items, strict=True)]


@module_register
class ChecklistModule(WorkshopModule):
    key = Module.CHECKLIST
    actions = ("checklist",)
    errors_on_page = True  # an empty checklist is refused with every point as the participant left it
    participant_template = "workshops/modules/checklist/participant.html"
    results_template = "workshops/modules/checklist/results.html"
    pdf_template = "workshops/modules/checklist/pdf.html"
    presenter_template = "workshops/modules/checklist/presenter.html"

    def results(self, *, session, item, every_step=False) -> dict:
        return {"checklist": selectors.checklist_summary(item=item)}

    def participant_context(self, *, session, item, participant) -> dict:
        saved = selectors.saved_checklist(session=session, participant=participant)
        return {
            "rows": selectors.checklist_form_rows(session=session, participant=participant),
            "top_factors": selectors.top_factors(session=session),
            "own_points": "\n".join(saved.data.get("own", [])) if saved else "",
            "include_factors": saved.data.get("include_factors", True) if saved else True,
        }

    def posted(self, *, action, data, session, participant) -> Posted:
        rows = selectors.checklist_form_rows(session=session, participant=participant)
        items, own, include = checklist_post(data, rows)
        return Posted(
            shown={"rows": checklist_bound(rows, items), "own_points": "\n".join(own), "include_factors": include},
            values={"items": items, "own_points": own, "include_factors": include},
        )

    def save(self, *, action, posted, session, participant) -> str:
        services.checklist_save(participant=participant, **posted.values)
        return _("Uw checklist is opgeslagen. U kunt hem nu downloaden.")

    def export_text(self, contribution, sources) -> str:
        data = contribution.data or {}
        if "items" not in data:
            return ""
        kept = sum(1 for entry in data["items"] if entry.get("kept"))
        return _("%(kept)s punten gehouden, %(own)s eigen punten") % {"kept": kept, "own": len(data.get("own", []))}
