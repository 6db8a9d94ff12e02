"""Content fields translated with django-modeltranslation (the platform's content languages,
English as fallback). See docs/citizenship.md to add a language."""

from modeltranslation.translator import TranslationOptions, register

from icc.citizenship.models import (
    ContentVersion,
    Dimension,
    GuideSection,
    Option,
    Question,
    Resource,
)


@register(ContentVersion)
class ContentVersionTranslation(TranslationOptions):
    fields = ("title", "intro")


@register(Dimension)
class DimensionTranslation(TranslationOptions):
    fields = ("label", "description", "reflection")


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text", "prompt")


@register(Option)
class OptionTranslation(TranslationOptions):
    fields = ("text",)


@register(Resource)
class ResourceTranslation(TranslationOptions):
    fields = ("title", "url")


@register(GuideSection)
class GuideSectionTranslation(TranslationOptions):
    fields = ("title", "body")
