"""What the API shows. Field names are snake_case here and camelCase on the wire (CamelCaseJSONRenderer,
and drf-spectacular's camelize hook for the OpenAPI document)."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from burgeridee.conversations.constants import AgreementStatus
from burgeridee.initiatives.constants import ContactPreference, Phase, StopReason, SupportType, Theme
from burgeridee.knowledge.constants import FactorGroup, Kind
from burgeridee.records.events import event_label


class ProblemSerializer(serializers.Serializer):
    """An error (RFC 9457, NL API Design Rules): always with the content type application/problem+json."""

    type = serializers.CharField()
    code = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    instance = serializers.CharField()


class InvalidParamSerializer(serializers.Serializer):
    name = serializers.CharField()
    code = serializers.CharField()
    reason = serializers.CharField()


class ValidationProblemSerializer(ProblemSerializer):
    invalid_params = InvalidParamSerializer(many=True)


class NeighbourhoodSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class ContactPersonSerializer(serializers.Serializer):
    """The resident's fixed contact person at the municipality (as on the resident's status page)."""

    name = serializers.CharField(source="display_name")


class InitiativeSerializer(serializers.Serializer):
    reference = serializers.CharField(help_text="Het kenmerk, bijvoorbeeld BI-2026-000123.")
    url = serializers.SerializerMethodField()
    title = serializers.CharField()
    description = serializers.CharField()
    target_group = serializers.CharField()
    location = serializers.CharField()
    phase = serializers.ChoiceField(choices=Phase.choices)
    phase_label = serializers.CharField(source="get_phase_display")
    theme = serializers.ChoiceField(choices=Theme.choices)
    theme_label = serializers.CharField(source="get_theme_display")
    neighbourhood = NeighbourhoodSerializer(allow_null=True)
    help_asked = serializers.SerializerMethodField()
    help_description = serializers.CharField()
    own_contribution = serializers.CharField()
    submitted_at = serializers.DateTimeField()
    first_contact_due = serializers.DateField()
    first_contact_at = serializers.DateTimeField(allow_null=True)
    closed_at = serializers.DateTimeField(allow_null=True)
    stop_reason = serializers.ChoiceField(choices=StopReason.choices, allow_blank=True)
    contact_person = ContactPersonSerializer(allow_null=True)
    updated_at = serializers.DateTimeField()

    @extend_schema_field(serializers.URLField())
    def get_url(self, initiative) -> str:
        path = reverse(
            "api:initiative", kwargs={"gemeente": initiative.municipality.slug, "reference": initiative.reference}
        )
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=SupportType.choices)))
    def get_help_asked(self, initiative) -> list[str]:
        return [request.support_type for request in initiative.support_requests.all()]


class InitiatorSerializer(serializers.Serializer):
    name = serializers.CharField()
    email = serializers.CharField()
    phone = serializers.CharField()
    street_address = serializers.CharField()
    postal_code = serializers.CharField()
    city = serializers.CharField()
    preferred_contact = serializers.ChoiceField(choices=ContactPreference.choices)
    is_primary = serializers.BooleanField()
    role = serializers.CharField()


class InitiativeDetailSerializer(InitiativeSerializer):
    initiators = serializers.SerializerMethodField(
        help_text="Alleen met het recht 'contactgegevens'; anders null. Elke inzage staat in het verwerkingenlogboek."
    )

    @extend_schema_field(InitiatorSerializer(many=True, allow_null=True))
    def get_initiators(self, initiative):
        if not self.context.get("with_contact_details"):
            return None
        return InitiatorSerializer(initiative.initiators.all(), many=True).data


class TimelineEventSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="Vaste sleutel, bijvoorbeeld ingediend, fase, verslag_bevestigd.")
    label = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()

    def get_label(self, event) -> str:
        return str(event_label(event.kind))


class AgreementSerializer(serializers.Serializer):
    order = serializers.IntegerField()
    what = serializers.CharField()
    who = serializers.SerializerMethodField(help_text="Alleen met het recht 'contactgegevens'; anders null.")
    due_date = serializers.DateField(allow_null=True)
    status = serializers.ChoiceField(choices=AgreementStatus.choices)
    response = serializers.CharField()
    done_at = serializers.DateTimeField(allow_null=True)
    is_overdue = serializers.BooleanField()

    def get_who(self, agreement) -> str | None:
        return agreement.who if self.context.get("with_contact_details") else None


class AgreementsSerializer(serializers.Serializer):
    report_version = serializers.IntegerField(allow_null=True)
    report_status = serializers.CharField(allow_null=True)
    report_sent_at = serializers.DateTimeField(allow_null=True)
    report_responded_at = serializers.DateTimeField(allow_null=True)
    agreements = AgreementSerializer(many=True)


class CountSerializer(serializers.Serializer):
    key = serializers.CharField(allow_null=True)
    label = serializers.CharField()
    count = serializers.IntegerField()


class FirstContactSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    promise_working_days = serializers.IntegerField()
    median_working_days = serializers.IntegerField(allow_null=True)
    p90_working_days = serializers.FloatField(allow_null=True)
    within_promise = serializers.IntegerField()


class FiguresSerializer(serializers.Serializer):
    date_from = serializers.DateField()
    date_to = serializers.DateField()
    total = serializers.IntegerField()
    phases = CountSerializer(many=True)
    themes = CountSerializer(many=True)
    neighbourhoods = CountSerializer(many=True)
    help_asked = CountSerializer(many=True)
    first_contact = FirstContactSerializer()


class ShowcaseSerializer(serializers.Serializer):
    title = serializers.CharField(source="initiative.title")
    neighbourhood = serializers.CharField(source="initiative.neighbourhood.name", allow_null=True, default=None)
    theme = serializers.ChoiceField(source="initiative.theme", choices=Theme.choices)
    achievement = serializers.CharField()
    completed_at = serializers.DateTimeField(source="initiative.closed_at", allow_null=True)
    photo_url = serializers.SerializerMethodField()
    photo_alt = serializers.CharField()

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_photo_url(self, entry) -> str | None:
        if not entry.photo_content_type:
            return None
        path = reverse(
            "showcase:photo", kwargs={"municipality_slug": entry.initiative.municipality.slug, "pk": entry.pk}
        )
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class KnowledgeItemSerializer(serializers.Serializer):
    key = serializers.CharField()
    kind = serializers.ChoiceField(choices=Kind.choices)
    title = serializers.CharField()
    summary = serializers.CharField()
    theme = serializers.CharField()
    group = serializers.ChoiceField(choices=FactorGroup.choices, allow_blank=True)


class KnowledgeItemDetailSerializer(KnowledgeItemSerializer):
    body = serializers.CharField()
    what_goes_wrong = serializers.CharField()
    why_it_happens = serializers.CharField()
    what_works_better = serializers.CharField()
    signal = serializers.CharField()
    self_question = serializers.CharField()
    example = serializers.CharField()
    points = serializers.CharField()


class IdeaCreateSerializer(serializers.Serializer):
    """A resident's idea, sent by an integrating front end. Validated by the same form as the website's."""

    title = serializers.CharField(max_length=120)
    description = serializers.CharField(max_length=5000)
    target_group = serializers.CharField(max_length=1000)
    neighbourhood = serializers.IntegerField(
        allow_null=True, required=False, help_text="Het id van de wijk (zie een initiatief), of null: weet ik niet."
    )
    location = serializers.CharField(max_length=200, required=False, allow_blank=True)
    theme = serializers.ChoiceField(choices=Theme.choices)
    involved = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    help_asked = serializers.ListField(
        child=serializers.ChoiceField(choices=SupportType.choices), required=False, max_length=len(SupportType.values)
    )
    help_description = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    own_contribution = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    name = serializers.CharField(max_length=120)
    email = serializers.CharField(max_length=254, required=False, allow_blank=True)
    phone = serializers.CharField(max_length=20, required=False, allow_blank=True)
    preferred_contact = serializers.ChoiceField(choices=ContactPreference.choices)
    street_address = serializers.CharField(max_length=200, required=False, allow_blank=True)
    postal_code = serializers.CharField(max_length=10, required=False, allow_blank=True)
    city = serializers.CharField(max_length=100, required=False, allow_blank=True)
    submission_key = serializers.RegexField(
        r"^[0-9a-f]{32}$",
        required=False,
        help_text="Eén sleutel per ingevuld formulier (32 hexadecimale tekens): nogmaals versturen maakt geen "
        "tweede idee.",
    )


class IdeaCreatedSerializer(serializers.Serializer):
    reference = serializers.CharField()
    url = serializers.URLField()
    first_contact_due = serializers.DateField()
    status_url = serializers.URLField(
        allow_null=True,
        help_text="De persoonlijke link van de bewoner: alleen bij het eerste versturen; de bewoner krijgt hem ook "
        "per e-mail.",
    )
