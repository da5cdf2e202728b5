"""The REST API, /api/v1/gemeenten/<gemeente>/...: read-only resources plus one way in (an idea on behalf
of a resident). Authentication, scopes, limits and errors: rest.py; what each resource shows: serializers.py.
See docs/api.md."""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from burgeridee.core.dates import local_date
from burgeridee.core.ratelimit import limit_count, limit_reached
from burgeridee.initiatives import selectors as initiative_selectors
from burgeridee.initiatives import services as initiative_services
from burgeridee.initiatives.constants import Phase
from burgeridee.initiatives.forms import UNKNOWN_NEIGHBOURHOOD, IdeaForm
from burgeridee.knowledge import selectors as knowledge_selectors
from burgeridee.knowledge.constants import Kind
from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity
from burgeridee.showcase.selectors import showcase_public

from . import selectors, serializers
from .models import ApiReadAudit, Scope
from .rest import PROBLEM_TYPE, camel, municipality_for

logger = logging.getLogger(__name__)

IDEA_LIMIT_GROUP = "api-idea"

MUNICIPALITY_PARAMETER = OpenApiParameter(
    "gemeente", OpenApiTypes.STR, OpenApiParameter.PATH, description="De gemeente, zoals in haar adres: voorbeeld."
)
REFERENCE_PARAMETER = OpenApiParameter(
    "reference", OpenApiTypes.STR, OpenApiParameter.PATH, description="Het kenmerk van het initiatief: BI-2026-000123."
)


def problems(*codes: int) -> dict:
    """The documented error responses of an operation, all application/problem+json."""
    described = {
        400: "Ongeldige invoer (invalidParams zegt welk veld en waarom).",
        401: "Geen of een onbekende sleutel.",
        403: "De sleutel mist het recht, of hoort bij een andere gemeente.",
        404: "Niet gevonden.",
        429: "Te veel verzoeken; zie Retry-After.",
    }
    return {
        (code, PROBLEM_TYPE): OpenApiResponse(
            serializers.ValidationProblemSerializer if code == 400 else serializers.ProblemSerializer,
            description=described[code],
        )
        for code in codes
    }


class ApiView(GenericAPIView):
    required_scopes: tuple[str, ...] = ()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.municipality = municipality_for(request, kwargs["gemeente"])

    def has_scope(self, scope: str) -> bool:
        client = self.request.auth
        return client is not None and client.has_scope(scope)


def _log_contact_read(*, request, initiative, subject=None, fields=None) -> None:
    """Every read of personal data through the API goes into the processing log; which client read it goes
    into ApiReadAudit (the log itself names no one)."""
    entry = processing_record(
        municipality=initiative.municipality,
        actor=None,
        activity=Activity.API_INITIATIVE_READ,
        initiative=initiative,
        data_subject=subject,
        fields=fields,
    )
    ApiReadAudit.objects.create(processing=entry, client=request.auth)


# --- Initiatives ------------------------------------------------------------------------------------------


class InitiativeList(ApiView):
    required_scopes = (Scope.INITIATIVES, Scope.CONTACT_DETAILS)
    serializer_class = serializers.InitiativeSerializer

    def get_queryset(self):
        phase = self.request.query_params.get("fase", "")
        if phase and phase not in Phase.values:
            raise exceptions.ValidationError(
                {"fase": [_("Kies een van: %(phases)s.") % {"phases": ", ".join(Phase.values)}]}
            )
        return selectors.initiatives_for_api(municipality=self.municipality, phase=phase)

    def get_permissions(self):
        if self.request.method == "POST":
            self.required_scopes = (Scope.SUBMIT,)
        return super().get_permissions()

    @extend_schema(
        operation_id="initiatieven_list",
        summary="Initiatieven van de gemeente (zonder persoonsgegevens)",
        parameters=[
            MUNICIPALITY_PARAMETER,
            OpenApiParameter(
                "fase", OpenApiTypes.STR, enum=Phase.values, description="Alleen initiatieven in deze fase."
            ),
        ],
        responses={200: serializers.InitiativeSerializer(many=True), **problems(400, 401, 403, 404, 429)},
    )
    def get(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(
        operation_id="initiatieven_create",
        summary="Een idee indienen namens een bewoner",
        description=(
            "Dezelfde controles, dezelfde limiet en dezelfde bevestigingsmail als het formulier op de website. "
            "Recht: ideeen_indienen."
        ),
        parameters=[MUNICIPALITY_PARAMETER],
        request=serializers.IdeaCreateSerializer,
        responses={
            201: serializers.IdeaCreatedSerializer,
            200: OpenApiResponse(serializers.IdeaCreatedSerializer, description="Dit formulier was al ontvangen."),
            **problems(400, 401, 403, 404, 429),
        },
    )
    def post(self, request, *args, **kwargs):
        incoming = serializers.IdeaCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        form = IdeaForm(data=_form_data(data), neighbourhoods=self.municipality.neighbourhoods.order_by("name"))
        if not form.is_valid():
            errors = {_api_name(name): [str(e) for e in errs] for name, errs in form.errors.items()}
            raise exceptions.ValidationError(errors)
        key = _client_key
        received = initiative_selectors.initiative_submission_received(
            municipality=self.municipality, submission_key=form.cleaned_data.get("submission_key")
        )
        if not received and limit_reached(request, group=IDEA_LIMIT_GROUP, rate=settings.RATELIMIT_IDEA_FORM, key=key):
            raise exceptions.Throttled(
                detail=_(
                    "Via deze koppeling zijn veel ideeën achter elkaar ingediend. Probeer het over een uur opnieuw."
                )
            )
        submitted = _submit(self.municipality, form)
        initiative = submitted.initiative
        if submitted.token is not None:
            limit_count(request, group=IDEA_LIMIT_GROUP, rate=settings.RATELIMIT_IDEA_FORM, key=key)
        url = request.build_absolute_uri(
            reverse("api:initiative", kwargs={"gemeente": self.municipality.slug, "reference": initiative.reference})
        )
        body = {
            "reference": initiative.reference,
            "url": url,
            "first_contact_due": initiative.first_contact_due,
            "status_url": (
                initiative_services.status_link(initiative=initiative, token=submitted.token)
                if submitted.token
                else None
            ),
        }
        created = submitted.token is not None
        return Response(
            serializers.IdeaCreatedSerializer(body).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
            headers={"Location": url},
        )


def _client_key(group, request) -> str:
    return f"api-client:{request.auth.pk}"


FORM_FIELDS = {"help_asked": "support_types"}


def _api_name(form_name: str) -> str:
    reverse_map = {value: key for key, value in FORM_FIELDS.items()}
    return camel(reverse_map.get(form_name, form_name)) if form_name != "__all__" else "nonFieldErrors"


def _form_data(data: dict) -> dict:
    form_data = {FORM_FIELDS.get(key, key): value for key, value in data.items() if key != "neighbourhood"}
    hood = data.get("neighbourhood")
    form_data["neighbourhood"] = str(hood) if hood is not None else UNKNOWN_NEIGHBOURHOOD
    form_data.setdefault("support_types", [])
    return form_data


def _submit(municipality, form):
    """As the website's form: a second request with the same submission key finds the first idea."""
    data = form.cleaned_data
    # The number is taken before the transaction, so the year's counter is not locked while the idea is saved.
    reference = initiative_services.reference_next(year=local_date(timezone.now()).year)
    for attempt in (1, 2):
        try:
            with transaction.atomic():
                return initiative_services.initiative_submit(
                    municipality=municipality,
                    submission_key=data.get("submission_key"),
                    reference=reference,
                    **form.submission(),
                )
        except IntegrityError:
            if attempt == 2 or not data.get("submission_key"):
                raise
    raise AssertionError("unreachable")


class InitiativeDetail(ApiView):
    required_scopes = (Scope.INITIATIVES, Scope.CONTACT_DETAILS)
    serializer_class = serializers.InitiativeDetailSerializer

    @extend_schema(
        operation_id="initiatieven_retrieve",
        summary="Eén initiatief; met het recht 'contactgegevens' ook de initiatiefnemers",
        parameters=[MUNICIPALITY_PARAMETER, REFERENCE_PARAMETER],
        responses={200: serializers.InitiativeDetailSerializer, **problems(401, 403, 404, 429)},
    )
    def get(self, request, *args, **kwargs):
        with_contact = self.has_scope(Scope.CONTACT_DETAILS)
        initiative = selectors.initiative_for_api(
            municipality=self.municipality, reference=kwargs["reference"], with_initiators=with_contact
        )
        if with_contact:
            for initiator in initiative.initiators.all():
                _log_contact_read(request=request, initiative=initiative, subject=initiator)
        context = self.get_serializer_context() | {"with_contact_details": with_contact}
        return Response(serializers.InitiativeDetailSerializer(initiative, context=context).data)


class InitiativeTimeline(ApiView):
    required_scopes = (Scope.INITIATIVES, Scope.CONTACT_DETAILS)
    serializer_class = serializers.TimelineEventSerializer

    @extend_schema(
        operation_id="initiatieven_tijdlijn_list",
        summary="De tijdlijn van een initiatief (wat de bewoner ook ziet)",
        parameters=[MUNICIPALITY_PARAMETER, REFERENCE_PARAMETER],
        responses={200: serializers.TimelineEventSerializer(many=True), **problems(401, 403, 404, 429)},
    )
    def get(self, request, *args, **kwargs):
        initiative = selectors.initiative_for_api(municipality=self.municipality, reference=kwargs["reference"])
        page = self.paginate_queryset(selectors.timeline_for_api(initiative=initiative))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class InitiativeAgreements(ApiView):
    required_scopes = (Scope.INITIATIVES, Scope.CONTACT_DETAILS)
    serializer_class = serializers.AgreementsSerializer

    @extend_schema(
        operation_id="initiatieven_afspraken_retrieve",
        summary="De afspraken uit het laatste verslag dat de bewoner kreeg",
        parameters=[MUNICIPALITY_PARAMETER, REFERENCE_PARAMETER],
        responses={200: serializers.AgreementsSerializer, **problems(401, 403, 404, 429)},
    )
    def get(self, request, *args, **kwargs):
        initiative = selectors.initiative_for_api(municipality=self.municipality, reference=kwargs["reference"])
        data = selectors.agreements_for_api(initiative=initiative)
        with_contact = self.has_scope(Scope.CONTACT_DETAILS)
        if with_contact and data["agreements"]:
            _log_contact_read(request=request, initiative=initiative, fields=["name"])
        context = self.get_serializer_context() | {"with_contact_details": with_contact}
        return Response(serializers.AgreementsSerializer(data, context=context).data)


# --- Figures ----------------------------------------------------------------------------------------------


class Figures(ApiView):
    required_scopes = (Scope.FIGURES,)
    serializer_class = serializers.FiguresSerializer

    @extend_schema(
        operation_id="cijfers_retrieve",
        summary="Cijfers zonder personen: per fase, thema, wijk en soort hulp, en de tijd tot het eerste contact",
        parameters=[
            MUNICIPALITY_PARAMETER,
            OpenApiParameter("vanaf", OpenApiTypes.DATE, description="Ingediend vanaf (standaard: een jaar terug)."),
            OpenApiParameter("tot", OpenApiTypes.DATE, description="Ingediend tot en met (standaard: vandaag)."),
        ],
        responses={200: serializers.FiguresSerializer, **problems(400, 401, 403, 404, 429)},
    )
    def get(self, request, *args, **kwargs):
        dates = {}
        for name in ("vanaf", "tot"):
            value = request.query_params.get(name)
            if value:
                try:
                    dates[name] = parse_date(value)
                except ValueError:
                    dates[name] = None
                if dates[name] is None:
                    raise exceptions.ValidationError({name: [_("Geef een datum als JJJJ-MM-DD.")]})
        data = selectors.figures(municipality=self.municipality, date_from=dates.get("vanaf"), date_to=dates.get("tot"))
        return Response(serializers.FiguresSerializer(data).data)


# --- Public: the showcase and the knowledge library --------------------------------------------------------


class Showcase(ApiView):
    serializer_class = serializers.ShowcaseSerializer

    @extend_schema(
        operation_id="etalage_list",
        summary="De etalage: afgeronde initiatieven die de bewoners willen laten zien (openbaar)",
        auth=[],
        parameters=[MUNICIPALITY_PARAMETER],
        responses={200: serializers.ShowcaseSerializer(many=True), **problems(403, 404, 429)},
    )
    def get(self, request, *args, **kwargs):
        queryset = showcase_public(municipality=self.municipality).select_related("initiative__municipality")
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class KnowledgeList(ApiView):
    serializer_class = serializers.KnowledgeItemSerializer

    @extend_schema(
        operation_id="kennisbank_list",
        summary="De kennisbank van de gemeente (openbaar)",
        auth=[],
        parameters=[
            MUNICIPALITY_PARAMETER,
            OpenApiParameter("soort", OpenApiTypes.STR, enum=Kind.values, description="Alleen items van deze soort."),
        ],
        responses={200: serializers.KnowledgeItemSerializer(many=True), **problems(400, 403, 404, 429)},
    )
    def get(self, request, *args, **kwargs):
        kind = request.query_params.get("soort", "")
        if kind and kind not in Kind.values:
            raise exceptions.ValidationError(
                {"soort": [_("Kies een van: %(kinds)s.") % {"kinds": ", ".join(Kind.values)}]}
            )
        page = self.paginate_queryset(knowledge_selectors.item_list(municipality=self.municipality, kind=kind or None))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class KnowledgeDetail(ApiView):
    serializer_class = serializers.KnowledgeItemDetailSerializer

    @extend_schema(
        operation_id="kennisbank_retrieve",
        summary="Eén item uit de kennisbank (openbaar)",
        auth=[],
        parameters=[
            MUNICIPALITY_PARAMETER,
            OpenApiParameter("key", OpenApiTypes.STR, OpenApiParameter.PATH, description="De vaste sleutel: V3, SF12."),
        ],
        responses={200: serializers.KnowledgeItemDetailSerializer, **problems(403, 404, 429)},
    )
    def get(self, request, *args, **kwargs):
        item = knowledge_selectors.item_list(municipality=self.municipality).filter(key=kwargs["key"]).first()
        if item is None:
            raise exceptions.NotFound()
        return Response(self.get_serializer(item).data)
