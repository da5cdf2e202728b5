"""The evaluation moment: when an initiative ends, the resident looks back on process and result."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from burgeridee.core.mail import mail_send
from burgeridee.initiatives.constants import Phase
from burgeridee.initiatives.models import Initiative
from burgeridee.initiatives.services import delivery_for, status_link
from burgeridee.records.services import event_record

from .constants import ASPECTS
from .models import Evaluation


@transaction.atomic
def evaluation_invite(*, initiative: Initiative, actor=None, in_closing_message: bool = False) -> Evaluation:
    """Invite the resident once, by their channel: an email, or a letter the contact person prints.

    Normally the invitation is part of the message that tells the resident the initiative ended
    (`evaluation_paragraph`, one mail or one letter); `in_closing_message=False` means no such message went
    out, and then an email of its own invites a resident who has an address.
    """
    evaluation, created = Evaluation.objects.get_or_create(
        initiative=initiative, defaults={"invited_at": timezone.now()}
    )
    if not created:
        return evaluation
    initiator = initiative.initiators.filter(is_primary=True).first()
    if in_closing_message:
        channel = str(delivery_for(initiator))  # email, brief or telefoon: how the closing message went
    else:
        channel = "email" if initiator and initiator.email else "brief"
    event_record(initiative=initiative, kind="evaluatie_gevraagd", actor=actor, data={"channel": channel})
    if channel == "email" and not in_closing_message:
        language = translation.get_language()
        evaluation_invitation_send(initiative_id=initiative.pk, language=language)
    return evaluation


def evaluation_paragraph(initiative: Initiative) -> str:
    """The invitation as a paragraph of the closing message (initiatives.closing), in the active language:
    nothing for an idea that was never an initiative, or once the resident looked back."""
    if initiative.phase == Phase.NOT_AN_INITIATIVE:
        return ""
    if Evaluation.objects.filter(initiative=initiative, submitted_at__isnull=False).exists():
        return ""
    context = evaluation_invitation_context(initiative=initiative)
    return render_to_string("evaluations/closing_paragraph.txt", context).strip()


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
