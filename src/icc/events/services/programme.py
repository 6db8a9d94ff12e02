"""Writes to a programme, named ``<noun>_<verb>`` like every service of the platform.

Each is keyword-only, typed and atomic. Translated text arrives as ``{"en": …, "fr": …}``; only
the languages given change. Positions inside a parent are kept dense (0, 1, 2…) so that
"move up/down" is a swap with the neighbour.
"""

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from typing import Literal, TypeVar

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from icc.events.models import (
    CalendarUid,
    Event,
    Part,
    Person,
    PersonRole,
    Session,
    SessionItem,
    SessionKind,
    SessionPerson,
    Slot,
    SlotKind,
)

Texts = Mapping[str, str]
Direction = Literal["up", "down"]
M = TypeVar("M", bound=models.Model)
LANGUAGES: tuple[str, ...] = tuple(settings.MODELTRANSLATION_LANGUAGES)


def texts_apply(obj: models.Model, name: str, texts: Texts) -> None:
    """Set the translations of field ``name`` given in ``texts`` (unknown languages: ValueError)."""
    for language, text in texts.items():
        if language not in LANGUAGES:
            raise ValueError(
                _("“%(language)s” is not a content language; use one of %(languages)s.")
                % {"language": language, "languages": ", ".join(LANGUAGES)}
            )
        setattr(obj, f"{name}_{language}", text.strip())


def _renumber(rows: Sequence[M]) -> None:
    for index, row in enumerate(rows):
        row.position = index  # type: ignore[attr-defined]
    if rows:
        type(rows[0]).objects.bulk_update(rows, ["position"])  # type: ignore[attr-defined]


def _move(row: M, siblings: "models.QuerySet[M]", direction: Direction) -> None:
    ordered = list(siblings)
    index = next(i for i, other in enumerate(ordered) if other.pk == row.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(ordered):
        ordered[index], ordered[other] = ordered[other], ordered[index]
    _renumber(ordered)


def _delete(row: M, siblings: "models.QuerySet[M]") -> None:
    """Delete ``row``, then close the gap it leaves among ``siblings`` (read after the delete)."""
    row.delete()
    _renumber(list(siblings))


def event_revise(**lookup: object) -> None:
    """Mark the events matching ``lookup`` as changed now and raise their calendar revision:
    their calendars (.ics) take ``DTSTAMP`` and ``LAST-MODIFIED`` from the time and ``SEQUENCE``
    from the revision, so that a calendar application replaces the entries it holds (some,
    Outlook among them, look at ``SEQUENCE`` only)."""
    Event.objects.filter(**lookup).update(
        updated_at=timezone.now(), calendar_sequence=models.F("calendar_sequence") + 1
    )


def session_uid_claim(*, event: Event, uid: uuid.UUID | None = None) -> uuid.UUID:
    """The calendar identifier of a session of ``event``: ``uid`` when it is new or already
    ``event``'s, otherwise (none given, or one given to another event's session, today or
    before) a new one. Either way it is recorded for ``event`` (``CalendarUid``), so that a UID
    never moves to another event: calendar applications would merge two different sessions, or
    ignore the new one for a ``SEQUENCE`` lower than the old one's. Call it inside the
    transaction that saves the session."""
    if uid is not None:
        entry, _created = CalendarUid.objects.get_or_create(
            uid=uid, defaults={"event_uid": event.uid}
        )
        elsewhere = Session.objects.filter(uid=uid).exclude(slot__part__event=event).exists()
        if entry.event_uid == event.uid and not elsewhere:
            return uid
    fresh = uuid.uuid4()
    CalendarUid.objects.create(uid=fresh, event_uid=event.uid)
    return fresh


def _next_position(siblings: "models.QuerySet[M]") -> int:
    top = siblings.aggregate(top=models.Max("position"))["top"]
    return 0 if top is None else top + 1


# parts


@transaction.atomic
def part_create(*, event: Event, title: Texts, date: dt.date) -> Part:
    """Add a part at the end of the programme."""
    part = Part(event=event, date=date, position=_next_position(event.parts.all()))
    texts_apply(part, "title", title)
    part.save()
    event_revise(pk=event.pk)
    return part


@transaction.atomic
def part_update(*, part: Part, title: Texts, date: dt.date) -> Part:
    texts_apply(part, "title", title)
    part.date = date
    part.save()
    event_revise(pk=part.event_id)
    return part


@transaction.atomic
def part_delete(*, part: Part) -> None:
    """Delete a part with its slots and sessions (people stay in the directory)."""
    _delete(part, part.event.parts.all())
    event_revise(pk=part.event_id)


@transaction.atomic
def part_move(*, part: Part, direction: Direction) -> None:
    _move(part, part.event.parts.all(), direction)
    event_revise(pk=part.event_id)


# slots


@transaction.atomic
def slot_create(
    *,
    part: Part,
    start: dt.time,
    end: dt.time | None = None,
    kind: SlotKind = SlotKind.SESSIONS,
    title: Texts | None = None,
) -> Slot:
    """Add a slot where its start time puts it (after the slots starting earlier or at once)."""
    _check_times(start, end)
    siblings = list(part.slots.all())
    index = sum(1 for other in siblings if other.start <= start)
    slot = Slot(part=part, start=start, end=end, kind=kind)
    texts_apply(slot, "title", title or {})
    slot.save()
    siblings.insert(index, slot)
    _renumber(siblings)
    event_revise(parts=part.pk)
    return slot


@transaction.atomic
def slot_update(
    *,
    slot: Slot,
    start: dt.time,
    end: dt.time | None,
    kind: SlotKind,
    title: Texts | None = None,
) -> Slot:
    """Change a slot's times or kind. A slot that holds sessions cannot become a break."""
    _check_times(start, end)
    if kind != SlotKind.SESSIONS and slot.sessions.exists():
        raise ValueError(_("Move or delete the slot's sessions before making it a break."))
    slot.start, slot.end, slot.kind = start, end, kind
    texts_apply(slot, "title", title or {})
    slot.save()
    event_revise(parts=slot.part_id)
    return slot


def _check_times(start: dt.time, end: dt.time | None) -> None:
    if end is not None and end <= start:
        raise ValueError(
            _("The end (%(end)s) must come after the start (%(start)s).")
            % {"end": f"{end:%H:%M}", "start": f"{start:%H:%M}"}
        )


@transaction.atomic
def slot_delete(*, slot: Slot) -> None:
    _delete(slot, slot.part.slots.all())
    event_revise(parts=slot.part_id)


@transaction.atomic
def slot_move(*, slot: Slot, direction: Direction) -> None:
    _move(slot, slot.part.slots.all(), direction)
    event_revise(parts=slot.part_id)


# sessions


@transaction.atomic
def session_create(
    *,
    slot: Slot,
    kind: SessionKind,
    title: Texts,
    description: Texts | None = None,
    location: Texts | None = None,
) -> Session:
    """Add a session at the end of a slot; breaks hold no session."""
    if slot.is_break:
        raise ValueError(_("A break holds no session; add the session to another slot."))
    session = Session(
        slot=slot,
        kind=kind,
        position=_next_position(slot.sessions.all()),
        uid=session_uid_claim(event=slot.part.event),
    )
    texts_apply(session, "title", title)
    texts_apply(session, "description", description or {})
    texts_apply(session, "location", location or {})
    session.save()
    event_revise(parts__slots=slot.pk)
    return session


@transaction.atomic
def session_update(
    *,
    session: Session,
    kind: SessionKind,
    title: Texts,
    description: Texts,
    location: Texts,
) -> Session:
    session.kind = kind
    texts_apply(session, "title", title)
    texts_apply(session, "description", description)
    texts_apply(session, "location", location)
    session.save()
    event_revise(parts__slots=session.slot_id)
    return session


@transaction.atomic
def session_delete(*, session: Session) -> None:
    _delete(session, session.slot.sessions.all())
    event_revise(parts__slots=session.slot_id)


@transaction.atomic
def session_move(*, session: Session, direction: Direction) -> None:
    _move(session, session.slot.sessions.all(), direction)
    event_revise(parts__slots=session.slot_id)


# sub-items


@transaction.atomic
def session_item_create(*, session: Session, text: Texts) -> SessionItem:
    item = SessionItem(session=session, position=_next_position(session.items.all()))
    texts_apply(item, "text", text)
    item.save()
    event_revise(parts__slots__sessions=session.pk)
    return item


@transaction.atomic
def session_item_update(*, item: SessionItem, text: Texts) -> SessionItem:
    texts_apply(item, "text", text)
    item.save()
    event_revise(parts__slots__sessions=item.session_id)
    return item


@transaction.atomic
def session_item_delete(*, item: SessionItem) -> None:
    _delete(item, item.session.items.all())
    event_revise(parts__slots__sessions=item.session_id)


@transaction.atomic
def session_item_move(*, item: SessionItem, direction: Direction) -> None:
    _move(item, item.session.items.all(), direction)
    event_revise(parts__slots__sessions=item.session_id)


# people


def _free_slug(name: str) -> str:
    base = slugify(name)[:100] or "person"
    slug, n = base, 2
    while Person.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def person_create(*, name: str, title: Texts, organisation: Texts, slug: str = "") -> Person:
    """Add someone to the directory of speakers (``slug`` defaults to one made from the name)."""
    if not name.strip():
        raise ValueError(_("A person needs a name."))
    person = Person(slug=slug or _free_slug(name), name=name.strip())
    texts_apply(person, "title", title)
    texts_apply(person, "organisation", organisation)
    person.save()
    return person


@transaction.atomic
def person_update(*, person: Person, name: str, title: Texts, organisation: Texts) -> Person:
    """Change a person everywhere they appear."""
    person.name = name.strip()
    texts_apply(person, "title", title)
    texts_apply(person, "organisation", organisation)
    person.save()
    event_revise(parts__slots__sessions__people__person=person)
    return person


@transaction.atomic
def session_person_add(*, session: Session, person: Person, role: PersonRole) -> SessionPerson:
    """Give ``person`` a role in ``session`` (after the people already there)."""
    if session.people.filter(person=person, role=role).exists():
        raise ValueError(
            _("%(name)s already has this role in the session.") % {"name": person.name}
        )
    row = SessionPerson.objects.create(
        session=session,
        person=person,
        role=role,
        position=_next_position(session.people.all()),
    )
    event_revise(parts__slots__sessions=session.pk)
    return row


@transaction.atomic
def session_person_remove(*, session_person: SessionPerson) -> None:
    _delete(session_person, session_person.session.people.all())
    event_revise(parts__slots__sessions=session_person.session_id)


@transaction.atomic
def session_person_move(*, session_person: SessionPerson, direction: Direction) -> None:
    _move(session_person, session_person.session.people.all(), direction)
    event_revise(parts__slots__sessions=session_person.session_id)
