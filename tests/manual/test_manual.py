"""The manual (issue #20): it builds strictly, every picture it shows is made by a test, and every part a staff page
links to exists."""

import subprocess
import sys
from pathlib import Path

from .manual import MANUAL, ROOT, anchors, pages, pictures, pictures_the_tests_take

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
    assert (tmp_path / "site" / "contactpersoon.html").exists()


def test_the_build_fails_on_a_link_to_a_missing_anchor(tmp_path):
    """The check itself can fail: a copy of the manual with one broken anchor does not build."""
    copy = tmp_path / "manual"
    subprocess.run(["cp", "-r", MANUAL, copy], check=True)
    (copy / "index.md").write_text((copy / "index.md").read_text() + "\n[kapot](contactpersoon.md#bestaat-niet)\n")
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


def test_every_picture_the_manual_shows_is_made_by_a_test_and_checked_in():
    taken = pictures_the_tests_take()
    for name, markdown in pages().items():
        for picture in pictures(markdown):
            assert picture in taken, f"{name} shows img/{picture}.png, which no test in tests/e2e/manual/ makes"
            assert (MANUAL / "img" / f"{picture}.png").exists(), f"img/{picture}.png: run the manual's e2e tests"


def test_every_role_part_shows_pictures():
    for name in PARTS:
        assert pictures(pages()[name]), f"{name} has no pictures"


def test_the_image_carries_the_manual():
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text()
    assert "RUN mkdocs build --strict" in dockerfile
    assert "COPY --from=manual /build/src/burgeridee/static/dist/handleiding/" in dockerfile
    pinned = (ROOT / "requirements" / "docs.txt").read_text()
    assert "mkdocs==" in pinned and "mkdocs-material==" in pinned
