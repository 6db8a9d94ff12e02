"""Import a checked programme into an event (all or nothing) and export one back.

Import replaces the event's whole programme. People are matched by key: a known key updates
that person (everywhere they appear), a new key adds one.

Calendars (``icc.events.ics``): a session keeps its ``uid`` through a round trip into the same
event, so that its calendar entry is updated rather than doubled; a ``uid`` that belongs to
another event (a copied programme, or an event deleted since) is replaced by a new one
(``session_uid_claim``), since calendar applications would otherwise merge two events'
sessions or ignore the copy for its lower ``SEQUENCE``. The event's calendar revision rises
only when the import changes what the programme shows, and so does that of every other event
where a person the file changed appears.
"""

import io
import json
import uuid
from dataclasses import dataclass
from typing import Any, Literal

import yaml
from django.db import transaction
from django.utils.translation import gettext as _

from icc.core.tabular import file_size_check
from icc.events.models import (
    CalendarUid,
    Event,
    Part,
    Person,
    Session,
    SessionItem,
    SessionPerson,
    Slot,
    SlotKind,
)
from icc.events.programme_format.parse import (
    BREAKS,
    FORMAT,
    LANGUAGES,
    Problem,
    ProgrammeData,
    ProgrammeInvalid,
    programme_load,
    programme_parse,
)
from icc.events.services.programme import event_revise, session_uid_claim, texts_apply

BREAK_NAMES = {kind: name for name, kind in BREAKS.items()}


@dataclass(frozen=True)
class ImportReport:
    event: str
    parts: int
    slots: int
    sessions: int
    people: int
    dry_run: bool
    new_uids: int = 0  # sessions whose uid belonged to another event, given a new one


def _check_against_database(event: Event, data: ProgrammeData) -> None:
    if data.event and data.event != event.slug:
        message = _(
            "The file is for the event “%(file)s”, not “%(event)s”; fix the line or the --event "
            "option."
        ) % {"file": data.event, "event": event.slug}
        raise ProgrammeInvalid([Problem("event", message)])


def programme_import(
    *, event: Event, content: bytes, filename: str, dry_run: bool = False
) -> ImportReport:
    """Replace ``event``'s programme with the file's. Raises ``ProgrammeInvalid`` with every
    problem (path and what to fix) and then writes nothing; ``dry_run`` only checks. Raises
    ``TabularFileError`` (naming the limit) for a file over ``ICC_IMPORT_MAX_BYTES``, before
    it is parsed. The file is read and checked before the write transaction begins."""
    file_size_check(io.BytesIO(content))
    data = programme_parse(programme_load(content=content, filename=filename))
    _check_against_database(event, data)
    new_uids = len(_uids_of_other_events(event, data)) if dry_run else _write(event, data)
    return ImportReport(
        event=event.slug,
        parts=len(data.parts),
        slots=sum(len(p.slots) for p in data.parts),
        sessions=len(data.sessions),
        people=len(data.people),
        dry_run=dry_run,
        new_uids=new_uids,
    )


def _uids_of_other_events(event: Event, data: ProgrammeData) -> set[uuid.UUID]:
    """The file's session uids that another event's sessions hold or once held."""
    uids = {s.uid for s in data.sessions if s.uid is not None}
    recorded = CalendarUid.objects.filter(uid__in=uids).exclude(event_uid=event.uid)
    held = Session.objects.filter(uid__in=uids).exclude(slot__part__event=event)
    return set(recorded.values_list("uid", flat=True)) | set(held.values_list("uid", flat=True))


def _shown(person: Person) -> tuple[object, ...]:
    """What pages and calendars show of a person."""
    return (person.name, _texts(person, "title"), _texts(person, "organisation"))


@transaction.atomic
def _write(event: Event, data: ProgrammeData) -> int:
    """Write the programme; return how many sessions were given a new uid."""
    Event.objects.select_for_update().get(pk=event.pk)  # one import of the event at a time
    shown_before = programme_export(event=event)
    people: dict[str, Person] = {}
    changed: list[Person] = []
    for entry in data.people:
        person = Person.objects.filter(slug=entry.key).first() or Person(slug=entry.key)
        before = _shown(person) if person.pk else None
        person.name = entry.name
        for field, texts in (("title", entry.title), ("organisation", entry.organisation)):
            texts_apply(person, field, {lang: texts.get(lang, "") for lang in LANGUAGES})
        person.save()
        if before is not None and before != _shown(person):
            changed.append(person)
        people[entry.key] = person
    Part.objects.filter(event=event).delete()
    new_uids = 0
    for p_index, part_data in enumerate(data.parts):
        part = Part(event=event, date=part_data.date, position=p_index)
        texts_apply(part, "title", part_data.title)
        part.save()
        for s_index, slot_data in enumerate(part_data.slots):
            slot = Slot(
                part=part,
                start=slot_data.start,
                end=slot_data.end,
                kind=SlotKind(slot_data.kind),
                position=s_index,
            )
            texts_apply(slot, "title", slot_data.title)
            slot.save()
            for position, session_data in enumerate(slot_data.sessions):
                uid = session_uid_claim(event=event, uid=session_data.uid)
                if session_data.uid is not None and uid != session_data.uid:
                    new_uids += 1
                session = Session(slot=slot, kind=session_data.kind, position=position, uid=uid)
                for field, texts in (
                    ("title", session_data.title),
                    ("description", session_data.description),
                    ("location", session_data.location),
                ):
                    texts_apply(session, field, texts)
                session.save()
                for i, text in enumerate(session_data.items):
                    item = SessionItem(session=session, position=i)
                    texts_apply(item, "text", text)
                    item.save()
                SessionPerson.objects.bulk_create(
                    SessionPerson(session=session, person=people[key], role=role, position=i)
                    for i, (key, role) in enumerate(session_data.people)
                )
    if programme_export(event=event) != shown_before:
        event_revise(pk=event.pk)
    if changed:
        others = Event.objects.filter(parts__slots__sessions__people__person__in=changed)
        event_revise(pk__in=set(others.exclude(pk=event.pk).values_list("pk", flat=True)))
    return new_uids


def _texts(obj: object, field: str) -> dict[str, str] | None:
    texts = {
        lang: value for lang in LANGUAGES if (value := getattr(obj, f"{field}_{lang}", None) or "")
    }
    return texts or None


def _compact(mapping: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in mapping.items() if value not in (None, [], {})}


def programme_export(*, event: Event) -> dict[str, Any]:
    """The event's programme as data in the file format (every content language given)."""
    parts = Part.objects.filter(event=event).prefetch_related(
        "slots__sessions__items", "slots__sessions__people__person"
    )
    people: dict[str, Person] = {}
    out_parts = []
    for part in parts:
        slots = []
        for slot in part.slots.all():
            sessions = []
            for session in slot.sessions.all():
                for sp in session.people.all():
                    people.setdefault(sp.person.slug, sp.person)
                sessions.append(
                    _compact(
                        {
                            "uid": str(session.uid),
                            "kind": session.kind,
                            "title": _texts(session, "title"),
                            "description": _texts(session, "description"),
                            "location": _texts(session, "location"),
                            "people": [
                                {"person": sp.person.slug, "role": sp.role}
                                for sp in session.people.all()
                            ],
                            "items": [_texts(item, "text") for item in session.items.all()],
                        }
                    )
                )
            slots.append(
                _compact(
                    {
                        "start": f"{slot.start:%H:%M}",
                        "end": f"{slot.end:%H:%M}" if slot.end else None,
                        "break": BREAK_NAMES.get(slot.kind),
                        "title": _texts(slot, "title"),
                        "sessions": sessions,
                    }
                )
            )
        out_parts.append(
            {"title": _texts(part, "title"), "date": part.date.isoformat(), "slots": slots}
        )
    return {
        "format": FORMAT,
        "event": event.slug,
        "people": [
            _compact(
                {
                    "key": person.slug,
                    "name": person.name,
                    "title": _texts(person, "title"),
                    "organisation": _texts(person, "organisation"),
                }
            )
            for person in people.values()  # in order of first appearance
        ],
        "parts": out_parts,
    }


def programme_dump(data: dict[str, Any], *, fmt: Literal["yaml", "json"]) -> str:
    """The exported data as YAML (readable, times quoted) or JSON."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
