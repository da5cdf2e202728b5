"""Reading the manual's Markdown (docs/manual/): its languages, its pages, the anchors its headings declare, the
pictures it shows.

The manual is in every language of the interface (mkdocs.yml, plugin "i18n", suffix structure): Dutch, the
default, is `<page>.md` and is built at the top; English is `<page>.en.md`, built under `en/`. A picture is
`img/<name>.png` in Dutch and `img/<name>.en.png` in English; both languages' pages write `img/<name>.png`."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
MANUAL = ROOT / "docs" / "manual"
SHOT_MAKERS = ROOT / "tests" / "e2e" / "manual"
DEFAULT_LANGUAGE = "nl"


def config() -> dict:
    return yaml.safe_load((ROOT / "mkdocs.yml").read_text())


def languages() -> list[str]:
    """The manual's languages, the default first, as mkdocs.yml's i18n plugin builds them."""
    for plugin in config()["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            found = [language["locale"] for language in plugin["i18n"]["languages"]]
            return sorted(found, key=lambda locale: locale != DEFAULT_LANGUAGE)
    return [DEFAULT_LANGUAGE]


def suffix(language: str) -> str:
    """`""` for the default language, `".en"` for English: how a file of that language is named before `.md`."""
    return "" if language == DEFAULT_LANGUAGE else f".{language}"


def pages(language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """`page.html` (as MkDocs builds it, below `en/` for English) -> the page's Markdown in `language`."""
    found = {}
    for path in MANUAL.glob("*.md"):
        if path.name == "README.md":  # for developers
            continue
        stem, _, marker = path.stem.partition(".")
        if (marker or DEFAULT_LANGUAGE) == language:
            found[f"{stem}.html"] = path.read_text()
    return found


def picture_file(name: str, language: str = DEFAULT_LANGUAGE) -> Path:
    return MANUAL / "img" / f"{name}{suffix(language)}.png"


def anchors(markdown: str) -> set[str]:
    """The explicit anchors of the page's headings: `## Title {#anchor}`."""
    return set(re.findall(r"^#+ .*\{#([a-z0-9-]+)\}\s*$", markdown, re.MULTILINE))


def pictures(markdown: str) -> set[str]:
    """The pictures a page shows: `![...](img/<name>.png)`."""
    return set(re.findall(r"!\[[^\]]*\]\(img/([a-z0-9-]+)\.png\)", markdown))


def pictures_the_tests_take() -> set[str]:
    """Every name the manual's end-to-end tests save a picture under (in every language: the journeys run once per
    language): shoot(page, "<name>"), shoot_element(...), shoot_plain(...)."""
    names = set()
    for path in SHOT_MAKERS.glob("test_*.py"):
        source = path.read_text()
        names |= set(re.findall(r'shoot(?:_element|_plain)?\(\s*\w+,\s*"([a-z0-9-]+)"', source))
        names |= set(re.findall(r'\("[\w:]+", "([a-z0-9-]+)"\)', source))  # (url name, picture) pairs in a loop
    return names
