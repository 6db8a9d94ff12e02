"""Registrations go on while the secretariat checks a large places file (issue 8): the check
holds no write lock (on SQLite a transaction takes it at BEGIN, for its whole length)."""

import threading
import time
from pathlib import Path

import pytest
from django.db import connection

from icc.events.models import Registration
from icc.events.services.registration import registration_create
from icc.network.models import Country, Place
from icc.network.place_import import places_import

PEOPLE = 30


def _csv(path: Path, rows: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write("name,country,year,population\n")
        out.writelines(f"Town {n},ES,2021,{n}\n" for n in range(rows))
    return path


@pytest.mark.django_db(transaction=True)
def test_registrations_made_during_a_dry_run_import_all_succeed(make_event, tmp_path):
    event = make_event(questions=False)
    Country.objects.create(code="ES", name_en="Spain")
    path = _csv(tmp_path / "places.csv", 30_000)
    written_at: list[float] = []
    failures: list[BaseException] = []

    def register() -> None:
        time.sleep(0.3)  # the import has begun by then
        try:
            for n in range(PEOPLE):
                registration_create(
                    event=event, name=f"Person {n}", email=f"p{n}@example.org", answers={}
                )
                written_at.append(time.monotonic())
        except BaseException as error:  # reported by the assertions below
            failures.append(error)
        finally:
            connection.close()

    person = threading.Thread(target=register)
    started = time.monotonic()
    person.start()
    with path.open("rb") as file:
        report = places_import(filename=path.name, file=file, dry_run=True)
    finished = time.monotonic()
    person.join()

    assert report.ok and report.places_created == 30_000
    assert finished - started > 1  # long enough for the registrations to meet it
    assert failures == []
    assert Registration.objects.filter(event=event).count() == PEOPLE
    # Under a write lock, the first registration would have waited for the import's end.
    assert written_at[0] < finished
    assert Place.objects.count() == 0
