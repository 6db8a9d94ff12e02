"""Import a checked programme into an event (all or nothing) and export one back.

Import replaces the event's whole programme. People are matched by key: a known key updates
that person (everywhere they appear), a new key adds one. Sessions keep their ``uid`` so that
calendar entries survive a round trip through a file.
"""

import io
import json
from dataclasses import dataclass
from typing import Any, Literal

import yaml
from django.db import transaction
from django.utils.translation import gettext as _

from icc.core.tabular import file_size_check
from icc.events.models import (
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
from icc.events.services.programme import event_revise, texts_apply

BREAK_NAMES = {kind: name for name, kind in BREAKS.items()}


@dataclass(frozen=True)
class ImportReport:
    event: str
    parts: int
    slots: int
    sessions: int
    people: int
    dry_run: bool


def _check_against_database(event: Event, data: ProgrammeData) -> None:
    problems = []
    if data.event and data.event != event.slug:
        problems.append(
            Problem(
                "event",
                _(
                    "The file is for the event “%(file)s”, not “%(event)s”; fix the line or "
                    "the --event option."
                )
                % {"file": data.event, "event": event.slug},
            )
        )
    uids = [s.uid for s in data.sessions if s.uid is not None]
    taken = Session.objects.filter(uid__in=uids).exclude(slot__part__event=event)
    if taken.exists():
        problems.append(
            Problem(
                "parts",
                _(
                    "Some session uids belong to another event's sessions; remove the uid "
                    "lines of a copied programme."
                ),
            )
        )
    if problems:
        raise ProgrammeInvalid(problems)


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
    if not dry_run:
        _write(event, data)
    return ImportReport(
        event=event.slug,
        parts=len(data.parts),
        slots=sum(len(p.slots) for p in data.parts),
        sessions=len(data.sessions),
        people=len(data.people),
        dry_run=dry_run,
    )


@transaction.atomic
def _write(event: Event, data: ProgrammeData) -> None:
    people: dict[str, Person] = {}
    for entry in data.people:
        person = Person.objects.filter(slug=entry.key).first() or Person(slug=entry.key)
        person.name = entry.name
        for field, texts in (("title", entry.title), ("organisation", entry.organisation)):
            texts_apply(person, field, {lang: texts.get(lang, "") for lang in LANGUAGES})
        person.save()
        people[entry.key] = person
    Part.objects.filter(event=event).delete()
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
                session = Session(slot=slot, kind=session_data.kind, position=position)
                if session_data.uid is not None:
                    session.uid = session_data.uid
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
    event_revise(pk=event.pk)


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
