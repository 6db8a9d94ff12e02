"""The French catalogue holds every interface text of the code and templates.

French is one of the two working languages: a text that the code marks for translation but the
catalogue lacks (or has only as a guess, "fuzzy") shows in English on a French page, and Django
compiles no fuzzy entry. The test runs ``makemessages`` over a copy of the package, as a
translator would, and reads what it would add.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import icc

PACKAGE = Path(icc.__file__).parent
SKIPPED = shutil.ignore_patterns("__pycache__", "*.mo", "vendor", "*.sqlite3", "*.png", "*.pdf")


def _missing(po: Path) -> list[str]:
    """The msgids of ``po`` that are fuzzy or untranslated, with where the code uses them."""
    missing = []
    for block in po.read_text(encoding="utf-8").split("\n\n"):
        lines = block.strip().splitlines()
        if not lines or any(line.startswith("#~") for line in lines):
            continue  # obsolete entries are texts the code no longer uses
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        body = [line for line in lines if not line.startswith("#")]
        msgid_at = next(i for i, line in enumerate(body) if line.startswith("msgid "))
        msgstr_at = next(i for i, line in enumerate(body) if line.startswith("msgstr"))
        msgid = "".join(line.split(" ", 1)[-1].strip('"') for line in body[msgid_at:msgstr_at])
        if not msgid and not any(line.startswith("msgctxt") for line in body):
            continue  # the header
        translations = [line for line in body[msgstr_at:] if line.startswith(("msgstr", '"'))]
        empty = all(line.split(" ", 1)[-1].strip() in ('""', "") for line in translations)
        if fuzzy or empty:
            where = " ".join(line[3:] for line in lines if line.startswith("#: "))
            missing.append(f"{msgid!r} ({where})")
    return missing


def test_every_interface_text_has_its_french_translation(tmp_path: Path) -> None:
    copy = tmp_path / "icc"
    shutil.copytree(PACKAGE, copy, ignore=SKIPPED)
    environment = {
        **os.environ,
        "PYTHONPATH": str(PACKAGE.parent),
        "DJANGO_SETTINGS_MODULE": "icc.settings",
        "DATABASE_URL": "sqlite://:memory:",
    }
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "fr", "-v", "0"],
        cwd=copy,
        env=environment,
        check=True,
        capture_output=True,
    )
    missing = _missing(copy / "locale" / "fr" / "LC_MESSAGES" / "django.po")
    assert not missing, (
        "These texts show in English on French pages; translate them in "
        "src/icc/locale/fr/LC_MESSAGES/django.po (run makemessages -l fr in src/icc):\n"
        + "\n".join(missing)
    )
