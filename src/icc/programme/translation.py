"""Content fields translated with django-modeltranslation (en, fr, es, it, pt, uk, de; English
is the fallback)."""

from modeltranslation.translator import TranslationOptions, register

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


@register(YearText)
class YearTextTranslation(TranslationOptions):
    fields = ("foreword", "introduction")


@register(Grant)
class GrantTranslation(TranslationOptions):
    fields = ("title", "objectives")


@register(GrantOutput)
class GrantOutputTranslation(TranslationOptions):
    fields = ("title",)


@register(CitySupport)
class CitySupportTranslation(TranslationOptions):
    fields = ("title", "description", "outputs")


@register(Expense)
class ExpenseTranslation(TranslationOptions):
    fields = ("activity",)


@register(NetworkReport)
class NetworkReportTranslation(TranslationOptions):
    fields = ("highlights",)


@register(ToolHighlight)
class ToolHighlightTranslation(TranslationOptions):
    fields = ("title", "description")


@register(ExpertVisit)
class ExpertVisitTranslation(TranslationOptions):
    fields = ("profile_title",)
