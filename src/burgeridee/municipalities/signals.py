"""What the municipality's public home page asks of the apps above it.

home_panels: sent while the municipality's home page (/<gemeente>/) is rendered, with `request` and
    `municipality`. A receiver returns a piece of HTML to show under "Zo gaat het", or "" for nothing;
    pieces appear in the order the apps are installed. The insights app adds how fast first contact was
    made last year.
home_routes: sent likewise; a receiver returns HTML for another route a resident can take, shown after the
    main call to action ("Deel uw idee"), so the common case comes first. The challenges app adds the right to
    challenge when the municipality's bylaw grants it.

Municipalities is part of the ground and imports no app above it; those apps connect in their
AppConfig.ready(). (A `records` registry would not do: records sits above this app.)
"""

from django.dispatch import Signal

home_panels = Signal()
home_routes = Signal()
