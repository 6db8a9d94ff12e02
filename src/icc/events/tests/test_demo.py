# ruff: noqa: E501 -- titles copied verbatim from the annual report, one per line.
"""``events_demo_load``: idempotent, facts of the seeds, linked to the directory."""

import datetime as dt

import pytest

from icc.events.demo import events_demo_load
from icc.events.models import Event, Part, Person, Registration, Session
from icc.events.services.registration import registration_create

pytestmark = pytest.mark.django_db

REPORT_2020 = {  # annual report 2020: French title → dates
    "Réunion en ligne : « Covid-19 : défis et opportunités pour les autorités locales interculturelles »": ("2020-04-23", "2020-04-23"),
    "Webinaire sur « l'embourgeoisement et l'interaction dans l'espace public »": ("2020-06-11", "2020-06-11"),
    "Webinaire conjoint ICC/HCR sur le thème « Créer des villes inclusives : chacun peut faire la différence »": ("2020-06-18", "2020-06-18"),
    "Webinaire sur « les instruments et les outils de lutte contre le racisme systémique »": ("2020-07-07", "2020-07-07"),
    "Webinaire sur la « Prévention des effets discriminatoires potentiels de l'utilisation de l'intelligence artificielle dans les services locaux »": ("2020-09-21", "2020-09-21"),
    "Webinaire sur le thème « Discrimination systémique - Actions des autorités locales pour identifier et prévenir »": ("2020-10-22", "2020-10-22"),
    "Atelier sur le parrainage communautaire": ("2020-11-05", "2020-11-05"),
    "Séance inspirante sur la bureaucratie créative": ("2020-11-03", "2020-11-03"),
    "Réunion annuelle des coordinateurs et coordinatrices ICC": ("2020-11-03", "2020-11-05"),
    "Lancement du projet « Pacte européen pour l'intégration »": ("2020-02-04", "2020-02-05"),
    "Académie d'intégration interculturelle au Maroc": ("2020-02-18", "2020-02-19"),
    "5ème Sommet de la jeunesse contre les rumeurs": ("2020-09-02", "2020-09-04"),
}  # fmt: skip


def test_demo_is_idempotent_and_linked_to_bilbao(directory):
    lines = events_demo_load()
    assert "coordinators-meeting-bilbao-2023" in lines[0] and "at Bilbao" in lines[0]
    counts = (
        Event.objects.count(),
        Part.objects.count(),
        Session.objects.count(),
        Person.objects.count(),
    )
    uids = sorted(str(u) for u in Session.objects.values_list("uid", flat=True))
    fictional = Event.objects.get(is_fictional=True)
    registration_create(
        event=fictional, name="A", email="a@example.org", answers={"interest": "welcoming"}
    )
    events_demo_load()
    assert (
        Event.objects.count(),
        Part.objects.count(),
        Session.objects.count(),
        Person.objects.count(),
    ) == counts
    assert sorted(str(u) for u in Session.objects.values_list("uid", flat=True)) == uids
    assert Registration.objects.count() == 1  # demo reloads keep registrations
    bilbao = Event.objects.get(slug="coordinators-meeting-bilbao-2023")
    assert bilbao.place.slug == "bilbao"
    assert bilbao.language_codes() == ["en", "fr"]
    assert bilbao.programme_published_on == dt.date(2023, 11, 8)


def test_events_of_2020_have_the_report_titles_and_dates(directory):
    events_demo_load()
    found = {}
    rows = Event.objects.filter(start__year=2020).values_list(
        "slug", "title_fr", "description_en", "description_fr", "all_day"
    )
    for slug, title_fr, description_en, description_fr, all_day in rows:
        event = Event.objects.get(slug=slug)
        found[title_fr] = (
            event.local_start.date().isoformat(),
            event.local_end.date().isoformat(),
        )
        assert all_day and description_en and description_fr
    for title, dates in REPORT_2020.items():
        assert found.get(title) == dates, title
    regions = sorted(d for t, (d, _) in found.items() if t.startswith("Régions interculturelles"))
    assert regions == ["2020-03-23", "2020-06-29", "2020-11-25"]
