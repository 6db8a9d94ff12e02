"""Content fields translated with django-modeltranslation (en, fr, es, it, pt, uk, de; English
is the fallback)."""

from django.db import models
from modeltranslation.translator import translator

from icc.events.models import (
    Event,
    EventDocument,
    EventOrganisation,
    Part,
    Person,
    RegistrationField,
    RegistrationFieldOption,
    Session,
    SessionItem,
    Slot,
    Theme,
)

#: The translated fields of each model.
TRANSLATED_FIELDS: dict[type[models.Model], tuple[str, ...]] = {
    Theme: ("name",),
    Event: (
        "title",
        "objective",
        "target_group",
        "description",
        "venue_room",
        "online_instructions",
    ),
    EventOrganisation: ("name",),
    EventDocument: ("title",),
    Person: ("title", "organisation"),
    Part: ("title",),
    Slot: ("title",),
    Session: ("title", "description", "location"),
    SessionItem: ("text",),
    RegistrationField: ("label", "help_text"),
    RegistrationFieldOption: ("label",),
}

for model, fields in TRANSLATED_FIELDS.items():
    translator.register(model, fields=fields)
