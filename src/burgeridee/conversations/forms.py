from datetime import date, datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from burgeridee.core.forms import AccessibleFormMixin, TextField, widget_class

from .constants import (
    TEXT_CAPTURES,
    AgreementResponse,
    CaptureField,
    Facilitation,
    Moment,
    Rating,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


HELD_ON_REQUIRED = _("Vul in op welke dag het gesprek was.")


class HeldOnMixin:
    """The day the conversation was really held, asked when it is marked held (finishing it, or sending its
    report first). Optional on the form; the view makes it required for that step (`require_held_on`)."""

    def add_held_on(self, *, suggestion: date, earliest: date | None = None) -> None:
        self.held_on_earliest = earliest
        field = forms.DateField(
            label=_("Op welke dag was het gesprek?"),
            required=False,
            widget=DateInput(),
            initial=suggestion,
            help_text=_("Was het op een andere dag dan gepland? Vul dan de echte dag in."),
            error_messages={"invalid": _("Vul een datum in, zoals 2026-12-01.")},
        )
        field.widget.attrs["class"] = widget_class(field.widget)
        field.widget.attrs["data-no-autosave"] = ""
        self.fields["held_on"] = field

    def clean_held_on(self):
        held_on = self.cleaned_data.get("held_on")
        if held_on and held_on > timezone.localdate():
            raise forms.ValidationError(_("Het gesprek kan niet in de toekomst zijn gehouden."))
        if held_on and self.held_on_earliest and held_on < self.held_on_earliest:
            raise forms.ValidationError(_("Het gesprek kan niet zijn gehouden voordat het idee binnenkwam."))
        return held_on

    def require_held_on(self) -> date | None:
        """The confirmed day, or None after adding the error (call after is_valid())."""
        if "held_on" not in self.fields:
            return None
        held_on = self.cleaned_data.get("held_on")
        if held_on is None and "held_on" not in self.errors:
            self.add_error("held_on", HELD_ON_REQUIRED)
            bound = self["held_on"]
            bound.field.widget.attrs["aria-invalid"] = "true"
            bound.field.widget.attrs["aria-describedby"] = f"{bound.auto_id}_description {bound.auto_id}_error"
        return held_on


# --- The conversation model ----------------------------------------------------------------------------


class PhaseForm(AccessibleFormMixin, forms.Form):
    title = TextField(label=_("Titel"), max_length=120, error_messages={"required": _("Geef de fase een titel.")})
    purpose = TextField(label=_("Doel"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    guiding_questions = TextField(
        label=_("Leidende vragen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Eén vraag per regel."),
    )
    pitfall_reminder = TextField(label=_("Valkuil: korte herinnering"), required=False, max_length=300)
    pitfall_ids = forms.MultipleChoiceField(
        label=_("Bij welke valkuilen hoort deze fase?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    is_active = forms.BooleanField(label=_("Deze fase staat aan"), required=False, initial=True)

    def __init__(self, *args, pitfall_choices, **kwargs):
        """`pitfall_choices` from `knowledge.selectors.pitfall_choices` (the library is the one source)."""
        super().__init__(*args, **kwargs)
        self.fields["pitfall_ids"].choices = pitfall_choices


class ChecklistItemForm(AccessibleFormMixin, forms.Form):
    text = TextField(label=_("Tekst"), max_length=300, error_messages={"required": _("Vul de tekst in.")})
    is_active = forms.BooleanField(label=_("Dit punt staat aan"), required=False, initial=True)


class ChecklistItemAddForm(AccessibleFormMixin, forms.Form):
    moment = forms.ChoiceField(
        label=_("Wanneer"),
        choices=Moment.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wanneer dit punt geldt.")},
    )
    text = TextField(label=_("Tekst"), max_length=300, error_messages={"required": _("Vul de tekst in.")})


class PhaseAddForm(AccessibleFormMixin, forms.Form):
    title = TextField(label=_("Titel"), max_length=120, error_messages={"required": _("Geef de fase een titel.")})
    purpose = TextField(label=_("Doel"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    guiding_questions = TextField(
        label=_("Leidende vragen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Eén vraag per regel."),
    )


# --- Planning ------------------------------------------------------------------------------------------


class PlanForm(AccessibleFormMixin, forms.Form):
    day = forms.DateField(
        label=_("Datum"),
        widget=DateInput(),
        error_messages={"required": _("Vul de datum in."), "invalid": _("Vul een datum in, zoals 2026-12-01.")},
    )
    start = forms.TimeField(
        label=_("Tijd"),
        widget=TimeInput(),
        error_messages={"required": _("Vul de tijd in."), "invalid": _("Vul een tijd in, zoals 14:30.")},
    )
    duration_minutes = forms.IntegerField(
        label=_("Duur in minuten"),
        required=False,
        min_value=15,
        max_value=240,
        initial=60,
        error_messages={
            "invalid": _("Vul een aantal minuten in, zoals 60."),
            "min_value": _("Een gesprek duurt minstens %(limit_value)s minuten."),
            "max_value": _("Een gesprek duurt hooguit %(limit_value)s minuten."),
        },
    )
    place = TextField(
        label=_("Plek"),
        max_length=200,
        help_text=_("Liefst in de buurt of bij de bewoner thuis."),
        error_messages={"required": _("Vul de plek in.")},
    )
    participants = TextField(
        label=_("Wie schuiven aan"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bijvoorbeeld: de bewoner, een buurvrouw uit de kopgroep, de wijkbeheerder."),
    )

    def clean(self):
        data = super().clean()
        if data.get("day") and data.get("start"):
            starts_at = timezone.make_aware(datetime.combine(data["day"], data["start"]))
            if starts_at < timezone.now():
                self.add_error("day", _("Kies een moment in de toekomst."))
            data["starts_at"] = starts_at
        return data


# --- The conversation screen ---------------------------------------------------------------------------

AGREEMENT_SLOTS_EXTRA = 3


class ConversationForm(HeldOnMixin, AccessibleFormMixin, forms.Form):
    """Everything the conversation screen records. Field names are stable: autosave posts them one by one."""

    municipal_roles = forms.MultipleChoiceField(
        label=_("Rol van de gemeente"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Meer dan één kan: bijvoorbeeld faciliteren én reguleren (vergunning). Zeg het de bewoner."),
    )
    callback_date = forms.DateField(
        label=_("Terugbeldatum"),
        required=False,
        widget=DateInput(),
        error_messages={"invalid": _("Vul een datum in, zoals 2026-12-01.")},
    )
    rating = forms.TypedChoiceField(
        label=_("Hoe vond de bewoner het gesprek?"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=Rating.choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, phases, during_choices, ladder: dict[str, str], agreement_count: int = 0, **kwargs):
        """`phases` and `during_choices` ((key, text) of the 'during' checklist) from `selectors.model_outline`;
        `ladder` from `knowledge.selectors.participation_ladder` (the library is the one source)."""
        self.phases = phases
        self.agreement_slots = max(agreement_count, 0) + AGREEMENT_SLOTS_EXTRA
        fields = {}
        for capture in TEXT_CAPTURES:
            fields[f"cap_{capture.value}"] = TextField(
                label=capture.label, required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
            )
        for phase in phases:
            fields[f"note_{phase.key}"] = TextField(
                label=_("Aantekeningen bij %(phase)s") % {"phase": phase.title},
                required=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        for index in range(self.agreement_slots):
            fields[f"agreement_{index}_what"] = TextField(label=_("Wat"), required=False, max_length=300)
            fields[f"agreement_{index}_who"] = TextField(label=_("Wie"), required=False, max_length=120)
            fields[f"agreement_{index}_due"] = forms.DateField(
                label=_("Wanneer"),
                required=False,
                widget=DateInput(),
                error_messages={"invalid": _("Vul een datum in, zoals 2026-12-01.")},
            )
        fields["checked"] = forms.MultipleChoiceField(
            label=_("Checklist tijdens het gesprek"),
            required=False,
            choices=list(during_choices),
            widget=forms.CheckboxSelectMultiple,
        )
        super().__init__(*args, **kwargs)
        self.fields["municipal_roles"].choices = list(ladder.items())
        self.fields.update(fields)
        # The mixin styled only the class-level fields; style the ones added here too.
        for name, field in fields.items():
            field.widget.attrs["class"] = widget_class(field.widget)
            field.widget.attrs.setdefault("data-field", name)
        for index in range(self.agreement_slots):
            for part in ("what", "who", "due"):
                self.fields[f"agreement_{index}_{part}"].widget.attrs["data-autosave-group"] = f"agreement_{index}"

    @staticmethod
    def initial_from(conversation) -> dict:
        initial = {f"cap_{key}": value for key, value in conversation.captures.items()}
        initial.update({f"note_{key}": value for key, value in conversation.phase_notes.items()})
        initial["municipal_roles"] = conversation.municipal_roles
        initial["callback_date"] = conversation.callback_date
        initial["rating"] = conversation.rating
        initial["checked"] = conversation.checked_items
        for index, row in enumerate(conversation.agreements_draft):
            initial[f"agreement_{index}_what"] = row.get("what", "")
            initial[f"agreement_{index}_who"] = row.get("who", "")
            initial[f"agreement_{index}_due"] = date.fromisoformat(row["due"]) if row.get("due") else None
        return initial

    def bound_phases(self):
        """Per phase the bound fields to show, in the model's order."""
        rows = []
        for phase in self.phases:
            captures = []
            for key in phase.capture_fields:
                if key == CaptureField.MUNICIPAL_ROLES:
                    captures.append(("roles", self["municipal_roles"]))
                elif key == CaptureField.AGREEMENTS:
                    captures.append(("agreements", self.agreement_rows()))
                elif key == CaptureField.CALLBACK_DATE:
                    captures.append(("field", self["callback_date"]))
                elif key == CaptureField.RATING:
                    captures.append(("choice", self["rating"]))
                elif f"cap_{key}" in self.fields:
                    captures.append(("field", self[f"cap_{key}"]))
            rows.append({"phase": phase, "captures": captures, "note": self[f"note_{phase.key}"]})
        return rows

    def agreement_rows(self):
        return [
            {
                "number": index + 1,
                "what": self[f"agreement_{index}_what"],
                "who": self[f"agreement_{index}_who"],
                "due": self[f"agreement_{index}_due"],
            }
            for index in range(self.agreement_slots)
        ]

    def changes(self, names: set[str] | None = None) -> dict:
        """Keyword arguments for services.conversation_save: everything, or only the parts in `names`."""
        data = self.cleaned_data

        def wanted(name):
            return names is None or name in names

        result = {}
        captures = {c.value: data[f"cap_{c.value}"] for c in TEXT_CAPTURES if wanted(f"cap_{c.value}")}
        if captures:
            result["captures"] = captures
        notes = {p.key: data[f"note_{p.key}"] for p in self.phases if wanted(f"note_{p.key}")}
        if notes:
            result["phase_notes"] = notes
        if wanted("municipal_roles"):
            result["municipal_roles"] = data["municipal_roles"]
        if wanted("checked"):
            result["checked_items"] = data["checked"]
        if wanted("callback_date"):
            result["callback_date"] = data["callback_date"]
        if wanted("rating"):
            result["rating"] = data["rating"]
        if names is None or any(name.startswith("agreement_") for name in names):
            rows = []
            for index in range(self.agreement_slots):
                row = {part: data[f"agreement_{index}_{part}"] for part in ("what", "who", "due")}
                rows.append(row)
            while rows and not any(rows[-1].values()):
                rows.pop()
            result["agreements"] = rows
        return result


# --- The report ----------------------------------------------------------------------------------------


class ReportForm(HeldOnMixin, AccessibleFormMixin, forms.Form):
    summary = TextField(
        label=_("Samenvatting"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("In gewone taal, zoals u het de bewoner zou vertellen. Feiten en gevoelens."),
        error_messages={"required": _("Schrijf een samenvatting.")},
    )
    municipal_roles = forms.MultipleChoiceField(
        label=_("Rol van de gemeente"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één rol van de gemeente.")},
    )
    initiator_role = TextField(
        label=_("Rol van de bewoners"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    next_step = TextField(
        label=_("Volgende stap"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Schrijf de volgende stap op.")},
    )
    callback_date = forms.DateField(
        label=_("Wij bellen u terug op"),
        widget=DateInput(),
        error_messages={"required": _("Vul de terugbeldatum in."), "invalid": _("Vul een datum in, zoals 2026-12-01.")},
    )

    def __init__(self, *args, ladder: dict[str, str], agreement_count: int = 0, **kwargs):
        """`ladder` from `knowledge.selectors.participation_ladder` (the library is the one source)."""
        super().__init__(*args, **kwargs)
        self.fields["municipal_roles"].choices = list(ladder.items())
        self.agreement_slots = agreement_count + AGREEMENT_SLOTS_EXTRA
        for index in range(self.agreement_slots):
            self.fields[f"agreement_{index}_what"] = TextField(label=_("Wat"), required=False, max_length=300)
            self.fields[f"agreement_{index}_who"] = TextField(label=_("Wie"), required=False, max_length=120)
            self.fields[f"agreement_{index}_due"] = forms.DateField(
                label=_("Wanneer"),
                required=False,
                widget=DateInput(),
                error_messages={"invalid": _("Vul een datum in, zoals 2026-12-01.")},
            )
            for part in ("what", "who", "due"):
                widget = self.fields[f"agreement_{index}_{part}"].widget
                widget.attrs["class"] = widget_class(widget)

    @staticmethod
    def initial_from(report, agreements) -> dict:
        """The form's values from a report and its agreements (passed apart: an unsaved draft has no related rows)."""
        initial = {
            "summary": report.summary,
            "municipal_roles": report.municipal_roles,
            "initiator_role": report.initiator_role,
            "next_step": report.next_step,
            "callback_date": report.callback_date,
        }
        for index, agreement in enumerate(agreements):
            initial[f"agreement_{index}_what"] = agreement.what
            initial[f"agreement_{index}_who"] = agreement.who
            initial[f"agreement_{index}_due"] = agreement.due_date
        return initial

    def clean(self):
        data = super().clean()
        agreements = []
        for index in range(self.agreement_slots):
            what = data.get(f"agreement_{index}_what", "")
            who = data.get(f"agreement_{index}_who", "")
            due = data.get(f"agreement_{index}_due")
            if what and not who:
                self.add_error(f"agreement_{index}_who", _("Vul in wie dit doet."))
            if (who or due) and not what:
                self.add_error(f"agreement_{index}_what", _("Vul in wat er is afgesproken."))
            if what:
                agreements.append((what, who, due))
        if not agreements and not self.errors:
            self.add_error("agreement_0_what", _("Leg minstens één afspraak vast."))
        data["agreements"] = agreements
        return data

    def agreement_rows(self):
        return [
            {
                "number": index + 1,
                "what": self[f"agreement_{index}_what"],
                "who": self[f"agreement_{index}_who"],
                "due": self[f"agreement_{index}_due"],
            }
            for index in range(self.agreement_slots)
        ]


class ResidentResponseForm(AccessibleFormMixin, forms.Form):
    """Per agreement: does it match what you agreed? If not, say what is not right."""

    comment = TextField(
        label=_("Wilt u nog iets zeggen over het verslag?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, agreements, **kwargs):
        super().__init__(*args, **kwargs)
        self.agreements = list(agreements)
        for agreement in self.agreements:
            response = forms.ChoiceField(
                label=_("Klopt deze afspraak?"),
                choices=[
                    (AgreementResponse.AGREED, _("Ja, dit klopt")),
                    (AgreementResponse.COMMENTED, _("Nee, dit klopt niet helemaal")),
                ],
                widget=forms.RadioSelect,
                error_messages={"required": _("Kies of deze afspraak klopt.")},
            )
            note = TextField(
                label=_("Wat klopt er niet?"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            for field in (response, note):
                field.widget.attrs["class"] = widget_class(field.widget)
            self.fields[f"response_{agreement.pk}"] = response
            self.fields[f"note_{agreement.pk}"] = note

    def clean(self):
        data = super().clean()
        for agreement in self.agreements:
            if data.get(f"response_{agreement.pk}") == AgreementResponse.COMMENTED and not data.get(
                f"note_{agreement.pk}"
            ):
                self.add_error(f"note_{agreement.pk}", _("Schrijf op wat er niet klopt."))
        return data

    def rows(self):
        return [
            {"agreement": a, "response": self[f"response_{a.pk}"], "note": self[f"note_{a.pk}"]}
            for a in self.agreements
        ]

    def responses(self) -> dict:
        return {
            a.pk: (self.cleaned_data[f"response_{a.pk}"], self.cleaned_data[f"note_{a.pk}"]) for a in self.agreements
        }


class ReflectionForm(AccessibleFormMixin, forms.Form):
    facilitation = forms.ChoiceField(
        label=_("Heb ik gefaciliteerd of overgenomen?"),
        choices=Facilitation.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wat het meest past.")},
    )
    pitfalls_felt = forms.MultipleChoiceField(
        label=_("Welke valkuil voelde ik?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = TextField(
        label=_("Wat neem ik mee naar een volgend gesprek?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, pitfall_choices, **kwargs):
        """`pitfall_choices` from `knowledge.selectors.pitfall_choices` (the library is the one source)."""
        super().__init__(*args, **kwargs)
        self.fields["pitfalls_felt"].choices = pitfall_choices
