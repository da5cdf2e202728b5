import re
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from burgeridee.core.forms import AccessibleFormMixin, TextField

from .constants import ContactPreference, SupportType, Theme
from .services import InitiatorData

POSTAL_CODE = re.compile(r"^[1-9][0-9]{3}\s?[A-Za-z]{2}$")
SUBMISSION_KEY = re.compile(r"^[0-9a-f]{32}$")
PHONE = re.compile(r"^\+?[0-9 ()-]{10,20}$")
UNKNOWN_NEIGHBOURHOOD = "onbekend"


class IdeaForm(AccessibleFormMixin, forms.Form):
    """The resident's idea: one page, plain language, every typed value kept on an error."""

    title = TextField(
        label=_("Geef uw idee een korte naam"),
        max_length=120,
        help_text=_("Bijvoorbeeld: Samen de gracht schoonhouden."),
        error_messages={
            "required": _("Geef uw idee een korte naam."),
            "max_length": _("Maak de naam korter: hooguit %(limit_value)d tekens."),
        },
    )
    description = TextField(
        label=_("Wat is uw idee?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Vertel in uw eigen woorden wat u wilt doen."),
        error_messages={
            "required": _("Vertel wat uw idee is."),
            "max_length": _("Maak de tekst korter: hooguit %(limit_value)d tekens."),
        },
    )
    target_group = TextField(
        label=_("Voor wie is het?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bijvoorbeeld: voor de kinderen in onze straat, of voor ouderen in de wijk."),
        error_messages={
            "required": _("Vertel voor wie uw idee is."),
            "max_length": _("Maak de tekst korter: hooguit %(limit_value)d tekens."),
        },
    )
    neighbourhood = forms.ChoiceField(
        label=_("In welke wijk?"),
        error_messages={
            "required": _("Kies een wijk. Weet u het niet? Kies dan 'Weet ik niet'."),
            "invalid_choice": _("Kies een wijk uit de lijst."),
        },
    )
    location = TextField(
        label=_("Waar precies? (mag leeg blijven)"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld een straat, een plein of een gebouw."),
    )
    theme = forms.ChoiceField(
        label=_("Waar gaat uw idee vooral over?"),
        choices=Theme.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies waar uw idee vooral over gaat.")},
    )
    involved = TextField(
        label=_("Wie doen er al mee? (mag leeg blijven)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld buren, een school, een vereniging of de woningcorporatie."),
    )
    support_types = forms.MultipleChoiceField(
        label=_("Welke hulp zoekt u van de gemeente? (mag leeg blijven)"),
        choices=SupportType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("U kunt meer dan één keuze maken."),
    )
    help_description = TextField(
        label=_("Vertel iets meer over de hulp die u zoekt (mag leeg blijven)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    own_contribution = TextField(
        label=_("Wat regelt u zelf? (mag leeg blijven)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld: wij zorgen voor vrijwilligers en koffie."),
    )
    name = TextField(
        label=_("Uw naam"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Vul uw naam in.")},
    )
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Hier sturen wij de bevestiging en uw persoonlijke link naartoe."),
        error_messages={"invalid": _("Vul een e-mailadres in zoals naam@voorbeeld.nl.")},
    )
    phone = TextField(
        label=_("Uw telefoonnummer"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        help_text=_("Bijvoorbeeld 06 12345678."),
    )
    preferred_contact = forms.ChoiceField(
        label=_("Hoe wilt u dat wij contact met u opnemen?"),
        choices=ContactPreference.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe wij contact met u opnemen.")},
    )
    street_address = TextField(
        label=_("Straat en huisnummer"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    postal_code = TextField(
        label=_("Postcode"),
        max_length=10,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "size": 8}),
        help_text=_("Bijvoorbeeld 1234 AB."),
    )
    city = TextField(
        label=_("Woonplaats"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    # Honeypot: hidden from people, filled in by robots.
    website = forms.CharField(required=False, widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))
    # One key per filled-in form, so sending it again (after an error, or a double click) saves it once.
    submission_key = forms.CharField(required=False, max_length=32, widget=forms.HiddenInput)

    # What clean() says when the chosen way of contact misses its details. Spoken to the resident;
    # the assisted intake (intake.forms.IntakeForm) says it to the civil servant instead.
    contact_messages = {
        "email": _("U wilt contact per e-mail. Vul daarom uw e-mailadres in."),
        "phone": _("U wilt contact per telefoon. Vul daarom uw telefoonnummer in."),
        "street_address": _("U wilt contact per post. Vul daarom uw straat en huisnummer in."),
        "postal_code": _("U wilt contact per post. Vul daarom uw postcode in."),
        "city": _("U wilt contact per post. Vul daarom uw woonplaats in."),
    }

    def __init__(self, *args, neighbourhoods=(), **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4().hex)
        self.neighbourhoods = {str(n.pk): n for n in neighbourhoods}
        self.fields["neighbourhood"].choices = [
            ("", _("Kies een wijk")),
            *[(pk, n.name) for pk, n in self.neighbourhoods.items()],
            (UNKNOWN_NEIGHBOURHOOD, _("Weet ik niet")),
        ]

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))

    def clean_submission_key(self):
        key = self.cleaned_data.get("submission_key", "")
        return key if SUBMISSION_KEY.match(key) else None

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "")
        if phone and not PHONE.match(phone):
            raise ValidationError(_("Vul een telefoonnummer in met alleen cijfers, zoals 06 12345678."))
        return phone

    def clean_postal_code(self):
        postal_code = self.cleaned_data.get("postal_code", "")
        if postal_code and not POSTAL_CODE.match(postal_code):
            raise ValidationError(_("Vul een postcode in zoals 1234 AB."))
        if not postal_code:
            return ""
        compact = postal_code.upper().replace(" ", "")
        return f"{compact[:4]} {compact[4:]}"

    def clean(self):
        cleaned = super().clean()
        preferred = cleaned.get("preferred_contact")
        needed = {
            ContactPreference.EMAIL: ("email",),
            ContactPreference.PHONE: ("phone",),
            ContactPreference.POST: ("street_address", "postal_code", "city"),
        }.get(preferred, ())
        for name in needed:
            if not cleaned.get(name) and name not in self.errors:
                self.add_error(name, self.contact_messages[name])
        return cleaned

    @property
    def selected_neighbourhood(self):
        return self.neighbourhoods.get(self.cleaned_data.get("neighbourhood", ""))

    def submission(self) -> dict:
        """The cleaned answers as keyword arguments for services.initiative_submit."""
        data = self.cleaned_data
        idea = (
            "title",
            "description",
            "target_group",
            "theme",
            "location",
            "involved",
            "support_types",
            "help_description",
            "own_contribution",
        )
        person = ("name", "email", "phone", "street_address", "postal_code", "city", "preferred_contact")
        return {
            **{name: data[name] for name in idea},
            "neighbourhood": self.selected_neighbourhood,
            "initiator": InitiatorData(**{name: data[name] for name in person}),
        }


class MessageForm(AccessibleFormMixin, forms.Form):
    body = TextField(
        label=_("Uw bericht aan de gemeente"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Schrijf eerst uw bericht."),
            "max_length": _("Maak uw bericht korter: hooguit %(limit_value)d tekens."),
        },
    )


class WithdrawForm(AccessibleFormMixin, forms.Form):
    note = TextField(
        label=_("Wilt u vertellen waarom u stopt? (mag leeg blijven)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
