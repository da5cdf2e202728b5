"""What this app adds to other apps' pages (connected in InsightsConfig.ready())."""

from django.core.cache import caches
from django.dispatch import receiver
from django.template.loader import render_to_string

from burgeridee.municipalities.signals import home_panels

from .selectors import public_first_contact

PUBLIC_FIGURE_SECONDS = 3600

# Below this many first contacts in the past year a median says more about chance than about the
# municipality (two quick calls are not "half of the cases"), so the home page says nothing.
PUBLIC_FIGURE_MIN_FIRST_CONTACTS = 5


@receiver(home_panels, dispatch_uid="insights.first_contact_panel")
def first_contact_panel(sender, *, request, municipality, **kwargs) -> str:
    """On the municipality's public home page: how fast first contact was made in the past year."""
    # A year of first contacts is aggregated once an hour per process, not on every visit.
    first_contact = caches["local"].get_or_set(
        f"public-first-contact:{municipality.pk}",
        lambda: public_first_contact(municipality=municipality),
        PUBLIC_FIGURE_SECONDS,
    )
    if first_contact.count < PUBLIC_FIGURE_MIN_FIRST_CONTACTS:
        return ""
    return render_to_string("insights/public_first_contact.html", {"first_contact": first_contact}, request=request)
