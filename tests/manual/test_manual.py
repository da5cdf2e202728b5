"""The manual (issue #20): it builds strictly in every language of the interface, every picture it shows is made by
a test, and every part a staff page links to exists in every language."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from .manual import (
    DEFAULT_LANGUAGE,
    MANUAL,
    ROOT,
    anchors,
    languages,
    pages,
    picture_file,
    pictures,
    pictures_the_tests_take,
    suffix,
)

PARTS = {
    "bewoner.html",
    "contactpersoon.html",
    "coordinator.html",
    "afdeling.html",
    "trainer.html",
    "functioneel-beheer.html",
    "technisch-beheer.html",
}


def test_the_manual_builds_with_warnings_as_errors_and_its_links_checked(tmp_path):
    mkdocs = Path(sys.executable).with_name("mkdocs")
    result = subprocess.run(
        [mkdocs, "build", "--strict", "--site-dir", tmp_path / "site"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    for language in languages():
        folder = site if language == DEFAULT_LANGUAGE else site / language
        for name in pages(language):
            html = (folder / name).read_text()
            assert f'<html lang="{language}"' in html, f"{folder / name} is not marked as {language}"
    english = (site / "en" / "contactpersoon.html").read_text()
    assert '<h1 id="contactpersoon">Contact person' in english
    assert 'src="img/contactpersoon-inbox.png"' in english
    # The English pictures are the English screenshots (img/<name>.en.png), not the Dutch ones.
    assert (site / "en" / "img" / "contactpersoon-inbox.png").read_bytes() == picture_file(
        "contactpersoon-inbox", "en"
    ).read_bytes()
    assert (site / "img" / "contactpersoon-inbox.png").read_bytes() == picture_file("contactpersoon-inbox").read_bytes()


def test_the_manual_is_in_every_language_of_the_interface():
    assert languages() == [code for code, _name in settings.LANGUAGES]
    assert languages()[0] == settings.LANGUAGE_CODE == DEFAULT_LANGUAGE


@pytest.mark.parametrize("page", ["index.md", "index.en.md"])
def test_the_build_fails_on_a_link_to_a_missing_anchor(tmp_path, page):
    """The check itself can fail: a copy of the manual with one broken anchor (in either language) does not build."""
    copy = tmp_path / "manual"
    subprocess.run(["cp", "-r", MANUAL, copy], check=True)
    (copy / page).write_text((copy / page).read_text() + "\n[kapot](contactpersoon.md#bestaat-niet)\n")
    config = (ROOT / "mkdocs.yml").read_text().replace("docs_dir: docs/manual", f"docs_dir: {copy}")
    config = config.replace("site_dir: src/burgeridee/static/dist/handleiding", "site_dir: site")
    (tmp_path / "mkdocs.yml").write_text(config)
    mkdocs = Path(sys.executable).with_name("mkdocs")
    result = subprocess.run(
        [mkdocs, "build", "--strict", "-f", tmp_path / "mkdocs.yml"], capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "bestaat-niet" in result.stderr


def test_one_part_per_role():
    assert set(pages()) >= PARTS
    for name in PARTS:
        assert anchors(pages()[name]), f"{name} declares no anchors for the staff pages' help links"


@pytest.mark.parametrize("language", languages()[1:])
def test_every_page_has_its_translation_with_the_same_anchors_and_pictures(language):
    """A help link to `<page>.html#anchor` works in every language: every page exists translated, with the same
    explicit anchors (so the same headings) and the same pictures."""
    dutch, translated = pages(), pages(language)
    assert set(translated) == set(dutch), f"pages missing in {language}: docs/manual/<page>{suffix(language)}.md"
    for name, markdown in dutch.items():
        assert anchors(translated[name]) == anchors(markdown), f"{name}: the anchors differ in {language}"
        assert pictures(translated[name]) == pictures(markdown), f"{name}: the pictures differ in {language}"
        headings = re.findall(r"^#+ ", markdown, re.MULTILINE)
        assert re.findall(r"^#+ ", translated[name], re.MULTILINE) == headings, f"{name}: the headings differ"


@pytest.mark.parametrize("language", languages())
def test_every_picture_the_manual_shows_is_made_by_a_test_and_checked_in(language):
    taken = pictures_the_tests_take()
    for name, markdown in pages(language).items():
        for picture in pictures(markdown):
            assert picture in taken, f"{name} shows img/{picture}.png, which no test in tests/e2e/manual/ makes"
            path = picture_file(picture, language)
            assert path.exists(), f"{path.relative_to(ROOT)}: run the manual's e2e tests"


# Pictures of what is not in a language (a JSON answer): the same in every language.
LANGUAGE_NEUTRAL = {"technisch-ready"}


@pytest.mark.parametrize("language", languages()[1:])
def test_the_translated_pictures_show_the_translated_screens(language):
    """A picture in English that is byte for byte the Dutch one was not taken with the screens in English."""
    for picture in pictures_the_tests_take() - LANGUAGE_NEUTRAL:
        assert picture_file(picture, language).read_bytes() != picture_file(picture).read_bytes(), picture


def test_every_picture_in_the_folder_is_shown():
    """No stale pictures: every file in img/ belongs to a picture some page shows, in its language."""
    shown = {
        picture_file(picture, language).name
        for language in languages()
        for markdown in pages(language).values()
        for picture in pictures(markdown)
    }
    assert {path.name for path in (MANUAL / "img").iterdir()} == shown


def test_every_role_part_shows_pictures():
    for name in PARTS:
        assert pictures(pages()[name]), f"{name} has no pictures"


def test_the_image_carries_the_manual():
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text()
    assert "RUN mkdocs build --strict" in dockerfile
    assert "COPY --from=manual /build/src/burgeridee/static/dist/handleiding/" in dockerfile
    pinned = (ROOT / "requirements" / "docs.txt").read_text()
    assert "mkdocs==" in pinned and "mkdocs-material==" in pinned and "mkdocs-static-i18n==" in pinned
