"""What accounts announces to the apps above it. Accounts is part of the ground and imports no app above
it; those apps subscribe in their AppConfig.ready().

second_factor_was_reset: a staff member's authenticator apps were removed and a new set-up link made
    (`second_factor_reset`). Sent inside that transaction with `user`, `actor` (None from a command),
    `municipalities` (whose processing logs record it) and `had_app` (False: there was no app yet, only a
    new link). The privacy app writes it to the processing log.
"""

from django.dispatch import Signal

second_factor_was_reset = Signal()
