from .models import Membership


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


def membership_list(*, user) -> list[Membership]:
    return list(
        Membership.objects.select_related("municipality")
        .filter(user=user, is_active=True, municipality__is_active=True)
        .order_by("municipality__name")
    )
