"""Writing hand-overs: ask a department, answer the question. Each lands on the initiative's time line."""

from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from burgeridee.accounts.constants import Role
from burgeridee.accounts.models import Membership
from burgeridee.core.dates import add_working_days, local_date
from burgeridee.core.mail import mail_send
from burgeridee.initiatives.models import Initiative
from burgeridee.municipalities.models import Department
from burgeridee.records.services import event_record

from .models import Handover


def handover_due_default(*, today: date | None = None) -> date:
    """The default answer date: a few working days from today (HANDOVER_ANSWER_WORKING_DAYS)."""
    return add_working_days(today or local_date(), settings.HANDOVER_ANSWER_WORKING_DAYS)


@transaction.atomic
def handover_ask(
    *,
    initiative: Initiative,
    department: Department,
    question: str,
    context: str = "",
    due_date: date | None = None,
    actor,
    now: datetime | None = None,
) -> Handover:
    """The contact person asks `department` a question about `initiative`, to be answered by `due_date`."""
    if department.municipality_id != initiative.municipality_id:
        raise ValidationError(_("Deze afdeling hoort niet bij de gemeente van dit initiatief."))
    now = now or timezone.now()
    handover = Handover.objects.create(
        municipality_id=initiative.municipality_id,
        initiative=initiative,
        department=department,
        question=question,
        context=context,
        due_date=due_date or handover_due_default(today=local_date(now)),
        asked_by=actor,
        asked_at=now,
    )
    event_record(
        initiative=initiative,
        kind="overdracht_gevraagd",
        actor=actor,
        data={
            "handover_id": handover.pk,
            "department": department.name,
            "question": question,
            "due_date": handover.due_date.isoformat(),
        },
        visible_to_resident=False,
        at=now,
    )
    language = translation.get_language()
    handover_notify_department(handover_id=handover.pk, language=language)
    return handover


@transaction.atomic
def handover_answer(*, handover: Handover, answer: str, actor, now: datetime | None = None) -> Handover:
    """The department colleague answers. The answer goes on the time line; the asker gets an email."""
    handover = Handover.objects.select_for_update().select_related("department").get(pk=handover.pk)
    if handover.answered_at is not None:
        raise ValidationError(_("Deze vraag is al beantwoord."))
    now = now or timezone.now()
    handover.answer = answer
    handover.answered_by = actor
    handover.answered_at = now
    handover.save(update_fields=["answer", "answered_by", "answered_at"])
    event_record(
        initiative=handover.initiative,
        kind="overdracht_beantwoord",
        actor=actor,
        data={
            "handover_id": handover.pk,
            "department": handover.department.name,
            "question": handover.question,
            "answer": answer,
        },
        visible_to_resident=False,
        at=now,
    )
    language = translation.get_language()
    handover_notify_asker(handover_id=handover.pk, language=language)
    return handover


def _department_addresses(handover: Handover) -> list[str]:
    members = Membership.objects.filter(
        municipality_id=handover.municipality_id,
        department_id=handover.department_id,
        is_active=True,
        user__is_active=True,
    ).select_related("user")
    addresses = [m.user.email for m in members if m.has_role(Role.DEPARTMENT) and m.user.email]
    if handover.department.email:
        addresses.append(handover.department.email)
    return sorted(set(addresses))


def _send(subject_template: str, body_template: str, context: dict, recipients: list[str], language: str | None):
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(subject_template, context).strip()
        body = render_to_string(body_template, context)
    mail_send(
        subject=subject,
        body=body,
        to=recipients,
        what=f"Hand-over mail {context['handover'].pk}",
        municipality=context["handover"].municipality_id,
    )


def handover_notify_department(*, handover_id: int, language: str | None = None) -> None:
    """Tell the department's colleagues a question waits for them (no resident data in the mail)."""
    handover = Handover.objects.select_related("initiative", "department", "municipality", "asked_by").get(
        pk=handover_id
    )
    recipients = _department_addresses(handover)
    if not recipients:
        return
    path = reverse("handovers:detail", kwargs={"municipality_slug": handover.municipality.slug, "pk": handover.pk})
    context = {"handover": handover, "url": f"{settings.SITE_URL}{path}"}
    _send("handovers/email/asked_subject.txt", "handovers/email/asked.txt", context, recipients, language)


def handover_notify_asker(*, handover_id: int, language: str | None = None) -> None:
    """Tell the contact person the department answered."""
    handover = Handover.objects.select_related(
        "initiative", "department", "municipality", "asked_by", "answered_by"
    ).get(pk=handover_id)
    if handover.asked_by is None or not handover.asked_by.email:
        return
    path = reverse(
        "handovers:ask", kwargs={"municipality_slug": handover.municipality.slug, "pk": handover.initiative_id}
    )
    context = {"handover": handover, "url": f"{settings.SITE_URL}{path}"}
    _send(
        "handovers/email/answered_subject.txt",
        "handovers/email/answered.txt",
        context,
        [handover.asked_by.email],
        language,
    )
