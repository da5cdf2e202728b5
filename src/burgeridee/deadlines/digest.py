"""The daily digest: per staff member and municipality, what is due today or overdue.

A contact person gets their first contacts, callbacks and unanswered hand-overs; a coordinator also
the initiatives that still have no contact person; a department colleague the questions waiting for
their department. Nobody with nothing due gets an email. The email holds titles and references only,
no personal data of residents.
"""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from burgeridee.accounts.constants import Role
from burgeridee.accounts.models import Membership
from burgeridee.core.mail import mail_send
from burgeridee.handovers.models import Handover
from burgeridee.initiatives.constants import CLOSED_PHASES, Phase
from burgeridee.initiatives.models import Initiative

from .models import FollowUp


@dataclass
class DigestItem:
    title: str
    reference: str
    due_date: date
    url: str
    detail: str = ""

    def is_overdue(self, today: date) -> bool:
        return self.due_date < today


@dataclass
class Digest:
    membership: Membership
    today: date
    first_contacts: list[DigestItem] = field(default_factory=list)
    unassigned: list[DigestItem] = field(default_factory=list)
    follow_ups: list[DigestItem] = field(default_factory=list)
    handovers_waiting: list[DigestItem] = field(default_factory=list)
    handovers_to_answer: list[DigestItem] = field(default_factory=list)

    @property
    def sections(self) -> list[list[DigestItem]]:
        return [self.first_contacts, self.unassigned, self.follow_ups, self.handovers_waiting, self.handovers_to_answer]

    @property
    def count(self) -> int:
        return sum(len(section) for section in self.sections)

    @property
    def is_empty(self) -> bool:
        return self.count == 0


def _url(name: str, **kwargs) -> str:
    return f"{settings.SITE_URL}{reverse(name, kwargs=kwargs)}"


def _initiative_item(initiative: Initiative, due: date) -> DigestItem:
    """An initiative to contact. Links to its page in the workspace."""
    return DigestItem(
        title=initiative.title,
        reference=initiative.reference,
        due_date=due,
        url=_url("initiatives:staff_initiative", municipality_slug=initiative.municipality.slug, pk=initiative.pk),
    )


def digest_for_membership(*, membership: Membership, today: date) -> Digest:
    """What this staff member has to do in this municipality today (due today or earlier)."""
    municipality = membership.municipality
    user = membership.user
    digest = Digest(membership=membership, today=today)
    open_initiatives = Initiative.objects.filter(municipality=municipality).exclude(phase__in=CLOSED_PHASES)
    first_contact_due = open_initiatives.filter(
        phase=Phase.IDEA, first_contact_at__isnull=True, first_contact_due__lte=today
    ).select_related("municipality")

    if membership.has_role(Role.CONTACT, Role.COORDINATOR):
        digest.first_contacts = [
            _initiative_item(i, i.first_contact_due)
            for i in first_contact_due.filter(contact_person=user).order_by("first_contact_due", "pk")
        ]
        follow_ups = (
            FollowUp.objects.filter(
                municipality=municipality,
                done_at__isnull=True,
                due_date__lte=today,
                initiative__in=open_initiatives,
            )
            .filter(Q(assigned_to=user) | Q(assigned_to__isnull=True, initiative__contact_person=user))
            .select_related("initiative__municipality")
            .order_by("due_date", "pk")
        )
        digest.follow_ups = [
            DigestItem(
                title=f.initiative.title,
                reference=f.initiative.reference,
                due_date=f.due_date,
                url=_url("deadlines:follow_ups", municipality_slug=municipality.slug, pk=f.initiative_id),
                detail=f.note or str(f.get_kind_display()),
            )
            for f in follow_ups
        ]
        waiting = (
            Handover.objects.filter(
                municipality=municipality, asked_by=user, answered_at__isnull=True, due_date__lte=today
            )
            .select_related("initiative", "department")
            .order_by("due_date", "pk")
        )
        digest.handovers_waiting = [
            DigestItem(
                title=h.initiative.title,
                reference=h.initiative.reference,
                due_date=h.due_date,
                url=_url("handovers:ask", municipality_slug=municipality.slug, pk=h.initiative_id),
                detail=h.department.name,
            )
            for h in waiting
        ]
    if membership.has_role(Role.COORDINATOR):
        digest.unassigned = [
            _initiative_item(i, i.first_contact_due)
            for i in first_contact_due.filter(contact_person__isnull=True).order_by("first_contact_due", "pk")
        ]
    if membership.has_role(Role.DEPARTMENT) and membership.department_id:
        to_answer = (
            Handover.objects.filter(
                municipality=municipality,
                department_id=membership.department_id,
                answered_at__isnull=True,
                due_date__lte=today,
            )
            .select_related("initiative")
            .order_by("due_date", "pk")
        )
        digest.handovers_to_answer = [
            DigestItem(
                title=h.initiative.title,
                reference=h.initiative.reference,
                due_date=h.due_date,
                url=_url("handovers:detail", municipality_slug=municipality.slug, pk=h.pk),
                detail=h.question[:120],
            )
            for h in to_answer
        ]
    return digest


def digest_list(*, today: date) -> list[Digest]:
    """The non-empty digests of every active staff member with an email address, per municipality."""
    memberships = (
        Membership.objects.filter(is_active=True, municipality__is_active=True, user__is_active=True)
        .exclude(user__email="")
        .select_related("user", "municipality", "department")
        .order_by("municipality_id", "user_id")
    )
    digests = [digest_for_membership(membership=m, today=today) for m in memberships]
    return [d for d in digests if not d.is_empty]


def digest_send(*, digest: Digest) -> bool:
    """Email one digest. Returns whether it was sent."""
    membership = digest.membership
    with translation.override(settings.LANGUAGE_CODE):
        context = {"digest": digest, "user": membership.user, "municipality": membership.municipality}
        subject = render_to_string("deadlines/email/digest_subject.txt", context).strip()
        body = render_to_string("deadlines/email/digest.txt", context)
    return mail_send(
        subject=subject,
        body=body,
        to=[membership.user.email],
        what=f"Daily digest for user {membership.user_id}",
        municipality=membership.municipality_id,
    )
