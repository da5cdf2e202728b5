"""The processing log's fixed vocabulary: what was done, why, and with which personal data.

Every value here is stored in the processing log (`records.ProcessingLogEntry`) and must never change:
a line written today has to read the same in five years, in any language. Labels are Dutch message
ids, translated only when a line is shown. A new activity needs no migration (the columns are plain
strings checked here), but an activity that is no longer used stays in the list, so old lines keep
their label.

An activity implies its action and its purpose, and names the personal data it usually touches: a
call site passes only the activity (`records.processing.processing_record`). The list follows what
the application does with personal data, one activity per distinct processing; a municipality's
register of processing activities (AVG art. 30) can point at each key (`PROCESSING_REGISTER_URL`).
"""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    """What was done with personal data (Logboek dataverwerkingen: the kind of processing)."""

    READ = "read", _("Ingezien")
    CREATE = "create", _("Vastgelegd")
    UPDATE = "update", _("Gewijzigd")
    DELETE = "delete", _("Verwijderd")
    EXPORT = "export", _("Geëxporteerd")
    SEND = "send", _("Verstuurd")


class Status(models.TextChoices):
    """Whether the processing succeeded (Logboek dataverwerkingen: the span's status)."""

    OK = "ok", _("Gelukt")
    ERROR = "error", _("Mislukt")


class Purpose(models.TextChoices):
    """Why personal data was processed: the purposes in the municipality's register."""

    INITIATIVE_SUPPORT = "initiative_support", _("Begeleiden van het bewonersinitiatief")
    RESIDENT_INFORMATION = "resident_information", _("De bewoner informeren over zijn initiatief")
    RIGHT_OF_ACCESS = "right_of_access", _("Recht op inzage (AVG artikel 15)")
    RIGHT_TO_ERASURE = "right_to_erasure", _("Recht op vergetelheid (AVG artikel 17)")
    SHOWCASE = "showcase", _("Succes zichtbaar maken, met toestemming")
    WORKSHOP = "workshop", _("Een workshop begeleiden en nabespreken")
    WORKSHOP_REQUEST = "workshop_request", _("Een aanvraag voor een workshop of training afhandelen")
    TRAINING = "training", _("Bijeenkomsten en coaching organiseren en begeleiden")
    RETENTION = "retention", _("Persoonsgegevens verwijderen na de bewaartermijn")
    STAFF_ACCESS = "staff_access", _("Toegang tot de werkplek beveiligen")
    CONFIGURATION = "configuration", _("De gemeente inrichten en beheren")


class PersonalDataField(models.TextChoices):
    """Which personal data was processed (Logboek dataverwerkingen: the categories of data)."""

    NAME = "name", _("naam")
    EMAIL = "email", _("e-mailadres")
    PHONE = "phone", _("telefoonnummer")
    ADDRESS = "address", _("postadres")
    PREFERRED_CONTACT = "preferred_contact", _("liefst contact via")
    MESSAGE_TEXT = "message_text", _("bericht")
    NOTE = "note", _("interne notitie")
    DISPLAY_NAME = "display_name", _("naam op het scherm")
    CONTRIBUTIONS = "contributions", _("bijdragen")
    WISHES = "wishes", _("wensen")
    SECOND_FACTOR = "second_factor", _("tweede stap (authenticator-app)")


class DataSubjectType(models.TextChoices):
    """Whose data it is. A person is stored as a pseudonym; a group (every participant of a workshop)
    has no identifier at all."""

    INITIATOR = "initiator", _("initiatiefnemer")
    STAFF_MEMBER = "staff_member", _("medewerker")
    WORKSHOP_PARTICIPANTS = "workshop_participants", _("workshopdeelnemers")
    WORKSHOP_REQUESTER = "workshop_requester", _("aanvrager van een workshop")
    MEETING_PARTICIPANTS = "meeting_participants", _("deelnemers aan een bijeenkomst")


class Activity(models.TextChoices):
    """Each processing activity of the application. The value is stored; see ACTIVITIES for what it implies."""

    # Handling an initiative (workspace, initiatives, intake)
    INITIATIVE_READ = "initiative_read", _("Initiatief inzien")
    RESIDENT_LETTER_MAKE = "resident_letter_make", _("Brief aan bewoner maken")
    MESSAGE_EMAIL = "message_email", _("Bericht aan bewoner e-mailen")
    NOTE_ADD = "note_add", _("Interne notitie vastleggen")
    INITIATOR_ADD = "initiator_add", _("Lid van de kopgroep vastleggen")
    ASSISTED_INTAKE = "assisted_intake", _("Idee registreren namens bewoner")
    INTAKE_LETTER_MAKE = "intake_letter_make", _("Brief met kenmerk en persoonlijke link maken")
    # The first conversation (conversations)
    CONVERSATION_PLAN = "conversation_plan", _("Eerste gesprek plannen")
    CONVERSATION_INVITATION_SEND = "conversation_invitation_send", _("Uitnodiging eerste gesprek versturen")
    CONVERSATION_INVITATION_LETTER = "conversation_invitation_letter", _("Uitnodigingsbrief voor het eerste gesprek")
    CONVERSATION_PREPARE = "conversation_prepare", _("Eerste gesprek voorbereiden")
    CONVERSATION_PREPARATION_EXPORT = "conversation_preparation_export", _("Voorbereiding eerste gesprek")
    CONVERSATION_HOLD = "conversation_hold", _("Eerste gesprek voeren")
    CONVERSATION_RECORD = "conversation_record", _("Eerste gesprek vastleggen")
    CONVERSATION_REPORT_READ = "conversation_report_read", _("Gespreksverslag inzien")
    CONVERSATION_REPORT_UPDATE = "conversation_report_update", _("Gespreksverslag bewerken")
    CONVERSATION_REPORT_SEND = "conversation_report_send", _("Gespreksverslag versturen")
    CONVERSATION_REPORT_EXPORT = "conversation_report_export", _("Gespreksverslag als PDF")
    CONVERSATION_CHECKLIST_EXPORT = "conversation_checklist_export", _("Checklist van het eerste gesprek als PDF")
    # The right to challenge (challenges)
    CHALLENGE_DECISION_LETTER = "challenge_decision_letter", _("Besluitbrief uitdaagrecht maken")
    # The resident's rights (initiatives, privacy)
    RESIDENT_DATA_DOWNLOAD = "resident_data_download", _("Gegevens downloaden door bewoner")
    PROCESSING_LOG_EXPORT = "processing_log_export", _("Verwerkingenlogboek exporteren voor een betrokkene")
    DELETION_REQUEST_CARRY_OUT = "deletion_request_carry_out", _("Verzoek om verwijdering uitvoeren")
    DELETION_REQUEST_REFUSE = "deletion_request_refuse", _("Verzoek om verwijdering weigeren")
    # After the end (showcase)
    SHOWCASE_PREPARE = "showcase_prepare", _("Etalage voorbereiden")
    # Workshops, trainings and requests for them (workshops)
    WORKSHOP_PARTICIPANTS_READ = "workshop_participants_read", _("Deelnemerslijst van een workshop inzien")
    WORKSHOP_CONTRIBUTIONS_EXPORT = "workshop_contributions_export", _("Bijdragen van een workshop exporteren")
    WORKSHOP_NAMES_REMOVE = "workshop_names_remove", _("Namen van workshopdeelnemers verwijderen")
    WORKSHOP_REQUESTS_READ = "workshop_requests_read", _("Open aanvragen voor een workshop of training inzien")
    WORKSHOP_REQUEST_HANDLE = "workshop_request_handle", _("Aanvraag voor een workshop of training afhandelen")
    WORKSHOP_REQUESTS_DELETE = "workshop_requests_delete", _("Afgehandelde workshopaanvragen verwijderen")
    PROPOSAL_SEND = "proposal_send", _("Voorstel op maat naar de aanvrager sturen")
    MEETING_SIGNUPS_READ = "meeting_signups_read", _("Aanmeldingen voor een bijeenkomst inzien")
    MEETING_INVITATIONS_SEND = "meeting_invitations_send", _("Uitnodigingen voor een bijeenkomst versturen")
    COACHING_READ = "coaching_read", _("Coachingstraject inzien")
    MEETING_SIGNUPS_DELETE = "meeting_signups_delete", _("Aanmeldingen voor voorbije bijeenkomsten verwijderen")
    COACHING_DELETE = "coaching_delete", _("Afgeronde coachingstrajecten verwijderen")
    # Staff access (accounts)
    SECOND_FACTOR_RESET = "second_factor_reset", _("Tweede stap van een medewerker opnieuw instellen")
    ENROLMENT_LINK_CREATE = "enrolment_link_create", _("Inloglink voor een medewerker maken")
    # Setting up and managing a municipality (administration): what changed is in its own audit row
    MUNICIPALITY_CREATE = "municipality_create", _("Gemeente aanmaken")
    MUNICIPALITY_SETTINGS_CHANGE = "municipality_settings_change", _("Gegevens van de gemeente wijzigen")
    THEME_CHANGE = "theme_change", _("Thema van de gemeente wijzigen")
    NEIGHBOURHOODS_CHANGE = "neighbourhoods_change", _("Wijken wijzigen")
    DEPARTMENTS_CHANGE = "departments_change", _("Afdelingen wijzigen")
    STAFF_INVITE = "staff_invite", _("Medewerker uitnodigen")
    STAFF_CHANGE = "staff_change", _("Rollen of afdeling van een medewerker wijzigen")
    STAFF_DEACTIVATE = "staff_deactivate", _("Medewerker op non-actief zetten of weer actief maken")
    CONVERSATION_MODEL_CHOOSE = "conversation_model_choose", _("Versie van het gespreksmodel kiezen")
    RETENTION_CHANGE = "retention_change", _("Bewaartermijnen wijzigen")
    PROCESSING_REGISTER_CHANGE = "processing_register_change", _("Verwijzingen naar het verwerkingsregister wijzigen")
    PASSKEY_ADD = "passkey_add", _("Passkey van een medewerker toevoegen")
    PASSKEY_REMOVE = "passkey_remove", _("Passkey van een medewerker verwijderen")
    PASSKEY_USE = "passkey_use", _("Inloggen met een passkey")
    BACKUP_CODES_CREATE = "backup_codes_create", _("Reservecodes van een medewerker maken")
    BACKUP_CODE_USE = "backup_code_use", _("Inloggen met een reservecode")
    # Single sign-on with the municipality's identity provider (sso)
    SSO_SETTINGS_UPDATE = "sso_settings_update", _("Inloggen met werkaccount instellen")
    PROVIDER_ACCOUNT_UPDATE = "provider_account_update", _("Medewerker bijwerken vanuit de inlogdienst")
    # Other systems of the municipality (api): clients and subscriptions
    API_INITIATIVE_READ = "api_initiative_read", _("Initiatief met contactgegevens inzien via de API")
    API_CLIENT_CHANGE = "api_client_change", _("API-koppeling aanmaken of intrekken")
    SUBSCRIPTION_CHANGE = "subscription_change", _("Abonnement op meldingen wijzigen")
    ZGW_SETTINGS_CHANGE = "zgw_settings_change", _("Koppeling met het zaaksysteem instellen")
    ZGW_REGISTER = "zgw_register", _("Initiatief registreren in het zaaksysteem")

    @property
    def definition(self) -> "ActivityDefinition":
        return ACTIVITIES[self]

    @property
    def action(self) -> Action:
        return ACTIVITIES[self].action

    @property
    def purpose(self) -> Purpose:
        return ACTIVITIES[self].purpose


@dataclass(frozen=True)
class ActivityDefinition:
    action: Action
    purpose: Purpose
    # The personal data the activity touches; a call site may pass fewer (only what was filled in).
    fields: tuple[PersonalDataField, ...] = ()
    # For activities about a group rather than one person: the group, with no identifier.
    group: DataSubjectType | None = None


F = PersonalDataField
CONTACT = (F.NAME, F.EMAIL, F.PHONE, F.ADDRESS)
A, P = Action, Purpose

ACTIVITIES: dict[Activity, ActivityDefinition] = {
    Activity.INITIATIVE_READ: ActivityDefinition(A.READ, P.INITIATIVE_SUPPORT, CONTACT),
    Activity.RESIDENT_LETTER_MAKE: ActivityDefinition(A.READ, P.INITIATIVE_SUPPORT, (F.NAME, F.ADDRESS)),
    Activity.MESSAGE_EMAIL: ActivityDefinition(A.SEND, P.INITIATIVE_SUPPORT, (F.NAME, F.EMAIL, F.MESSAGE_TEXT)),
    Activity.NOTE_ADD: ActivityDefinition(A.CREATE, P.INITIATIVE_SUPPORT, (F.NOTE,)),
    Activity.INITIATOR_ADD: ActivityDefinition(A.CREATE, P.INITIATIVE_SUPPORT, (F.NAME, F.EMAIL, F.PHONE)),
    Activity.ASSISTED_INTAKE: ActivityDefinition(A.CREATE, P.INITIATIVE_SUPPORT, (*CONTACT, F.PREFERRED_CONTACT)),
    Activity.INTAKE_LETTER_MAKE: ActivityDefinition(A.READ, P.RESIDENT_INFORMATION, (F.NAME, F.ADDRESS)),
    Activity.CONVERSATION_PLAN: ActivityDefinition(
        A.READ, P.INITIATIVE_SUPPORT, (F.NAME, F.EMAIL, F.PREFERRED_CONTACT)
    ),
    Activity.CONVERSATION_INVITATION_SEND: ActivityDefinition(A.SEND, P.INITIATIVE_SUPPORT, (F.EMAIL,)),
    Activity.CONVERSATION_INVITATION_LETTER: ActivityDefinition(A.EXPORT, P.INITIATIVE_SUPPORT, (F.NAME, F.ADDRESS)),
    Activity.CONVERSATION_PREPARE: ActivityDefinition(A.READ, P.INITIATIVE_SUPPORT, (F.NAME,)),
    Activity.CONVERSATION_PREPARATION_EXPORT: ActivityDefinition(A.EXPORT, P.INITIATIVE_SUPPORT, (F.NAME,)),
    Activity.CONVERSATION_HOLD: ActivityDefinition(A.READ, P.INITIATIVE_SUPPORT, (F.NAME,)),
    Activity.CONVERSATION_RECORD: ActivityDefinition(A.UPDATE, P.INITIATIVE_SUPPORT),
    Activity.CONVERSATION_REPORT_READ: ActivityDefinition(A.READ, P.INITIATIVE_SUPPORT, (F.NAME,)),
    Activity.CONVERSATION_REPORT_UPDATE: ActivityDefinition(A.UPDATE, P.INITIATIVE_SUPPORT),
    Activity.CONVERSATION_REPORT_SEND: ActivityDefinition(A.SEND, P.INITIATIVE_SUPPORT, (F.EMAIL,)),
    Activity.CONVERSATION_REPORT_EXPORT: ActivityDefinition(A.EXPORT, P.INITIATIVE_SUPPORT, (F.NAME,)),
    Activity.CONVERSATION_CHECKLIST_EXPORT: ActivityDefinition(A.EXPORT, P.INITIATIVE_SUPPORT, (F.NAME,)),
    Activity.CHALLENGE_DECISION_LETTER: ActivityDefinition(A.EXPORT, P.INITIATIVE_SUPPORT, (F.NAME, F.ADDRESS)),
    Activity.RESIDENT_DATA_DOWNLOAD: ActivityDefinition(A.EXPORT, P.RIGHT_OF_ACCESS),
    Activity.PROCESSING_LOG_EXPORT: ActivityDefinition(A.EXPORT, P.RIGHT_OF_ACCESS),
    Activity.DELETION_REQUEST_CARRY_OUT: ActivityDefinition(A.DELETE, P.RIGHT_TO_ERASURE),
    Activity.DELETION_REQUEST_REFUSE: ActivityDefinition(A.READ, P.RIGHT_TO_ERASURE),
    Activity.SHOWCASE_PREPARE: ActivityDefinition(A.UPDATE, P.SHOWCASE),
    Activity.WORKSHOP_PARTICIPANTS_READ: ActivityDefinition(
        A.READ, P.WORKSHOP, (F.DISPLAY_NAME,), group=DataSubjectType.WORKSHOP_PARTICIPANTS
    ),
    Activity.WORKSHOP_CONTRIBUTIONS_EXPORT: ActivityDefinition(
        A.EXPORT, P.WORKSHOP, (F.DISPLAY_NAME, F.CONTRIBUTIONS), group=DataSubjectType.WORKSHOP_PARTICIPANTS
    ),
    Activity.WORKSHOP_NAMES_REMOVE: ActivityDefinition(
        A.DELETE, P.RETENTION, (F.DISPLAY_NAME,), group=DataSubjectType.WORKSHOP_PARTICIPANTS
    ),
    Activity.WORKSHOP_REQUESTS_READ: ActivityDefinition(
        A.READ, P.WORKSHOP_REQUEST, (F.NAME, F.EMAIL, F.PHONE), group=DataSubjectType.WORKSHOP_REQUESTER
    ),
    Activity.WORKSHOP_REQUEST_HANDLE: ActivityDefinition(
        A.UPDATE, P.WORKSHOP_REQUEST, group=DataSubjectType.WORKSHOP_REQUESTER
    ),
    Activity.PROPOSAL_SEND: ActivityDefinition(
        A.SEND, P.WORKSHOP_REQUEST, (F.NAME, F.EMAIL), group=DataSubjectType.WORKSHOP_REQUESTER
    ),
    Activity.MEETING_SIGNUPS_READ: ActivityDefinition(
        A.READ, P.TRAINING, (F.NAME, F.EMAIL), group=DataSubjectType.MEETING_PARTICIPANTS
    ),
    Activity.MEETING_INVITATIONS_SEND: ActivityDefinition(
        A.SEND, P.TRAINING, (F.EMAIL,), group=DataSubjectType.MEETING_PARTICIPANTS
    ),
    Activity.COACHING_READ: ActivityDefinition(A.READ, P.TRAINING, (F.NOTE,)),
    Activity.MEETING_SIGNUPS_DELETE: ActivityDefinition(
        A.DELETE, P.RETENTION, (F.NAME, F.EMAIL), group=DataSubjectType.MEETING_PARTICIPANTS
    ),
    Activity.COACHING_DELETE: ActivityDefinition(A.DELETE, P.RETENTION, (F.NOTE,)),
    Activity.WORKSHOP_REQUESTS_DELETE: ActivityDefinition(
        A.DELETE, P.RETENTION, (F.NAME, F.EMAIL, F.PHONE, F.WISHES), group=DataSubjectType.WORKSHOP_REQUESTER
    ),
    Activity.SECOND_FACTOR_RESET: ActivityDefinition(A.UPDATE, P.STAFF_ACCESS, (F.SECOND_FACTOR,)),
    Activity.ENROLMENT_LINK_CREATE: ActivityDefinition(A.UPDATE, P.STAFF_ACCESS, (F.SECOND_FACTOR,)),
    Activity.MUNICIPALITY_CREATE: ActivityDefinition(A.CREATE, P.CONFIGURATION),
    Activity.MUNICIPALITY_SETTINGS_CHANGE: ActivityDefinition(A.UPDATE, P.CONFIGURATION),
    Activity.THEME_CHANGE: ActivityDefinition(A.UPDATE, P.CONFIGURATION),
    Activity.NEIGHBOURHOODS_CHANGE: ActivityDefinition(A.UPDATE, P.CONFIGURATION),
    Activity.DEPARTMENTS_CHANGE: ActivityDefinition(A.UPDATE, P.CONFIGURATION),
    Activity.STAFF_INVITE: ActivityDefinition(A.CREATE, P.STAFF_ACCESS, (F.NAME, F.EMAIL)),
    Activity.STAFF_CHANGE: ActivityDefinition(A.UPDATE, P.STAFF_ACCESS),
    Activity.STAFF_DEACTIVATE: ActivityDefinition(A.UPDATE, P.STAFF_ACCESS),
    Activity.CONVERSATION_MODEL_CHOOSE: ActivityDefinition(A.UPDATE, P.CONFIGURATION),
    Activity.RETENTION_CHANGE: ActivityDefinition(A.UPDATE, P.CONFIGURATION),
    Activity.PROCESSING_REGISTER_CHANGE: ActivityDefinition(A.UPDATE, P.CONFIGURATION),
    Activity.PASSKEY_ADD: ActivityDefinition(A.CREATE, P.STAFF_ACCESS, (F.SECOND_FACTOR,)),
    Activity.PASSKEY_REMOVE: ActivityDefinition(A.DELETE, P.STAFF_ACCESS, (F.SECOND_FACTOR,)),
    Activity.PASSKEY_USE: ActivityDefinition(A.READ, P.STAFF_ACCESS, (F.SECOND_FACTOR,)),
    Activity.BACKUP_CODES_CREATE: ActivityDefinition(A.CREATE, P.STAFF_ACCESS, (F.SECOND_FACTOR,)),
    Activity.BACKUP_CODE_USE: ActivityDefinition(A.UPDATE, P.STAFF_ACCESS, (F.SECOND_FACTOR,)),
    Activity.SSO_SETTINGS_UPDATE: ActivityDefinition(A.UPDATE, P.STAFF_ACCESS),
    Activity.PROVIDER_ACCOUNT_UPDATE: ActivityDefinition(A.UPDATE, P.STAFF_ACCESS, (F.NAME, F.EMAIL)),
    Activity.API_INITIATIVE_READ: ActivityDefinition(A.READ, P.INITIATIVE_SUPPORT, (*CONTACT, F.PREFERRED_CONTACT)),
    Activity.API_CLIENT_CHANGE: ActivityDefinition(A.UPDATE, P.CONFIGURATION),
    Activity.SUBSCRIPTION_CHANGE: ActivityDefinition(A.UPDATE, P.CONFIGURATION),
    Activity.ZGW_SETTINGS_CHANGE: ActivityDefinition(A.UPDATE, P.CONFIGURATION),
    Activity.ZGW_REGISTER: ActivityDefinition(A.SEND, P.INITIATIVE_SUPPORT, (F.NAME, F.EMAIL)),
}
del F, A, P

if set(Activity) - set(ACTIVITIES):  # a programming error: fail at start-up, not at the first record
    raise ImproperlyConfigured(f"Processing activities without a definition: {set(Activity) - set(ACTIVITIES)}")


def label(choices: type[models.TextChoices], value: str):
    """The (lazy) label of a stored value; the value itself when it is not (or no longer) in the list."""
    try:
        return choices(value).label
    except ValueError:
        return value
