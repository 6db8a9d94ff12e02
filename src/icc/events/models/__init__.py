"""Events and meetings: the event, its programme, its registrations.

One import path (``icc.events.models``) in front of three modules:
``event`` (the event and what describes it), ``programme`` (parts → slots → sessions with their
people and sub-items) and ``registration`` (form fields and registrations). Translated content
fields are registered in ``icc.events.translation``.
"""

from icc.events.models.event import (
    PUBLIC_STATUSES,
    WORKING_LANGUAGES,
    DocumentKind,
    Event,
    EventDocument,
    EventFormat,
    EventKind,
    EventLanguage,
    EventOrganisation,
    EventStatus,
    OrganisationRole,
    Theme,
)
from icc.events.models.programme import (
    CalendarUid,
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
from icc.events.models.registration import (
    FieldKind,
    Registration,
    RegistrationField,
    RegistrationFieldOption,
)

__all__ = [
    "PUBLIC_STATUSES",
    "WORKING_LANGUAGES",
    "CalendarUid",
    "DocumentKind",
    "Event",
    "EventDocument",
    "EventFormat",
    "EventKind",
    "EventLanguage",
    "EventOrganisation",
    "EventStatus",
    "FieldKind",
    "OrganisationRole",
    "Part",
    "Person",
    "PersonRole",
    "Registration",
    "RegistrationField",
    "RegistrationFieldOption",
    "Session",
    "SessionItem",
    "SessionKind",
    "SessionPerson",
    "Slot",
    "SlotKind",
    "Theme",
]
