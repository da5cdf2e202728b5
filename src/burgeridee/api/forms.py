from django import forms
from django.utils.translation import gettext_lazy as _

from burgeridee.core.forms import AccessibleFormMixin, TextField

from .models import Scope


class ApiClientForm(AccessibleFormMixin, forms.Form):
    name = TextField(
        label=_("Naam van de koppeling"),
        max_length=120,
        help_text=_("Welk systeem gebruikt de sleutel? Bijvoorbeeld: Dashboard wijkteams."),
        error_messages={"required": _("Geef de koppeling een naam.")},
    )
    scopes = forms.MultipleChoiceField(
        label=_("Wat mag de koppeling?"),
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Kies zo weinig als nodig. Contactgegevens alleen als het systeem de bewoner moet kunnen bereiken."
        ),
        error_messages={"required": _("Kies minstens één recht.")},
    )
