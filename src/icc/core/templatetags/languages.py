"""Language names in templates, from the platform's one helper (``icc.language.language_name``).

``{{ code|language_name }}`` names a language on its own (a heading, a table cell, a list item:
« Anglais »); ``{{ code|language_in_text }}`` names it inside a phrase or between parentheses,
where French writes it in lower case (« (anglais) », « Bilbao · espagnol »).
"""

from django import template

from icc.language import language_name as _language_name

register = template.Library()


@register.filter
def language_name(code: str) -> str:
    return _language_name(code)


@register.filter
def language_in_text(code: str) -> str:
    return _language_name(code, in_sentence=True)
