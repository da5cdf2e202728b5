"""HTML template -> PDF bytes with WeasyPrint, with print CSS. Nothing is fetched from the network."""

from functools import lru_cache
from pathlib import Path

from django.http import HttpResponse
from django.template.loader import render_to_string

PRINT_CSS = Path(__file__).resolve().parent / "static" / "documents" / "print.css"
ALLOWED_PROTOCOLS = frozenset({"data"})  # inline images only; no http(s), no files outside our control


@lru_cache(maxsize=1)
def _print_css():
    from weasyprint import CSS

    return CSS(string=PRINT_CSS.read_text(encoding="utf-8"))


def url_fetcher():
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=ALLOWED_PROTOCOLS, timeout=2)


def render_pdf(template: str, context: dict, *, request=None) -> bytes:
    """Render `template` (a complete HTML document, usually extending documents/base.html) to PDF bytes."""
    from weasyprint import HTML

    html = render_to_string(template, context, request=request)
    return HTML(string=html, url_fetcher=url_fetcher()).write_pdf(stylesheets=[_print_css()])


def pdf_response(pdf: bytes, *, filename: str, inline: bool = True) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    return response
