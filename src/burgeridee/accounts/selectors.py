from django.db.models import Exists, OuterRef, Subquery
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import EnrolmentLink, Membership


def membership_get(*, user, municipality_slug: str) -> Membership | None:
    """The user's active membership of an active municipality, or None."""
    return (
        Membership.objects.select_related("municipality", "department")
        .filter(
            user=user,
            municipality__slug=municipality_slug,
            municipality__is_active=True,
            is_active=True,
        )
        .first()
    )


def membership_list(*, user, municipality_slug: str | None = None) -> list[Membership]:
    """The user's active memberships; only that of `municipality_slug` when given (a session signed in
    through that municipality's identity provider, accounts/external.py)."""
    memberships = Membership.objects.select_related("municipality").filter(
        user=user, is_active=True, municipality__is_active=True
    )
    if municipality_slug is not None:
        memberships = memberships.filter(municipality__slug=municipality_slug)
    return list(memberships.order_by("municipality__name"))


def _colleagues(*, municipality):
    open_links = EnrolmentLink.objects.filter(
        user=OuterRef("user"), used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
    ).order_by("-expires_at")
    return (
        Membership.objects.filter(municipality=municipality, is_active=True, user__is_active=True)
        .select_related("user", "department")
        .annotate(
            has_app=Exists(TOTPDevice.objects.filter(user=OuterRef("user"), confirmed=True)),
            link_valid_until=Subquery(open_links.values("expires_at")[:1]),
        )
    )


def colleague_list(*, municipality) -> list[Membership]:
    """The municipality's active staff with whether their second factor is set up (one query).

    Each membership has `has_app` and `link_valid_until` (the open set-up link's expiry, or None).
    """
    colleagues = _colleagues(municipality=municipality)
    return list(colleagues.order_by("user__first_name", "user__last_name", "user__username"))


def colleague_get(*, municipality, pk: int) -> Membership:
    """One active membership of this municipality (annotated like colleague_list), or 404."""
    return get_object_or_404(_colleagues(municipality=municipality), pk=pk)
