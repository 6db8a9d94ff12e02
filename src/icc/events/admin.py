"""Administration of events for the secretariat: the event's description, languages, organisers,
documents and registration questions. The programme has its own editor page (linked from here);
registrations are decided on the event's registrations page, which applies the state rules."""

from typing import Any

from django.contrib import admin
from django.forms import ModelForm
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from icc.core.admin import HTTPS_LINKS, ReadOnlyAdmin
from icc.events.models import (
    Event,
    EventDocument,
    EventLanguage,
    EventOrganisation,
    Person,
    Registration,
    RegistrationField,
    RegistrationFieldOption,
    Theme,
)
from icc.events.services.programme import event_revise
from icc.events.services.registration import waiting_list_promote
from icc.events.services.setup import CALENDAR_FIELDS


class EventLanguageInline(admin.TabularInline[EventLanguage, Event]):
    model = EventLanguage
    extra = 0


class EventOrganisationInline(TranslationTabularInline[EventOrganisation, Event]):
    model = EventOrganisation
    formfield_overrides = HTTPS_LINKS
    extra = 0


class EventDocumentInline(TranslationTabularInline[EventDocument, Event]):
    model = EventDocument
    formfield_overrides = HTTPS_LINKS
    extra = 0


class RegistrationFieldInline(TranslationTabularInline[RegistrationField, Event]):
    model = RegistrationField
    extra = 0
    show_change_link = True


@admin.register(Event)
class EventAdmin(TabbedTranslationAdmin[Event]):
    formfield_overrides = HTTPS_LINKS
    list_display = ("title", "kind", "format", "status", "start", "place", "pages")
    list_filter = ("status", "kind", "format", "themes")
    search_fields = ("slug", "title")
    date_hierarchy = "start"
    autocomplete_fields = ("place",)
    filter_horizontal = ("themes",)
    readonly_fields = ("uid", "pages")
    inlines = (
        EventLanguageInline,
        EventOrganisationInline,
        EventDocumentInline,
        RegistrationFieldInline,
    )

    @admin.display(description=_("secretariat pages"))
    def pages(self, event: Event) -> SafeString:
        if not event.pk:
            return format_html("{}", "—")
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("events:programme_editor", kwargs={"slug": event.slug}),
            _("programme"),
            reverse("events:registrations", kwargs={"slug": event.slug}),
            _("registrations"),
            reverse("events:check_in", kwargs={"slug": event.slug}),
            _("check-in"),
        )

    def save_model(
        self, request: HttpRequest, obj: Event, form: ModelForm[Any], change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        if change and not CALENDAR_FIELDS.isdisjoint(form.changed_data):
            event_revise(pk=obj.pk)  # calendars replace the entries they hold
        if change and "capacity" in form.changed_data:
            waiting_list_promote(event=obj)  # a raised capacity frees seats (rule 4)


class RegistrationFieldOptionInline(
    TranslationTabularInline[RegistrationFieldOption, RegistrationField]
):
    model = RegistrationFieldOption
    extra = 0


@admin.register(RegistrationField)
class RegistrationFieldAdmin(TabbedTranslationAdmin[RegistrationField]):
    list_display = ("label", "event", "kind", "required", "position")
    list_filter = ("kind",)
    search_fields = ("label", "key", "event__slug")
    inlines = (RegistrationFieldOptionInline,)


@admin.register(Theme)
class ThemeAdmin(TabbedTranslationAdmin[Theme]):
    list_display = ("slug", "name")
    search_fields = ("slug", "name")


@admin.register(Person)
class PersonAdmin(TabbedTranslationAdmin[Person]):
    list_display = ("name", "title", "organisation", "slug")
    search_fields = ("name", "slug", "organisation")


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyAdmin[Registration]):
    """Read-only: decisions go through the registrations page so that the rules apply."""

    list_display = ("name", "email", "event", "state", "queued_at", "checked_in_at")
    list_filter = ("state", "event")
    search_fields = ("name", "email", "organisation")
