from burgeridee.initiatives.constants import Phase

from .models import ShowcaseEntry


def showcase_public(*, municipality):
    """What may be shown: completed initiatives whose residents said yes (and did not take it back)."""
    return (
        ShowcaseEntry.objects.filter(
            initiative__municipality=municipality,
            initiative__phase=Phase.COMPLETED,
            consent_given_at__isnull=False,
            consent_withdrawn_at__isnull=True,
        )
        .select_related("initiative", "initiative__neighbourhood")
        .defer("photo")
        .order_by("-consent_given_at")
    )
