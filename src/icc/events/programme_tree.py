"""The programme as plain, frozen display data: what the pages, the API and the calendars show.

Built from prefetched model rows in the active language; times are aware, in the event's zone.
A slot without an end "lasts until" the next slot of its part starts (calendars need an end);
the pages show only the start, as printed programmes do.
"""

import datetime as dt
import uuid
from dataclasses import dataclass, field

from icc.events.models import Event, Part, PersonRole, Session


@dataclass(frozen=True)
class PersonEntry:
    name: str
    title: str
    organisation: str
    byline: str
    affiliation: str
    role: str
    first_mention: bool = True

    @property
    def label(self) -> str:
        """As printed programmes do: name with title at a person's first mention, then the
        name alone."""
        return self.byline if self.first_mention else self.name


@dataclass(frozen=True)
class SessionEntry:
    pk: int
    uid: uuid.UUID
    kind: str
    kind_label: str
    title: str
    description: str
    location: str
    items: list[str]
    people: list[PersonEntry]

    def with_role(self, role: str) -> list[PersonEntry]:
        return [p for p in self.people if p.role == role]

    @property
    def speakers(self) -> list[PersonEntry]:
        return self.with_role(PersonRole.SPEAKER)

    @property
    def moderators(self) -> list[PersonEntry]:
        return self.with_role(PersonRole.MODERATOR)

    @property
    def presenters(self) -> list[PersonEntry]:
        return self.with_role(PersonRole.PRESENTER)

    @property
    def support(self) -> list[PersonEntry]:
        return self.with_role(PersonRole.SUPPORT)


@dataclass(frozen=True)
class SlotEntry:
    pk: int
    start: dt.datetime
    end: dt.datetime | None
    until: dt.datetime | None
    kind: str
    is_break: bool
    label: str
    sessions: list[SessionEntry] = field(default_factory=list)


@dataclass(frozen=True)
class PartEntry:
    pk: int
    title: str
    date: dt.date
    slots: list[SlotEntry]

    @property
    def sessions(self) -> list[SessionEntry]:
        return [s for slot in self.slots for s in slot.sessions]


def _session_entry(session: Session, seen: set[int]) -> SessionEntry:
    people = []
    for sp in session.people.all():
        people.append(
            PersonEntry(
                name=sp.person.name,
                title=sp.person.title,
                organisation=sp.person.organisation,
                byline=sp.person.byline,
                affiliation=sp.person.affiliation,
                role=sp.role,
                first_mention=sp.person_id not in seen,
            )
        )
        seen.add(sp.person_id)
    return SessionEntry(
        pk=session.pk,
        uid=session.uid,
        kind=session.kind,
        kind_label=str(session.get_kind_display()),
        title=session.title,
        description=session.description,
        location=session.location,
        items=[item.text for item in session.items.all()],
        people=people,
    )


def programme_tree(*, event: Event, parts: list[Part]) -> list[PartEntry]:
    """Parts → slots → sessions for display; ``parts`` come prefetched, in order."""
    tree = []
    seen: set[int] = set()  # people already mentioned, in programme order
    for part in parts:
        slots = list(part.slots.all())
        views = []
        for index, slot in enumerate(slots):
            start = dt.datetime.combine(part.date, slot.start, tzinfo=event.tzinfo)
            end = (
                dt.datetime.combine(part.date, slot.end, tzinfo=event.tzinfo) if slot.end else None
            )
            following = slots[index + 1] if index + 1 < len(slots) else None
            until = end
            if until is None and following is not None and following.start > slot.start:
                until = dt.datetime.combine(part.date, following.start, tzinfo=event.tzinfo)
            views.append(
                SlotEntry(
                    pk=slot.pk,
                    start=start,
                    end=end,
                    until=until,
                    kind=slot.kind,
                    is_break=slot.is_break,
                    label=slot.label,
                    sessions=[_session_entry(s, seen) for s in slot.sessions.all()],
                )
            )
        tree.append(PartEntry(pk=part.pk, title=part.title, date=part.date, slots=views))
    return tree
