"""Checks publiccode.yml against the standard's required fields and formats (publiccode.schema.json, version 0.4)
and against this release: softwareVersion is burgeridee.__version__, releaseDate is that version's date in
CHANGELOG.md. `make lint` runs it: `python -m tests.release.publiccode` prints each problem and exits 1."""

import json
import re
import sys
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = Path(__file__).with_name("publiccode.schema.json")
PLACEHOLDER_HOSTS = re.compile(r"//([^/]*\.)?example\.(org|com|net)\b|\.example\b|\.invalid\b|\.test\b")


def version() -> str:
    sys.path.insert(0, str(ROOT / "src"))
    from burgeridee import __version__  # noqa: PLC0415 - the package lives under src/

    return __version__


def changelog_release_date(version: str, changelog: Path = ROOT / "CHANGELOG.md") -> str | None:
    """The date of `## [version] - YYYY-MM-DD` in a Keep a Changelog file."""
    heading = rf"^## \[{re.escape(version)}\] - (\d{{4}}-\d{{2}}-\d{{2}})$"
    match = re.search(heading, changelog.read_text(), re.MULTILINE)
    return match.group(1) if match else None


def publiccode_problems(text: str) -> list[str]:
    """Everything wrong with a publiccode.yml text; an empty list when it is valid."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        return [f"not YAML: {error}"]
    validator = Draft202012Validator(json.loads(SCHEMA.read_text()), format_checker=Draft202012Validator.FORMAT_CHECKER)
    problems = [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(top)'}: {error.message}"
        for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    ]
    if problems:
        return problems
    release = version()
    if data.get("softwareVersion") != release:
        problems.append(f"softwareVersion: {data.get('softwareVersion')!r} is not burgeridee.__version__ {release!r}")
    elif data.get("releaseDate") != changelog_release_date(release):
        problems.append(f"releaseDate: {data.get('releaseDate')!r} is not the date of [{release}] in CHANGELOG.md")
    return problems


def placeholders(text: str) -> list[str]:
    """Lines that still hold a placeholder address (example.org, .example, ...)."""
    lines = [line.strip() for line in text.splitlines() if not line.lstrip().startswith("#")]
    return [line for line in lines if PLACEHOLDER_HOSTS.search(line)]


def main() -> int:
    problems = publiccode_problems((ROOT / "publiccode.yml").read_text())
    for problem in problems:
        print(f"publiccode.yml: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
