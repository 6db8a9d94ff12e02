"""Participant lists as CSV or XLSX for the secretariat, to open in a spreadsheet (badges, lists).

One row per registration (erased ones included, so counts add up, with empty personal cells);
one column per registration question. Headings and answers are in words, in the language of the
page the list was downloaded from, as the registrations page shows them: the question's label
(with its key in brackets when two questions share a label), a choice's label, never its stored
value. The stored keys and values stay in the registrant's own data download (JSON). Written by
``icc.core.tabular``: text that a spreadsheet would run as a formula gets a leading quote
(registrants type what they like).
"""

from collections import Counter

from django.db.models import QuerySet
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from icc.core.tabular import Cell, Sheet
from icc.events.models import Event, Registration, RegistrationField
from icc.events.models.registration import STATE_LABELS
from icc.events.registration_states import State
from icc.events.selectors import registration_fields


def _headings(fields: list[RegistrationField]) -> list[str]:
    checked_in = Registration._meta.get_field("checked_in_at").verbose_name
    shared = {label for label, n in Counter(f.label for f in fields).items() if n > 1}
    return [
        _("Name"),
        _("E-mail"),
        _("Organisation"),
        _("State"),
        _("Registered"),
        capfirst(str(checked_in)),
        *(f"{f.label} [{f.key}]" if f.label in shared else f.label for f in fields),
    ]


def participant_rows(
    *, event: Event, registrations: QuerySet[Registration]
) -> tuple[list[str], list[list[Cell]]]:
    """The heading and the rows of the participant list, times in the event's zone."""
    fields = registration_fields(event=event)
    rows: list[list[Cell]] = []
    for registration in registrations:
        checked = registration.checked_in_at
        rows.append(
            [
                registration.name,
                registration.email,
                registration.organisation,
                str(STATE_LABELS[State(registration.state)]),
                registration.created_at.astimezone(event.tzinfo).strftime("%Y-%m-%d %H:%M"),
                checked.astimezone(event.tzinfo).strftime("%Y-%m-%d %H:%M") if checked else "",
                *(field.answer_text(registration.answers) for field in fields),
            ]
        )
    return _headings(fields), rows


def participants_sheet(*, event: Event, registrations: QuerySet[Registration]) -> Sheet:
    """The participant list as a sheet, for ``table_download``."""
    heading, rows = participant_rows(event=event, registrations=registrations)
    return Sheet(header=heading, rows=rows, title=_("Participants"))
