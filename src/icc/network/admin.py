"""Administration of the directory for the secretariat."""

from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from icc.network.models import (
    Coordinator,
    Country,
    MembershipStep,
    Network,
    NetworkMembership,
    Place,
    PlaceFact,
)


class PlaceFactInline(admin.TabularInline[PlaceFact, Place]):
    model = PlaceFact
    extra = 0


class MembershipStepInline(admin.TabularInline[MembershipStep, Place]):
    model = MembershipStep
    extra = 0
    readonly_fields = ("step", "date")
    can_delete = False
    show_change_link = False
    help_text = "Record new steps with the lifecycle service, which checks their order."


class NetworkMembershipInline(admin.TabularInline[NetworkMembership, Network]):
    model = NetworkMembership
    extra = 0
    autocomplete_fields = ("place",)


@admin.register(Country)
class CountryAdmin(TabbedTranslationAdmin[Country]):
    list_display = ("code", "name")
    search_fields = ("code", "name")


@admin.register(Place)
class PlaceAdmin(TabbedTranslationAdmin[Place]):
    list_display = ("name", "country", "kind", "status", "member_since", "is_demo")
    list_filter = ("status", "kind", "country", "is_demo")
    search_fields = ("name", "slug")
    readonly_fields = ("status", "member_since")
    inlines = (PlaceFactInline, MembershipStepInline)


@admin.register(Network)
class NetworkAdmin(TabbedTranslationAdmin[Network]):
    list_display = ("name", "kind", "country", "founded")
    search_fields = ("name", "slug")
    inlines = (NetworkMembershipInline,)


@admin.register(Coordinator)
class CoordinatorAdmin(TabbedTranslationAdmin[Coordinator]):
    """Contact cards; who coordinates what is the role assignment (on the user's page)."""

    list_display = ("name", "role", "assignment", "is_fictional")
    list_select_related = ("assignment__user", "assignment__place", "assignment__network")
    search_fields = (
        "assignment__user__first_name",
        "assignment__user__last_name",
        "organisation",
        "email",
    )
    raw_id_fields = ("assignment",)
