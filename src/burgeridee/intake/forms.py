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


class IntakeForm(IdeaForm):
    """The resident's idea form, filled in by a civil servant, plus how the idea came in."""

    channel = forms.ChoiceField(
        label=_("Hoe kwam het idee binnen?"),
        choices=INTAKE_CHANNELS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe het idee binnenkwam.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["website"]  # no honeypot for staff
        for name, (label, help_text) in STAFF_LABELS.items():
            self.fields[name].label = label
            if help_text is not None:
                self.fields[name].help_text = help_text
        self.fields["name"].error_messages["required"] = _("Vul de naam van de bewoner in.")

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
