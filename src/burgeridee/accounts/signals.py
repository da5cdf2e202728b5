"""What accounts announces to the apps above it. Accounts is part of the ground and imports no app above
it; those apps subscribe in their AppConfig.ready().

second_factor_was_reset: a staff member's authenticator apps were removed and a new set-up link made
    (`second_factor_reset`). Sent inside that transaction with `user`, `actor` (None from a command),
    `municipalities` (whose processing logs record it) and `had_app` (False: there was no app yet, only a
    new link). The privacy app writes it to the processing log.

second_factor_changed: a staff member added, removed or used one of their own second factors: a passkey,
    or backup codes (`change`, one of the constants below). Sent with `user` (who is also the actor). The
    sso app writes it to the processing log of each municipality the person works for.
"""

from django.dispatch import Signal

second_factor_was_reset = Signal()
second_factor_changed = Signal()

PASSKEY_ADDED = "passkey_added"
PASSKEY_REMOVED = "passkey_removed"
PASSKEY_USED = "passkey_used"
BACKUP_CODES_MADE = "backup_codes_made"
BACKUP_CODE_USED = "backup_code_used"
SECOND_FACTOR_CHANGES = (PASSKEY_ADDED, PASSKEY_REMOVED, PASSKEY_USED, BACKUP_CODES_MADE, BACKUP_CODE_USED)
