"""A session's calendar identifier (UID) belongs to one event for good, and its SEQUENCE never
goes down: a programme copied or imported into another event gets new identifiers, while an
import into the same event keeps them and raises SEQUENCE only when something shown changed.

Every check reads the calendars as a calendar application does: the .ics a visitor downloads,
parsed by ``icalendar``."""

import datetime as dt

import icalendar
import pytest
from django.test import Client

from icc.events.models import Event, Person, PersonRole, SessionKind
from icc.events.programme_format import programme_dump, programme_export, programme_import
from icc.events.services import programme as services

pytestmark = pytest.mark.django_db


Entries = dict[str, tuple[int, dt.datetime, str]]


def entries(event: Event) -> Entries:
    """UID → (SEQUENCE, DTSTAMP, SUMMARY) of each entry of the event's calendar."""
    content = Client().get(f"/en/events/{event.slug}/calendar.ics").content
    return {
        str(entry["UID"]): (
            int(entry.get("SEQUENCE", 0)),
            entry.decoded("DTSTAMP"),
            str(entry["SUMMARY"]),
        )
        for entry in icalendar.Calendar.from_ical(content).walk("VEVENT")
    }


def exported(event: Event) -> bytes:
    return programme_dump(programme_export(event=event), fmt="yaml").encode()


def copy_for(text: bytes, source: Event, target: Event) -> bytes:
    """The file as a secretariat copies it: the ``event`` line names the new event."""
    return text.replace(f"event: {source.slug}".encode(), f"event: {target.slug}".encode())


def never_lower(before: Entries, after: Entries) -> None:
    for uid, (sequence, _stamp, _summary) in after.items():
        if uid in before:
            assert sequence >= before[uid][0], f"{uid}: SEQUENCE went from {before[uid][0]}"


def test_a_programme_imported_into_another_event_gets_its_own_uids(bilbao, make_event):
    other = make_event("bilbao-again")
    bilbao_calendar = entries(bilbao)
    text = exported(bilbao)

    report = programme_import(
        event=other, content=copy_for(text, bilbao, other), filename="copy.yaml"
    )

    assert report.sessions == 14 and report.new_uids == 14
    copied = entries(other)
    assert len(copied) == 14
    assert not set(copied) & set(bilbao_calendar)  # no entry merges with Bilbao's
    assert sorted(summary for _seq, _stamp, summary in copied.values()) == sorted(
        summary for _seq, _stamp, summary in bilbao_calendar.values()
    )
    assert entries(bilbao) == bilbao_calendar  # Bilbao's calendar is untouched
    # importing the copy again into the same event keeps the new identifiers
    again = programme_import(event=other, content=exported(other), filename="again.yaml")
    assert again.new_uids == 0 and set(entries(other)) == set(copied)


def test_uids_of_a_deleted_event_are_not_given_to_the_next_one(bilbao, make_event):
    """The old event's sessions may still sit in people's calendars with a high SEQUENCE: a
    new event reusing their UIDs with SEQUENCE 1 would be ignored or merged with them."""
    text = exported(bilbao)
    for _ in range(3):  # the old programme was revised a few times
        programme_import(
            event=bilbao,
            content=text.replace(b"Coffee break", b"Coffee"),
            filename="p.yaml",
        )
        programme_import(event=bilbao, content=text, filename="p.yaml")
    old = entries(bilbao)
    assert min(sequence for sequence, _stamp, _summary in old.values()) >= 6
    Event.objects.filter(pk=bilbao.pk).delete()
    successor = make_event("coordinators-meeting-2024")

    report = programme_import(
        event=successor, content=copy_for(text, bilbao, successor), filename="p.yaml"
    )

    new = entries(successor)
    never_lower(old, new)
    assert not set(new) & set(old)
    assert report.new_uids == 14


def test_importing_the_same_programme_again_keeps_uids_and_sequence(bilbao):
    Event.objects.filter(pk=bilbao.pk).update(updated_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    before = entries(bilbao)
    text = exported(bilbao)

    programme_import(event=bilbao, content=text, filename="same.yaml")

    assert entries(bilbao) == before  # same UIDs, same SEQUENCE, same DTSTAMP

    programme_import(
        event=bilbao, content=text.replace(b"Fin de la r\xc3\xa9union", b"Fin"), filename="p.yaml"
    )
    after = entries(bilbao)
    assert set(after) == set(before)
    for uid, (sequence, stamp, _summary) in after.items():
        assert sequence == before[uid][0] + 1 and stamp > before[uid][1]


def test_a_person_renamed_by_an_import_raises_the_sequence_of_their_other_events(
    bilbao, make_event
):
    """People are shared by all events: the new name shows in every calendar they appear in."""
    person = Person.objects.get(slug="daniel-de-torres")
    other = make_event("other-meeting")
    part = services.part_create(event=other, title={"en": "Day"}, date=other.local_start.date())
    slot = services.slot_create(part=part, start=dt.time(10), end=dt.time(11))
    session = services.session_create(slot=slot, kind=SessionKind.TALK, title={"en": "Welcome"})
    services.session_person_add(session=session, person=person, role=PersonRole.MODERATOR)
    before = entries(other)
    text = exported(bilbao)

    renamed = text.replace(
        f"name: {person.name}".encode(), f"name: {person.name} Oliveras".encode()
    )
    programme_import(event=bilbao, content=renamed, filename="renamed.yaml")

    [(uid, (sequence, _stamp, _summary))] = entries(other).items()
    assert uid in before and sequence == before[uid][0] + 1


def test_a_new_session_made_in_the_editor_never_takes_a_deleted_one_s_place(make_event):
    """The editor's sessions are recorded too: a file exported before a session was deleted
    and imported into another event gives that event new identifiers."""
    first = make_event("first")
    part = services.part_create(event=first, title={"en": "Day"}, date=first.local_start.date())
    slot = services.slot_create(part=part, start=dt.time(9), end=dt.time(10))
    services.session_create(slot=slot, kind=SessionKind.TALK, title={"en": "Welcome"})
    text = exported(first)
    deleted = entries(first)
    services.part_delete(part=part)
    second = make_event("second")

    report = programme_import(
        event=second, content=copy_for(text, first, second), filename="p.yaml"
    )

    assert not set(entries(second)) & set(deleted)
    assert report.new_uids == 1
