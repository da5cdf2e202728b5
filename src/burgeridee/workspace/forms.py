from django import forms
from django.utils.translation import gettext_lazy as _

from burgeridee.core.forms import AccessibleFormMixin, TextField
from burgeridee.initiatives.constants import Channel, Phase, SupportType, Theme

from .selectors import DEFAULT_SORT, TAB_NEW, TABS, InboxFilters

ANY = [("", _("Alle"))]


class InboxFilterForm(AccessibleFormMixin, forms.Form):
    """The inbox filters: a GET form that works without JavaScript."""

    q = TextField(label=_("Zoeken in naam en omschrijving"), required=False, max_length=200)
    phase = forms.ChoiceField(label=_("Fase"), required=False, choices=ANY + Phase.choices)
    theme = forms.ChoiceField(label=_("Thema"), required=False, choices=ANY + Theme.choices)
    neighbourhood = forms.TypedChoiceField(label=_("Wijk"), required=False, coerce=int, empty_value=None)
    support_type = forms.ChoiceField(label=_("Soort hulp"), required=False, choices=ANY + SupportType.choices)
    contact_person = forms.TypedChoiceField(label=_("Contactpersoon"), required=False, coerce=int, empty_value=None)
    channel = forms.ChoiceField(label=_("Binnengekomen via"), required=False, choices=ANY + Channel.choices)
    sort = forms.ChoiceField(
        label=_("Sorteren op"),
        required=False,
        choices=[
            ("nieuwste", _("Nieuwste eerst")),
            ("oudste", _("Oudste eerst")),
            ("deadline", _("Eerste contact uiterlijk")),
            ("naam", _("Naam")),
        ],
    )

    def __init__(self, *args, neighbourhoods=(), contacts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].choices = ANY + [(n.pk, n.name) for n in neighbourhoods]
        self.fields["contact_person"].choices = ANY + [(u.pk, u.display_name) for u in contacts]

    def filters(self, *, tab: str) -> InboxFilters:
        data = self.cleaned_data if self.is_valid() else {}
        return InboxFilters(
            tab=tab if tab in TABS else TAB_NEW,
            q=data.get("q") or "",
            phase=data.get("phase") or "",
            theme=data.get("theme") or "",
            neighbourhood=data.get("neighbourhood"),
            support_type=data.get("support_type") or "",
            contact_person=data.get("contact_person"),
            channel=data.get("channel") or "",
            sort=data.get("sort") or DEFAULT_SORT,
        )
