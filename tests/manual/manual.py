"""Reading the manual's Markdown (docs/manual/): its pages, the anchors its headings declare, the pictures it shows."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MANUAL = ROOT / "docs" / "manual"
SHOT_MAKERS = ROOT / "tests" / "e2e" / "manual"


def pages() -> dict[str, str]:
    """`page.html` (as MkDocs builds it) -> the page's Markdown."""
    sources = [path for path in MANUAL.glob("*.md") if path.name != "README.md"]  # README.md is for developers
    return {path.with_suffix(".html").name: path.read_text() for path in sources}


def anchors(markdown: str) -> set[str]:
    """The explicit anchors of the page's headings: `## Title {#anchor}`."""
    return set(re.findall(r"^#+ .*\{#([a-z0-9-]+)\}\s*$", markdown, re.MULTILINE))


def pictures(markdown: str) -> set[str]:
    """The pictures a page shows: `![...](img/<name>.png)`."""
    return set(re.findall(r"!\[[^\]]*\]\(img/([a-z0-9-]+)\.png\)", markdown))


def pictures_the_tests_take() -> set[str]:
    """Every name the manual's end-to-end tests save a picture under: shoot(page, "<name>"), IMAGES / "<name>.png"."""
    names = set()
    for path in SHOT_MAKERS.glob("test_*.py"):
        source = path.read_text()
        names |= set(re.findall(r'shoot\(\s*\w+,\s*"([a-z0-9-]+)"', source))
        names |= set(re.findall(r'IMAGES / "([a-z0-9-]+)\.png"', source))
        names |= set(re.findall(r'\("[\w:]+", "([a-z0-9-]+)"\)', source))  # (url name, picture) pairs in a loop
    return names
