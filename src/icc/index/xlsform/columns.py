"""Column and type conventions shared by the reader, the writer and the YAML source.

Rules held here:

- A translatable column is written ``<base>::<Language name> (<code>)``, e.g.
  ``label::Français (fr)``; the language key used everywhere in the model is the code (``fr``).
  A header without a code (``label::French``) is mapped through the known language names, and
  failing that the name itself is the key. The plain ``<base>`` column is the default language.
- Header bases are compared lower-cased, with spaces read as underscores; a few XLSForm aliases
  (``relevance``, ``constraint message``, ``list name``) are accepted.
- Question types are kept as written, except select types, which are normalised to
  ``select_one``/``select_multiple`` with their list name apart (``select one yn or_other`` →
  ``select_one``, list ``yn``, with an "other" choice).
"""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass
from typing import Literal

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
OTHER_LABELS: dict[str, str] = {
    "en": "Other",
    "fr": "Autre",
    "es": "Otro",
    "it": "Altro",
    "pt": "Outro",
    "uk": "Інше",
    "de": "Andere",
}
_CODE_IN_NAME = re.compile(r"\(\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\s*\)\s*$")
_CODE_ALONE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")

RENDERED_TYPES = frozenset(
    {"select_one", "select_multiple", "integer", "decimal", "text", "date", "note"}
)
SELECT_TYPES = frozenset({"select_one", "select_multiple"})

# Prefixes of select types, longest first, and the type each one means.
_SELECT_PREFIXES: tuple[tuple[str, str], ...] = (
    ("select multiple from file", "select_multiple_from_file"),
    ("select_multiple_from_file", "select_multiple_from_file"),
    ("select one from file", "select_one_from_file"),
    ("select_one_from_file", "select_one_from_file"),
    ("add select multiple prompt using", "select_multiple"),
    ("add select one prompt using", "select_one"),
    ("select all that apply from", "select_multiple"),
    ("select all that apply", "select_multiple"),
    ("select_one_external", "select_one_external"),
    ("select multiple", "select_multiple"),
    ("select_multiple", "select_multiple"),
    ("select one from", "select_one"),
    ("select one", "select_one"),
    ("select_one", "select_one"),
    ("select1", "select_one"),
    ("rank", "rank"),
)
_CONTROL_WORDS = {
    "group": False,
    "repeat": True,
    "lgroup": True,
    "looped group": True,
    "loop": True,
}
_HEADER_ALIASES = {
    "relevance": "relevant",
    "constraining_message": "constraint_message",
    "list name": "list_name",
    "id_string": "form_id",
}


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


@dataclass(frozen=True)
class Header:
    """A parsed column header: ``base`` normalised, ``language`` as written (or None)."""

    text: str
    base: str
    language: str | None


def header_parse(text: str) -> Header:
    """Split ``"label::English (en)"`` into base ``label`` and language ``English (en)``."""
    text = text.strip()
    if "::" in text:
        base, language = text.split("::", 1)
    elif ":" in text and not text.lower().startswith("jr:"):
        base, language = text.split(":", 1)
    else:
        base, language = text, None
    key = base.strip().lower()
    key = _HEADER_ALIASES.get(key, key).replace(" ", "_")
    return Header(text=text, base=key, language=language.strip() if language else None)


@dataclass(frozen=True)
class TypeInfo:
    """What a ``type`` cell means."""

    kind: Literal["begin", "end", "question"]
    type: str
    list_name: str | None = None
    or_other: bool = False
    repeat: bool = False


def type_parse(text: str) -> TypeInfo:
    """Read a ``type`` cell: group/repeat delimiters, select types with their list, or others."""
    collapsed = " ".join(text.split())
    lowered = collapsed.lower()
    for word in ("begin", "end"):
        for control, repeat in _CONTROL_WORDS.items():
            if lowered in {f"{word} {control}", f"{word}_{control}"}:
                kind: Literal["begin", "end"] = "begin" if word == "begin" else "end"
                return TypeInfo(kind=kind, type=lowered, repeat=repeat)
    for prefix, meaning in _SELECT_PREFIXES:
        if lowered.startswith(prefix + " "):
            words = collapsed[len(prefix) :].split()
            or_other = len(words) > 1 and words[-1].lower() == "or_other"
            return TypeInfo(kind="question", type=meaning, list_name=words[0], or_other=or_other)
    return TypeInfo(kind="question", type=collapsed)


def cell_text(value: object) -> str:
    """A cell value as stripped text, as pyxform reads it (``1.0`` → ``"1"``, ``True`` →
    ``"TRUE"``), except that no-break spaces inside the text are kept."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    return str(value).strip()


def number_text(value: float) -> str:
    """A number as short text: ``100000.0`` → ``"100000"``, ``12.5`` → ``"12.5"``."""
    if math.isfinite(value) and float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def cell_number(value: object) -> float | None:
    """A cell as a finite number, or None when it is not one (text such as ``"lots"``)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    else:
        try:
            number = float(cell_text(value))
        except ValueError:
            return None
    return number if math.isfinite(number) else None
