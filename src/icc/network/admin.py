"""Administration of the directory for the secretariat."""

from typing import Any

from django import forms
from django.contrib import admin
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from icc.network import selectors, services
from icc.network.lifecycle import Step
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
    """The steps recorded so far: their step and date stay as they were (the place's status
    follows from them); new steps go through ``NextMembershipStepInline``."""

    model = MembershipStep
    extra = 0
    readonly_fields = ("step", "date")
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class NextMembershipStepFormSet(forms.BaseInlineFormSet[MembershipStep, Place, Any]):
    """Checks the new step against the place's latest one (order and date), in words."""

    def clean(self) -> None:
        super().clean()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not form.has_changed() or not data or not data.get("step") or not data.get("date"):
                continue
            problem = selectors.membership_step_problem(
                place=self.instance, step=Step(data["step"]), date=data["date"]
            )
            if problem:
                form.add_error("step", problem)


class NextMembershipStepInline(admin.TabularInline[MembershipStep, Place]):
    """One empty row to record the place's next membership step, which the lifecycle service
    writes (it checks the order and updates the place's status)."""

    model = MembershipStep
    formset = NextMembershipStepFormSet
    fields = ("step", "date", "note")
    extra = 1
    max_num = 1
    can_delete = False
    verbose_name = _("next membership step")
    verbose_name_plural = _("record the next membership step")

    def get_queryset(self, request: HttpRequest) -> models.QuerySet[MembershipStep]:
        return super().get_queryset(request).none()


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
    inlines = (PlaceFactInline, MembershipStepInline, NextMembershipStepInline)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        if not isinstance(formset, NextMembershipStepFormSet):
            super().save_formset(request, form, formset, change)
            return
        # The admin's change message reads these lists.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for step_form in formset.forms:
            data = step_form.cleaned_data
            if step_form.has_changed() and data.get("step"):
                record = services.membership_step_record(
                    place=formset.instance,
                    step=Step(data["step"]),
                    date=data["date"],
                    note=data.get("note") or "",
                )
                formset.new_objects.append(record)


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
