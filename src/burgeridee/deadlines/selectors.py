"""Reading deadlines, always scoped to one municipality; and which initiatives are overdue."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404

from burgeridee.accounts.constants import Role
from burgeridee.accounts.models import Membership
from burgeridee.handovers.models import Handover
from burgeridee.initiatives.constants import CLOSED_PHASES, Phase
from burgeridee.initiatives.models import Initiative
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


def initiatives_overdue_q(*, today: date) -> Q:
    """A filter for Initiative querysets: open initiatives with something overdue on `today`.

    Overdue means, for an initiative that is not closed (completed, stopped, not an initiative):
    - still in the idea phase, no first contact yet, and the first-contact date is before today; or
    - an open follow-up (callback or other) with a due date before today; or
    - an open hand-over to a department with an answer date before today.
    Something due *today* is not overdue yet. Use it as `Initiative.objects.filter(municipality=...,
    ...).filter(initiatives_overdue_q(today=local_date()))`; it adds no joins (EXISTS subqueries).
    """
    open_follow_up = FollowUp.objects.filter(initiative=OuterRef("pk"), done_at__isnull=True, due_date__lt=today)
    open_handover = Handover.objects.filter(initiative=OuterRef("pk"), answered_at__isnull=True, due_date__lt=today)
    first_contact_late = Q(phase=Phase.IDEA, first_contact_at__isnull=True, first_contact_due__lt=today)
    return ~Q(phase__in=CLOSED_PHASES) & (first_contact_late | Exists(open_follow_up) | Exists(open_handover))


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
