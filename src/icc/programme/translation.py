"""Content fields translated with django-modeltranslation (en, fr, es, it, pt, uk, de; English
is the fallback)."""

from django.db import models
from modeltranslation.translator import translator

from icc.programme.models import (
    CitySupport,
    Expense,
    ExpertVisit,
    Grant,
    GrantOutput,
    NetworkReport,
    ToolHighlight,
    YearText,
)

#: The translated fields of each model.
TRANSLATED_FIELDS: dict[type[models.Model], tuple[str, ...]] = {
    YearText: ("foreword", "introduction"),
    Grant: ("title", "objectives"),
    GrantOutput: ("title",),
    CitySupport: ("title", "description", "outputs"),
    Expense: ("activity",),
    NetworkReport: ("highlights",),
    ToolHighlight: ("title", "description"),
    ExpertVisit: ("profile_title",),
}

for model, fields in TRANSLATED_FIELDS.items():
    translator.register(model, fields=fields)
