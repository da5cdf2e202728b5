"""Every Dutch text has an English translation, so an English reader never meets a half-Dutch page."""

import gettext
import re
import shutil
import subprocess  # nosec B404 - runs the GNU gettext tools on our own files
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.commands import makemessages

PO = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
SOURCE = PO.parents[3]  # src/burgeridee: where `make messages` runs makemessages
IGNORE = ["static/*"]  # as in the Makefile's `messages` target
# The GNU gettext tools (xgettext, msgmerge, msgattrib, msgfmt) are needed, as for `make messages`:
# bin/ensure-system-packages installs them.


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


class _ExtractOnly(makemessages.Command):
    """makemessages that hands over the template it extracted from the code (the .pot) and leaves
    django.po alone: the test compares, it never rewrites the catalogue."""

    keep_as: Path

    def write_po_file(self, potfile, locale):
        shutil.copyfile(potfile, self.keep_as)


def _run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout  # nosec B603


def _described(po_text):
    """One line per entry of a .po text: where the code uses it, and its msgid."""
    lines = []
    for block in po_text.split("\n\n"):
        where, context, msgid, field = "?", "", "", None
        for line in block.splitlines():
            if line.startswith("#: ") and where == "?":
                where = line[3:].split()[0]
            elif line.startswith(("msgctxt ", "msgid ", "msgid_plural ", "msgstr")):
                field = line.split(" ", 1)[0]
            if field in ("msgctxt", "msgid") and '"' in line:
                text = line[line.index('"') + 1 : -1]
                context, msgid = (context + text, msgid) if field == "msgctxt" else (context, msgid + text)
        if msgid:  # the header has an empty msgid
            lines.append(f'  {where}: {f"[{context}] " if context else ""}"{msgid}"')
    return lines


def test_every_text_in_the_code_has_an_english_translation(tmp_path, monkeypatch):
    """Extracts the msgids from the code as `make messages` does and checks django.po translates each,
    not fuzzy. The test above only sees what is already in django.po: without this one the catalogue
    falls behind silently whenever code adds a text and nobody reruns makemessages."""
    pot = tmp_path / "code.pot"
    monkeypatch.chdir(SOURCE)
    command = _ExtractOnly()
    command.keep_as = pot
    call_command(command, locale=["en"], ignore_patterns=IGNORE, verbosity=0)
    merged = tmp_path / "merged.po"
    # No fuzzy matching: a new text must be translated, not guessed from a similar one.
    _run("msgmerge", "--quiet", "--no-fuzzy-matching", "--no-wrap", "-o", str(merged), str(PO), str(pot))
    untranslated = _described(_run("msgattrib", "--no-obsolete", "--no-wrap", "--untranslated", str(merged)))
    fuzzy = _described(_run("msgattrib", "--no-obsolete", "--no-wrap", "--only-fuzzy", str(merged)))
    report = []
    if untranslated:
        report += [f"{len(untranslated)} texts in the code have no English translation:", *untranslated]
    if fuzzy:
        report += [f"{len(fuzzy)} English translations are fuzzy (a guess to review):", *fuzzy]
    assert not report, "\n".join(
        [
            *report,
            "Run `make messages`, translate these in src/burgeridee/locale/en/LC_MESSAGES/django.po "
            "(remove the fuzzy flags) and run compilemessages.",
        ]
    )


def test_compiled_catalogue_matches_the_po_file(tmp_path):
    """Django reads django.mo, not django.po: a translation that was never compiled does not show."""
    fresh = tmp_path / "django.mo"
    _run("msgfmt", "-o", str(fresh), str(PO))
    with fresh.open("rb") as compiled_now, MO.open("rb") as committed:
        expected = gettext.GNUTranslations(compiled_now)._catalog
        actual = gettext.GNUTranslations(committed)._catalog
    stale = sorted(str(key) for key in expected.keys() | actual.keys() if expected.get(key) != actual.get(key))
    assert not stale, f"django.mo is out of date for {len(stale)} msgids (first: {stale[:5]}); run compilemessages"


ROOT = SOURCE.parents[1]
OUR_SCRIPTS = [ROOT / "assets" / "js", *SOURCE.glob("*/static")]  # not static/dist: built and vendored
# A string literal with two words in it, or one word ending a sentence ("Opgeslagen."), is text for people;
# in our scripts those come translated from the page (data-text-* attributes rendered through gettext, see
# conversations/_autosave_status.html).
WORDS_IN_A_STRING = re.compile(
    r"""(["'`])(?:(?!\1)[^\\\n]|\\.)*?[A-Za-zÀ-ÿ]{2,}\s+[A-Za-zÀ-ÿ]{2,}(?:(?!\1)[^\\\n]|\\.)*\1"""
    r"""|(["'`])[A-ZÀ-Þ][a-zà-ÿ]+[.!?…]\2"""
)


def test_our_scripts_hold_no_text_for_people():
    scripts = [path for folder in OUR_SCRIPTS for path in folder.rglob("*.js")]
    assert any(path.name == "conversation.js" for path in scripts)  # the autosave script is looked at
    found = []
    for path in scripts:
        code = re.sub(r"/\*.*?\*/|(?<![:\"'\\])//[^\n]*", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
        literals = (match.group(0) for match in WORDS_IN_A_STRING.finditer(code))
        found += [f"{path.relative_to(ROOT)}: {text}" for text in literals if text.strip("\"'") != "use strict"]
    assert not found, "Text for people in a script (put it through gettext in the template instead):\n" + "\n".join(
        found
    )
