"""Participant lists as CSV or XLSX for the secretariat.

One row per registration (erased ones included, so counts add up, with empty personal cells);
one column per registration question, headed by its key. Written by ``icc.core.tabular``: text
that a spreadsheet would run as a formula gets a leading quote (registrants type what they like).
"""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from icc.core.tabular import Cell, Sheet
from icc.events.models import Event, Registration, RegistrationField
from icc.events.models.registration import STATE_LABELS
from icc.events.registration_states import State

BASE_COLUMNS = ("name", "email", "organisation", "state", "registered_at", "checked_in_at")


def _answer(value: object) -> str:
    if value is True:
        return _("yes")
    if value is False:
        return _("no")
    return "" if value is None else str(value)


def participant_rows(
    *, event: Event, registrations: QuerySet[Registration]
) -> tuple[list[str], list[list[Cell]]]:
    """The heading and the rows of the participant list, times in the event's zone."""
    fields = list(RegistrationField.objects.filter(event=event))
    heading = [*BASE_COLUMNS, *(field.key for field in fields)]
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
                *(_answer(registration.answers.get(field.key)) for field in fields),
            ]
        )
    return heading, rows


def participants_sheet(*, event: Event, registrations: QuerySet[Registration]) -> Sheet:
    """The participant list as a sheet, for ``table_download``."""
    heading, rows = participant_rows(event=event, registrations=registrations)
    return Sheet(header=heading, rows=rows, title="participants")
