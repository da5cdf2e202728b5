"""The tenant: a municipality with its neighbourhoods, departments and theme."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from burgeridee.core.icon import DEFAULT_COLOUR

TOKEN_NAME = re.compile(r"^--[a-z0-9-]+$")
TOKEN_VALUE = re.compile(r"^[#(),.%\w\s-]+$")
HEX_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")

# The design token (a CSS custom property) that colours the page header's band
# (assets/css/burgeridee.css) and the site icon.
THEME_COLOUR_PROPERTY = "--utrecht-color-red-40"


# First path segments the application itself uses; a municipality cannot take them as its slug.
RESERVED_SLUGS = frozenset(
    {
        "werkplek",
        "doe-mee",
        "taal",
        "healthz",
        "static",
        "media",
        "admin",
        "api",
        "workshop-aanvragen",
        "bench",
        # Second segments under /werkplek/ that are not municipalities.
        "inloggen",
        "uitloggen",
        "wachtwoord",
        "installatie",
    }
)


def validate_slug_not_reserved(value):
    if value in RESERVED_SLUGS:
        raise ValidationError(_("Deze korte naam is gereserveerd. Kies een andere."))


def validate_theme(value):
    """Theme = NL Design System design tokens: {"--utrecht-...": "value"}; nothing that could escape CSS."""
    if not isinstance(value, dict):
        raise ValidationError(_("Het thema moet een lijst van design tokens zijn."))
    for name, token_value in value.items():
        if not TOKEN_NAME.match(str(name)) or not TOKEN_VALUE.match(str(token_value)):
            raise ValidationError(_("Ongeldig design token: %(name)s"), params={"name": name})


class Municipality(models.Model):
    slug = models.SlugField(
        _("korte naam"),
        unique=True,
        validators=[validate_slug_not_reserved],
        help_text=_("Gebruikt in de adressen: /<korte naam>/."),
    )
    name = models.CharField(_("naam"), max_length=120, help_text=_("Bijvoorbeeld: Gemeente Voorbeeld."))
    theme = models.JSONField(
        _("thema"),
        default=dict,
        blank=True,
        validators=[validate_theme],
        help_text=_("NL Design System design tokens als CSS custom properties."),
    )
    first_contact_working_days = models.PositiveSmallIntegerField(
        _("werkdagen tot eerste contact"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text=_("Binnen hoeveel werkdagen neemt een contactpersoon contact op met de bewoner."),
    )
    contact_email = models.EmailField(_("e-mailadres"), blank=True)
    contact_phone = models.CharField(_("telefoonnummer"), max_length=40, blank=True)
    contact_address = models.TextField(_("postadres"), blank=True)
    website = models.URLField(_("website"), blank=True)
    privacy_officer_email = models.EmailField(_("e-mailadres functionaris gegevensbescherming"), blank=True)
    retention_months = models.PositiveSmallIntegerField(
        _("bewaartermijn persoonsgegevens (maanden)"),
        default=24,
        help_text=_("Zo lang na het einde van een initiatief bewaren we de persoonsgegevens."),
    )
    is_active = models.BooleanField(_("actief"), default=True)
    # The logo and the favicon are kept in the database (small, checked images), so an installation
    # needs no shared file storage; municipalities.views serves them.
    logo = models.BinaryField(_("logo"), blank=True, default=b"", editable=False)
    logo_content_type = models.CharField(_("soort logo"), max_length=40, blank=True, editable=False)
    favicon = models.BinaryField(_("favicon"), blank=True, default=b"", editable=False)
    favicon_content_type = models.CharField(_("soort favicon"), max_length=40, blank=True, editable=False)
    processing_register_url = models.CharField(
        _("adres van het verwerkingsregister"),
        max_length=500,
        blank=True,
        help_text=_("Leeg: het adres van de installatie (PROCESSING_REGISTER_URL)."),
    )
    processing_register_references = models.JSONField(
        _("verwijzingen naar het verwerkingsregister"),
        default=dict,
        blank=True,
        help_text=_("Per verwerkingsactiviteit een eigen verwijzing; een activiteit zonder gebruikt het adres."),
    )

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["name"]
        permissions = [("set_up_municipality", _("Gemeenten aanmaken en hun eerste beheerder uitnodigen"))]

    def __str__(self) -> str:
        return self.name

    @property
    def theme_css(self) -> str:
        declarations = "".join(f"{name}:{value};" for name, value in sorted(self.theme.items()))
        return f".utrecht-theme{{{declarations}}}" if declarations else ""

    @property
    def theme_colour(self) -> str:
        """The theme's colour as a plain hex colour (the icon is SVG: nothing else goes in)."""
        colour = str(self.theme.get(THEME_COLOUR_PROPERTY, "")).strip() if isinstance(self.theme, dict) else ""
        return colour if HEX_COLOUR.match(colour) else DEFAULT_COLOUR


class Neighbourhood(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="neighbourhoods", verbose_name=_("gemeente")
    )
    name = models.CharField(_("naam"), max_length=120)

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="unique_neighbourhood_name")]

    def __str__(self) -> str:
        return self.name


class Department(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="departments", verbose_name=_("gemeente")
    )
    name = models.CharField(_("naam"), max_length=120)
    email = models.EmailField(_("e-mailadres"), blank=True)
    support_types = models.JSONField(
        _("soorten hulp"),
        default=list,
        blank=True,
        help_text=_("Bij welke soorten hulp deze afdeling meestal betrokken is."),
    )

    class Meta:
        verbose_name = _("afdeling")
        verbose_name_plural = _("afdelingen")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="unique_department_name")]

    def __str__(self) -> str:
        return self.name
