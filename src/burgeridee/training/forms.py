"""Forms for proposals, meetings, coaching and the opt-in."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from burgeridee.core.forms import AccessibleFormMixin, TextField
from burgeridee.workshops.constants import Module

from .constants import SCORES, SELF_ASSESSMENT, ItemKind, MeetingKind

DATE_FORMATS = ["%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"]
DATE_HELP = _("Bijvoorbeeld 3-12-2026.")


def date_field(label, *, required=True):
    return forms.DateField(label=label, help_text=DATE_HELP, input_formats=DATE_FORMATS, required=required)


def time_field(label, *, required=True):
    return forms.TimeField(
        label=label, help_text=_("Bijvoorbeeld 13:30."), input_formats=["%H:%M", "%H.%M"], required=required
    )


def text_area(label, *, required=True, rows=4, max_length=4000, help_text=""):
    return TextField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class IntakeForm(AccessibleFormMixin, forms.Form):
    held_on = date_field(_("Datum van het intakegesprek"))
    note = text_area(
        _("Aantekeningen"),
        rows=6,
        help_text=_("Wat wil de organisatie bereiken, voor wie, wanneer, en wat is er al geprobeerd?"),
    )


class ProposalForm(AccessibleFormMixin, forms.Form):
    title = TextField(label=_("Titel van het voorstel"), max_length=200)
    introduction = text_area(
        _("Inleiding"), required=False, help_text=_("Wat u in het intakegesprek hoorde en wat u voorstelt.")
    )
    place = TextField(label=_("Plaats"), max_length=300, help_text=_("Standaard: het gemeentehuis."))
    group_size = forms.IntegerField(label=_("Groepsgrootte"), min_value=1, max_value=200)
    vat_percentage = forms.DecimalField(
        label=_("Btw-percentage"),
        min_value=Decimal(0),
        max_value=Decimal(100),
        decimal_places=1,
        help_text=_("Meestal 21. Vul 0 in als de training is vrijgesteld van btw."),
    )


class ProposalItemForm(AccessibleFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Soort onderdeel"), choices=ItemKind.choices)
    title = TextField(label=_("Titel"), max_length=200)
    description = text_area(_("Omschrijving"), required=False, rows=3)
    modules = forms.MultipleChoiceField(
        label=_("Onderdelen van de workshop"),
        choices=Module.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Alleen voor de workshop."),
    )
    date = date_field(_("Datum"), required=False)
    start_time = time_field(_("Begintijd"), required=False)
    duration_minutes = forms.IntegerField(label=_("Duur in minuten"), min_value=15, max_value=600)
    place = TextField(
        label=_("Plaats"), max_length=300, required=False, help_text=_("Leeg: de plaats van het voorstel.")
    )
    quantity = forms.IntegerField(
        label=_("Aantal"), min_value=1, max_value=50, help_text=_("Bij coaching: het aantal gesprekken.")
    )
    unit_price = forms.DecimalField(
        label=_("Prijs per stuk, zonder btw (euro)"), min_value=Decimal(0), max_value=Decimal(100000), decimal_places=2
    )

    def __init__(self, *args, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["kind"]

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == ItemKind.WORKSHOP and not data.get("modules"):
            self.add_error("modules", _("Kies ten minste één onderdeel van de workshop."))
        return data


class AcceptForm(AccessibleFormMixin, forms.Form):
    name = TextField(label=_("Uw naam"), max_length=120)
    agree = forms.BooleanField(
        label=_("Ik accepteer dit voorstel namens mijn organisatie."),
        error_messages={"required": _("Vink aan dat u het voorstel accepteert.")},
    )


class ChangesForm(AccessibleFormMixin, forms.Form):
    comment = text_area(
        _("Wat wilt u anders?"), help_text=_("Bijvoorbeeld een andere datum, minder onderdelen of een andere plaats.")
    )


class MeetingForm(AccessibleFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Soort bijeenkomst"), choices=MeetingKind.choices)
    title = TextField(label=_("Titel"), max_length=200)
    date = date_field(_("Datum"))
    start_time = time_field(_("Begintijd"))
    duration_minutes = forms.IntegerField(label=_("Duur in minuten"), min_value=15, max_value=600, initial=120)
    place = TextField(label=_("Plaats"), max_length=300)
    description = text_area(_("Uitleg voor de deelnemers"), required=False, rows=3)
    agenda = text_area(_("Agenda"), required=False, rows=5, help_text=_("Eén punt per regel."))
    capacity = forms.IntegerField(
        label=_("Maximaal aantal deelnemers"),
        min_value=1,
        max_value=500,
        required=False,
        help_text=_("Leeg: geen maximum."),
    )


class InviteForm(AccessibleFormMixin, forms.Form):
    emails = text_area(
        _("E-mailadressen"),
        rows=4,
        help_text=_(
            "Eén adres per regel. Iedereen krijgt de uitnodiging met een agendabestand en de link om zich aan te "
            "melden. Wij bewaren de adressen niet."
        ),
    )

    def clean_emails(self):
        addresses = [
            line.strip() for line in self.cleaned_data["emails"].replace(",", "\n").splitlines() if line.strip()
        ]
        wrong = []
        for address in addresses:
            try:
                validate_email(address)
            except ValidationError:
                wrong.append(address)
        if wrong:
            raise ValidationError(_("Deze adressen kloppen niet: %(wrong)s.") % {"wrong": ", ".join(wrong)})
        if len(addresses) > 200:
            raise ValidationError(_("Nodig maximaal 200 mensen tegelijk uit."))
        return list(dict.fromkeys(addresses))


class SignupForm(AccessibleFormMixin, forms.Form):
    name = TextField(label=_("Uw naam"), max_length=120)
    email = forms.EmailField(
        label=_("E-mailadres"), help_text=_("Hierheen sturen wij de bevestiging met uw persoonlijke link.")
    )
    organisation = TextField(label=_("Afdeling, organisatie of buurt"), max_length=200, required=False)


class OutcomesForm(AccessibleFormMixin, forms.Form):
    outcomes = text_area(
        _("Opbrengst"),
        rows=6,
        help_text=_(
            "Kort en zonder namen: wat is besproken, wat is afgesproken. De deelnemers lezen dit via hun "
            "persoonlijke link."
        ),
    )


class TrajectoryForm(AccessibleFormMixin, forms.Form):
    title = TextField(label=_("Titel"), max_length=200, initial=_("Coaching eerste gesprekken"))
    coachee = forms.TypedChoiceField(label=_("Coachee"), coerce=int, choices=[])

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coachee"].choices = [("", _("Kies een collega"))] + [
            (user.pk, user.get_full_name() or user.username) for user in candidates
        ]


class CoacheeForm(TrajectoryForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["title"]


class GoalForm(AccessibleFormMixin, forms.Form):
    text = text_area(
        _("Doel"), rows=3, help_text=_("Wat wilt u over een paar maanden anders doen in het eerste gesprek?")
    )
    phase_keys = forms.MultipleChoiceField(
        label=_("Fasen van het gespreksmodel"), required=False, widget=forms.CheckboxSelectMultiple, choices=[]
    )
    pitfall_keys = forms.MultipleChoiceField(
        label=_("Valkuilen"), required=False, widget=forms.CheckboxSelectMultiple, choices=[]
    )
    factor_keys = forms.MultipleChoiceField(
        label=_("Succesfactoren"), required=False, widget=forms.CheckboxSelectMultiple, choices=[]
    )

    def __init__(self, *args, sources, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phase_keys"].choices = list(sources["phases"].items())
        self.fields["pitfall_keys"].choices = [(key, f"{key} {title}") for key, title in sources["pitfalls"].items()]
        self.fields["factor_keys"].choices = [(key, f"{key} {title}") for key, title in sources["factors"].items()]


class CoachingSessionForm(AccessibleFormMixin, forms.Form):
    date = date_field(_("Datum"))
    start_time = time_field(_("Begintijd"))
    place = TextField(label=_("Plaats"), max_length=300, required=False)


class NoteForm(AccessibleFormMixin, forms.Form):
    text = text_area(_("Aantekening"), rows=3, help_text=_("Alleen u en de coach of coachee lezen dit."))


class ShareForm(AccessibleFormMixin, forms.Form):
    initiative = forms.TypedChoiceField(label=_("Initiatief"), coerce=int, required=False, empty_value=None, choices=[])
    summary = text_area(
        _("Wat ik deel"),
        rows=4,
        help_text=_(
            "Beschrijf de situatie in uw eigen woorden, zonder namen, adressen of telefoonnummers van bewoners."
        ),
    )
    question = text_area(_("Mijn vraag aan de coach"), required=False, rows=2)

    def __init__(self, *args, initiatives=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["initiative"].choices = [("", _("Geen, alleen mijn beschrijving"))] + [
            (initiative.pk, f"{initiative.reference} {initiative.title}") for initiative in initiatives
        ]


def _score_fields(form) -> None:
    for key, label in SELF_ASSESSMENT:
        form.fields[key] = forms.TypedChoiceField(
            label=label,
            coerce=int,
            choices=SCORES,
            widget=forms.RadioSelect,
            error_messages={"required": _("Kies een score bij: %(statement)s") % {"statement": label}},
        )
        form.fields[key].widget.attrs["class"] = "utrecht-radio-button utrecht-radio-button--html-input"


class OptInForm(AccessibleFormMixin, forms.Form):
    """The opt-in, with the baseline self-assessment: how the participant worked before the workshop."""

    session = forms.TypedChoiceField(label=_("Welke workshop volgde u?"), coerce=int, choices=[])
    consent = forms.BooleanField(
        label=_("Ja, tel mijn werk in Burgeridee mee in de cijfers over het effect van de workshop."),
        error_messages={"required": _("Vink aan dat u meedoet. Meedoen is vrijwillig.")},
    )

    def __init__(self, *args, sessions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].choices = [("", _("Kies een workshop"))] + [
            (session.pk, f"{session.title} ({session.date:%d-%m-%Y})") for session in sessions
        ]
        _score_fields(self)

    def score_fields(self):
        return [self[key] for key, _label in SELF_ASSESSMENT]

    @property
    def scores(self) -> dict[str, int]:
        return {key: self.cleaned_data[key] for key, _label in SELF_ASSESSMENT}


class SelfAssessmentForm(AccessibleFormMixin, forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _score_fields(self)


class EffectWindowForm(AccessibleFormMixin, forms.Form):
    """The window on the effect page: the workshop groups whose workshop was held from ... up to and including ...
    Both are optional; empty means no limit."""

    date_from = forms.DateField(
        label=_("Workshops vanaf"),
        help_text=DATE_HELP,
        input_formats=DATE_FORMATS,
        required=False,
        error_messages={"invalid": _("Vul een datum in zoals 3-12-2026.")},
    )
    date_to = forms.DateField(
        label=_("Tot en met"),
        help_text=DATE_HELP,
        input_formats=DATE_FORMATS,
        required=False,
        error_messages={"invalid": _("Vul een datum in zoals 3-12-2026.")},
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_from"] > cleaned["date_to"]:
            self.add_error("date_to", _("De einddatum ligt voor de begindatum."))
        return cleaned
