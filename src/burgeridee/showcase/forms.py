from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from burgeridee.core.forms import AccessibleFormMixin, TextField

from .images import PHOTO_TYPES, photo_reencode

MAX_PHOTO_BYTES = 2 * 1024 * 1024


class ShowcaseForm(AccessibleFormMixin, forms.Form):
    achievement = TextField(
        label=_("Wat heeft het initiatief opgeleverd?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Zet de bewoners in het zonnetje, niet de gemeente."),
        error_messages={"required": _("Schrijf op wat het initiatief heeft opgeleverd.")},
    )
    photo = forms.ImageField(
        label=_("Foto (mag leeg blijven)"),
        required=False,
        help_text=_("JPEG of PNG, hooguit 2 MB. Alleen met toestemming van wie erop staan."),
        error_messages={"invalid_image": _("Dit bestand is geen foto. Kies een JPEG- of PNG-bestand.")},
    )
    photo_alt = TextField(
        label=_("Wat is er op de foto te zien?"),
        max_length=200,
        required=False,
        help_text=_("Voor wie de foto niet kan zien."),
    )

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if not photo:
            return None
        if photo.size > MAX_PHOTO_BYTES:
            raise ValidationError(_("De foto is te groot. Kies een foto van hooguit 2 MB."))
        if getattr(photo, "image", None) is not None and photo.image.format not in PHOTO_TYPES:
            raise ValidationError(_("Kies een JPEG- of PNG-bestand."))
        try:
            return photo_reencode(photo)
        except (OSError, ValueError) as error:
            raise ValidationError(_("Dit bestand is geen foto. Kies een JPEG- of PNG-bestand.")) from error

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("photo") and not cleaned.get("photo_alt"):
            self.add_error("photo_alt", _("Beschrijf wat er op de foto te zien is."))
        return cleaned
