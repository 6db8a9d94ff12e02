"""Read a programme file (YAML or JSON, format ``icc-programme/1``) into plain data.

Every problem is collected with its path in the file (``parts[0].slots[2].start``) and a
sentence that says what to fix; nothing is written unless there is none. The format is
documented in ``PROGRAMME_FORMAT.md`` beside this package.
"""

import datetime as dt
import json
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

import yaml
from django.conf import settings
from django.utils.translation import gettext as _

from icc.events.models import PersonRole, SessionKind

FORMAT = "icc-programme/1"
LANGUAGES: tuple[str, ...] = tuple(settings.MODELTRANSLATION_LANGUAGES)
BREAKS = {"coffee": "coffee_break", "lunch": "lunch_break", "other": "break"}
KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
Texts = dict[str, str]


@dataclass(frozen=True)
class Problem:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class ProgrammeInvalid(ValueError):
    """The file cannot be imported; ``problems`` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class PersonData:
    key: str
    name: str
    title: Texts = field(default_factory=dict)
    organisation: Texts = field(default_factory=dict)


@dataclass
class SessionData:
    kind: str
    title: Texts
    uid: uuid.UUID | None = None
    description: Texts = field(default_factory=dict)
    location: Texts = field(default_factory=dict)
    people: list[tuple[str, str]] = field(default_factory=list)  # (person key, role)
    items: list[Texts] = field(default_factory=list)


@dataclass
class SlotData:
    start: dt.time
    end: dt.time | None
    kind: str
    title: Texts = field(default_factory=dict)
    sessions: list[SessionData] = field(default_factory=list)


@dataclass
class PartData:
    title: Texts
    date: dt.date
    slots: list[SlotData] = field(default_factory=list)


@dataclass
class ProgrammeData:
    event: str
    people: list[PersonData]
    parts: list[PartData]

    @property
    def sessions(self) -> list[SessionData]:
        return [s for part in self.parts for slot in part.slots for s in slot.sessions]


class _Loader(yaml.SafeLoader):
    """YAML 1.1 reads 11:30 as the number 690 (base 60) and 2023-13-40 as a crashing date;
    here times and dates stay text, checked by the reader with a clear message."""


_Loader.yaml_implicit_resolvers = {
    first: ([("tag:yaml.org,2002:str", re.compile(r"^\d{1,2}:\d{2}$"))] if first.isdigit() else [])
    + [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def programme_load(*, content: bytes, filename: str) -> object:
    """The file's data: JSON for ``.json``, YAML otherwise (JSON is YAML too)."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ProgrammeInvalid(
            [Problem("", _("The file is not UTF-8 text; save it as UTF-8."))]
        ) from error
    try:
        if filename.lower().endswith(".json"):
            return json.loads(text)
        return yaml.load(text, Loader=_Loader)  # noqa: S506 -- a SafeLoader subclass
    except (json.JSONDecodeError, yaml.YAMLError, ValueError) as error:
        raise ProgrammeInvalid(
            [Problem("", _("The file cannot be read: %(error)s") % {"error": error})]
        ) from error


class _Reader:
    """Walks the data, recording problems instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def mapping(self, value: object, path: str) -> dict[str, Any] | None:
        if isinstance(value, dict):
            return value
        self.fail(path, _("Expected a mapping of keys and values here."))
        return None

    def listing(self, value: object, path: str, *, required: bool = False) -> list[Any]:
        if value is None and not required:
            return []
        if isinstance(value, list):
            return value
        self.fail(path, _("Expected a list here (lines starting with “- ”)."))
        return []

    def texts(self, value: object, path: str, *, required: bool = False) -> Texts:
        """A translated text: a mapping language → text, or a plain string (English)."""
        if value is None or value == "" or value == {}:
            if required:
                self.fail(path, _("This text is required; give at least its English version (en)."))
            return {}
        if isinstance(value, str):
            return {"en": value}
        if not isinstance(value, dict):
            self.fail(
                path, _("Expected a text, or a mapping of languages to texts (en: …, fr: …).")
            )
            return {}
        texts: Texts = {}
        for language, text in value.items():
            if language not in LANGUAGES:
                self.fail(
                    f"{path}.{language}",
                    _("“%(language)s” is not a content language; use one of %(languages)s.")
                    % {"language": language, "languages": ", ".join(LANGUAGES)},
                )
            elif not isinstance(text, str):
                self.fail(f"{path}.{language}", _("Expected a text here."))
            elif text.strip():
                texts[language] = text.strip()
        if texts and "en" not in texts:
            self.fail(
                path, _("Give the English text (en) too: English is the fallback of every page.")
            )
        return texts

    def time(self, value: object, path: str, *, required: bool) -> dt.time | None:
        if value is None and not required:
            return None
        match = TIME.match(str(value)) if isinstance(value, str) else None
        if match and int(match[1]) < 24 and int(match[2]) < 60:
            return dt.time(int(match[1]), int(match[2]))
        self.fail(
            path,
            _('“%(value)s” is not a time; write it as HH:MM in quotes, e.g. "09:30".')
            % {"value": value},
        )
        return None

    def date(self, value: object, path: str) -> dt.date | None:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(
                path,
                _("“%(value)s” is not a date; write it as YYYY-MM-DD, e.g. 2023-11-14.")
                % {"value": value},
            )
            return None

    def choice(self, value: object, path: str, allowed: list[str], default: str) -> str:
        if value is None:
            return default
        if value in allowed:
            return str(value)
        self.fail(
            path,
            _("“%(value)s” is not allowed here; use one of: %(allowed)s.")
            % {"value": value, "allowed": ", ".join(allowed)},
        )
        return default

    def text(self, value: object, path: str) -> str:
        if isinstance(value, str) and value.strip():
            return value.strip()
        self.fail(path, _("This value is required and must be a text."))
        return ""

    def known(self, mapping: dict[str, Any], path: str, keys: tuple[str, ...]) -> None:
        for key in mapping:
            if key not in keys:
                self.fail(
                    f"{path}.{key}" if path else str(key),
                    _("Unknown key “%(key)s”; the keys allowed here are: %(keys)s.")
                    % {"key": key, "keys": ", ".join(keys)},
                )


def _person(reader: _Reader, value: object, path: str) -> PersonData | None:
    data = reader.mapping(value, path)
    if data is None:
        return None
    reader.known(data, path, ("key", "name", "title", "organisation"))
    key = reader.text(data.get("key"), f"{path}.key")
    if key and not KEY.match(key):
        reader.fail(
            f"{path}.key",
            _("A key is lower-case letters, digits and hyphens, e.g. giulia-bianchini."),
        )
    return PersonData(
        key=key,
        name=reader.text(data.get("name"), f"{path}.name"),
        title=reader.texts(data.get("title"), f"{path}.title"),
        organisation=reader.texts(data.get("organisation"), f"{path}.organisation"),
    )


def _session(reader: _Reader, value: object, path: str, people: set[str]) -> SessionData | None:
    data = reader.mapping(value, path)
    if data is None:
        return None
    reader.known(data, path, ("uid", "kind", "title", "description", "location", "people", "items"))
    uid = None
    if data.get("uid") is not None:
        try:
            uid = uuid.UUID(str(data["uid"]))
        except ValueError:
            reader.fail(f"{path}.uid", _("This is not a UUID; remove the line to get a new one."))
    roles: list[tuple[str, str]] = []
    for index, entry in enumerate(reader.listing(data.get("people"), f"{path}.people")):
        where = f"{path}.people[{index}]"
        row = reader.mapping(entry, where)
        if row is None:
            continue
        reader.known(row, where, ("person", "role"))
        key = reader.text(row.get("person"), f"{where}.person")
        if key and key not in people:
            reader.fail(
                f"{where}.person",
                _("No person has the key “%(key)s”; add them under people.") % {"key": key},
            )
        if row.get("role") is None:
            reader.fail(
                f"{where}.role",
                _("Give the person's role: one of %(roles)s.")
                % {"roles": ", ".join(PersonRole.values)},
            )
        role = reader.choice(row.get("role"), f"{where}.role", list(PersonRole.values), "")
        if (key, role) in roles:
            reader.fail(where, _("This person already has this role in the session."))
        roles.append((key, role))
    return SessionData(
        kind=reader.choice(
            data.get("kind"), f"{path}.kind", list(SessionKind.values), SessionKind.TALK.value
        ),
        title=reader.texts(data.get("title"), f"{path}.title", required=True),
        uid=uid,
        description=reader.texts(data.get("description"), f"{path}.description"),
        location=reader.texts(data.get("location"), f"{path}.location"),
        people=roles,
        items=[
            reader.texts(item, f"{path}.items[{i}]", required=True)
            for i, item in enumerate(reader.listing(data.get("items"), f"{path}.items"))
        ],
    )


def _slot(reader: _Reader, value: object, path: str, people: set[str]) -> SlotData | None:
    data = reader.mapping(value, path)
    if data is None:
        return None
    reader.known(data, path, ("start", "end", "break", "title", "sessions"))
    start = reader.time(data.get("start"), f"{path}.start", required=True)
    end = reader.time(data.get("end"), f"{path}.end", required=False)
    if start and end and end <= start:
        reader.fail(f"{path}.end", _("The end must come after the start."))
    kind = "sessions"
    if data.get("break") is not None:
        kind = BREAKS[reader.choice(data.get("break"), f"{path}.break", list(BREAKS), "other")]
        if data.get("sessions"):
            reader.fail(
                f"{path}.sessions", _("A break holds no session; remove “break” or the sessions.")
            )
    elif data.get("title"):
        reader.fail(
            f"{path}.title", _("Only breaks have a title of their own; put it on a session.")
        )
    sessions = [
        _session(reader, item, f"{path}.sessions[{i}]", people)
        for i, item in enumerate(reader.listing(data.get("sessions"), f"{path}.sessions"))
    ]
    if kind == "sessions" and not sessions:
        reader.fail(path, _("A slot holds at least one session, or is a break (break: coffee)."))
    return SlotData(
        start=start or dt.time(0),
        end=end,
        kind=kind,
        title=reader.texts(data.get("title"), f"{path}.title"),
        sessions=[s for s in sessions if s is not None],
    )


def _part(reader: _Reader, value: object, path: str, people: set[str]) -> PartData | None:
    data = reader.mapping(value, path)
    if data is None:
        return None
    reader.known(data, path, ("title", "date", "slots"))
    slots = [
        _slot(reader, item, f"{path}.slots[{i}]", people)
        for i, item in enumerate(reader.listing(data.get("slots"), f"{path}.slots", required=True))
    ]
    return PartData(
        title=reader.texts(data.get("title"), f"{path}.title", required=True),
        date=reader.date(data.get("date"), f"{path}.date") or dt.date.min,
        slots=[s for s in slots if s is not None],
    )


def programme_parse(data: object) -> ProgrammeData:
    """Check a loaded file and return its programme; raises ``ProgrammeInvalid``."""
    reader = _Reader()
    root = reader.mapping(data, "")
    if root is None:
        raise ProgrammeInvalid(reader.problems)
    reader.known(root, "", ("format", "event", "people", "parts"))
    if root.get("format") != FORMAT:
        reader.fail("format", _("Start the file with “format: %(format)s”.") % {"format": FORMAT})
    people = [
        _person(reader, item, f"people[{i}]")
        for i, item in enumerate(reader.listing(root.get("people"), "people"))
    ]
    keys = [p.key for p in people if p is not None]
    for index, key in enumerate(keys):
        if key in keys[:index]:
            reader.fail(
                f"people[{index}].key",
                _("Another person already has the key “%(key)s”.") % {"key": key},
            )
    parts = [
        _part(reader, item, f"parts[{i}]", set(keys))
        for i, item in enumerate(reader.listing(root.get("parts"), "parts", required=True))
    ]
    result = ProgrammeData(
        event=str(root.get("event") or ""),
        people=[p for p in people if p is not None],
        parts=[p for p in parts if p is not None],
    )
    uids = [s.uid for s in result.sessions if s.uid is not None]
    if len(uids) != len(set(uids)):
        reader.fail("parts", _("Two sessions have the same uid; remove the uid of the copy."))
    if reader.problems:
        raise ProgrammeInvalid(reader.problems)
    return result
