from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from burgeridee.accounts.constants import Role
from burgeridee.core.forms import AccessibleFormMixin, TextField
from burgeridee.initiatives.constants import SupportType
from burgeridee.municipalities.models import HEX_COLOUR, Municipality
from burgeridee.municipalities.theme import THEME_COLOURS
from burgeridee.records.vocabulary import Activity

MAX_IMAGE_BYTES = 200 * 1024
IMAGE_TYPES = {"logo": {"PNG", "JPEG", "WEBP"}, "favicon": {"PNG", "ICO"}}

MUNICIPALITY_MESSAGES = {
    "slug": {
        "required": _("Vul een korte naam in, bijvoorbeeld: voorbeeld."),
        "invalid": _("Gebruik alleen kleine letters, cijfers en streepjes, zonder spaties."),
        "unique": _("Er is al een gemeente met deze korte naam. Kies een andere."),
    },
    "name": {"required": _("Vul de naam van de gemeente in.")},
    "contact_email": {"invalid": _("Vul een e-mailadres in zoals naam@gemeente.nl.")},
    "privacy_officer_email": {"invalid": _("Vul een e-mailadres in zoals privacy@gemeente.nl.")},
    "website": {"invalid": _("Vul een webadres in dat begint met https://.")},
    "first_contact_working_days": {
        "required": _("Vul in binnen hoeveel werkdagen u contact opneemt."),
        "invalid": _("Vul een heel getal in."),
        "min_value": _("Vul minstens 1 werkdag in."),
        "max_value": _("Vul hoogstens 30 werkdagen in."),
    },
}


class MunicipalityForm(AccessibleFormMixin, forms.ModelForm):
    """Validates a new municipality (slug free, not reserved); the service creates it."""

    website = forms.URLField(
        label=_("Website (mag leeg blijven)"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Vul een webadres in, zoals https://www.gemeente.nl.")},
    )

    class Meta:
        model = Municipality
        fields = [
            "slug",
            "name",
            "contact_email",
            "contact_phone",
            "contact_address",
            "website",
            "privacy_officer_email",
            "first_contact_working_days",
        ]
        error_messages = MUNICIPALITY_MESSAGES
        widgets = {"contact_address": forms.Textarea(attrs={"rows": 3})}
        labels = {"slug": _("Korte naam (in het webadres)")}

    def clean_slug(self):
        return (self.cleaned_data.get("slug") or "").lower()


class MunicipalitySettingsForm(MunicipalityForm):
    class Meta(MunicipalityForm.Meta):
        fields = [name for name in MunicipalityForm.Meta.fields if name != "slug"]


ROLE_HELP = _(
    "Coördinator: verdeelt nieuwe ideeën. Contactpersoon: begeleidt bewoners. Collega van een afdeling: "
    "beantwoordt vragen van contactpersonen. Trainer: geeft workshops. Beheerder: richt de gemeente in."
)


class RolesField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Rollen"))
        kwargs.setdefault("help_text", ROLE_HELP)
        kwargs.setdefault("error_messages", {"required": _("Kies minstens één rol.")})
        super().__init__(choices=Role.choices, **kwargs)


class StaffInviteForm(AccessibleFormMixin, forms.Form):
    first_name = TextField(label=_("Voornaam"), max_length=150, error_messages={"required": _("Vul de voornaam in.")})
    last_name = TextField(
        label=_("Achternaam"), max_length=150, error_messages={"required": _("Vul de achternaam in.")}
    )
    email = forms.EmailField(
        label=_("E-mailadres op het werk"),
        help_text=_("Hier komt de link waarmee uw collega de tweede stap (de app) instelt."),
        error_messages={
            "required": _("Vul het e-mailadres in."),
            "invalid": _("Vul een e-mailadres in zoals naam@gemeente.nl."),
        },
    )
    username = forms.RegexField(
        label=_("Gebruikersnaam"),
        regex=r"^[\w.@+-]+$",
        max_length=150,
        help_text=_("Hiermee logt uw collega in. Letters, cijfers en . @ + - _, zonder spaties."),
        error_messages={
            "required": _("Vul een gebruikersnaam in."),
            "invalid": _("Gebruik alleen letters, cijfers en . @ + - _, zonder spaties."),
        },
    )
    job_title = TextField(label=_("Functie (mag leeg blijven)"), max_length=120, required=False)
    password = forms.CharField(
        label=_("Startwachtwoord"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_(
            "Minstens 12 tekens. Geef het wachtwoord apart door, bijvoorbeeld telefonisch: niet in dezelfde e-mail."
        ),
        error_messages={"required": _("Vul een startwachtwoord in.")},
    )
    roles = RolesField()
    department = forms.ModelChoiceField(
        label=_("Afdeling (mag leeg blijven)"),
        queryset=None,
        required=False,
        empty_label=_("Geen afdeling"),
        error_messages={"invalid_choice": _("Kies een afdeling uit de lijst.")},
    )

    def __init__(self, *args, municipality, roles_fixed=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = municipality.departments.all()
        if roles_fixed:
            # The first administrator of a new municipality: the role is given, there are no departments yet.
            del self.fields["roles"]
            del self.fields["department"]


class StaffEditForm(AccessibleFormMixin, forms.Form):
    roles = RolesField()
    department = forms.ModelChoiceField(
        label=_("Afdeling"),
        queryset=None,
        required=False,
        empty_label=_("Geen afdeling"),
        help_text=_("Een collega van een afdeling ziet de vragen aan zijn afdeling."),
        error_messages={"invalid_choice": _("Kies een afdeling uit de lijst.")},
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = municipality.departments.all()


class ColourField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 7)
        kwargs.setdefault("help_text", _("Een kleurcode zoals #1f5fa8."))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value).strip()
        if not HEX_COLOUR.match(value):
            raise ValidationError(_("Vul een kleurcode in zoals #1f5fa8: een # en zes tekens (0-9, a-f)."))
        return value.lower()


class ImageUploadField(forms.ImageField):
    def __init__(self, *, kind: str, **kwargs):
        self.kind = kind
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "error_messages",
            {
                "invalid_image": _("Dit bestand is geen afbeelding die wij kunnen lezen. Kies een PNG-bestand."),
                "invalid": _("Kies een bestand."),
            },
        )
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload:
            return upload
        if upload.size > MAX_IMAGE_BYTES:
            raise ValidationError(
                _("Het bestand is %(size)s kB; het mag hoogstens %(max)s kB zijn.")
                % {"size": upload.size // 1024, "max": MAX_IMAGE_BYTES // 1024}
            )
        image_format = getattr(getattr(upload, "image", None), "format", "")
        if image_format not in IMAGE_TYPES[self.kind]:
            raise ValidationError(
                _("Dit soort afbeelding kan hier niet. Kies een bestand van het soort %(types)s.")
                % {"types": ", ".join(sorted(IMAGE_TYPES[self.kind]))}
            )
        return upload


class ThemeForm(AccessibleFormMixin, forms.Form):
    logo = ImageUploadField(
        kind="logo", label=_("Nieuw logo (mag leeg blijven)"), help_text=_("PNG, JPEG of WebP, hoogstens 200 kB.")
    )
    remove_logo = forms.BooleanField(label=_("Logo weghalen"), required=False)
    favicon = ImageUploadField(
        kind="favicon",
        label=_("Nieuwe favicon (mag leeg blijven)"),
        help_text=_("Het icoontje in het tabblad van de browser. PNG of ICO, hoogstens 200 kB."),
    )
    remove_favicon = forms.BooleanField(label=_("Favicon weghalen"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for colour in THEME_COLOURS:
            field = ColourField(label=colour.label, error_messages={"required": _("Vul een kleurcode in.")})
            field.token = colour.token
            self.fields[colour.key] = field
        self.order_fields([colour.key for colour in THEME_COLOURS])
        for field in self.fields.values():
            if isinstance(field, ColourField):
                field.widget.attrs.update(
                    {"class": field.widget.attrs.get("class", ""), "size": 8, "spellcheck": "false"}
                )

    @property
    def colour_fields(self):
        return [self[colour.key] for colour in THEME_COLOURS]

    def colours(self) -> dict[str, str]:
        return {colour.key: self.cleaned_data[colour.key] for colour in THEME_COLOURS}


class ActionForm(AccessibleFormMixin, forms.Form):
    """A button without fields (remove, deactivate): carries the refusal to the error summary."""

    def __init__(self, *args, **kwargs):
        super().__init__({}, *args, **kwargs)
        self.is_valid()


class NeighbourhoodForm(AccessibleFormMixin, forms.Form):
    name = TextField(
        label=_("Naam van de wijk"), max_length=120, error_messages={"required": _("Vul de naam van de wijk in.")}
    )


class NeighbourhoodImportForm(AccessibleFormMixin, forms.Form):
    upload = forms.FileField(
        label=_("CSV-bestand (mag leeg blijven)"),
        required=False,
        help_text=_("Eén wijk per regel, de naam in de eerste kolom. Een kopregel 'naam' of 'wijk' mag."),
    )
    text = forms.CharField(
        label=_("Of typ of plak de wijken, één per regel"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Na 'Bekijken' staat de inhoud van het bestand hier; u kunt fouten dan hier verbeteren."),
    )

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload and upload.size > 200 * 1024:
            raise ValidationError(_("Het bestand is te groot: hoogstens 200 kB."))
        return upload


class DepartmentForm(AccessibleFormMixin, forms.Form):
    name = TextField(label=_("Naam"), max_length=120, error_messages={"required": _("Vul de naam van de afdeling in.")})
    email = forms.EmailField(
        label=_("E-mailadres van de afdeling (mag leeg blijven)"),
        required=False,
        help_text=_("Een vraag aan de afdeling gaat naar dit adres en naar de collega's hieronder."),
        error_messages={"invalid": _("Vul een e-mailadres in zoals afdeling@gemeente.nl.")},
    )
    support_types = forms.MultipleChoiceField(
        label=_("Bij welke soorten hulp is deze afdeling meestal betrokken?"),
        choices=SupportType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    answerers = forms.ModelMultipleChoiceField(
        label=_("Wie beantwoordt de vragen aan deze afdeling?"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Zij krijgen de rol 'Collega van een afdeling' en zien de vragen aan deze afdeling."),
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        members = municipality.memberships.filter(is_active=True).select_related("user")
        self.fields["answerers"].queryset = members.order_by("user__first_name", "user__last_name")
        self.fields["answerers"].label_from_instance = lambda membership: membership.user.display_name


class ConversationModelChoiceForm(AccessibleFormMixin, forms.Form):
    model = forms.ModelChoiceField(
        label=_("Huidige versie"),
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Kies een versie."), "invalid_choice": _("Kies een versie uit de lijst.")},
    )

    def __init__(self, *args, versions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["model"].queryset = versions
        self.fields["model"].label_from_instance = lambda model: (
            _("Versie %(version)s, gepubliceerd %(date)s")
            % {
                "version": model.version,
                "date": model.published_at.strftime("%d-%m-%Y") if model.published_at else "",
            }
        )


class RetentionForm(AccessibleFormMixin, forms.Form):
    retention_months = forms.IntegerField(
        label=_("Persoonsgegevens van bewoners bewaren (maanden na het einde van een initiatief)"),
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_("Daarna verwijdert de dagelijkse opruimtaak naam en contactgegevens; het initiatief blijft."),
        error_messages={
            "required": _("Vul een aantal maanden in."),
            "invalid": _("Vul een heel getal in."),
            "min_value": _("Vul minstens 1 maand in."),
            "max_value": _("Vul hoogstens 120 maanden (10 jaar) in."),
        },
    )


class RegisterForm(AccessibleFormMixin, forms.Form):
    url = forms.CharField(
        label=_("Adres van uw verwerkingsregister (mag leeg blijven)"),
        max_length=500,
        required=False,
        help_text=_(
            "Bijvoorbeeld https://register.gemeente.nl/verwerkingen/{activity}. {activity} wordt de naam van de "
            "verwerkingsactiviteit. Leeg: het adres van de installatie."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for activity in Activity:
            self.fields[f"ref_{activity.value}"] = forms.CharField(label=activity.label, max_length=500, required=False)

    @property
    def reference_fields(self):
        return [self[f"ref_{activity.value}"] for activity in Activity]

    def clean_url(self):
        url = self.cleaned_data["url"].strip()
        try:
            url.format_map({"activity": "a", "purpose": "p", "municipality": "m"})
        except (KeyError, ValueError, IndexError):
            raise ValidationError(
                _("Gebruik tussen { } alleen activity, purpose of municipality, bijvoorbeeld {activity}.")
            ) from None
        return url

    def references(self) -> dict[str, str]:
        return {activity.value: self.cleaned_data[f"ref_{activity.value}"] for activity in Activity}
