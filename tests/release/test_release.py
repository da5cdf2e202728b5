"""The release files (issue #20): one version number, publiccode.yml valid against the standard and true to this
release, CHANGELOG.md in Keep a Changelog form."""

import re
from pathlib import Path

import pytest
import yaml

from burgeridee import __version__

from .publiccode import ROOT, changelog_release_date, placeholders, publiccode_problems

PUBLICCODE = (ROOT / "publiccode.yml").read_text()


def test_publiccode_is_valid_and_names_this_release():
    assert publiccode_problems(PUBLICCODE) == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d.pop("maintenance"), "'maintenance' is a required property"),
        (lambda d: d.update(categories=["e-participation"]), "categories/0: 'e-participation' is not one of"),
        (lambda d: d.update(url="example.org/repo"), "url: 'example.org/repo' does not match"),
        (lambda d: d.update(releaseDate="30-11-2026"), "releaseDate: '30-11-2026' is not a 'date'"),
        (lambda d: d["description"]["nl"].update(shortDescription="x" * 151), "shortDescription: "),
        (lambda d: d["description"]["en"].pop("features"), "'features' is a required property"),
        (lambda d: d["maintenance"].pop("contacts"), "'contacts' is a required property"),
        (lambda d: d["dependsOn"]["open"].append({"version": "1"}), "'name' is a required property"),
        (lambda d: d.update(softwareVersion="0.0.9"), "is not burgeridee.__version__"),
        (lambda d: d.update(releaseDate="2026-01-01"), "is not the date of [0.1.0] in CHANGELOG.md"),
    ],
)
def test_the_check_finds_what_the_standard_refuses(change, problem):
    data = yaml.safe_load(PUBLICCODE)
    change(data)
    problems = publiccode_problems(yaml.safe_dump(data, allow_unicode=True))
    assert any(problem in line for line in problems), problems


def test_publiccode_lists_both_languages_and_the_real_dependencies():
    data = yaml.safe_load(PUBLICCODE)
    assert set(data["description"]) == {"nl", "en"}
    assert data["localisation"]["availableLanguages"] == ["nl", "en"]
    needed = {dep["name"] for dep in data["dependsOn"]["open"] if not dep["optional"]}
    assert {"PostgreSQL", "Python", "SMTP server"} <= needed
    assert data["legal"]["license"] == "EUPL-1.2" and (ROOT / "LICENSE").read_text().count("EUPL") > 0


@pytest.mark.xfail(strict=True, reason="the project has not published its repository yet: set url in publiccode.yml")
def test_publiccode_names_the_published_repository():
    assert placeholders(PUBLICCODE) == []


def test_the_version_lives_in_one_place():
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert 'dynamic = ["version"]' in pyproject and 'version = { attr = "burgeridee.__version__" }' in pyproject
    assert not re.search(r'^version = "', pyproject, re.MULTILINE)  # no second copy in [project]
    kustomization = yaml.safe_load((ROOT / "deploy/kubernetes/base/kustomization.yaml").read_text())
    assert {image["newTag"] for image in kustomization["images"]} == {__version__}


def test_changelog_is_in_keep_a_changelog_form():
    text = (ROOT / "CHANGELOG.md").read_text()
    assert "keepachangelog.com/en/1.1.0" in text
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    assert headings[0] == "[Unreleased]"
    assert changelog_release_date(__version__) is not None, f"no '## [{__version__}] - YYYY-MM-DD' section"
    for version_heading in headings[1:]:
        assert re.fullmatch(r"\[\d+\.\d+\.\d+\] - \d{4}-\d{2}-\d{2}", version_heading), version_heading
    kinds = set(re.findall(r"^### (.+)$", text, re.MULTILINE))
    assert kinds <= {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}, kinds
    assert Path(ROOT / "docs/upgrading.md").exists() and "docs/upgrading.md" in text
