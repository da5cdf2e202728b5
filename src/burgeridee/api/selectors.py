"""Reads for the API, always scoped to one municipality, with a constant number of queries per page."""

from datetime import date, timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from burgeridee.conversations.constants import ReportStatus
from burgeridee.conversations.models import Agreement, Report
from burgeridee.conversations.selectors import agreement_is_overdue
from burgeridee.initiatives.constants import Phase, SupportType, Theme
from burgeridee.initiatives.models import Initiative, SupportRequest
from burgeridee.insights.selectors import first_contact_durations
from burgeridee.municipalities.models import Municipality
from burgeridee.records.models import TimelineEvent


def initiatives_for_api(*, municipality: Municipality, phase: str = "") -> QuerySet[Initiative]:
    queryset = (
        Initiative.objects.filter(municipality=municipality)
        .select_related("municipality", "neighbourhood", "contact_person")
        .prefetch_related(Prefetch("support_requests", queryset=SupportRequest.objects.order_by("support_type")))
        .order_by("-submitted_at", "-id")
    )
    if phase:
        queryset = queryset.filter(phase=phase)
    return queryset


def initiative_for_api(*, municipality: Municipality, reference: str, with_initiators: bool = False) -> Initiative:
    queryset = initiatives_for_api(municipality=municipality)
    if with_initiators:
        queryset = queryset.prefetch_related("initiators")
    initiative = queryset.filter(reference=reference).first()
    if initiative is None:
        raise Http404
    return initiative


def timeline_for_api(*, initiative: Initiative) -> QuerySet[TimelineEvent]:
    """The events the resident sees too: internal notes and staff-only events stay inside."""
    return TimelineEvent.objects.filter(initiative=initiative, visible_to_resident=True).order_by("created_at", "id")


def agreements_for_api(*, initiative: Initiative) -> dict:
    """The agreements of the newest report the resident received (drafts stay inside the municipality)."""
    report = (
        Report.objects.filter(conversation__initiative=initiative)
        .exclude(status=ReportStatus.DRAFT)
        .prefetch_related(Prefetch("agreements", queryset=Agreement.objects.order_by("order", "id")))
        .order_by("-version")
        .first()
    )
    if report is None:
        return {
            "report_version": None,
            "report_status": None,
            "report_sent_at": None,
            "report_responded_at": None,
            "agreements": [],
        }
    agreements = list(report.agreements.all())
    today = timezone.localdate()
    for agreement in agreements:
        agreement.is_overdue = agreement_is_overdue(agreement, today)
    return {
        "report_version": report.version,
        "report_status": report.status,
        "report_sent_at": report.sent_at,
        "report_responded_at": report.responded_at,
        "agreements": agreements,
    }


def figures(*, municipality: Municipality, date_from: date | None = None, date_to: date | None = None) -> dict:
    """Counts without persons: per phase, theme, neighbourhood and kind of help, and time to first contact."""
    today = timezone.localdate()
    date_to = date_to or today
    date_from = date_from or (date_to - timedelta(days=365))
    queryset = Initiative.objects.filter(
        municipality=municipality, submitted_at__date__gte=date_from, submitted_at__date__lte=date_to
    )
    phases = dict(queryset.values_list("phase").annotate(n=Count("id")).order_by())
    themes = dict(queryset.values_list("theme").annotate(n=Count("id")).order_by())
    hoods = (
        queryset.values_list("neighbourhood_id", "neighbourhood__name")
        .annotate(n=Count("id"))
        .order_by("neighbourhood__name")
    )
    support = dict(
        SupportRequest.objects.filter(initiative__in=queryset)
        .values_list("support_type")
        .annotate(n=Count("id"))
        .order_by()
    )
    first_contact = first_contact_durations(
        queryset=queryset.filter(~Q(phase=Phase.NOT_AN_INITIATIVE)), promise=municipality.first_contact_working_days
    )
    return {
        "date_from": date_from,
        "date_to": date_to,
        "total": sum(phases.values()),
        "phases": [{"key": key, "label": str(label), "count": phases.get(key, 0)} for key, label in Phase.choices],
        "themes": [{"key": key, "label": str(label), "count": themes.get(key, 0)} for key, label in Theme.choices],
        "neighbourhoods": [
            {"key": str(pk) if pk else None, "label": name or "onbekend", "count": n} for pk, name, n in hoods
        ],
        "help_asked": [
            {"key": key, "label": str(label), "count": support.get(key, 0)} for key, label in SupportType.choices
        ],
        "first_contact": {
            "count": first_contact.count,
            "promise_working_days": municipality.first_contact_working_days,
            "median_working_days": first_contact.median_working_days,
            "p90_working_days": first_contact.p90,
            "within_promise": first_contact.within_promise,
        },
    }
