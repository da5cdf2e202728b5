import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from burgeridee.accounts.constants import Role
from burgeridee.accounts.models import Membership
from burgeridee.privacy.constants import ProcessingAction
from burgeridee.privacy.services import processing_log_record

from .models import WorkshopRequest

logger = logging.getLogger(__name__)

PURPOSE = "Aanvraag voor een workshop, training of coaching behandelen"


@transaction.atomic
def workshop_request_submit(
    *,
    municipality,
    municipality_name: str,
    contact_name: str,
    email: str,
    phone: str = "",
    kind: str,
    preferred_dates: str,
    participants: int,
    wishes: str = "",
) -> WorkshopRequest:
    """Store a request from the public form; confirm it to the requester and tell the trainers."""
    request = WorkshopRequest.objects.create(
        municipality=municipality,
        municipality_name=municipality_name,
        contact_name=contact_name,
        email=email,
        phone=phone,
        kind=kind,
        preferred_dates=preferred_dates,
        participants=participants,
        wishes=wishes,
    )
    processing_log_record(
        actor=None,
        municipality=municipality,
        action=ProcessingAction.CREATE,
        activity="workshopaanvraag vastleggen",
        purpose=PURPOSE,
        data_subject=contact_name,
        fields=["contact_name", "email", "phone"],
    )
    language = translation.get_language()
    transaction.on_commit(lambda: workshop_request_mail(request_id=request.pk, language=language))
    return request


def _trainer_emails(municipality) -> list[str]:
    memberships = Membership.objects.filter(municipality=municipality, is_active=True).select_related("user")
    return sorted({m.user.email for m in memberships if m.has_role(Role.TRAINER) and m.user.email and m.user.is_active})


def workshop_request_mail(*, request_id: int, language: str | None = None) -> None:
    """The confirmation to the requester, and a short notice (without personal data) to the trainers."""
    request = WorkshopRequest.objects.select_related("municipality").get(pk=request_id)
    with translation.override(language or settings.LANGUAGE_CODE):
        list_path = reverse("workshop_requests:list", kwargs={"municipality_slug": request.municipality.slug})
        context = {"request": request, "list_url": f"{settings.SITE_URL}{list_path}"}
        confirmation = (
            render_to_string("workshop_requests/email/confirmation_subject.txt", context).strip(),
            render_to_string("workshop_requests/email/confirmation.txt", context),
        )
        notice = (
            render_to_string("workshop_requests/email/trainer_subject.txt", context).strip(),
            render_to_string("workshop_requests/email/trainer.txt", context),
        )
    try:
        send_mail(*confirmation, None, [request.email])
        trainers = _trainer_emails(request.municipality)
        if trainers:
            send_mail(*notice, None, trainers)
    except OSError:
        logger.exception("Mail for workshop request %s could not be sent", request.pk)


@transaction.atomic
def workshop_request_set_status(*, request: WorkshopRequest, status: str, actor) -> WorkshopRequest:
    request.status = status
    request.handled_by = actor
    request.save(update_fields=["status", "handled_by"])
    processing_log_record(
        actor=actor,
        municipality=request.municipality,
        action=ProcessingAction.UPDATE,
        activity="status workshopaanvraag wijzigen",
        purpose=PURPOSE,
        data_subject=request.contact_name,
        fields=["status"],
    )
    return request
