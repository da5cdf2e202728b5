"""Forms of the right to challenge: the resident's challenge, the administrator's settings, and the staff
steps (conversion, plan, advice, assessment, decision, agreement, evaluation)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from burgeridee.core.forms import AccessibleFormMixin, TextField, widget_class
from burgeridee.initiatives.forms import IdeaForm

from .constants import CriterionVerdict, Decision, SupportEvidence

OTHER_TASK = "anders"


class ChallengeForm(IdeaForm):
    """The idea form with the task the residents want to take over in front. Same standards: every typed
    value kept on an error, an error summary, a key per filled-in form."""

    field_order = ["task", "other_task"]

    task = forms.ChoiceField(
        label=_("Welke taak wilt u overnemen?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies de taak die u wilt overnemen. Staat hij er niet bij? Kies dan 'Een andere taak'."),
            "invalid_choice": _("Kies een taak uit de lijst."),
        },
    )
    other_task = TextField(
        label=_("Welke andere taak? (alleen bij 'Een andere taak')"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: het onderhoud van de speeltuin in onze straat."),
    )

    def __init__(self, *args, tasks=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.tasks = {str(task.pk): task for task in tasks}
        self.fields["task"].choices = [
            *[(pk, task.title) for pk, task in self.tasks.items()],
            (OTHER_TASK, _("Een andere taak")),
        ]
        self.fields["title"].label = _("Geef uw plan een korte naam")
        self.fields["title"].help_text = _("Bijvoorbeeld: Wij onderhouden het groen op ons plein.")
        self.fields["description"].label = _("Wat wilt u doen?")
        self.fields["description"].help_text = _(
            "Vertel wat u van de gemeente wilt overnemen en waarom u dat goed kunt."
        )
        self.fields["theme"].initial = self.initial.get("theme") or "leefbaar"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("task") == OTHER_TASK and not cleaned.get("other_task"):
            self.add_error("other_task", _("Beschrijf de taak die u wilt overnemen."))
        return cleaned

    @property
    def selected_task(self):
        return self.tasks.get(self.cleaned_data.get("task", ""))

    def challenge_submission(self) -> dict:
        return {
            **self.submission(),
            "task": self.selected_task,
            "other_task": self.cleaned_data.get("other_task", "") if self.selected_task is None else "",
        }


class SettingsForm(AccessibleFormMixin, forms.Form):
    is_enabled = forms.BooleanField(
        label=_("Onze participatieverordening geeft bewoners het uitdaagrecht"), required=False
    )
    bylaw_url = forms.URLField(
        assume_scheme="https",
        label=_("Link naar de verordening (mag leeg blijven)"),
        required=False,
        max_length=200,
        error_messages={"invalid": _("Vul een webadres in dat begint met https://.")},
    )
    bylaw_text = TextField(
        label=_("Tekst uit de verordening over het uitdaagrecht (mag leeg blijven)"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    decision_weeks = forms.IntegerField(
        label=_("Beslistermijn in weken"),
        min_value=1,
        max_value=52,
        help_text=_("Binnen hoeveel weken na een compleet plan besluit de gemeente."),
        error_messages={
            "required": _("Vul de beslistermijn in weken in."),
            "invalid": _("Vul een heel getal in, zoals 8."),
            "min_value": _("De termijn is minstens 1 week."),
            "max_value": _("De termijn is hooguit 52 weken."),
        },
    )


class TaskForm(AccessibleFormMixin, forms.Form):
    title = TextField(
        label=_("Naam van de taak"), max_length=120, error_messages={"required": _("Geef de taak een naam.")}
    )
    description = TextField(
        label=_("Korte uitleg voor bewoners"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf een korte uitleg voor bewoners.")},
    )
    department = forms.ModelChoiceField(
        label=_("Afdeling die de taak nu doet (mag leeg blijven)"),
        queryset=None,
        required=False,
        empty_label=_("Geen afdeling"),
    )
    cost = TextField(
        label=_("Wat kost de taak nu? (mag leeg blijven)"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: ongeveer € 4.000 per jaar."),
    )
    quality = TextField(
        label=_("Welke kwaliteit vraagt de gemeente? (mag leeg blijven)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    public_url = forms.URLField(
        assume_scheme="https",
        label=_("Waar publiceert de gemeente deze taak? (link, mag leeg blijven)"),
        required=False,
        max_length=200,
        help_text=_("Bijvoorbeeld de pagina over het groenonderhoud op de website van de gemeente."),
        error_messages={"invalid": _("Vul een webadres in dat begint met https://.")},
    )
    is_active = forms.BooleanField(label=_("Laat deze taak zien op de website"), required=False, initial=True)

    def __init__(self, *args, departments=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments


class CriterionForm(AccessibleFormMixin, forms.Form):
    title = TextField(
        label=_("Beoordelingspunt"), max_length=120, error_messages={"required": _("Geef het punt een naam.")}
    )
    explanation = TextField(
        label=_("Uitleg"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Leg uit wat dit punt betekent.")},
    )
    is_active = forms.BooleanField(label=_("Gebruik dit punt"), required=False, initial=True)


class ConvertForm(AccessibleFormMixin, forms.Form):
    task = forms.ChoiceField(
        label=_("Welke taak willen de bewoners overnemen?"),
        error_messages={"required": _("Kies een taak.")},
    )
    other_task = TextField(label=_("Andere taak (alleen bij 'Een andere taak')"), max_length=200, required=False)
    resident_agreement = TextField(
        label=_("Hoe en wanneer stemde de bewoner in?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bijvoorbeeld: telefonisch op 3 maart; de bewoner wil de route van het uitdaagrecht."),
        error_messages={"required": _("Schrijf op hoe en wanneer de bewoner instemde.")},
    )

    def __init__(self, *args, tasks=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.tasks = {str(task.pk): task for task in tasks}
        self.fields["task"].choices = [
            ("", _("Kies een taak")),
            *[(pk, task.title) for pk, task in self.tasks.items()],
            (OTHER_TASK, _("Een andere taak")),
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("task") == OTHER_TASK and not cleaned.get("other_task"):
            self.add_error("other_task", _("Beschrijf de taak."))
        return cleaned


class PlanForm(AccessibleFormMixin, forms.Form):
    plan_what = TextField(
        label=_("Wat gaan de bewoners doen?"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    plan_where = TextField(label=_("Waar?"), max_length=200, required=False)
    plan_budget = forms.DecimalField(
        label=_("Budget in euro per jaar"),
        required=False,
        min_value=0,
        max_digits=10,
        decimal_places=2,
        error_messages={"invalid": _("Vul een bedrag in, zoals 3500.")},
    )
    plan_quality = TextField(
        label=_("Welke kwaliteit leveren de bewoners?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    plan_insurance = TextField(
        label=_("Hoe zijn de bewoners verzekerd?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    plan_support_evidence = forms.ChoiceField(
        label=_("Waaruit blijkt het draagvlak?"),
        choices=[("", _("Kies"))] + SupportEvidence.choices,
        required=False,
    )
    plan_support_count = forms.IntegerField(
        label=_("Aantal handtekeningen of brieven (mag leeg blijven)"), required=False, min_value=0
    )
    plan_support_note = TextField(
        label=_("Toelichting op het draagvlak (mag leeg blijven)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AdviceForm(AccessibleFormMixin, forms.Form):
    question = TextField(
        label=_("Uw vraag aan de afdeling"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf uw vraag aan de afdeling.")},
    )


class AssessmentForm(AccessibleFormMixin, forms.Form):
    """One verdict and reasoning per active criterion."""

    def __init__(self, *args, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"verdict_{criterion.pk}"] = forms.ChoiceField(
                label=_("Oordeel: %(title)s") % {"title": criterion.title},
                choices=[("", _("Kies"))] + CriterionVerdict.choices,
                help_text=criterion.explanation,
                error_messages={"required": _("Kies een oordeel bij '%(title)s'.") % {"title": criterion.title}},
            )
            self.fields[f"reasoning_{criterion.pk}"] = TextField(
                label=_("Onderbouwing: %(title)s") % {"title": criterion.title},
                max_length=3000,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={"required": _("Onderbouw het oordeel bij '%(title)s'.") % {"title": criterion.title}},
            )
        # The mixin styled the fields that existed before; these are added per criterion.
        for name, field in self.fields.items():
            field.widget.attrs["class"] = widget_class(field.widget)
            field.widget.attrs.setdefault("aria-required", "true")
            field.widget.attrs.setdefault("data-field", name)

    def rows(self):
        return [(c, self[f"verdict_{c.pk}"], self[f"reasoning_{c.pk}"]) for c in self.criteria]


class DecisionForm(AccessibleFormMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Besluit"),
        choices=Decision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een besluit.")},
    )
    reasons = TextField(
        label=_("Motivering (komt in de besluitbrief)"),
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Schrijf in gewone taal waarom de gemeente zo besluit."),
        error_messages={"required": _("Schrijf de motivering van het besluit.")},
    )


class MomentForm(AccessibleFormMixin, forms.Form):
    """One monitoring moment of an agreement. A row left empty is skipped; a half-filled one gets a message."""

    due_date = forms.DateField(
        label=_("Datum"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Vul de datum van dit moment in."), "invalid": _("Vul een datum in.")},
    )
    description = TextField(
        label=_("Wat bekijken we?"),
        max_length=200,
        error_messages={"required": _("Schrijf op wat u op dit moment bekijkt.")},
    )


MOMENTS_SHOWN = 2
MOMENTS_MAX = 20


class BaseMomentFormSet(forms.BaseFormSet):
    """Every row may stay empty (it is then skipped), so no row counts as an 'initial' one; an unbound set shows
    the rows it is given (`initial`), or MOMENTS_SHOWN empty ones."""

    default_error_messages = {
        "missing_management_form": _("Het formulier is niet compleet aangekomen. Laad de pagina opnieuw."),
        "too_many_forms": _("Spreek hooguit %(num)d monitoringsmomenten af."),
    }

    def initial_form_count(self):
        return 0

    def total_form_count(self):
        if self.is_bound:
            return super().total_form_count()
        return len(self.initial) if self.initial else MOMENTS_SHOWN


MomentFormSet = forms.formset_factory(
    MomentForm,
    formset=BaseMomentFormSet,
    extra=0,
    can_delete=True,
    max_num=MOMENTS_MAX,
    validate_max=True,
    absolute_max=MOMENTS_MAX + 10,
)


class AgreementForm(AccessibleFormMixin, forms.Form):
    """The agreement of a granted challenge, with as many monitoring moments as staff add (a formset that works
    without JavaScript: 'Nog een moment toevoegen' shows the form again with everything typed and a new row)."""

    ADD_MOMENT = "moment_toevoegen"

    starts = forms.DateField(
        label=_("De bewoners doen de taak vanaf"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Vul de begindatum in."), "invalid": _("Vul een datum in.")},
    )
    ends = forms.DateField(
        label=_("Tot en met"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Vul de einddatum in."), "invalid": _("Vul een datum in.")},
    )
    budget = forms.DecimalField(
        label=_("Budget in euro per jaar"),
        min_value=0,
        max_digits=10,
        decimal_places=2,
        error_messages={"required": _("Vul het budget in."), "invalid": _("Vul een bedrag in, zoals 3500.")},
    )
    quality = TextField(
        label=_("Afgesproken kwaliteit"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf de afgesproken kwaliteit op.")},
    )

    def __init__(self, data=None, *args, moment_rows=None, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.moment_forms = MomentFormSet(data, prefix=f"{self.prefix}-moment", initial=moment_rows)
        for number, row in enumerate(self.moment_forms.forms, start=1):
            row.number = number
            row.fields["DELETE"].label = _("Dit moment weghalen")
            row.fields["DELETE"].widget.attrs["class"] = widget_class(row.fields["DELETE"].widget)

    @classmethod
    def with_another_moment(cls, data, *, prefix: str, **kwargs) -> "AgreementForm":
        """The form as typed (unbound, so no messages yet), without the rows marked to go, plus one empty row."""
        typed = cls(data, prefix=prefix)
        initial = {name: typed[name].data for name in typed.fields}
        rows = [
            {"due_date": row["due_date"].data, "description": row["description"].data}
            for row in typed.moment_forms.forms
            if not row["DELETE"].data
        ]
        return cls(prefix=prefix, initial=initial, moment_rows=[*rows, {}][:MOMENTS_MAX], **kwargs)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("starts") and cleaned.get("ends") and cleaned["ends"] <= cleaned["starts"]:
            self.add_error("ends", _("De einddatum moet na de begindatum liggen."))
        return cleaned

    def is_valid(self) -> bool:
        valid = super().is_valid()
        rows_valid = self.moment_forms.is_valid()
        if valid and rows_valid and not self.moments:
            self.add_error(None, _("Spreek minstens één monitoringsmoment af."))
            return False
        return valid and rows_valid

    @property
    def moments(self) -> list[tuple]:
        """(date, what) of every filled-in row not marked to go."""
        return [
            (row.cleaned_data["due_date"], row.cleaned_data["description"])
            for row in self.moment_forms.forms
            if row.cleaned_data and not row.cleaned_data.get("DELETE")
        ]

    @property
    def can_add_moment(self) -> bool:
        return self.moment_forms.total_form_count() < MOMENTS_MAX

    def error_summary(self) -> list[dict]:
        items = super().error_summary()
        if not self.is_bound:
            return items
        items.extend({"anchor": "", "message": error} for error in self.moment_forms.non_form_errors())
        for row in self.moment_forms.forms:
            if row["DELETE"].data:
                continue
            for item in row.error_summary():
                label = _("Monitoringsmoment %(n)d") % {"n": row.number}
                items.append({**item, "message": f"{label}: {item['message']}"})
        return items


class EvaluationForm(AccessibleFormMixin, forms.Form):
    note = TextField(
        label=_("Wat leverde de evaluatie op?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf op wat de evaluatie opleverde.")},
    )
