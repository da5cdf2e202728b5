import io
import os
import shutil
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.utils import translation
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


def _pdfinfo(pdf: bytes, tmp_path) -> dict[str, str]:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    output = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in output.splitlines())}


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="needs pdfinfo (poppler-utils)")
@pytest.mark.parametrize("print_css", [True, False])
def test_every_pdf_is_tagged_with_its_title_and_language(tmp_path, settings, print_css):
    """PDF/UA: a screen reader gets the structure; the title and language are in the file."""
    template = _template(tmp_path, settings, "<h1>Verslag</h1><ul><li>Een</li><li>Twee</li></ul>")
    (tmp_path / "templates" / "t" / "titled.html").write_text(
        '{% extends "t/blank.html" %}{% block title %}Verslag van {{ name }}{% endblock %}'
    )
    pdf = render_pdf("t/titled.html", {"name": "Fatima"}, print_css=print_css)
    info = _pdfinfo(pdf, tmp_path)
    assert (info["Tagged"], info["Title"]) == ("yes", "Verslag van Fatima")
    root = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]  # a reader shows the title, not the file name
    with translation.override("en"):
        assert PdfReader(io.BytesIO(render_pdf(template, {}))).trailer["/Root"]["/Lang"] == "en"


def test_pdfs_share_one_font_configuration_and_fetcher_per_process(tmp_path, settings, monkeypatch):
    """Setting up fontconfig took a quarter of a short PDF's time when WeasyPrint did it for every document."""
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

    made = []
    for cls in (FontConfiguration, URLFetcher):
        init = cls.__init__
        monkeypatch.setattr(
            cls, "__init__", lambda self, *a, _init=init, _cls=cls, **k: made.append(_cls) or _init(self, *a, **k)
        )
    for cached in (rendering._font_config, rendering._print_css, rendering.url_fetcher):
        cached.cache_clear()
    template = _template(tmp_path, settings, "<p>Verslag van {{ name }}</p>")
    first = render_pdf(template, {"name": "Fatima"})
    second = render_pdf(template, {"name": "Noor"})
    assert "Verslag van Noor" in PdfReader(io.BytesIO(second)).pages[0].extract_text()
    assert first != second
    assert made.count(FontConfiguration) == 1 and made.count(URLFetcher) == 1


def test_threads_do_not_share_weasyprint_font_configuration(tmp_path, settings):
    """Pango objects must not cross threads (gunicorn runs several per process): each thread has its own."""
    import threading

    seen = []
    threads = [threading.Thread(target=lambda: seen.append(rendering._font_config())) for _ in range(2)]
    for thread in threads:
        thread.start()
        thread.join()
    seen.append(rendering._font_config())
    assert seen[0] is not seen[1] and seen[2] not in seen[:2] and rendering._font_config() is seen[2]


def _own_stylesheet(tmp_path) -> str:
    """A print CSS template whose footer shows the context's `name` (it must reach the page, and follow the context)."""
    (tmp_path / "templates" / "t" / "own.css").write_text(
        '@page { @bottom-center { content: "Voet {{ name }}"; } } h1 { color: {{ colour }}; }'
    )
    return "t/own.css"


def test_an_own_stylesheet_is_rendered_with_the_context_and_parsed_once_per_text(tmp_path, settings, monkeypatch):
    from weasyprint import CSS

    parsed = []
    init = CSS.__init__
    monkeypatch.setattr(CSS, "__init__", lambda self, *a, **k: parsed.append(k.get("string")) or init(self, *a, **k))
    rendering._own_css_parsed.cache_clear()
    template = _template(tmp_path, settings, "<h1>Checklist</h1>")
    stylesheet = _own_stylesheet(tmp_path)

    first = render_pdf(template, {"name": "Zuidstad", "colour": "#123456"}, stylesheet=stylesheet)
    render_pdf(template, {"name": "Zuidstad", "colour": "#123456"}, stylesheet=stylesheet)
    other = render_pdf(template, {"name": "Noordstad", "colour": "#654321"}, stylesheet=stylesheet)

    assert "Voet Zuidstad" in PdfReader(io.BytesIO(first)).pages[0].extract_text()
    assert "Voet Noordstad" in PdfReader(io.BytesIO(other)).pages[0].extract_text()  # never a stale stylesheet
    own = [text for text in parsed if text and "Voet" in text]
    assert len(own) == 2  # the same text is parsed once; a new text (another municipality, colour) once more


def test_own_stylesheets_kept_per_thread_are_bounded(monkeypatch):
    rendering._own_css_parsed.cache_clear()
    monkeypatch.setattr(rendering, "OWN_CSS_KEPT", 3)
    for n in range(5):
        rendering._own_css(f"h1 {{ margin: {n}mm }}")
    assert list(rendering._own_css_parsed()) == [f"h1 {{ margin: {n}mm }}" for n in (2, 3, 4)]


def test_a_reused_pdf_with_an_own_stylesheet_changes_with_the_stylesheet(tmp_path, settings, monkeypatch):
    layouts = []
    write = rendering._write_pdf_own_css
    monkeypatch.setattr(rendering, "_write_pdf_own_css", lambda html, css="": layouts.append(css) or write(html, css))
    template = _template(tmp_path, settings, "<h1>Folder</h1>")
    stylesheet = _own_stylesheet(tmp_path)
    render_pdf(template, {"name": "Zuidstad", "colour": "#123456"}, stylesheet=stylesheet, reuse=True)
    again = render_pdf(template, {"name": "Zuidstad", "colour": "#123456"}, stylesheet=stylesheet, reuse=True)
    other = render_pdf(template, {"name": "Zuidstad", "colour": "#654321"}, stylesheet=stylesheet, reuse=True)
    assert len(layouts) == 2 and again != other


def test_warm_up_loads_weasyprint_so_the_first_pdf_does_not():
    """In a fresh process WeasyPrint is loaded by the first PDF; `warm_up` loads it and lays out a document before."""
    script = (
        "import sys, django; django.setup()\n"
        "from burgeridee.documents import rendering\n"
        "assert 'weasyprint' not in sys.modules, 'WeasyPrint is loaded before any PDF'\n"
        "rendering.warm_up()\n"
        "assert 'weasyprint.layout' in sys.modules\n"
        "print('ok')\n"
    )
    src = str(Path(rendering.__file__).resolve().parents[2])
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "burgeridee.settings", "PYTHONPATH": src}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"


def _gunicorn_config(monkeypatch, tmp_path) -> dict:
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path / "metrics"))
    config = Path(django_settings.BASE_DIR) / "deploy" / "gunicorn.conf.py"
    namespace: dict = {}
    exec(compile(config.read_text(), str(config), "exec"), namespace)  # noqa: S102 - our own config file
    return namespace


def test_a_gunicorn_worker_warms_weasyprint_up_before_its_first_request(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(rendering, "warm_up", lambda: calls.append("warm"))
    _gunicorn_config(monkeypatch, tmp_path)["post_worker_init"](mock.Mock())
    assert calls == ["warm"]


def test_a_worker_that_cannot_load_weasyprint_still_starts(monkeypatch, tmp_path):
    def broken():
        raise OSError("cannot load library 'pango-1.0-0'")

    monkeypatch.setattr(rendering, "warm_up", broken)
    worker = mock.Mock()
    _gunicorn_config(monkeypatch, tmp_path)["post_worker_init"](worker)  # does not raise
    worker.log.exception.assert_called_once()


def test_a_gunicorn_worker_keeps_what_it_loaded_out_of_the_garbage_collectors_passes(monkeypatch, tmp_path):
    import gc

    monkeypatch.setattr(rendering, "warm_up", lambda: None)
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    try:
        _gunicorn_config(monkeypatch, tmp_path)["post_worker_init"](mock.Mock())
        assert gc.get_freeze_count() > 10_000  # Django and the app's modules, loaded before the worker's requests
    finally:
        gc.unfreeze()
