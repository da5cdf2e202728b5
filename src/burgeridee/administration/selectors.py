"""Reading what the set-up pages show; always scoped to one municipality (or, for the installation
administrator, the list of all municipalities)."""

from django.conf import settings
from django.db.models import Count, Exists, OuterRef
from django_otp.plugins.otp_totp.models import TOTPDevice

from burgeridee.accounts.constants import Role
from burgeridee.accounts.models import Membership
from burgeridee.municipalities.models import Department, Municipality, Neighbourhood

from .models import ConfigurationChange


def municipality_list_for_installation() -> list[Municipality]:
    """Every municipality, each with `administrators`: the names of its active functional administrators."""
    municipalities = list(Municipality.objects.defer("logo", "favicon").order_by("name"))
    names: dict[int, list[str]] = {}
    members = Membership.objects.filter(is_active=True, user__is_active=True).select_related("user")
    for membership in members:
        if membership.has_role(Role.ADMINISTRATOR):
            names.setdefault(membership.municipality_id, []).append(membership.user.display_name)
    for municipality in municipalities:
        municipality.administrators = sorted(names.get(municipality.pk, []))
    return municipalities


def neighbourhood_names(*, municipality) -> list[str]:
    return list(Neighbourhood.objects.filter(municipality=municipality).values_list("name", flat=True))


def neighbourhood_list(*, municipality) -> list[Neighbourhood]:
    return list(
        Neighbourhood.objects.filter(municipality=municipality)
        .annotate(initiative_count=Count("initiatives"))
        .order_by("name")
    )


def department_list(*, municipality) -> list[Department]:
    answerers = Membership.objects.filter(is_active=True).select_related("user")
    departments = list(Department.objects.filter(municipality=municipality).order_by("name"))
    by_department: dict[int, list[str]] = {}
    for membership in answerers.filter(department__in=departments):
        by_department.setdefault(membership.department_id, []).append(membership.user.display_name)
    for department in departments:
        department.answerer_names = sorted(by_department.get(department.pk, []))
    return departments


def staff_list(*, municipality) -> list[Membership]:
    """Every member, active or not (a deactivated colleague stays, with their history)."""
    return list(
        Membership.objects.filter(municipality=municipality)
        .select_related("user", "department")
        .annotate(has_app=Exists(TOTPDevice.objects.filter(user=OuterRef("user"), confirmed=True)))
        .order_by("-is_active", "user__first_name", "user__last_name", "user__username")
    )


def staff_has_app(*, membership: Membership) -> bool:
    return TOTPDevice.objects.filter(user=membership.user_id, confirmed=True).exists()


def change_list(*, municipality):
    return ConfigurationChange.objects.filter(municipality=municipality).select_related(
        "processing", "processing__staff_audit"
    )


def installation_periods() -> list[tuple[str, str]]:
    """The retention periods the installation sets for every municipality (settings), to show beside the
    municipality's own."""
    return [
        ("WORKSHOP_NAME_RETENTION_DAYS", settings.WORKSHOP_NAME_RETENTION_DAYS),
        ("WORKSHOP_REQUEST_RETENTION_MONTHS", settings.WORKSHOP_REQUEST_RETENTION_MONTHS),
        ("TRAINING_MEETING_SIGNUP_RETENTION_MONTHS", settings.TRAINING_MEETING_SIGNUP_RETENTION_MONTHS),
        ("TRAINING_COACHING_RETENTION_MONTHS", settings.TRAINING_COACHING_RETENTION_MONTHS),
        ("PROCESSING_LOG_RETENTION_MONTHS", settings.PROCESSING_LOG_RETENTION_MONTHS),
    ]
