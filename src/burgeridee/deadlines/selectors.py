"""Reading deadlines, always scoped to one municipality; and which initiatives are overdue."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404

from burgeridee.accounts.constants import Role
from burgeridee.accounts.models import Membership
from burgeridee.handovers.models import Handover
from burgeridee.initiatives.models import Initiative
from burgeridee.initiatives.selectors import overdue_q
from burgeridee.municipalities.models import Municipality

from .models import FollowUp


def follow_up_list_for_initiative(*, initiative: Initiative) -> list[FollowUp]:
    """Every follow-up of this initiative: open ones first (soonest first), then done ones (latest first)."""
    follow_ups = list(
        FollowUp.objects.filter(municipality_id=initiative.municipality_id, initiative=initiative).select_related(
            "assigned_to", "done_by", "created_by"
        )
    )
    open_ = sorted((f for f in follow_ups if f.is_open), key=lambda f: (f.due_date, f.pk))
    done = sorted((f for f in follow_ups if not f.is_open), key=lambda f: f.done_at, reverse=True)
    return open_ + done


def follow_up_get_for_staff(*, municipality: Municipality, initiative: Initiative, pk: int) -> FollowUp:
    """One follow-up of this initiative in this municipality; anything else is a 404."""
    return get_object_or_404(FollowUp, pk=pk, municipality=municipality, initiative=initiative)


def follow_up_overdue_q(*, today: date) -> Q:
    """An open follow-up (callback or other) with a due date before today."""
    return Q(pk__in=FollowUp.objects.filter(done_at__isnull=True, due_date__lt=today).values("initiative_id"))


def handover_overdue_q(*, today: date) -> Q:
    """An open hand-over to a department with an answer date before today."""
    return Q(pk__in=Handover.objects.filter(answered_at__isnull=True, due_date__lt=today).values("initiative_id"))


def follow_up_deadline() -> Subquery:
    """The earliest due date of an initiative's open follow-ups (follow_up_overdue_q as a date)."""
    return Subquery(
        FollowUp.objects.filter(initiative=OuterRef("pk"), done_at__isnull=True)
        .order_by("due_date")
        .values("due_date")[:1]
    )


def handover_deadline() -> Subquery:
    """The earliest answer date of an initiative's open hand-overs (handover_overdue_q as a date)."""
    return Subquery(
        Handover.objects.filter(initiative=OuterRef("pk"), answered_at__isnull=True)
        .order_by("due_date")
        .values("due_date")[:1]
    )


def initiatives_overdue_q(*, today: date) -> Q:
    """A filter for Initiative querysets: open initiatives with something overdue on `today`.

    One definition for the inbox and the digest: initiatives.selectors.overdue_q, to which this app adds
    its conditions (apps.py): first contact late, an open follow-up or an open hand-over past its date.
    Something due *today* is not overdue yet. It adds no joins: each condition is an uncorrelated
    `IN (subquery)`, which PostgreSQL runs once per query and probes as a hash (a correlated EXISTS ran once
    per initiative, which made the inbox counts grow with the municipality).
    """
    return overdue_q(today=today)


def initiative_ids_overdue(*, municipality: Municipality, today: date) -> set[int]:
    """The ids of this municipality's overdue initiatives (see initiatives_overdue_q)."""
    return set(
        Initiative.objects.filter(municipality=municipality)
        .filter(initiatives_overdue_q(today=today))
        .values_list("pk", flat=True)
    )


def follow_up_assignees(*, municipality: Municipality) -> QuerySet:
    """Staff of this municipality who can take a callback: contact persons and coordinators."""
    memberships = Membership.objects.filter(
        municipality=municipality, is_active=True, user__is_active=True
    ).select_related("user")
    ids = [m.user_id for m in memberships if m.has_role(Role.CONTACT, Role.COORDINATOR)]
    return get_user_model().objects.filter(pk__in=ids).order_by("first_name", "last_name", "username")
