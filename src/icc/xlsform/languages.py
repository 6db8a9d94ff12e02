"""Language names in XLSForm headers, and the codes the model keys texts by.

Rules held here:

- A translatable column is written ``<base>::<Language name> (<code>)``, e.g.
  ``label::Français (fr)``; the key used everywhere in the model is the code (``fr``).
- A header without a code (``label::French``) is mapped through the known language names,
  and failing that the name itself is the key.
"""

from __future__ import annotations

import re

LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "fr": "Français",
    "es": "Español",
    "it": "Italiano",
    "pt": "Português",
    "uk": "Українська",
    "de": "Deutsch",
}
# Names people write in headers without a code, in English or in the language itself.
_NAME_TO_CODE: dict[str, str] = {
    **{name.lower(): code for code, name in LANGUAGE_NAMES.items()},
    "french": "fr",
    "francais": "fr",
    "spanish": "es",
    "italian": "it",
    "portuguese": "pt",
    "ukrainian": "uk",
    "german": "de",
}
_CODE_IN_NAME = re.compile(r"\(\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\s*\)\s*$")
_CODE_ALONE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


def language_name(code: str) -> str:
    """The header name of a language code: ``"fr"`` → ``"Français (fr)"``."""
    return f"{LANGUAGE_NAMES.get(code, code)} ({code})"


def language_code(text: str) -> str:
    """The model's key for a header language: ``"Français (fr)"``, ``"fr"``, ``"French"`` → fr."""
    text = text.strip()
    found = _CODE_IN_NAME.search(text)
    if found:
        return found.group(1)
    if _CODE_ALONE.match(text):
        return text
    return _NAME_TO_CODE.get(text.lower(), text)
