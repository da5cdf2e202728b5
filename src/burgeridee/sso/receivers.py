"""The processing log for what accounts announces about a staff member's own second factors (accounts sits
below the records foundation and may not write the log itself): one line per municipality the person
works for, or only the one their provider signed them in for."""

from django.dispatch import receiver

from burgeridee.accounts import signals
from burgeridee.accounts.models import Membership
from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity

ACTIVITIES = {
    signals.PASSKEY_ADDED: Activity.PASSKEY_ADD,
    signals.PASSKEY_REMOVED: Activity.PASSKEY_REMOVE,
    signals.PASSKEY_USED: Activity.PASSKEY_USE,
    signals.BACKUP_CODES_MADE: Activity.BACKUP_CODES_CREATE,
    signals.BACKUP_CODE_USED: Activity.BACKUP_CODE_USE,
}


@receiver(signals.second_factor_changed, dispatch_uid="sso.log_second_factor_changed")
def log_second_factor_changed(sender, *, user, change: str, **kwargs) -> None:
    activity = ACTIVITIES[change]
    memberships = Membership.objects.filter(user=user).select_related("municipality")
    for membership in memberships:
        processing_record(municipality=membership.municipality, actor=user, activity=activity, data_subject=user)
