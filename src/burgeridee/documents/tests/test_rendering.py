import io

import pytest
from pypdf import PdfReader

from burgeridee.documents import rendering
from burgeridee.documents.rendering import render_pdf, url_fetcher


def test_render_pdf_makes_a_pdf_with_the_text_of_the_template(tmp_path, settings):
    template_dir = tmp_path / "templates"
    (template_dir / "t").mkdir(parents=True)
    (template_dir / "t" / "doc.html").write_text(
        '{% extends "documents/base.html" %}{% block content %}<h1>Hallo {{ name }}</h1>{% endblock %}'
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], template_dir]}]
    pdf = render_pdf("t/doc.html", {"name": "Fatima"})
    assert pdf.startswith(b"%PDF-")
    assert "Hallo Fatima" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_render_pdf_fetches_nothing_from_the_network():
    with pytest.raises(ValueError, match="disallowed protocol"):
        url_fetcher().fetch("https://example.org/tracker.png")
    with pytest.raises(ValueError, match="disallowed protocol"):
        url_fetcher().fetch("file:///etc/passwd")


def _template(tmp_path, settings, body: str) -> str:
    template_dir = tmp_path / "templates"
    (template_dir / "t").mkdir(parents=True, exist_ok=True)
    (template_dir / "t" / "blank.html").write_text(
        '{% extends "documents/base.html" %}{% block content %}' + body + "{% endblock %}"
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], template_dir]}]
    return "t/blank.html"


def test_a_reused_pdf_is_laid_out_once_and_changes_with_its_content(tmp_path, settings, monkeypatch):
    layouts = []
    write = rendering._write_pdf
    monkeypatch.setattr(rendering, "_write_pdf", lambda html: layouts.append(html) or write(html))
    template = _template(tmp_path, settings, "<h1>Checklist {{ version }}</h1>")

    first = render_pdf(template, {"version": "versie 1"}, reuse=True)
    again = render_pdf(template, {"version": "versie 1"}, reuse=True)
    changed = render_pdf(template, {"version": "versie 2"}, reuse=True)

    assert first == again
    assert len(layouts) == 2  # the second request for the same document was not laid out again
    assert "Checklist versie 2" in PdfReader(io.BytesIO(changed)).pages[0].extract_text()


def test_a_pdf_without_reuse_is_laid_out_every_time(tmp_path, settings, monkeypatch):
    layouts = []
    write = rendering._write_pdf
    monkeypatch.setattr(rendering, "_write_pdf", lambda html: layouts.append(html) or write(html))
    template = _template(tmp_path, settings, "<p>Verslag van {{ name }}</p>")
    render_pdf(template, {"name": "Fatima"})
    render_pdf(template, {"name": "Fatima"})
    assert len(layouts) == 2
