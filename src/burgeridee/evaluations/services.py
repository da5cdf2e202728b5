"""The evaluation moment: when an initiative ends, the resident looks back on process and result."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from burgeridee.core.mail import mail_send
from burgeridee.initiatives.models import Initiative
from burgeridee.initiatives.services import status_link
from burgeridee.records.services import event_record

from .constants import ASPECTS
from .models import Evaluation


@transaction.atomic
def evaluation_invite(*, initiative: Initiative, actor=None) -> Evaluation:
    """Invite the resident once, by their channel: an email, or a letter the contact person prints."""
    evaluation, created = Evaluation.objects.get_or_create(
        initiative=initiative, defaults={"invited_at": timezone.now()}
    )
    if not created:
        return evaluation
    initiator = initiative.initiators.filter(is_primary=True).first()
    by_email = bool(initiator and initiator.email)
    event_record(
        initiative=initiative,
        kind="evaluatie_gevraagd",
        actor=actor,
        data={"channel": "email" if by_email else "brief"},
    )
    if by_email:
        language = translation.get_language()
        evaluation_invitation_send(initiative_id=initiative.pk, language=language)
    return evaluation


def evaluation_invitation_context(*, initiative: Initiative) -> dict:
    return {
        "initiative": initiative,
        "initiator": initiative.initiators.filter(is_primary=True).first(),
        "municipality": initiative.municipality,
        "evaluation_url": status_link(initiative=initiative) + "evaluatie/",
    }


def evaluation_invitation_send(*, initiative_id: int, language: str | None = None) -> None:
    initiative = Initiative.objects.select_related("municipality").get(pk=initiative_id)
    context = evaluation_invitation_context(initiative=initiative)
    if not context["initiator"] or not context["initiator"].email:
        return
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string("evaluations/email/invitation_subject.txt", context).strip()
        body = render_to_string("evaluations/email/invitation.txt", context)
    mail_send(
        subject=subject,
        body=body,
        to=[context["initiator"].email],
        what=f"Evaluation invitation for {initiative.reference}",
        municipality=initiative.municipality,
    )


@transaction.atomic
def evaluation_submit(*, initiative: Initiative, answers: dict) -> Evaluation:
    """Store the resident's scores (1-5) and comments. An evaluation is filled in once."""
    evaluation, _created = Evaluation.objects.select_for_update().get_or_create(
        initiative=initiative, defaults={"invited_at": timezone.now()}
    )
    if evaluation.submitted_at:
        return evaluation
    for name, _label, _question in ASPECTS:
        setattr(evaluation, name, answers[name])
        setattr(evaluation, f"{name}_comment", answers.get(f"{name}_comment", ""))
    evaluation.submitted_at = timezone.now()
    evaluation.save()
    event_record(initiative=initiative, kind="evaluatie_ingevuld")
    return evaluation
