"""The forms of the staff initiative page (initiatives/views/staff.py). The resident's forms are in forms.py."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from burgeridee.core.forms import AccessibleFormMixin, TextField

from .constants import Phase, StopReason, phase_transitions


class PhaseForm(AccessibleFormMixin, forms.Form):
    to_phase = forms.ChoiceField(
        label=_("Nieuwe fase"),
        error_messages={"required": _("Kies de nieuwe fase."), "invalid_choice": _("Kies een fase uit de lijst.")},
    )
    stop_reason = forms.ChoiceField(
        label=_("Reden van stoppen (alleen bij stoppen)"),
        required=False,
        choices=[("", _("Kies een reden"))] + StopReason.choices,
    )
    note = TextField(
        label=_("Toelichting"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=format_lazy(
            "{} {}",
            _("Bij 'geen initiatief': naar wie of waar u de bewoner warm heeft doorverwezen."),
            _("Die tekst krijgt de bewoner te zien en toegestuurd. Bij andere fasen lezen alleen collega's het."),
        ),
    )

    def __init__(self, *args, initiative, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = phase_transitions(initiative.phase, paused_phase=initiative.paused_phase)
        self.fields["to_phase"].choices = [("", _("Kies een fase"))] + [(p, Phase(p).label) for p in allowed]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("to_phase") == Phase.STOPPED and not cleaned.get("stop_reason"):
            self.add_error("stop_reason", _("Kies waarom het initiatief stopt."))
        if cleaned.get("to_phase") == Phase.NOT_AN_INITIATIVE and not cleaned.get("note"):
            self.add_error("note", _("Schrijf op naar wie of waar u de bewoner heeft doorverwezen."))
        return cleaned


class AssignForm(AccessibleFormMixin, forms.Form):
    contact = forms.TypedChoiceField(
        label=_("Contactpersoon"),
        coerce=int,
        error_messages={
            "required": _("Kies een contactpersoon."),
            "invalid_choice": _("Kies een contactpersoon uit de lijst."),
        },
    )

    def __init__(self, *args, contacts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.contacts = {u.pk: u for u in contacts}
        self.fields["contact"].choices = [("", _("Kies een contactpersoon"))] + [
            (u.pk, u.display_name + (f" ({u.job_title})" if u.job_title else "")) for u in contacts
        ]

    @property
    def selected(self):
        return self.contacts[self.cleaned_data["contact"]]


class MessageForm(AccessibleFormMixin, forms.Form):
    body = TextField(
        label=_("Bericht aan de bewoner"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Schrijf in gewone taal (B1). De bewoner ziet dit bericht op de eigen pagina."),
        error_messages={"required": _("Schrijf eerst het bericht.")},
    )


class NoteForm(AccessibleFormMixin, forms.Form):
    body = TextField(
        label=_("Interne notitie"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Alleen voor collega's. De bewoner ziet dit nooit."),
        error_messages={"required": _("Schrijf eerst de notitie.")},
    )


class InitiatorForm(AccessibleFormMixin, forms.Form):
    name = TextField(label=_("Naam"), max_length=120, error_messages={"required": _("Vul de naam in.")})
    role = TextField(
        label=_("Rol in de kopgroep"), max_length=120, required=False, help_text=_("Bijvoorbeeld: penningmeester.")
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        error_messages={"invalid": _("Vul een e-mailadres in zoals naam@voorbeeld.nl.")},
    )
    phone = TextField(label=_("Telefoonnummer"), max_length=40, required=False)
