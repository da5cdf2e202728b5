import io

import pytest
from pypdf import PdfReader

from burgeridee.documents.rendering import render_pdf


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
    from burgeridee.documents.rendering import url_fetcher

    with pytest.raises(ValueError, match="disallowed protocol"):
        url_fetcher().fetch("https://example.org/tracker.png")
    with pytest.raises(ValueError, match="disallowed protocol"):
        url_fetcher().fetch("file:///etc/passwd")
