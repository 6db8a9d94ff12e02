"""Reminder e-mails (``icc events send-reminders``, idempotent) and participant exports."""

import csv
import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook

from icc.conftest import client_for
from icc.events.services.registration import registration_create
from icc.events.services.reminders import reminders_send

pytestmark = pytest.mark.django_db


def test_reminders_go_once_to_confirmed_people_of_events_soon(make_event):
    soon = make_event("soon", capacity=1, days=1, questions=False)
    later = make_event("later", days=10, questions=False)
    registration_create(event=soon, name="Ana", email="ana@example.org", answers={})
    registration_create(event=soon, name="Ben", email="ben@example.org", answers={})  # waiting
    registration_create(event=later, name="Cy", email="cy@example.org", answers={})
    out = io.StringIO()
    call_command("events", "send-reminders", "--dry-run", stdout=out)
    assert "1 reminder is due." in out.getvalue() and not mail.outbox
    out = io.StringIO()
    call_command("events", "send-reminders", stdout=out)
    assert "1 reminder sent." in out.getvalue()
    assert [m.to for m in mail.outbox] == [["ana@example.org"]]
    assert mail.outbox[0].subject.startswith("Reminder:")
    call_command("events", "send-reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 1  # idempotent
    in_ten_days = timezone.now() + dt.timedelta(days=9, hours=12)
    assert [r.email for r in reminders_send(now=in_ten_days)] == ["cy@example.org"]


def test_participant_exports(make_event, users):
    event = make_event()
    registration_create(
        event=event,
        name='=HYPERLINK("http://evil")',
        email="ana@example.org",
        organisation="Bilbao",
        answers={"topic": "welcome", "lunch": True},
    )
    client = client_for(users["secretariat"])
    response = client.get(f"/en/events/{event.slug}/registrations/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[0] == [
        "name",
        "email",
        "organisation",
        "state",
        "registered_at",
        "checked_in_at",
        "topic",
        "lunch",
    ]
    assert rows[1][0] == '\'=HYPERLINK("http://evil")'  # never a formula
    assert rows[1][1:4] == ["ana@example.org", "Bilbao", "Confirmed"]
    assert rows[1][6:] == ["welcome", "yes"]
    response = client.get(f"/en/events/{event.slug}/registrations/export.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][:2] == ["name", "email"] and values[1][1] == "ana@example.org"
    assert sheet.cell(row=2, column=1).data_type == "s"
