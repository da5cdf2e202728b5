from django import forms
from django.utils.translation import gettext_lazy as _

from burgeridee.initiatives.constants import Channel
from burgeridee.initiatives.forms import IdeaForm

INTAKE_CHANNELS = [(value, label) for value, label in Channel.choices if value != Channel.ONLINE]

STAFF_LABELS = {
    "title": (_("Naam van het idee"), _("Kort, in de woorden van de bewoner.")),
    "description": (_("Het idee"), _("Wat wil de bewoner doen?")),
    "target_group": (_("Voor wie is het?"), None),
    "neighbourhood": (_("Wijk"), None),
    "location": (_("Plek (mag leeg blijven)"), None),
    "theme": (_("Thema"), None),
    "involved": (_("Wie doen er al mee? (mag leeg blijven)"), None),
    "support_types": (_("Gevraagde hulp (mag leeg blijven)"), None),
    "help_description": (_("Toelichting op de hulp (mag leeg blijven)"), None),
    "own_contribution": (_("Wat regelt de bewoner zelf? (mag leeg blijven)"), None),
    "name": (_("Naam van de bewoner"), None),
    "preferred_contact": (_("Hoe wil de bewoner contact?"), None),
    "email": (
        _("E-mailadres van de bewoner"),
        _("Met een e-mailadres krijgt de bewoner de bevestiging per e-mail. Zonder e-mailadres drukt u een brief af."),
    ),
    "phone": (_("Telefoonnummer van de bewoner"), _("Bijvoorbeeld 06 12345678.")),
}

# The resident's form speaks to the resident ("uw idee"); here the civil servant reads about the resident.
STAFF_REQUIRED_MESSAGES = {
    "title": _("Geef het idee een korte naam."),
    "description": _("Beschrijf het idee."),
    "target_group": _("Vul in voor wie het idee is."),
    "neighbourhood": _("Kies een wijk. Weet de bewoner het niet? Kies dan 'Weet ik niet'."),
    "theme": _("Kies waar het idee vooral over gaat."),
    "name": _("Vul de naam van de bewoner in."),
    "preferred_contact": _("Kies hoe de bewoner contact wil."),
}


class IntakeForm(IdeaForm):
    """The resident's idea form, filled in by a civil servant, plus how the idea came in."""

    channel = forms.ChoiceField(
        label=_("Hoe kwam het idee binnen?"),
        choices=INTAKE_CHANNELS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe het idee binnenkwam.")},
    )

    contact_messages = {
        "email": _("Contact per e-mail: vul het e-mailadres van de bewoner in."),
        "phone": _("Contact per telefoon: vul het telefoonnummer van de bewoner in."),
        "street_address": _("Contact per post: vul de straat en het huisnummer van de bewoner in."),
        "postal_code": _("Contact per post: vul de postcode van de bewoner in."),
        "city": _("Contact per post: vul de woonplaats van de bewoner in."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["website"]  # no honeypot for staff
        for name, (label, help_text) in STAFF_LABELS.items():
            self.fields[name].label = label
            if help_text is not None:
                self.fields[name].help_text = help_text
        for name, message in STAFF_REQUIRED_MESSAGES.items():
            self.fields[name].error_messages["required"] = message

    @property
    def is_spam(self) -> bool:
        return False

    def clean(self):
        """Without an email address the resident gets a letter: by post unless they stand at the counter."""
        cleaned = super().clean()
        by_post = cleaned.get("channel") in {Channel.PHONE, Channel.LETTER}
        if by_post and not cleaned.get("email") and "email" not in self.errors:
            for name in ("street_address", "postal_code", "city"):
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, _("Zonder e-mailadres gaat de brief per post. Vul daarom het adres in."))
        return cleaned
