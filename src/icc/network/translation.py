"""Content fields translated with django-modeltranslation (fallback to English)."""

from django.db import models
from modeltranslation.translator import translator

from icc.network.models import Coordinator, Country, Network, Place

#: The translated fields of each model.
TRANSLATED_FIELDS: dict[type[models.Model], tuple[str, ...]] = {
    Country: ("name",),
    Place: ("name", "description"),
    Network: ("name", "description"),
    Coordinator: ("role",),
}

for model, fields in TRANSLATED_FIELDS.items():
    translator.register(model, fields=fields)
