"""The language of the request, in one place.

Rules held here:

- The active language is Django's (``LocaleMiddleware``, ``translation.override``); this module
  only reads it. Codes compare case-insensitively and regional variants count as their base
  language (``fr-CH`` and ``fr_be`` are ``fr``).
- ``current_language()`` is an interface language (``settings.LANGUAGES``): what gettext, number
  formats and charts speak. An unknown code falls back to ``settings.LANGUAGE_CODE``.
- ``content_language()`` is a content language (``settings.MODELTRANSLATION_LANGUAGES``): which
  text of a translated field or a questionnaire label to show. Content has more languages than
  the interface, so ``es`` is a content language though the interface falls back to English.
- ``language_name(code)`` names a language in the active language ("Swedish", « Suédois »),
  from Django's list of names; an unknown code is shown as it is. Inside a sentence
  (``in_sentence=True``: "written in …", a list after a colon) the name follows the active
  language's spelling: English and German capitalise language names, French, Spanish, Italian,
  Portuguese, Ukrainian and the others of ``LOWER_CASE_NAMES`` write them in lower case
  (« écrit en anglais »), whereas Django's French names start with a capital (« Anglais »).
- ``labelled(label, value)`` writes "label: value" with the active language's punctuation: French
  puts a no-break space before the colon (« Intervenant·e·s : … »).

- ``shown_language(obj, field)`` is the language a translated field's text is shown in on the
  current page: the content language if the field has a text in it, else the first fallback
  language (``MODELTRANSLATION_FALLBACK_LANGUAGES``) that has one. A page marks that text with it
  (``lang``), so that a screen reader reads an English title on a French page in English.

This module sits below every app (import-linter's layers): any app may use it.
"""

from django.conf import settings
from django.utils.translation import get_language, get_language_info, gettext

# languages that write the names of languages in lower case inside a sentence
LOWER_CASE_NAMES = frozenset({"fr", "es", "it", "pt", "uk", "ca", "nl", "pl", "el", "eu"})


def language_base(code: str | None) -> str:
    """``"fr-CH"`` → ``"fr"``, ``"EN_gb"`` → ``"en"``, ``None`` or ``""`` → ``""``."""
    return (code or "").strip().replace("_", "-").split("-")[0].lower()


def interface_language(code: str | None) -> str:
    """The interface language for ``code``: its base if the interface speaks it, else the
    default (``settings.LANGUAGE_CODE``)."""
    base = language_base(code)
    known = {language_base(known_code) for known_code, _name in settings.LANGUAGES}
    return base if base in known else language_base(settings.LANGUAGE_CODE)


def current_language() -> str:
    """The active interface language, e.g. ``"fr"`` while a French page is served."""
    return interface_language(get_language())


def content_language() -> str:
    """The active content language: the base of the active language if content can be written
    in it (``MODELTRANSLATION_LANGUAGES``), else the default content language."""
    base = language_base(get_language())
    languages: tuple[str, ...] = tuple(settings.MODELTRANSLATION_LANGUAGES)
    return base if base in languages else str(settings.MODELTRANSLATION_DEFAULT_LANGUAGE)


def language_name(code: str, *, in_sentence: bool = False) -> str:
    """The name of language ``code`` in the active language; in lower case when
    ``in_sentence`` and the active language writes language names so (``LOWER_CASE_NAMES``)."""
    try:
        name = str(get_language_info(code)["name_translated"])
    except KeyError:
        return code
    if in_sentence and language_base(get_language()) in LOWER_CASE_NAMES:
        return name.lower()
    return name


def shown_language(obj: object, field: str) -> str:
    """The language in which ``obj.<field>`` (a translated field) is shown in the active language:
    ``content_language()`` if ``<field>_<code>`` has a text, else the first fallback language
    that has one, else ``content_language()``."""
    current = content_language()
    fallbacks: tuple[str, ...] = tuple(settings.MODELTRANSLATION_FALLBACK_LANGUAGES)
    for code in (current, *fallbacks):
        if getattr(obj, f"{field}_{code}", None):
            return code
    return current


def labelled(label: str, value: str) -> str:
    """``"Speakers: Ana"``; in French « Intervenant·e·s : Ana » (a no-break space before the
    colon)."""
    return gettext("%(label)s: %(value)s") % {"label": label, "value": value}
