"""Content fields translated with django-modeltranslation (the platform's content languages,
English as fallback). See docs/citizenship.md to add a language."""

from django.db import models
from modeltranslation.translator import translator

from icc.citizenship.models import (
    ContentVersion,
    Dimension,
    GuideSection,
    Option,
    Question,
    Resource,
)

#: The translated fields of each model.
TRANSLATED_FIELDS: dict[type[models.Model], tuple[str, ...]] = {
    ContentVersion: ("title", "intro"),
    Dimension: ("label", "description", "reflection"),
    Question: ("text", "prompt"),
    Option: ("text",),
    Resource: ("title", "url"),
    GuideSection: ("title", "body"),
}

for model, fields in TRANSLATED_FIELDS.items():
    translator.register(model, fields=fields)
