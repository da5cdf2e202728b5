from django.core.cache import caches
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from burgeridee.accounts.constants import Role
from burgeridee.accounts.decorators import staff_view
from burgeridee.challenges.selectors import insight as challenge_insight
from burgeridee.core.csvexport import csv_response
from burgeridee.municipalities.models import Neighbourhood

from .charts import bar_chart, shown_value
from .forms import DashboardFilterForm
from .links import insight_links
from .selectors import DASHBOARD_CACHE_SECONDS, Filters, Row, dashboard_cache_key, dashboard_recent

INSIGHT_ROLES = (Role.COORDINATOR, Role.ADMINISTRATOR)


def _filters(request, municipality):
    neighbourhoods = Neighbourhood.objects.filter(municipality=municipality)
    default = Filters.default()
    data = request.GET if "date_from" in request.GET else None
    form = DashboardFilterForm(
        data, neighbourhoods=neighbourhoods, initial={"date_from": default.date_from, "date_to": default.date_to}
    )
    if data is not None and form.is_valid():
        filters = Filters(
            date_from=form.cleaned_data["date_from"],
            date_to=form.cleaned_data["date_to"],
            neighbourhood_id=form.cleaned_data["neighbourhood"],
            theme=form.cleaned_data["theme"],
        )
    else:
        filters = default
    return form, filters


def _challenge_insight(municipality, filters):
    """The right to challenge (challenges app) with the dashboard's filters."""
    return challenge_insight(
        municipality=municipality,
        date_from=filters.date_from,
        date_to=filters.date_to,
        neighbourhood_id=filters.neighbourhood_id,
        theme=filters.theme,
    )


def _kept(key: str, compute):
    """A value kept per process for one computation of the figures (`key` names that computation's moment)."""
    return caches["local"].get_or_set(key, compute, DASHBOARD_CACHE_SECONDS)


def _computation_key(*, municipality, filters, computed_at) -> str:
    return f"{dashboard_cache_key(municipality=municipality, filters=filters)}:{computed_at.isoformat()}"


def _challenges_kept(*, municipality, filters, computed_at):
    """The right to challenge with the dashboard's filters, counted once per computation of the figures.

    The page says its figures are from the computation's moment and are computed again every ten minutes; the
    challenges are counted at the first visit after that moment and kept until the next computation, so they
    are never older than the page says. Counts and task titles only, no personal data.
    """
    key = _computation_key(municipality=municipality, filters=filters, computed_at=computed_at)
    return _kept(f"{key}:challenges", lambda: _challenge_insight(municipality, filters))


def _challenge_charts(challenges) -> dict:
    if not challenges.total:
        return {}
    return {
        "challenge_tasks": bar_chart(
            title=_("Uitdagingen per taak"), rows=[Row(label, n) for label, n in challenges.by_task]
        ),
        "challenge_decisions": bar_chart(
            title=_("Uitdagingen per besluit"), rows=[Row(label, n) for label, n in challenges.by_decision]
        ),
    }


def _figures_html(*, municipality, filters, board, computed_at) -> tuple[str, str, str]:
    """The figures' part of the page (tables and SVG charts, the right to challenge's section among them),
    rendered once per computation of the figures.

    The figures change only when they are computed again (at most every ten minutes), so their HTML is kept
    beside them, per process: the key is the computation's own (municipality, period, filters, language) plus
    the moment it was made, so a new computation is never shown with the HTML of an older one. It holds
    counts and names of neighbourhoods, departments and tasks, no personal data, and no part that depends on
    the user (only coordinators and administrators open the page).
    """
    key = _computation_key(municipality=municipality, filters=filters, computed_at=computed_at)

    def render():
        context = {"board": board, "charts": _charts(board)}
        challenges = _challenges_kept(municipality=municipality, filters=filters, computed_at=computed_at)
        return (
            render_to_string("insights/_figures.html", context),
            render_to_string(
                "challenges/_insight_section.html", {"challenges": challenges, "charts": _challenge_charts(challenges)}
            ),
            render_to_string("insights/_figures_end.html", context),
        )

    return _kept(f"{key}:html", render)


def _charts(board) -> dict:
    return {
        "funnel": bar_chart(title=_("Hoe ver initiatieven kwamen"), rows=board.funnel),
        "support": bar_chart(title=_("Gevraagde hulp"), rows=board.support_types),
        "neighbourhoods": bar_chart(title=_("Initiatieven per wijk"), rows=board.neighbourhoods),
        "themes": bar_chart(title=_("Initiatieven per thema"), rows=board.themes),
        "stop_reasons": bar_chart(title=_("Redenen om te stoppen"), rows=board.stop_reasons),
        "evaluation": bar_chart(title=_("Gemiddeld cijfer van bewoners (1-5)"), rows=board.evaluation_scores),
        "roles": bar_chart(title=_("Rol van de gemeente in eerste gesprekken"), rows=board.roles),
    }


@require_GET
@staff_view(roles=INSIGHT_ROLES)
def insights_dashboard(request, municipality):
    form, filters = _filters(request, municipality)
    board, computed_at = dashboard_recent(municipality=municipality, filters=filters)
    # The right to challenge (challenges app: by task and decision, and the time to a decision against the term)
    # is a section of the figures' HTML.
    figures, challenge_section, figures_end = _figures_html(
        municipality=municipality, filters=filters, board=board, computed_at=computed_at
    )
    return render(
        request,
        "insights/dashboard.html",
        {
            "form": form,
            "board": board,
            "figures": figures,  # SafeString from render_to_string (autoescaped there); pickled as such
            "challenge_section": challenge_section,
            "figures_end": figures_end,
            "query": request.GET.urlencode(),
            "computed_at": computed_at,
            "refresh_minutes": DASHBOARD_CACHE_SECONDS // 60,
            "more_insights": list(insight_links),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@require_GET
@staff_view(roles=INSIGHT_ROLES)
def insights_export_csv(request, municipality):
    _form, filters = _filters(request, municipality)
    board, computed_at = dashboard_recent(municipality=municipality, filters=filters)
    response, writer = csv_response(f"inzicht-{municipality.slug}-{filters.date_from}-{filters.date_to}.csv")
    writer.writerow([_("onderdeel"), _("omschrijving"), _("waarde")])
    writer.writerow([_("periode"), _("van"), filters.date_from.isoformat()])
    writer.writerow([_("periode"), _("tot en met"), filters.date_to.isoformat()])
    writer.writerow([_("totaal"), _("initiatieven"), board.total])
    sections = [
        (_("trechter"), board.funnel),
        (_("hulp"), board.support_types),
        (_("wijk"), board.neighbourhoods),
        (_("thema"), board.themes),
        (_("reden van stoppen"), board.stop_reasons),
        (_("evaluatie"), board.evaluation_scores),
    ]
    for section, rows in sections:
        for row in rows:
            writer.writerow([section, row.label, shown_value(row.value)])
    first = board.first_contact
    writer.writerow([_("eerste contact"), _("aantal"), first.count])
    writer.writerow([_("eerste contact"), _("mediaan (werkdagen)"), "" if first.median is None else first.median])
    writer.writerow([_("eerste contact"), _("90e percentiel (werkdagen)"), "" if first.p90 is None else first.p90])
    writer.writerow([_("eerste contact"), _("binnen belofte (%)"), first.within_promise_share or ""])
    writer.writerow([_("eerste contact"), _("te laat, nog geen contact"), board.overdue_first_contacts])
    writer.writerow([_("terugbellen"), _("te laat"), board.overdue_callbacks])
    for row in board.roles:
        writer.writerow([_("rol van de gemeente"), row.label, row.value])
    for row in board.handovers:
        writer.writerow([_("overdracht"), f"{row.department}: {_('gevraagd')}", row.asked])
        writer.writerow(
            [
                _("overdracht"),
                f"{row.department}: {_('mediaan antwoordtijd (werkdagen)')}",
                "" if row.median_days is None else row.median_days,
            ]
        )
        writer.writerow([_("overdracht"), f"{row.department}: {_('te laat, nog geen antwoord')}", row.open_overdue])
    challenges = _challenges_kept(municipality=municipality, filters=filters, computed_at=computed_at)
    for label, n in challenges.by_task:
        writer.writerow([_("uitdaagrecht per taak"), label, n])
    for label, n in challenges.by_decision:
        writer.writerow([_("uitdaagrecht per besluit"), label, n])
    writer.writerow([_("uitdaagrecht"), _("beslistermijn (weken)"), challenges.term_weeks])
    writer.writerow(
        [
            _("uitdaagrecht"),
            _("mediaan tot besluit (dagen)"),
            "" if challenges.median_days is None else challenges.median_days,
        ]
    )
    writer.writerow([_("uitdaagrecht"), _("besloten binnen de termijn"), challenges.within_term])
    writer.writerow([_("uitdaagrecht"), _("besloten na de termijn"), challenges.over_term])
    writer.writerow([_("uitdaagrecht"), _("wacht langer dan de termijn"), challenges.waiting_over_term])
    return response
