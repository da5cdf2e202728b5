"""HTML template -> PDF bytes with WeasyPrint, with print CSS. Nothing is fetched from the network.

Every PDF is tagged (PDF/UA-1): headings, lists, tables and reading order reach a screen reader, and the
document's title (the template's `<title>`) and language (`<html lang>`) are in the file. A template
without a title would make an invalid PDF/UA document, so documents/base.html always gives one.
"""

import functools
import hashlib
import threading
from functools import lru_cache
from pathlib import Path

from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string

PRINT_CSS = Path(__file__).resolve().parent / "static" / "documents" / "print.css"
ALLOWED_PROTOCOLS = frozenset({"data"})  # inline images only; no http(s), no files outside our control


def _per_thread(make):
    """`make()` once per thread, kept for the thread's later calls (`.cache_clear()` forgets this thread's).

    Pango and fontconfig objects must not be shared between threads (gunicorn runs several per process), so
    what WeasyPrint sets up once is kept per thread, not per process."""
    local = threading.local()

    @functools.wraps(make)
    def get():
        if not hasattr(local, "value"):
            local.value = make()
        return local.value

    get.cache_clear = lambda: local.__dict__.pop("value", None)
    return get


@_per_thread
def _font_config():
    """One font configuration per thread, shared by its PDFs: WeasyPrint otherwise makes a new one per document
    (fontconfig set-up, a quarter of a short PDF's time). The app's PDFs use system fonts only (no @font-face),
    so nothing is added to it per document."""
    from weasyprint.text.fonts import FontConfiguration  # loads Pango: only in a process that makes a PDF

    return FontConfiguration()


@_per_thread
def _print_css():
    from weasyprint import CSS  # WeasyPrint loads Pango and cairo: only in a process that makes a PDF

    return CSS(string=PRINT_CSS.read_text(encoding="utf-8"), font_config=_font_config(), url_fetcher=url_fetcher())


OWN_CSS_KEPT = 64  # distinct own print CSS texts kept parsed per thread (they vary with a municipality's colour)


@_per_thread
def _own_css_parsed() -> dict:
    return {}


def _own_css(text: str):
    """A document's own print CSS, parsed once per thread for each distinct text (WeasyPrint would otherwise
    parse a `<style>` for every document); the oldest is forgotten beyond `OWN_CSS_KEPT`."""
    parsed = _own_css_parsed()
    css = parsed.get(text)
    if css is None:
        from weasyprint import CSS  # WeasyPrint loads Pango and cairo: only in a process that makes a PDF

        if len(parsed) >= OWN_CSS_KEPT:
            parsed.pop(next(iter(parsed)))
        css = parsed[text] = CSS(string=text, font_config=_font_config(), url_fetcher=url_fetcher())
    return css


@lru_cache(maxsize=1)
def _print_css_digest() -> bytes:
    """The print CSS in the cache key: read once per process (it changes only with a deployment)."""
    return hashlib.sha256(PRINT_CSS.read_bytes()).digest()


@_per_thread
def url_fetcher():
    """The restricted fetcher, made once per thread (it builds a urllib opener)."""
    from weasyprint.urls import URLFetcher  # WeasyPrint loads Pango and cairo: only in a process that makes a PDF

    return URLFetcher(allowed_protocols=ALLOWED_PROTOCOLS, timeout=2)


REUSE_SECONDS = 24 * 60 * 60
PDF_VARIANT = "pdf/ua-1"  # tagged PDF for assistive technology; see the module's docstring


def render_pdf(
    template: str,
    context: dict,
    *,
    request=None,
    reuse: bool = False,
    print_css: bool = True,
    stylesheet: str | None = None,
) -> bytes:
    """Render `template` (a complete HTML document, usually extending documents/base.html) to PDF bytes.

    `request` is optional: a PDF made outside a request (a command, a task) renders without one.

    `reuse=True` is for documents without personal data that many people download (the blank checklist):
    the PDF is kept in the shared cache under a hash of its HTML and print CSS, so the same document is laid
    out once, and any change to the content, the language or the templates gives a new key. Never for
    documents with personal data: the cache has no retention period of its own.

    `print_css=False` is for a document that brings its own print CSS in its `<style>` (the workshop folder):
    the shared print CSS is left out, and the same restricted URL fetcher applies.

    `stylesheet` names a template of the document's own print CSS (rendered with the same context), used
    instead of the shared print CSS. Unlike a `<style>` in the document, it is parsed once per thread for each
    distinct text (see `_own_css`), so a document family in a municipality's colour is not parsed per PDF.
    """
    html = render_to_string(template, context, request=request)
    own_css = render_to_string(stylesheet, context, request=request) if stylesheet else ""
    shared = print_css and not stylesheet
    write = _write_pdf if shared else functools.partial(_write_pdf_own_css, css=own_css)
    if not reuse:
        return write(html)
    css = (_print_css_digest() if shared else b"own print CSS" + own_css.encode()) + PDF_VARIANT.encode()
    key = "pdf:" + hashlib.sha256(html.encode() + css).hexdigest()
    pdf = cache.get(key)
    if pdf is None:
        pdf = write(html)
        cache.set(key, pdf, REUSE_SECONDS)
    return pdf


def _write_pdf(html: str) -> bytes:
    from weasyprint import HTML  # WeasyPrint loads Pango and cairo: only in a process that makes a PDF

    return HTML(string=html, url_fetcher=url_fetcher()).write_pdf(
        stylesheets=[_print_css()], pdf_variant=PDF_VARIANT, font_config=_font_config()
    )


def _write_pdf_own_css(html: str, css: str = "") -> bytes:
    """A document with its own print CSS (`css`, or a `<style>` in `html`): nothing else added, nothing fetched
    beyond `url_fetcher`."""
    from weasyprint import HTML  # WeasyPrint loads Pango and cairo: only in a process that makes a PDF

    return HTML(string=html, url_fetcher=url_fetcher()).write_pdf(
        stylesheets=[_own_css(css)] if css else None, pdf_variant=PDF_VARIANT, font_config=_font_config()
    )


WARM_UP_HTML = '<!DOCTYPE html><html lang="nl"><head><title>-</title></head><body><h1>-</h1><p>-</p></body></html>'


def warm_up() -> None:
    """Load WeasyPrint and lay out a tiny document now, so that a worker's first PDF does not pay for it.

    A process's first PDF costs about 1.4 s of CPU more than the next ones: importing WeasyPrint (Pango, cairo,
    HarfBuzz, fontTools) 1.2 s, and the first layout 230 ms against 42 ms for the conversation report (fontconfig's
    and Pango's one-time set-up). Each worker process pays it once, and gunicorn replaces a worker after
    GUNICORN_MAX_REQUESTS requests. deploy/gunicorn.conf.py calls this when a worker starts, before it takes
    requests. Another thread's first PDF costs only about 10 ms more (its own font configuration, `_font_config`).
    No personal data: the document is a constant."""
    _write_pdf(WARM_UP_HTML)


def pdf_response(pdf: bytes, *, filename: str, inline: bool = True) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    return response
