"""Administration of the programme's records (secretariat staff only, as the whole admin)."""

from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from icc.core.admin import HTTPS_LINKS
from icc.programme.forms import GrantForm
from icc.programme.models import (
    AnnualReportFile,
    CitySupport,
    Expense,
    ExpertVisit,
    Grant,
    GrantOutput,
    NetworkReport,
    ReportedEvent,
    ToolHighlight,
    YearText,
)


class GrantOutputInline(TranslationTabularInline[GrantOutput, Grant]):
    model = GrantOutput
    extra = 0
    formfield_overrides = HTTPS_LINKS


@admin.register(Grant)
class GrantAdmin(TabbedTranslationAdmin[Grant]):
    form = GrantForm
    list_display = ("title", "lead_place", "start", "end", "amount", "currency", "status")
    list_filter = ("status",)
    search_fields = ("title",)
    autocomplete_fields = ("lead_place", "partner_places")
    inlines = [GrantOutputInline]


@admin.register(ExpertVisit)
class ExpertVisitAdmin(TabbedTranslationAdmin[ExpertVisit]):
    list_display = ("place", "date", "mode", "purpose", "profile_title")
    list_filter = ("mode", "purpose")
    autocomplete_fields = ("place",)
    formfield_overrides = HTTPS_LINKS


@admin.register(CitySupport)
class CitySupportAdmin(TabbedTranslationAdmin[CitySupport]):
    list_display = ("title", "kind", "start")
    list_filter = ("kind",)
    autocomplete_fields = ("places",)


@admin.register(Expense)
class ExpenseAdmin(TabbedTranslationAdmin[Expense]):
    list_display = ("year", "activity", "category", "amount_eur", "certification")
    list_filter = ("year", "category", "certification")


@admin.register(NetworkReport)
class NetworkReportAdmin(TabbedTranslationAdmin[NetworkReport]):
    formfield_overrides = HTTPS_LINKS
    list_display = ("network", "year")
    list_filter = ("year",)


@admin.register(ToolHighlight)
class ToolHighlightAdmin(TabbedTranslationAdmin[ToolHighlight]):
    formfield_overrides = HTTPS_LINKS
    list_display = ("title", "year", "position")
    list_filter = ("year",)


@admin.register(YearText)
class YearTextAdmin(TabbedTranslationAdmin[YearText]):
    list_display = ("year",)


@admin.register(ReportedEvent)
class ReportedEventAdmin(admin.ModelAdmin[ReportedEvent]):
    list_display = ("event", "section")
    list_filter = ("section",)
    autocomplete_fields = ("event",)


@admin.register(AnnualReportFile)
class AnnualReportFileAdmin(admin.ModelAdmin[AnnualReportFile]):
    list_display = ("year", "lang", "fmt", "made_at")
    readonly_fields = ("year", "lang", "fmt", "file", "made_at", "made_by")
