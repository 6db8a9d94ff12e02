"""The secretariat's view of anti-rumours records in the administration."""

from django.contrib import admin

from icc.antirumours.models import (
    Agent,
    Campaign,
    CampaignMaterial,
    CounterArgument,
    Rumour,
    Stage,
    Strategy,
    SurveyRound,
    Training,
)


class StageInline(admin.TabularInline[Stage, Strategy]):
    model = Stage
    extra = 0


@admin.register(Strategy)
class StrategyAdmin(admin.ModelAdmin[Strategy]):
    list_display = ["place", "is_public", "is_demo", "updated_at"]
    inlines = [StageInline]


class CounterArgumentInline(admin.StackedInline[CounterArgument, Rumour]):
    model = CounterArgument
    extra = 0


@admin.register(Rumour)
class RumourAdmin(admin.ModelAdmin[Rumour]):
    list_display = ["text", "place", "language", "shared_at", "is_demo"]
    list_filter = ["language"]
    inlines = [CounterArgumentInline]


@admin.register(Agent)
class AgentAdmin(admin.ModelAdmin[Agent]):
    list_display = ["__str__", "place", "kind", "consent_on", "consent_withdrawn_on"]


class MaterialInline(admin.TabularInline[CampaignMaterial, Campaign]):
    model = CampaignMaterial
    extra = 0


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin[Campaign]):
    list_display = ["title", "place", "starts_on", "reach_people", "is_public"]
    inlines = [MaterialInline]


admin.site.register(Training)
admin.site.register(SurveyRound)
