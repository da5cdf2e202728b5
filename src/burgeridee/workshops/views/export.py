"""After the session: the report as a PDF (no names) and every contribution as CSV (with display names, logged)."""

from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from burgeridee.core.csvexport import csv_response
from burgeridee.documents.rendering import pdf_response
from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity

from .. import selectors
from ..modules import module_for
from ..pdf import workshop_pdf
from ..sources import library
from .shared import trainer_view


@require_GET
@trainer_view
def export_csv(request, municipality, pk):
    session = selectors.session_get(municipality=municipality, pk=pk)
    response, writer = csv_response(f"workshop-{session.pk}-bijdragen.csv")
    writer.writerow(["onderdeel", "module", "deelnemer", "soort", "sleutel", "groepje", "tekst", "gegevens", "tijd"])
    sources = library(session)
    for c in selectors.contributions_for_export(session=session):
        writer.writerow(
            [
                c.agenda_item.position + 1,
                c.agenda_item.get_module_display(),
                c.participant.label,
                c.get_kind_display(),
                c.key,
                "" if c.group is None else c.group + 1,
                c.text,
                (module_for(c.agenda_item.module).export_text(c, sources)),
                c.created_at.isoformat(timespec="seconds"),
            ]
        )
    for f in selectors.factors_for_export(session=session):
        writer.writerow(
            [
                f.agenda_item.position + 1,
                f.agenda_item.get_module_display(),
                f.participant.label if f.participant else "",
                _("Succesfactor"),
                f.source_key,
                "",
                f.text,
                (
                    _("%(votes)s stemmen") % {"votes": f.vote_count}
                    + (f"; {_('samengevoegd met')} {f.merged_into.text}" if f.merged_into else "")
                ),
                f.created_at.isoformat(timespec="seconds"),
            ]
        )
    processing_record(municipality=municipality, actor=request.user, activity=Activity.WORKSHOP_CONTRIBUTIONS_EXPORT)
    return response


@require_GET
@trainer_view
def export_pdf(request, municipality, pk):
    """The report: every agenda item's results, every dialogue and round (also of a session still running)."""
    session = selectors.session_get(municipality=municipality, pk=pk)
    sections = []
    for item in selectors.agenda(session=session):
        module = module_for(item.module)
        sections.append({"item": item, "module": module, **module.results(session=session, item=item, every_step=True)})
    pdf = workshop_pdf(
        "workshops/pdf/summary.html",
        {
            "municipality": municipality,
            "session": session,
            "sections": sections,
            "participant_count": selectors.participant_count(session=session),
            "top_factors": selectors.top_factors(session=session),
        },
    )
    return pdf_response(pdf, filename=f"workshop-{session.pk}-verslag.pdf", inline=False)
