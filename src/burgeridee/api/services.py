"""Changes to the API's set-up, made by the functional administrator: every change is audited the way the
administration app audits a municipality's set-up (a processing-log line naming who, through
records.StaffAuditEntry, and an administration.ConfigurationChange saying what)."""

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from burgeridee.administration.models import ConfigurationChange, Source
from burgeridee.municipalities.models import Municipality
from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity

from .models import ApiClient, Scope, Subscription, ZgwSettings
from .tokens import api_token_make


def change_record(
    *, municipality: Municipality, actor, activity: Activity, summary: str, before=None, after=None
) -> ConfigurationChange:
    entry = processing_record(municipality=municipality, actor=actor, activity=activity)
    return ConfigurationChange.objects.create(
        municipality=municipality,
        processing=entry,
        created_at=timezone.now(),
        activity=activity.value,
        summary=summary[:500],
        before=before or {},
        after=after or {},
        source=Source.WORKSPACE,
    )


@dataclass(frozen=True)
class ClientCreated:
    client: ApiClient
    token: str  # shown once, never stored


@transaction.atomic
def api_client_create(*, municipality: Municipality, name: str, scopes: list[str], actor) -> ClientCreated:
    scopes = [value for value in Scope.values if value in scopes]
    token, token_hash = api_token_make()
    client = ApiClient.objects.create(
        municipality=municipality,
        name=name,
        scopes=scopes,
        token_prefix=token[:8],
        token_hash=token_hash,
        created_at=timezone.now(),
        created_by=actor,
    )
    change_record(
        municipality=municipality,
        actor=actor,
        activity=Activity.API_CLIENT_CHANGE,
        summary=_("API-koppeling %(name)s aangemaakt") % {"name": name},
        after={"name": name, "scopes": scopes},
    )
    return ClientCreated(client=client, token=token)


@transaction.atomic
def api_client_revoke(*, client: ApiClient, actor) -> ApiClient:
    """The token stops working at once. The client stays listed (revoked), so the log keeps its name."""
    client = ApiClient.objects.select_for_update().get(pk=client.pk)
    if client.revoked_at is not None:
        return client
    client.revoked_at = timezone.now()
    client.save(update_fields=["revoked_at"])
    change_record(
        municipality=client.municipality,
        actor=actor,
        activity=Activity.API_CLIENT_CHANGE,
        summary=_("API-koppeling %(name)s ingetrokken") % {"name": client.name},
        before={"name": client.name, "active": True},
        after={"name": client.name, "active": False},
    )
    return client


@dataclass(frozen=True)
class SubscriptionCreated:
    subscription: Subscription
    secret: str  # shown once; the receiver checks signatures with it


def endpoint_validate(url: str) -> None:
    if not url.startswith("https://") and not (settings.NOTIFICATION_ALLOW_HTTP and url.startswith("http://")):
        raise ValidationError({"endpoint_url": _("Gebruik een adres dat begint met https://.")})


@transaction.atomic
def subscription_create(
    *, municipality: Municipality, name: str, endpoint_url: str, event_types: list[str], actor
) -> SubscriptionCreated:
    endpoint_validate(endpoint_url)
    secret = secrets.token_urlsafe(32)
    subscription = Subscription.objects.create(
        municipality=municipality,
        name=name,
        endpoint_url=endpoint_url,
        secret=secret,
        event_types=list(event_types),
        created_at=timezone.now(),
    )
    change_record(
        municipality=municipality,
        actor=actor,
        activity=Activity.SUBSCRIPTION_CHANGE,
        summary=_("Abonnement op meldingen %(name)s aangemaakt") % {"name": name},
        after={"name": name, "endpoint_url": endpoint_url, "event_types": list(event_types)},
    )
    return SubscriptionCreated(subscription=subscription, secret=secret)


@transaction.atomic
def subscription_set_active(*, subscription: Subscription, active: bool, actor) -> bool:
    subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
    if subscription.is_active == active:
        return False
    subscription.is_active = active
    subscription.save(update_fields=["is_active"])
    change_record(
        municipality=subscription.municipality,
        actor=actor,
        activity=Activity.SUBSCRIPTION_CHANGE,
        summary=(_("Abonnement %(name)s aangezet") if active else _("Abonnement %(name)s uitgezet"))
        % {"name": subscription.name},
        before={"active": not active},
        after={"active": active},
    )
    return True


# --- Case system (ZGW) ---------------------------------------------------------------------------------------

ZGW_FIELDS = (
    "is_active",
    "zaken_url",
    "catalogi_url",
    "documenten_url",
    "client_id",
    "rsin",
    "catalogus",
    "zaaktype",
    "roltype_initiator",
    "statustypes",
    "informatieobjecttype",
)


@transaction.atomic
def zgw_settings_update(*, municipality: Municipality, values: dict, secret: str = "", actor) -> ZgwSettings:
    """Save the plugin's settings. The secret is write-only: empty keeps the stored one; the audit trail says
    only that it changed, never what it is."""
    config, _created = ZgwSettings.objects.select_for_update().get_or_create(municipality=municipality)
    before = {name: getattr(config, name) for name in ZGW_FIELDS}
    for name in ZGW_FIELDS:
        if name in values:
            setattr(config, name, values[name])
    after = {name: getattr(config, name) for name in ZGW_FIELDS}
    secret_changed = bool(secret) and secret != config.secret
    if secret_changed:
        config.secret = secret
    if is_active_incomplete(config):
        raise ValidationError(
            {"is_active": _("Vul eerst alle adressen, de client-id, het geheim, het RSIN en het zaaktype in.")}
        )
    if before == after and not secret_changed:
        return config
    config.updated_at = timezone.now()
    config.save()
    changed = [name for name in ZGW_FIELDS if before[name] != after[name]]
    if secret_changed:
        changed.append("secret")
        before["secret"], after["secret"] = "***", "*** (nieuw)"
    change_record(
        municipality=municipality,
        actor=actor,
        activity=Activity.ZGW_SETTINGS_CHANGE,
        summary=_("Koppeling met het zaaksysteem gewijzigd: %(fields)s") % {"fields": ", ".join(changed)},
        before={name: before[name] for name in changed},
        after={name: after[name] for name in changed},
    )
    return config


def is_active_incomplete(config: ZgwSettings) -> bool:
    required = ("zaken_url", "documenten_url", "client_id", "secret", "rsin", "zaaktype")
    return config.is_active and not all(getattr(config, name) for name in required)
