"""Staff accounts: create a colleague, and the one-time links with which staff set up their second factor.

A password alone never sets up an authenticator app. A new account, a reset of a lost phone, or an
administrator's command gives the person a random single-use link (only its hash is stored) that works
for `STAFF_ENROLMENT_LINK_VALID_HOURS`; the set-up page needs that link AND a password login as the
same person.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from burgeridee.core.mail import mail_send

from . import signals
from .constants import EnrolmentReason
from .models import EnrolmentLink, Membership, User


class EnrolmentLinkUnusable(Exception):
    """The link was used, revoked or expired (`problem` says which) or belongs to someone else."""

    def __init__(self, problem: str):
        super().__init__(problem)
        self.problem = problem


@dataclass(frozen=True)
class IssuedEnrolmentLink:
    """A fresh link. `url` holds the secret token: show it once or send it, never store it."""

    link: EnrolmentLink
    url: str


def enrolment_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def enrolment_link_url(token: str) -> str:
    return settings.SITE_URL + reverse("accounts:enrol", kwargs={"token": token})


@transaction.atomic
def enrolment_link_issue(
    *, user: User, reason: str, actor: User | None = None, send_email: bool = True, now: datetime | None = None
) -> IssuedEnrolmentLink:
    """Make a new one-time link for `user` to set up their app; older open links stop working, and so
    does a set-up they had started but not finished. The link is emailed to the user (after commit)
    unless `send_email` is False; the returned URL is for showing once to whoever made it.
    """
    now = now or timezone.now()
    EnrolmentLink.objects.filter(user=user, used_at__isnull=True, revoked_at__isnull=True).update(revoked_at=now)
    # A half-finished set-up holds a secret someone may have seen; the new link starts from a new one.
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    token = secrets.token_urlsafe(32)
    link = EnrolmentLink.objects.create(
        user=user,
        token_hash=enrolment_token_hash(token),
        reason=reason,
        created_at=now,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        expires_at=now + timedelta(hours=settings.STAFF_ENROLMENT_LINK_VALID_HOURS),
    )
    url = enrolment_link_url(token)
    if send_email and user.email:
        language = translation.get_language()
        enrolment_link_send(link_id=link.pk, url=url, language=language)
    return IssuedEnrolmentLink(link=link, url=url)


def enrolment_link_send(*, link_id: int, url: str, language: str | None = None) -> None:
    """Email the staff member their set-up link (no password in the mail: they get that another way)."""
    link = EnrolmentLink.objects.select_related("user").get(pk=link_id)
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {"user": link.user, "url": url, "expires_at": link.expires_at, "reason": link.reason}
        subject = render_to_string("accounts/email/enrolment_link_subject.txt", context).strip()
        body = render_to_string("accounts/email/enrolment_link.txt", context)
    mail_send(subject=subject, body=body, to=[link.user.email], what=f"Enrolment link mail for user {link.user_id}")


def enrolment_link_find(*, token: str) -> EnrolmentLink | None:
    """The link with this token, whatever its state, or None."""
    if not token or len(token) > 100:
        return None
    return EnrolmentLink.objects.select_related("user").filter(token_hash=enrolment_token_hash(token)).first()


@transaction.atomic
def enrolment_complete(*, link_id: int, user: User, device: TOTPDevice, now: datetime | None = None) -> TOTPDevice:
    """The user typed a right code from their new app: confirm the device and use up the link.

    Raises EnrolmentLinkUnusable when the link was used (in another browser, say), revoked or expired in
    the meantime, or is not this user's; nothing changes then.
    """
    now = now or timezone.now()
    link = EnrolmentLink.objects.select_for_update().filter(pk=link_id).first()
    if link is None or link.user_id != user.pk or device.user_id != user.pk:
        raise EnrolmentLinkUnusable("other_user")
    problem = link.problem(now=now)
    if problem:
        raise EnrolmentLinkUnusable(problem)
    link.used_at = now
    link.save(update_fields=["used_at"])
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return device


@transaction.atomic
def second_factor_reset(
    *, user: User, actor: User | None, municipality=None, send_email: bool = True
) -> IssuedEnrolmentLink:
    """A colleague lost their phone (or never finished setting up): remove their authenticator apps, so
    codes from the old phone stop working and sessions verified with it must verify again, and give them
    a new set-up link. Written to the processing log of `municipality` (the coordinator's), or of every
    municipality the user belongs to when an administrator runs it as a command (by the privacy app,
    which hears `signals.second_factor_was_reset`).
    """
    devices = list(devices_for_user(user, confirmed=None))
    had_app = any(device.confirmed for device in devices)
    for device in devices:
        device.delete()
    issued = enrolment_link_issue(
        user=user,
        reason=EnrolmentReason.RESET if had_app else EnrolmentReason.NEW_LINK,
        actor=actor,
        send_email=send_email,
    )
    if municipality is not None:
        municipalities = [municipality]
    else:
        municipalities = [m.municipality for m in user.memberships.select_related("municipality")]
    signals.second_factor_was_reset.send(
        sender=User, user=user, actor=actor, municipalities=municipalities, had_app=had_app
    )
    return issued


@dataclass(frozen=True)
class StaffCreated:
    user: User
    enrolment: IssuedEnrolmentLink


@transaction.atomic
def staff_create(
    *,
    username: str,
    email: str,
    password: str,
    municipality,
    roles: list[str],
    first_name: str = "",
    last_name: str = "",
    job_title: str = "",
    phone: str = "",
    department=None,
    actor: User | None = None,
    validate: bool = True,
    send_email: bool = True,
) -> StaffCreated:
    """A new staff member of `municipality` with `roles`. They get an emailed one-time link to set up
    their app; the returned link is for the creator to show once. `validate` checks the password
    against the password rules (ValidationError); only demo data skips it.
    """
    user = User(
        username=username, email=email, first_name=first_name, last_name=last_name, job_title=job_title, phone=phone
    )
    if validate:
        validate_password(password, user)
    user.set_password(password)
    user.save()
    Membership.objects.create(user=user, municipality=municipality, roles=list(roles), department=department)
    enrolment = enrolment_link_issue(user=user, reason=EnrolmentReason.NEW_ACCOUNT, actor=actor, send_email=send_email)
    return StaffCreated(user=user, enrolment=enrolment)


# --- Backup codes: one-time codes for a lost phone (django-otp's static device) ---------------------------

BACKUP_DEVICE_NAME = "Reservecodes"


@transaction.atomic
def backup_codes_make(*, user: User) -> list[str]:
    """A new set of one-time backup codes for `user`; the old set stops working. Returns the codes, to show
    once. Announced through `signals.second_factor_changed` (the processing log above accounts)."""
    device = StaticDevice.objects.filter(user=user, name=BACKUP_DEVICE_NAME).first()
    if device is None:
        device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(settings.STAFF_BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    signals.second_factor_changed.send(sender=User, user=user, change=signals.BACKUP_CODES_MADE)
    return codes


def backup_codes_left(*, user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__name=BACKUP_DEVICE_NAME).count()


def backup_code_normalise(code: str) -> str:
    """What a person types, as stored: without spaces or dashes, lower case."""
    return "".join(code.split()).replace("-", "").lower()


@transaction.atomic
def backup_code_use(*, user: User, code: str) -> StaticDevice | None:
    """The device when `code` is one of the user's unused backup codes (it is used up), else None. django-otp
    throttles wrong codes per device."""
    device = StaticDevice.objects.select_for_update().filter(user=user, name=BACKUP_DEVICE_NAME).first()
    if device is None or not device.verify_token(backup_code_normalise(code)):
        return None
    signals.second_factor_changed.send(sender=User, user=user, change=signals.BACKUP_CODE_USED)
    return device


@transaction.atomic
def passkey_remove(*, user: User, pk: int) -> bool:
    """Remove one of the user's own passkeys; False when there is no such passkey of theirs."""
    deleted, _ = WebAuthnCredential.objects.filter(user=user, pk=pk).delete()
    if deleted:
        signals.second_factor_changed.send(sender=User, user=user, change=signals.PASSKEY_REMOVED)
    return bool(deleted)
