"""HTML template -> PDF bytes with WeasyPrint. The same templates as on screen where possible; print CSS."""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string

PRINT_CSS = Path(__file__).resolve().parent / "static" / "documents" / "print.css"


def _fetch_static(url: str):
    """Serve /static/ files from disk so WeasyPrint never makes a network request."""
    from weasyprint.urls import default_url_fetcher

    if url.startswith("file:///static/") or url.startswith("/static/"):
        path = finders.find(url.split("/static/", 1)[1])
        if path:
            return {"file_obj": open(path, "rb"), "mime_type": None}  # noqa: SIM115 - WeasyPrint closes it
    if url.startswith("file://") or url.startswith("data:"):
        return default_url_fetcher(url)
    raise ValueError(f"Refusing to fetch {url} while making a PDF")


def render_pdf(template: str, context: dict, *, request=None) -> bytes:
    """Render `template` (a complete HTML document, usually extending documents/base.html) to PDF bytes."""
    from weasyprint import CSS, HTML

    html = render_to_string(template, context, request=request)
    document = HTML(string=html, base_url="file:///", url_fetcher=_fetch_static)
    return document.write_pdf(stylesheets=[CSS(filename=str(PRINT_CSS))])


def pdf_response(pdf: bytes, *, filename: str, inline: bool = True) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    return response
