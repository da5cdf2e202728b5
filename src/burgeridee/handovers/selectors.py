"""Reading hand-overs, always scoped to one municipality (and for colleagues, to their own department)."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from burgeridee.accounts.models import Membership
from burgeridee.initiatives.models import Initiative
from burgeridee.municipalities.models import Department, Municipality

from .models import Handover


def _base() -> QuerySet[Handover]:
    return Handover.objects.select_related(
        "department", "asked_by", "answered_by", "initiative", "initiative__neighbourhood"
    )


def handover_list_for_initiative(*, initiative: Initiative) -> list[Handover]:
    """Every hand-over about this initiative, open ones first, for the initiative page."""
    handovers = list(
        _base().filter(municipality_id=initiative.municipality_id, initiative=initiative).order_by("asked_at", "id")
    )
    return sorted(handovers, key=lambda h: (not h.is_open, h.asked_at))


def handover_list_for_department(*, membership: Membership, answered: bool = False) -> QuerySet[Handover]:
    """The hand-overs of the colleague's own department: open ones (soonest deadline first) or answered ones.

    A colleague without a department sees nothing.
    """
    if membership.department_id is None:
        return Handover.objects.none()
    handovers = _base().filter(municipality_id=membership.municipality_id, department_id=membership.department_id)
    if answered:
        return handovers.filter(answered_at__isnull=False).order_by("-answered_at", "-id")
    return handovers.filter(answered_at__isnull=True).order_by("due_date", "asked_at", "id")


def handover_get_for_department(*, membership: Membership, pk: int) -> Handover:
    """One hand-over of the colleague's own department; any other (department or municipality) is a 404."""
    return get_object_or_404(
        _base().prefetch_related("initiative__support_requests"),
        pk=pk,
        municipality_id=membership.municipality_id,
        department_id=membership.department_id if membership.department_id else -1,
    )


def department_list(*, municipality: Municipality) -> QuerySet[Department]:
    return Department.objects.filter(municipality=municipality).order_by("name")
