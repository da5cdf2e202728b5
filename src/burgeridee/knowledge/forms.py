from django import forms
from django.utils.translation import gettext_lazy as _

from burgeridee.core.forms import AccessibleFormMixin, TextField
from burgeridee.initiatives.constants import Theme

from .constants import FactorGroup, Kind

FIELDS = {
    Kind.PITFALL: (
        "title",
        "summary",
        "what_goes_wrong",
        "why_it_happens",
        "what_works_better",
        "signal",
        "self_question",
    ),
    Kind.SUCCESS_FACTOR: ("title", "group", "summary", "body"),
    Kind.ROLE: ("title", "summary", "body", "example", "points"),
    Kind.PHASE: ("title", "summary", "body", "points"),
    Kind.CASE: ("title", "theme", "summary", "body", "points"),
    Kind.ARTICLE: ("title", "summary", "body", "points"),
}
REQUIRED = {"title", "summary", "body", "group", "theme"}

LABELS = {
    "title": _("Titel"),
    "summary": _("Samenvatting in één zin"),
    "body": _("Uitleg"),
    "what_goes_wrong": _("Wat gaat er mis"),
    "why_it_happens": _("Waarom gebeurt het"),
    "what_works_better": _("Wat werkt beter"),
    "signal": _("Herken je het?"),
    "self_question": _("Vraag aan jezelf"),
    "group": _("Groep"),
    "example": _("Voorbeeld"),
    "theme": _("Thema"),
}
KIND_LABELS = {
    (Kind.CASE, "body"): (
        _("Het verhaal"),
        _(
            "Beschrijf de situatie, wat er gebeurde en hoe het afliep. Laat een witregel tussen alinea's. "
            "Geen namen of adressen van echte bewoners."
        ),
    ),
    (Kind.CASE, "points"): (_("Vragen voor de groep"), _("Eén vraag per regel.")),
    (Kind.PHASE, "points"): (_("Aandachtspunten"), _("Eén punt per regel.")),
    (Kind.ARTICLE, "points"): (_("In het kort"), _("Eén punt per regel.")),
    (Kind.ROLE, "points"): (_("Wanneer past deze rol"), _("Eén punt per regel.")),
}


class ItemForm(AccessibleFormMixin, forms.Form):
    """Edit the texts of one library item; which fields depends on its kind."""

    def __init__(self, *args, kind: str, link_choices: dict[str, list] | None = None, **kwargs):
        super_fields = {}
        for name in FIELDS[kind]:
            label, help_text = KIND_LABELS.get((kind, name), (LABELS.get(name, ""), ""))
            required = name in REQUIRED
            if name == "group":
                field = forms.ChoiceField(label=label, choices=FactorGroup.choices, widget=forms.RadioSelect)
            elif name == "theme":
                field = forms.ChoiceField(label=label, choices=Theme.choices, widget=forms.RadioSelect)
            elif name in ("title", "summary"):
                field = TextField(label=label, max_length=160 if name == "title" else 300, required=required)
            else:
                field = TextField(
                    label=label, required=required, widget=forms.Textarea(attrs={"rows": 6 if name == "body" else 3})
                )
            field.help_text = help_text
            super_fields[name] = field
        self.kind = kind
        self.link_names = []
        if kind == Kind.CASE:
            for name, (label, choices) in (link_choices or {}).items():
                super_fields[name] = forms.MultipleChoiceField(
                    label=label, choices=choices, required=False, widget=forms.CheckboxSelectMultiple
                )
                self.link_names.append(name)
        self.base_fields = super_fields
        super().__init__(*args, **kwargs)

    @property
    def text_names(self):
        return FIELDS[self.kind]

    @property
    def text_fields(self):
        return [self[name] for name in FIELDS[self.kind]]

    @property
    def link_fields(self):
        return [self[name] for name in self.link_names]

    def item_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in FIELDS[self.kind]}

    def link_keys(self) -> list[str]:
        return [key for name in self.link_names for key in self.cleaned_data.get(name, [])]
