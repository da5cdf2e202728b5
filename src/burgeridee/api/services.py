"""Changes to the API's set-up, made by the functional administrator: every change is audited the way the
administration app audits a municipality's set-up (a processing-log line naming who, through
records.StaffAuditEntry, and an administration.ConfigurationChange saying what)."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from burgeridee.administration.models import ConfigurationChange, Source
from burgeridee.municipalities.models import Municipality
from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity

from .models import ApiClient, Scope
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
