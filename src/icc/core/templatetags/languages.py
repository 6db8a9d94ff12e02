"""Language names in templates, from the platform's one helper (``icc.language.language_name``).

``{{ code|language_name }}`` names a language on its own (a heading, a table cell, a list item:
« Anglais »); ``{{ code|language_in_text }}`` names it inside a phrase or between parentheses,
where French writes it in lower case (« (anglais) », « Bilbao · espagnol »).
``{{ practice|shown_language:"title" }}`` is the language a translated field is shown in, for
its ``lang`` attribute.
"""

from django import template

from icc.language import language_name as _language_name
from icc.language import shown_language as _shown_language

register = template.Library()


@register.filter
def language_name(code: str) -> str:
    return _language_name(code)


@register.filter
def language_in_text(code: str) -> str:
    return _language_name(code, in_sentence=True)


@register.filter
def shown_language(obj: object, field: str) -> str:
    return _shown_language(obj, field)
