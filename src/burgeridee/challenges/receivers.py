"""What this app adds to lower apps' pages through their signals (connected in ChallengesConfig.ready())."""

from django.dispatch import receiver
from django.template.loader import render_to_string

from burgeridee.municipalities.signals import home_routes

from .selectors import is_open


@receiver(home_routes, dispatch_uid="challenges.home_panel")
def challenge_home_panel(sender, *, request, municipality, **kwargs) -> str:
    """On the municipality's public home page: the way to the right to challenge, only when the bylaw grants it."""
    if not is_open(municipality=municipality):
        return ""
    return render_to_string("challenges/_home_panel.html", {"municipality": municipality}, request=request)
