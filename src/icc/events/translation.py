"""Content fields translated with django-modeltranslation (en, fr, es, it, pt, uk, de; English
is the fallback)."""

from modeltranslation.translator import TranslationOptions, register

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


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name",)


@register(Event)
class EventTranslation(TranslationOptions):
    fields = (
        "title",
        "objective",
        "target_group",
        "description",
        "venue_room",
        "online_instructions",
    )


@register(EventOrganisation)
class EventOrganisationTranslation(TranslationOptions):
    fields = ("name",)


@register(EventDocument)
class EventDocumentTranslation(TranslationOptions):
    fields = ("title",)


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("title", "organisation")


@register(Part)
class PartTranslation(TranslationOptions):
    fields = ("title",)


@register(Slot)
class SlotTranslation(TranslationOptions):
    fields = ("title",)


@register(Session)
class SessionTranslation(TranslationOptions):
    fields = ("title", "description", "location")


@register(SessionItem)
class SessionItemTranslation(TranslationOptions):
    fields = ("text",)


@register(RegistrationField)
class RegistrationFieldTranslation(TranslationOptions):
    fields = ("label", "help_text")


@register(RegistrationFieldOption)
class RegistrationFieldOptionTranslation(TranslationOptions):
    fields = ("label",)
