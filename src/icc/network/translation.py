"""Content fields translated with django-modeltranslation (fallback to English)."""

from modeltranslation.translator import TranslationOptions, register

from icc.network.models import Coordinator, Country, Network, Place


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name",)


@register(Place)
class PlaceTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Network)
class NetworkTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Coordinator)
class CoordinatorTranslation(TranslationOptions):
    fields = ("role",)
