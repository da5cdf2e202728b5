"""What an initiative announces to the apps above it. They subscribe in their AppConfig.ready(), so this
app never imports them (docs/architecture.md, "Layers").

initiative_closed: the initiative ended (completed, stopped, withdrawn by the resident, or "not an
    initiative"). Sent inside the transaction that closed it, with `initiative`, `actor` (None when
    the resident withdrew) and `resident_told` (True when the closing message went to the resident, with
    the paragraphs of `closing.closing_paragraphs`: a receiver then adds no mail of its own). A receiver
    writes in the same transaction and sends mail on commit.

callback_promised: someone promised the resident a callback on a date (the first conversation's report
    does, when it is sent). Sent inside that transaction with `initiative`, `due_date`, `actor`,
    `assigned_to` (who calls), `note`, and `key`: the same key again moves that promise instead of making
    another (a new version of the report). The deadlines app makes it a callback appointment.
"""

from django.dispatch import Signal

initiative_closed = Signal()
callback_promised = Signal()
