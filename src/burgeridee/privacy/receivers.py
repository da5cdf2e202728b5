"""What this app writes down when another app announces something (connected in PrivacyConfig.ready())."""

from django.dispatch import receiver

from burgeridee.accounts.signals import second_factor_was_reset
from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity


@receiver(second_factor_was_reset, dispatch_uid="privacy.log_second_factor_reset")
def log_second_factor_reset(sender, *, user, actor, municipalities, had_app: bool, **kwargs) -> None:
    """Resetting a colleague's second factor processes their personal data: one line per municipality.
    (Accounts sits below the records foundation and may not write the log itself.)"""
    activity = Activity.SECOND_FACTOR_RESET if had_app else Activity.ENROLMENT_LINK_CREATE
    for municipality in municipalities:
        processing_record(municipality=municipality, actor=actor, activity=activity, data_subject=user)
