"""Writes that describe an event: the event itself, its working languages, organisers and
partners, themes, documents and registration questions. Used by the demo, imports and tests;
the secretariat edits the same things in the administration.
"""

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.db import models, transaction

from icc.events.models import (
    DocumentKind,
    Event,
    EventDocument,
    EventFormat,
    EventKind,
    EventLanguage,
    EventOrganisation,
    EventStatus,
    FieldKind,
    OrganisationRole,
    RegistrationField,
    RegistrationFieldOption,
    Theme,
)
from icc.events.models.event import validate_timezone_name
from icc.events.services.programme import LANGUAGES, Texts, texts_apply
from icc.events.translation import TRANSLATED_FIELDS

# The event's translated fields, as registered with modeltranslation.
TRANSLATED: tuple[str, ...] = TRANSLATED_FIELDS[Event]

# What the event's calendar entries (``icc.events.ics``) show, each language of a translated
# field included: a change to one of them raises the entries' SEQUENCE (RFC 5545 3.8.7.4; RFC
# 5546 2.1.4 requires it for the start, end and status, the place is a change that concerns
# whoever planned to come, the rest is allowed and makes calendars show what was edited).
CALENDAR_FIELDS: frozenset[str] = frozenset(
    (
        "kind", "format", "status", "start", "end", "timezone", "all_day", "venue_name",
        "venue_address",
        *(f"{name}_{language}" for name in ("title", "description", "objective", "venue_room")
          for language in LANGUAGES),
    )
)  # fmt: skip


@dataclass(frozen=True)
class OrganisationSpec:
    name: Texts
    role: OrganisationRole = OrganisationRole.ORGANISER
    url: str = ""


@dataclass(frozen=True)
class EventSpec:
    """Everything that describes an event (translated fields as ``{"en": …, "fr": …}``)."""

    slug: str
    kind: EventKind
    start: dt.datetime
    end: dt.datetime
    timezone: str
    title: Texts
    format: EventFormat = EventFormat.IN_PERSON
    status: EventStatus = EventStatus.PUBLISHED
    all_day: bool = False
    objective: Texts = field(default_factory=dict)
    target_group: Texts = field(default_factory=dict)
    description: Texts = field(default_factory=dict)
    venue_room: Texts = field(default_factory=dict)
    online_instructions: Texts = field(default_factory=dict)
    place_id: int | None = None
    venue_name: str = ""
    venue_address: str = ""
    venue_map_url: str = ""
    venue_url: str = ""
    online_url: str = ""
    programme_published_on: dt.date | None = None
    languages: Sequence[str] = ()
    themes: Sequence[str] = ()
    organisations: Sequence[OrganisationSpec] = ()
    registration_enabled: bool = False
    capacity: int | None = None
    requires_approval: bool = False
    registration_deadline: dt.datetime | None = None
    is_fictional: bool = False


@transaction.atomic
def event_upsert(*, spec: EventSpec) -> Event:
    """Create the event ``spec.slug`` or bring it in line with ``spec`` (idempotent).

    Raises ``ValueError`` for naive datetimes, an unknown time zone or an end before the start.
    """
    for moment in (spec.start, spec.end):
        if moment.tzinfo is None:
            raise ValueError("Give aware datetimes (with a time zone) for the start and the end.")
    if spec.end < spec.start:
        raise ValueError("The event must end after it starts.")
    validate_timezone_name(spec.timezone)
    event = Event.objects.filter(slug=spec.slug).first() or Event(slug=spec.slug)
    shown = {name: getattr(event, name) for name in CALENDAR_FIELDS}
    for name in (
        "kind", "format", "status", "start", "end", "timezone", "all_day", "place_id",
        "venue_name", "venue_address", "venue_map_url", "venue_url", "online_url",
        "programme_published_on", "registration_enabled", "capacity", "requires_approval",
        "registration_deadline", "is_fictional",
    ):  # fmt: skip
        setattr(event, name, getattr(spec, name))
    for name in TRANSLATED:
        texts_apply(event, name, getattr(spec, name))
    revised = event.pk is not None and any(getattr(event, n) != v for n, v in shown.items())
    if revised:
        event.calendar_sequence = models.F("calendar_sequence") + 1
    event.save()
    if revised:
        event.refresh_from_db(fields=["calendar_sequence"])
    event_languages_set(event=event, codes=spec.languages)
    event.themes.set(Theme.objects.filter(slug__in=spec.themes))
    event_organisations_set(event=event, organisations=spec.organisations)
    return event


@transaction.atomic
def event_languages_set(*, event: Event, codes: Sequence[str]) -> None:
    """The event's working languages, in order."""
    event.languages.all().delete()
    EventLanguage.objects.bulk_create(
        EventLanguage(event=event, code=code, position=i) for i, code in enumerate(codes)
    )


@transaction.atomic
def event_organisations_set(*, event: Event, organisations: Sequence[OrganisationSpec]) -> None:
    """Replace the event's organisers and partners."""
    event.organisations.all().delete()
    for position, spec in enumerate(organisations):
        row = EventOrganisation(event=event, role=spec.role, url=spec.url, position=position)
        texts_apply(row, "name", spec.name)
        row.save()


@transaction.atomic
def theme_upsert(*, slug: str, name: Texts) -> Theme:
    theme = Theme.objects.filter(slug=slug).first() or Theme(slug=slug)
    texts_apply(theme, "name", name)
    theme.save()
    return theme


@transaction.atomic
def event_document_add(
    *, event: Event, kind: DocumentKind, title: Texts, url: str, language: str = ""
) -> EventDocument:
    """Link a report, recording or document to the event (files are uploaded in the admin)."""
    if not url:
        raise ValueError("Give the document's link.")
    document = EventDocument(
        event=event,
        kind=kind,
        url=url,
        language=language,
        position=event.documents.count(),
    )
    texts_apply(document, "title", title)
    document.save()
    return document


@transaction.atomic
def registration_field_add(
    *,
    event: Event,
    key: str,
    label: Texts,
    kind: FieldKind,
    required: bool = False,
    help_text: Texts | None = None,
    options: Sequence[tuple[str, Mapping[str, str]]] = (),
) -> RegistrationField:
    """Add (or replace) a question of the event's registration form; choice questions take
    ``options`` as ``(value, {"en": label, …})``."""
    if kind == FieldKind.CHOICE and not options:
        raise ValueError("A choice question needs at least one option.")
    RegistrationField.objects.filter(event=event, key=key).delete()
    question = RegistrationField(
        event=event,
        key=key,
        kind=kind,
        required=required,
        position=event.registration_fields.count(),
    )
    texts_apply(question, "label", label)
    texts_apply(question, "help_text", help_text or {})
    question.save()
    for position, (value, texts) in enumerate(options):
        option = RegistrationFieldOption(field=question, value=value, position=position)
        texts_apply(option, "label", texts)
        option.save()
    return question
