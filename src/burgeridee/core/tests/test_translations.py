"""Every Dutch text has an English translation, so an English reader never meets a half-Dutch page."""

import re
from pathlib import Path

from django.conf import settings

PO = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES" / "django.po"


def entries():
    text = PO.read_text(encoding="utf-8")
    for block in text.split("\n\n")[1:]:  # the first block is the header
        if block.strip().startswith("#~"):
            continue
        yield block


def test_english_catalogue_has_no_untranslated_or_fuzzy_entries():
    missing = []
    for block in entries():
        if "#, fuzzy" in block or re.search(r'msgstr(\[\d\])? ""\s*$', block):
            missing.append(block.splitlines()[-3:])
    assert missing == [], f"{len(missing)} untranslated entries; run `make messages` and translate them"
