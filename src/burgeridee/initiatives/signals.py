"""What an initiative announces to the apps above it. They subscribe in their AppConfig.ready(), so this
app never imports them (docs/architecture.md, "Layers").

initiative_closed: the initiative ended (completed, stopped, withdrawn by the resident, or "not an
    initiative"). Sent inside the transaction that closed it, with `initiative` and `actor` (None when
    the resident withdrew). A receiver writes in the same transaction and sends mail on commit.
"""

from django.dispatch import Signal

initiative_closed = Signal()
