"""PDF output of the workshop app, in one function. Point it at the shared documents app once that exists."""

import re

from django.conf import settings
from django.template.loader import render_to_string

DEFAULT_COLOUR = "#1f5fa8"
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?$")


def theme_colour(municipality) -> str:
    """The municipality's main colour from its design tokens (first hex colour), or a calm blue."""
    theme = getattr(municipality, "theme", None) or {}
    for name in sorted(theme, key=lambda n: ("primary" not in n and "brand" not in n, n)):
        value = str(theme[name]).strip()
        if HEX_COLOUR.match(value):
            return value
    return DEFAULT_COLOUR


def render_pdf(template_name: str, context: dict) -> bytes:
    """Render a print template (A4, its own print CSS) to PDF bytes with WeasyPrint."""
    from weasyprint import HTML

    context = {"colour": theme_colour(context.get("municipality")), **context}
    html = render_to_string(template_name, context)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
