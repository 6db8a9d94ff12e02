"""Content fields translated with django-modeltranslation (en, fr, es, it, pt, uk, de; English
is the fallback)."""

from django.db import models
from modeltranslation.translator import translator

from icc.knowledge.models import (
    CallForPractices,
    GoodPractice,
    NewsItem,
    NewsletterIssue,
    NewsSeries,
    Publication,
    Theme,
)

#: The translated fields of each model.
TRANSLATED_FIELDS: dict[type[models.Model], tuple[str, ...]] = {
    Theme: ("name", "intro"),
    GoodPractice: ("title", "summary", "description", "results"),
    CallForPractices: ("title", "description"),
    Publication: ("title", "summary"),
    NewsSeries: ("title", "description"),
    NewsItem: ("title", "summary", "body"),
    NewsletterIssue: ("subject", "intro"),
}

for model, fields in TRANSLATED_FIELDS.items():
    translator.register(model, fields=fields)
