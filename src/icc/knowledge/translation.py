"""Content fields translated with django-modeltranslation (en, fr, es, it, pt, uk, de; English
is the fallback)."""

from modeltranslation.translator import TranslationOptions, register

from icc.knowledge.models import (
    CallForPractices,
    GoodPractice,
    NewsItem,
    NewsletterIssue,
    NewsSeries,
    Publication,
    Theme,
)


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name", "intro")


@register(GoodPractice)
class GoodPracticeTranslation(TranslationOptions):
    fields = ("title", "summary", "description", "results")


@register(CallForPractices)
class CallTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Publication)
class PublicationTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(NewsSeries)
class NewsSeriesTranslation(TranslationOptions):
    fields = ("title", "description")


@register(NewsItem)
class NewsItemTranslation(TranslationOptions):
    fields = ("title", "summary", "body")


@register(NewsletterIssue)
class NewsletterIssueTranslation(TranslationOptions):
    fields = ("subject", "intro")
