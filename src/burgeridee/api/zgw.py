"""Registration in the case system (ZGW): each initiative of a municipality that switched the plugin on
becomes a zaak in its Zaken API, the resident its initiator (rol), every phase a status, and the confirmed
conversation report a document in its Documenten API linked to the zaak.

Like the notifications (notifications.py / delivery.py), nothing happens in the resident's request: the
time-line listener writes ZgwRegistration rows in the action's transaction, the worker is asked after
commit (tasks.zgw_register_task; `manage.py zgw_send` is the sweep), and the worker (workqueue.WorkQueue, the
loop the notifications use too) claims due rows with SELECT ... FOR UPDATE SKIP LOCKED, only the first open
row per initiative (the zaak before its statuses and documents), sends them, and retries with back-off
(core.outbox.backoff_delay, the NOTIFICATION_* settings).

    time-line kind         work
    ingediend              zaak: POST zaken/api/v1/zaken, POST /rollen (initiator), POST /statussen (first phase)
    fase, ingetrokken      status: POST /statussen with the statustype configured for the new phase
    verslag_bevestigd      document: POST enkelvoudiginformatieobjecten (Documenten API), POST /zaakinformatieobjecten

The municipality's Zaken, Documenten and Catalogi API are zgw-consumers `Service`s (ZgwSettings.*_service); the
calls go through zgw-consumers' client (`build_client(service)`, an ape-pie session on requests), which makes
the ZGW JWT (HS256, the client id as `iss` and `client_id`) and joins paths to the service's api_root. Ours are
only JSON, the Accept-Crs/Content-Crs headers the Zaken API demands, the timeout and the errors.
"""

import base64
import logging
from datetime import datetime, timedelta

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from zgw_consumers.client import build_client
from zgw_consumers.models import Service

from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity

from .models import ZgwKind, ZgwRegistration, ZgwSettings
from .workqueue import WorkQueue

logger = logging.getLogger(__name__)

CRS = "EPSG:4326"
OMSCHRIJVING_MAX = 80


class ZgwError(Exception):
    pass


# --- Queueing (in the action's transaction) ------------------------------------------------------------------


def zgw_active_settings(municipality_id: int) -> ZgwSettings | None:
    # One per municipality: no ORDER BY (Django would hash all the joined services' columns to match it).
    queryset = (
        ZgwSettings.objects.filter(municipality_id=municipality_id, is_active=True)
        .select_related("zaken_service", "documenten_service", "catalogi_service")
        .order_by()
    )
    return next(iter(queryset[:1]), None)


def registrations_for_event(*, event) -> list[ZgwRegistration]:
    """Write the case-system work for one time-line event (in its transaction). Returns the new rows."""
    kind = event.kind
    if kind not in ("ingediend", "fase", "ingetrokken", "verslag_bevestigd"):
        return []
    initiative = event.initiative
    if zgw_active_settings(initiative.municipality_id) is None:
        return []
    now = timezone.now()

    def add(work_kind: str, data: dict) -> ZgwRegistration:
        return ZgwRegistration.objects.create(
            municipality_id=initiative.municipality_id,
            initiative=initiative,
            kind=work_kind,
            data=data,
            next_attempt_at=now,
            created_at=now,
        )

    rows = []
    has_case = ZgwRegistration.objects.filter(initiative=initiative, kind=ZgwKind.CASE).exists()
    if kind == "ingediend" or not has_case:  # switched on later: the zaak comes first
        # Its first status is the current phase, unless a status for the new phase follows right after.
        first_phase = "" if kind in ("fase", "ingetrokken") else initiative.phase
        rows.append(add(ZgwKind.CASE, {"phase": first_phase, "at": event.created_at.isoformat()}))
    if kind in ("fase", "ingetrokken"):
        phase = (event.data or {}).get("to") or initiative.phase
        rows.append(add(ZgwKind.STATUS, {"phase": phase, "at": event.created_at.isoformat()}))
    elif kind == "verslag_bevestigd":
        rows.append(add(ZgwKind.DOCUMENT, {"version": (event.data or {}).get("version")}))
    transaction.on_commit(_enqueue)
    return rows


def _enqueue() -> None:
    from .tasks import zgw_register_task

    try:
        zgw_register_task.enqueue()
    except Exception:  # the sweep (manage.py zgw_send) registers them anyway
        logger.warning("Could not queue the case-system worker; the sweep will register")


def timeline_event_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if created and not raw:
        registrations_for_event(event=instance)


# --- The client --------------------------------------------------------------------------------------------


class ZgwClient:
    """Requests to the municipality's ZGW services, each through zgw-consumers' client for that service."""

    def __init__(self, config: ZgwSettings):
        self.config = config

    def _request(self, service: Service | None, method: str, path: str, **kwargs) -> requests.Response:
        if service is None:
            raise ZgwError("Geen service ingesteld")
        headers = {"Accept": "application/json", "User-Agent": "Burgeridee-zaaksysteem/1.0"} | kwargs.pop("headers")
        try:
            with build_client(service) as client:  # its auth adds the ZGW JWT for the service's client id/secret
                return client.request(
                    method,
                    path.lstrip("/"),  # relative: joined to the service's api_root by the client
                    headers=headers,
                    timeout=settings.NOTIFICATION_TIMEOUT,
                    allow_redirects=False,
                    **kwargs,
                )
        except requests.RequestException as error:
            raise ZgwError(f"{type(error).__name__}: {error}") from error

    def find(self, service: Service | None, path: str, params: dict, *, crs: bool = False, match=None) -> str:
        """The URL of an object the API already has (its list endpoint with the standard's filters), or "".
        Used only when an earlier try sent the same POST and its answer was lost."""
        headers = {"Accept-Crs": CRS} if crs else {}
        response = self._request(service, "GET", path, params=params, headers=headers)
        if response.status_code != 200:
            raise ZgwError(f"HTTP {response.status_code} on GET {path}: {response.text[:300]}")
        try:
            answer = response.json()
        except ValueError as error:
            raise ZgwError(f"No JSON in the answer to GET {path}") from error
        results = answer.get("results", []) if isinstance(answer, dict) else answer  # paginated or a plain list
        for item in results if isinstance(results, list) else []:
            if isinstance(item, dict) and item.get("url") and (match is None or match(item)):
                return item["url"]
        return ""

    def post(self, service: Service | None, path: str, body: dict, *, crs: bool = False) -> dict:
        headers = {"Content-Type": "application/json"}
        if crs:
            headers |= {"Accept-Crs": CRS, "Content-Crs": CRS}
        response = self._request(service, "POST", path, json=body, headers=headers)
        if response.status_code != 201:
            raise ZgwError(f"HTTP {response.status_code} on POST {path}: {response.text[:300]}")
        try:
            answer = response.json()
        except ValueError as error:
            raise ZgwError(f"No JSON in the answer to POST {path}") from error
        if not isinstance(answer, dict) or not answer.get("url"):
            raise ZgwError(f"No url in the answer to POST {path}")
        return answer


# --- The work ----------------------------------------------------------------------------------------------


def _case_url(registration: ZgwRegistration) -> str:
    results = ZgwRegistration.objects.filter(initiative_id=registration.initiative_id, kind=ZgwKind.CASE).values_list(
        "result", flat=True
    )
    url = next((result["zaak"] for result in results if result.get("zaak")), "")
    if not url:
        raise ZgwError("De zaak is nog niet geregistreerd")
    return url


SENT = "verstuurd"  # in `result`: the steps whose POST went out; their answer is in `result` once it came


def _keep(registration: ZgwRegistration, **urls) -> None:
    """Save each answer at once, so a retry after a half-done step does not create the zaak twice."""
    registration.result = {**registration.result, **urls}
    ZgwRegistration.objects.filter(pk=registration.pk).update(result=registration.result)


def _create_once(client, registration, key: str, service, path: str, body: dict, *, find: dict, crs=False) -> str:
    """POST one object, at most once over all tries. The step is marked as sent before the POST goes out; if
    an earlier try sent it and its answer was lost (a timeout, a dropped connection), the object may exist:
    look it up with the list endpoint's filters (`find`: params, and `match` to pick among the results) and
    use it. Only when it is not there is it sent again."""
    if registration.result.get(key):
        return registration.result[key]
    if key in registration.result.get(SENT, []):
        found = client.find(service, path, find["params"], crs=crs, match=find.get("match"))
        if found:
            _keep(registration, **{key: found})
            return found
    else:
        _keep(registration, **{SENT: [*registration.result.get(SENT, []), key]})
    url = client.post(service, path, body, crs=crs)["url"]
    _keep(registration, **{key: url})
    return url


def _same_moment(first: str, second: str) -> bool:
    try:
        return datetime.fromisoformat(first) == datetime.fromisoformat(second)
    except (TypeError, ValueError):
        return False


def _status(client: ZgwClient, config: ZgwSettings, registration, zaak: str) -> None:
    """A status for the phase in registration.data. A lost answer is found again by zaak, statustype and the
    exact datumStatusGezet (the same statustype may rightly be set twice, at different moments)."""
    phase, at = registration.data.get("phase", ""), _at(registration)
    statustype = (config.statustypes or {}).get(phase, "")
    if not statustype:
        _keep(registration, status="")
        return
    body = {"zaak": zaak, "statustype": statustype, "datumStatusGezet": at, "statustoelichting": phase}
    find = {
        "params": {"zaak": zaak, "statustype": statustype},
        "match": lambda item: _same_moment(item.get("datumStatusGezet", ""), at),
    }
    _create_once(client, registration, "status", config.zaken_service, "statussen", body, find=find)


def _register_case(client, config, registration) -> list[str]:
    initiative = registration.initiative
    fields: list[str] = []
    if not registration.result.get("zaak"):
        body = {
            "zaaktype": config.zaaktype,
            "bronorganisatie": config.rsin,
            "verantwoordelijkeOrganisatie": config.rsin,
            "startdatum": timezone.localdate(initiative.submitted_at).isoformat(),
            "registratiedatum": timezone.localdate().isoformat(),
            "identificatie": initiative.reference,
            "omschrijving": f"{initiative.reference} {initiative.title}"[:OMSCHRIJVING_MAX],
            "toelichting": initiative.description[:1000],
            "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
        }
        # identificatie is unique per bronorganisatie in the Zaken API: the search that finds a zaak whose
        # answer was lost, and the reason a blind second POST would be refused.
        find = {"params": {"identificatie": initiative.reference, "bronorganisatie": config.rsin}}
        _create_once(client, registration, "zaak", config.zaken_service, "zaken", body, find=find, crs=True)
    zaak = registration.result["zaak"]
    initiator = initiative.primary_initiator
    if not registration.result.get("rol") and initiator is not None and config.roltype_initiator:
        name = initiator.name.strip()
        first, _sep, last = name.rpartition(" ")
        identification = {"geslachtsnaam": (last or name)[:200], "voornamen": first[:200]}
        body = {
            "zaak": zaak,
            "betrokkeneType": "natuurlijk_persoon",
            "roltype": config.roltype_initiator,
            "roltoelichting": "Initiatiefnemer",
            "betrokkeneIdentificatie": identification,
        }
        fields.append("name")
        if initiator.email:
            body["contactpersoonRol"] = {"emailadres": initiator.email, "naam": name[:200]}
            fields.append("email")
        find = {"params": {"zaak": zaak, "roltype": config.roltype_initiator, "betrokkeneType": "natuurlijk_persoon"}}
        _create_once(client, registration, "rol", config.zaken_service, "rollen", body, find=find)
    if "status" not in registration.result:
        _status(client, config, registration, zaak)
    return fields


def _at(registration: ZgwRegistration) -> str:
    return registration.data.get("at") or timezone.now().isoformat()


def _register_status(client, config, registration) -> list[str]:
    _status(client, config, registration, _case_url(registration))
    return []


def report_pdf(initiative, version) -> tuple[bytes, str]:
    from burgeridee.conversations.models import Report, ReportStatus
    from burgeridee.conversations.views.shared import report_pdf_context
    from burgeridee.documents.rendering import render_pdf

    reports = Report.objects.filter(conversation__initiative=initiative, status=ReportStatus.CONFIRMED)
    report = (reports.filter(version=version) if version else reports).order_by("-version").first()
    if report is None:
        raise ZgwError("Geen bevestigd gespreksverslag gevonden")
    conversation = report.conversation
    pdf = render_pdf(
        "conversations/pdf/report.html",
        report_pdf_context(initiative, conversation, report, list(report.agreements.all())),
    )
    return pdf, f"gespreksverslag-{initiative.reference}-v{report.version}.pdf"


def _register_document(client, config, registration) -> list[str]:
    zaak = _case_url(registration)
    initiative = registration.initiative
    if not registration.result.get("informatieobject"):
        pdf, filename = report_pdf(initiative, registration.data.get("version"))
        identification = filename.removesuffix(".pdf")[:40]  # unique per bronorganisatie, like a zaak's
        body = {
            "identificatie": identification,
            "bronorganisatie": config.rsin,
            "creatiedatum": timezone.localdate().isoformat(),
            "titel": f"Gespreksverslag {initiative.reference}"[:200],
            "auteur": initiative.municipality.name[:200],
            "taal": "dut",
            "formaat": "application/pdf",
            "bestandsnaam": filename,
            "inhoud": base64.b64encode(pdf).decode("ascii"),
            "informatieobjecttype": config.informatieobjecttype,
            "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
        }
        find = {"params": {"identificatie": identification, "bronorganisatie": config.rsin}}
        _create_once(
            client,
            registration,
            "informatieobject",
            config.documenten_service,
            "enkelvoudiginformatieobjecten",
            body,
            find=find,
        )
    if not registration.result.get("zaakinformatieobject"):
        body = {"zaak": zaak, "informatieobject": registration.result["informatieobject"]}
        find = {"params": body}
        _create_once(
            client,
            registration,
            "zaakinformatieobject",
            config.zaken_service,
            "zaakinformatieobjecten",
            body,
            find=find,
        )
    return ["name"]  # the report names the resident


WORK = {ZgwKind.CASE: _register_case, ZgwKind.STATUS: _register_status, ZgwKind.DOCUMENT: _register_document}


# --- The worker --------------------------------------------------------------------------------------------


def _lease() -> timedelta:
    return timedelta(seconds=max(settings.NOTIFICATION_TIMEOUT * 6, 60))  # a zaak takes up to three requests


QUEUE = WorkQueue(model=ZgwRegistration, group="initiative", order="pk", done_field="done_at", lease=_lease, name="zgw")


def registrations_claim(*, worker: str, now: datetime, limit: int = 50) -> list[int]:
    return QUEUE.claim(worker=worker, now=now, limit=limit)


def _register_one(pk: int, *, worker: str, now: datetime) -> bool:
    registration = QUEUE.claimed(pk, worker=worker).select_related("initiative__municipality").first()
    if registration is None:
        return False
    config = zgw_active_settings(registration.municipality_id)
    error, fields = "", []
    if config is None:
        error = "De koppeling met het zaaksysteem staat uit"
    else:
        try:
            fields = WORK[registration.kind](ZgwClient(config), config, registration)
        except ZgwError as problem:
            error = str(problem)[:500]
        except Exception as problem:  # a bug or a PDF that would not render: retried, shown to the administrator
            logger.exception("Case-system registration %s failed", registration.pk)
            error = f"{type(problem).__name__}"[:500]
    if not error:
        initiative = registration.initiative
        processing_record(
            municipality=initiative.municipality,
            actor=None,
            activity=Activity.ZGW_REGISTER,
            initiative=initiative,
            data_subject=initiative.primary_initiator if fields else None,
            fields=fields,
        )
    QUEUE.settle(registration, worker=worker, now=now, error=error)
    return not error


def zgw_register(*, now: datetime | None = None, rounds: int = 20) -> int:
    """Send what is due; returns how many succeeded. Each round does the next piece of work per initiative."""
    return QUEUE.run(_register_one, now=now, rounds=rounds)


def registration_retry(*, registration: ZgwRegistration) -> None:
    """The administrator sends failed work again (a fresh series of attempts)."""
    QUEUE.retry(registration)
