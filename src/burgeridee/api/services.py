"""Changes to the API's set-up, made by the functional administrator: every change is audited the way the
administration app audits a municipality's set-up (a processing-log line naming who, through
records.StaffAuditEntry, and an administration.ConfigurationChange saying what)."""

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from zgw_consumers.constants import APITypes, AuthTypes
from zgw_consumers.models import Service

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

# The page's values: the plugin's own fields, then what lives in the zgw-consumers services.
ZGW_CONFIG_FIELDS = (
    "is_active",
    "rsin",
    "catalogus",
    "zaaktype",
    "roltype_initiator",
    "statustypes",
    "informatieobjecttype",
)
# (address value, ZgwSettings foreign key, zgw-consumers api_type, label)
ZGW_APIS = (
    ("zaken_url", "zaken_service", APITypes.zrc, "Zaken API"),
    ("catalogi_url", "catalogi_service", APITypes.ztc, "Catalogi API"),
    ("documenten_url", "documenten_service", APITypes.drc, "Documenten API"),
)
ZGW_FIELDS = (*ZGW_CONFIG_FIELDS, "zaken_url", "catalogi_url", "documenten_url", "auth_type", "client_id")


def zgw_services(config: ZgwSettings | None) -> list[Service]:
    if config is None:
        return []
    found = [service for _u, key, _t, _l in ZGW_APIS if (service := getattr(config, key)) is not None]
    return list(dict.fromkeys(found))  # one service may serve two APIs


def zgw_values(config: ZgwSettings | None) -> dict:
    """What the page shows and the audit trail compares: the plugin's fields plus its services' address and
    credentials (one client id, auth type and secret for all of a municipality's ZGW services)."""
    if config is None:
        return {}
    values = {name: getattr(config, name) for name in ZGW_CONFIG_FIELDS}
    for url_key, key, _type, _label in ZGW_APIS:
        service = getattr(config, key)
        values[url_key] = service.api_root if service else ""
    first = next(iter(zgw_services(config)), None)
    values["auth_type"] = first.auth_type if first else AuthTypes.zgw
    values["client_id"] = first.client_id if first else ""
    return values


def _service_slug(municipality: Municipality, api_type: str) -> str:
    base = slugify(f"{municipality.slug}-{api_type}")[:240]
    slug, number = base, 1
    while Service.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _service_for(*, config: ZgwSettings, municipality: Municipality, url_key: str, key: str, url: str) -> Service:
    """The service for this address: the one with that api_root (zgw-consumers keeps it unique) if no other
    municipality uses it, else the municipality's own service moved to the new address, else a new one."""
    root = url if url.endswith("/") else url + "/"
    service = Service.objects.filter(api_root=root).first()
    if service is not None:
        in_use = Q(zaken_service=service) | Q(documenten_service=service) | Q(catalogi_service=service)
        if ZgwSettings.objects.filter(in_use).exclude(municipality=municipality).exists():
            raise ValidationError({url_key: _("Dit adres gebruikt een andere gemeente al.")})
        return service
    service = getattr(config, key)
    if service is None or service in [getattr(config, other) for _u, other, _t, _l in ZGW_APIS if other != key]:
        api_type, label = next((t, lab) for u, k, t, lab in ZGW_APIS if k == key)
        service = Service(slug=_service_slug(municipality, api_type), api_type=api_type)
        service.label = f"{municipality.name}: {label}"[:100]
    service.api_root = root
    return service


@transaction.atomic
def zgw_settings_update(*, municipality: Municipality, values: dict, secret: str = "", actor) -> ZgwSettings:
    """Save the plugin's settings and its zgw-consumers services. The secret is write-only: empty keeps the
    stored one; the audit trail says only that it changed, never what it is."""
    config, _created = ZgwSettings.objects.select_for_update().get_or_create(municipality=municipality)
    before = dict.fromkeys(ZGW_FIELDS, "") | zgw_values(config)
    old_secret = next((service.secret for service in zgw_services(config) if service.secret), "")
    for name in ZGW_CONFIG_FIELDS:
        if name in values:
            setattr(config, name, values[name])
    auth_type = values.get("auth_type") or before["auth_type"] or AuthTypes.zgw
    client_id = values.get("client_id", before["client_id"])
    new_secret = secret or old_secret
    for url_key, key, _type, _label in ZGW_APIS:
        url = values.get(url_key, before[url_key])
        if not url:
            setattr(config, key, None)  # the service itself stays (it may be configured elsewhere)
            continue
        service = _service_for(config=config, municipality=municipality, url_key=url_key, key=key, url=url)
        service.auth_type, service.client_id, service.secret = auth_type, client_id, new_secret
        service.user_id = service.user_id or "burgeridee"
        service.user_representation = service.user_representation or "Burgeridee"
        if service.pk is None or Service.objects.filter(pk=service.pk).exclude(**_service_state(service)).exists():
            service.save()
        setattr(config, key, service)
    after = dict.fromkeys(ZGW_FIELDS, "") | zgw_values(config)
    secret_changed = bool(secret) and secret != old_secret
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


@transaction.atomic
def zgw_settings_configure(*, municipality: Municipality, services: dict, values: dict) -> ZgwSettings:
    """The configuration file's way (api/setup_configuration.py): link services zgw-consumers' own step
    configured (`services`: foreign key name -> Service or None) as they are, and set the plugin's fields."""
    config, _created = ZgwSettings.objects.select_for_update().get_or_create(municipality=municipality)
    before = dict.fromkeys(ZGW_FIELDS, "") | zgw_values(config)
    for name in ZGW_CONFIG_FIELDS:
        if name in values:
            setattr(config, name, values[name])
    for url_key, key, _type, _label in ZGW_APIS:
        service = services.get(key)
        if service is not None:
            in_use = Q(zaken_service=service) | Q(documenten_service=service) | Q(catalogi_service=service)
            if ZgwSettings.objects.filter(in_use).exclude(municipality=municipality).exists():
                raise ValidationError({url_key: _("Dit adres gebruikt een andere gemeente al.")})
        setattr(config, key, service)
    if is_active_incomplete(config):
        raise ValidationError(
            {"is_active": _("Vul eerst alle adressen, de client-id, het geheim, het RSIN en het zaaktype in.")}
        )
    after = dict.fromkeys(ZGW_FIELDS, "") | zgw_values(config)
    if before == after:
        return config
    config.updated_at = timezone.now()
    config.save()
    changed = [name for name in ZGW_FIELDS if before[name] != after[name]]
    change_record(
        municipality=municipality,
        actor=None,
        activity=Activity.ZGW_SETTINGS_CHANGE,
        summary=_("Koppeling met het zaaksysteem gewijzigd: %(fields)s") % {"fields": ", ".join(changed)},
        before={name: before[name] for name in changed},
        after={name: after[name] for name in changed},
    )
    return config


def _service_state(service: Service) -> dict:
    names = ("api_root", "auth_type", "client_id", "secret", "user_id", "user_representation")
    return {name: getattr(service, name) for name in names}


def is_active_incomplete(config: ZgwSettings) -> bool:
    """Switched on without what the registration needs: the Zaken and Documenten service (with a client id
    and secret for the ZGW JWT), the RSIN and the zaaktype."""
    if not config.is_active:
        return False
    services = [config.zaken_service, config.documenten_service]
    if not all(services) or not (config.rsin and config.zaaktype):
        return True
    return any(s.auth_type == AuthTypes.zgw and not (s.client_id and s.secret) for s in services)
