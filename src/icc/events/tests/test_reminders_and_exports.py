"""Reminder e-mails (``icc events send-reminders``, idempotent) and participant exports."""

import csv
import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command
from openpyxl import load_workbook

from icc.conftest import client_for
from icc.events.models import FieldKind
from icc.events.services.registration import registration_create
from icc.events.services.reminders import reminders_send
from icc.events.services.setup import registration_field_add

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
    # a day before the later event starts (whatever the hour of the run), its reminder is due
    day_before = later.start - dt.timedelta(days=1)
    assert [r.email for r in reminders_send(now=day_before)] == ["cy@example.org"]


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
        "Name",
        "E-mail",
        "Organisation",
        "State",
        "Registered",
        "Checked in at",
        "Topic",
        "Lunch?",
    ]
    assert rows[1][0] == '\'=HYPERLINK("http://evil")'  # never a formula
    assert rows[1][1:4] == ["ana@example.org", "Bilbao", "Confirmed"]
    assert rows[1][6:] == ["Welcome", "yes"]  # the option's label, as on the registrations page
    response = client.get(f"/en/events/{event.slug}/registrations/export.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][:2] == ["Name", "E-mail"] and values[1][1] == "ana@example.org"
    assert sheet.cell(row=2, column=1).data_type == "s"


def test_the_french_participant_list_speaks_french_like_the_registrations_page(make_event, users):
    event = make_event(questions=False)
    for key in ("role", "role_2"):  # two questions asked with the same words
        registration_field_add(
            event=event,
            key=key,
            label={"en": "Role", "fr": "Rôle"},
            kind=FieldKind.CHOICE,
            options=[("welcoming", {"en": "Welcoming", "fr": "Accueil des arrivant·e·s"})],
        )
    registration_create(
        event=event, name="Ana", email="ana@example.org", answers={"role": "welcoming"}
    )
    client = client_for(users["secretariat"])
    page = client.get(f"/fr/events/{event.slug}/registrations/").content.decode()
    assert '<td class="small">Accueil des arrivant·e·s</td>' in page

    response = client.get(f"/fr/events/{event.slug}/registrations/export.xlsx")

    sheet = load_workbook(io.BytesIO(response.content)).active
    [heading, row] = [[c.value for c in r] for r in sheet.iter_rows()]
    assert heading == [
        "Nom",
        "Adresse e-mail",
        "Organisation",
        "État",
        "Inscription le",
        "Arrivée enregistrée le",
        "Rôle [role]",
        "Rôle [role_2]",
    ]
    assert row[3] == "Confirmée" and row[6:] == ["Accueil des arrivant·e·s", None]
    assert sheet.title == "Participant·e·s"
