"""The workshop's PDFs (the participant's checklist, the session report), made by `documents.rendering`.

They bring their own print CSS (`templates/workshops/pdf/print.css`, a template) in the municipality's main
colour, so they render without the shared print CSS, through the same restricted URL fetcher as every PDF. It is
passed as a stylesheet, not as a `<style>` in the document, so it is parsed once per thread and colour, not per PDF.
"""

import re

from burgeridee.documents.rendering import render_pdf

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


def css_string(value: str) -> str:
    """`value` as the inside of a double-quoted CSS string: the stylesheet is CSS, not HTML, so HTML escaping
    would print &#x27; for an apostrophe ('s-Hertogenbosch)."""
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return " ".join(escaped.split())  # a line break would end the string


def workshop_pdf(template_name: str, context: dict) -> bytes:
    """A workshop print template (A4, its own print CSS) as PDF bytes, in the municipality's colour."""
    municipality = context.get("municipality")
    return render_pdf(
        template_name,
        {
            "colour": theme_colour(municipality),
            "footer_name": css_string(municipality.name if municipality else ""),
            **context,
        },
        stylesheet="workshops/pdf/print.css",
    )
