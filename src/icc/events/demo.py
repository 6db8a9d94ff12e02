"""Demonstration events (``icc demo`` calls ``events_demo_load``). Idempotent: events are
matched by slug and brought back to the data below; programmes are re-imported.

- The 2023 coordinators' meeting in Bilbao, exactly as its published programme
  (``demo/bilbao-2023-programme.yaml``, built through the programme importer).
- The events of 2020 listed in the ICC annual report (``demo/events.yaml``): titles and dates
  are facts; descriptions are written for the platform.
- One fictional upcoming online meeting, so that registration can be tried out.
"""

import datetime as dt
import zoneinfo
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.utils import timezone

from icc.events.models import (
    Event,
    EventFormat,
    EventKind,
    EventStatus,
    FieldKind,
    OrganisationRole,
)
from icc.events.programme_format import programme_import
from icc.events.services.setup import (
    EventSpec,
    OrganisationSpec,
    event_upsert,
    registration_field_add,
    theme_upsert,
)
from icc.network.models import Place

DATA_DIR = Path(__file__).with_name("demo")
BILBAO_PROGRAMME = DATA_DIR / "bilbao-2023-programme.yaml"
BILBAO_SLUG = "coordinators-meeting-bilbao-2023"
FICTIONAL_SLUG = "demo-online-reflection-meeting"
MADRID = zoneinfo.ZoneInfo("Europe/Madrid")

BILBAO_OBJECTIVE = {
    "fr": (
        "La réunion des coordinateur-trice-s des Cités interculturelles (ICC) est le "
        "rassemblement annuel des coordinateur-trice-s des membres du réseau international ICC "
        "et des coordinateur-trice-s des réseaux nationaux ICC. La réunion a pour but de faire "
        "le point sur les accomplissements, de discuter des défis rencontrés, et de dresser les "
        "contours du prochain programme de travail en vue de développer davantage le programme "
        "des Cités interculturelles et le modèle politique d'intégration interculturelle."
    ),
    "en": (
        "The Intercultural Cities (ICC) coordinators' meeting is the annual gathering of the "
        "coordinators of the members of the ICC international network and of the coordinators "
        "of the ICC national networks. The meeting aims to take stock of achievements, discuss "
        "the challenges encountered and outline the next work programme, in order to further "
        "develop the Intercultural Cities programme and the intercultural integration policy "
        "model."
    ),
}
BILBAO_TARGET_GROUP = {
    "fr": (
        "coordinateur-trice-s des villes membres du réseau international ICC et "
        "coordinateur-trice-s des réseaux nationaux ICC."
    ),
    "en": (
        "coordinators of the member cities of the ICC international network and coordinators "
        "of the ICC national networks."
    ),
}


def _place_id(slug: str | None) -> int | None:
    if not slug:
        return None
    return Place.objects.filter(slug=slug).values_list("pk", flat=True).first()


def _bilbao(icc: dict[str, str]) -> Event:
    address = "Abandoibarra Etorb., 3, 48009 Bilbao, Bizkaia"
    event = event_upsert(
        spec=EventSpec(
            slug=BILBAO_SLUG,
            kind=EventKind.MEETING,
            format=EventFormat.IN_PERSON,
            status=EventStatus.PUBLISHED,
            start=dt.datetime(2023, 11, 14, 9, 0, tzinfo=MADRID),
            end=dt.datetime(2023, 11, 15, 16, 35, tzinfo=MADRID),
            timezone="Europe/Madrid",
            title={
                "fr": "Réunion annuelle des coordinateurs et coordinatrices des Cités "
                "interculturelles",
                "en": "Annual meeting of the Intercultural Cities coordinators",
            },
            objective=BILBAO_OBJECTIVE,
            target_group=BILBAO_TARGET_GROUP,
            description={
                "en": "The 2023 gathering of the network's coordinators, in Bilbao: a review of "
                "the year, plans for 2024, visits of the city and a training in intercultural "
                "competence.",
                "fr": "La rencontre 2023 des coordinateur·trice·s du réseau, à Bilbao : bilan de "
                "l'année, projets pour 2024, visites de la ville et formation à la compétence "
                "interculturelle.",
            },
            place_id=_place_id("bilbao"),
            venue_name="Bizkaia Aretoa-UPV/EHU",
            venue_room={
                "fr": "Salle Oteiza, Université du Pays basque, Bilbao, Espagne",
                "en": "Oteiza Room, University of the Basque Country, Bilbao, Spain",
            },
            venue_address=address,
            venue_map_url="https://www.openstreetmap.org/search?query="
            + address.replace(" ", "%20").replace(",", "%2C"),
            programme_published_on=dt.date(2023, 11, 8),
            languages=("en", "fr"),
            themes=("governance", "intercultural-competence"),
            organisations=(OrganisationSpec(name=icc),),
        )
    )
    programme_import(
        event=event, content=BILBAO_PROGRAMME.read_bytes(), filename=BILBAO_PROGRAMME.name
    )
    return event


def _dates(entry: dict[str, Any]) -> tuple[dt.datetime, dt.datetime, str]:
    zone = entry.get("timezone", "Europe/Paris")
    tz = zoneinfo.ZoneInfo(zone)
    first, last = entry["dates"][0], entry["dates"][-1]
    start = dt.datetime.combine(first, dt.time(0), tzinfo=tz)
    end = dt.datetime.combine(last, dt.time(23, 59), tzinfo=tz)
    return start, end, zone


def _report_event(entry: dict[str, Any], icc: dict[str, str]) -> Event:
    start, end, zone = _dates(entry)
    organisers = [OrganisationSpec(name=n) for n in entry.get("organisers", [icc])]
    partners = [
        OrganisationSpec(name=n, role=OrganisationRole.PARTNER) for n in entry.get("partners", [])
    ]
    return event_upsert(
        spec=EventSpec(
            slug=entry["slug"],
            kind=EventKind(entry["kind"]),
            format=EventFormat(entry["format"]),
            status=EventStatus.PUBLISHED,
            start=start,
            end=end,
            timezone=zone,
            all_day=True,
            title=entry["title"],
            description=entry["description"],
            place_id=_place_id(entry.get("place")),
            venue_name=entry.get("venue_name", ""),
            venue_address=entry.get("venue_address", ""),
            themes=entry.get("themes", ()),
            organisations=[*organisers, *partners],
        )
    )


def _fictional(icc: dict[str, str]) -> Event:
    paris = zoneinfo.ZoneInfo("Europe/Paris")
    day = (timezone.now() + dt.timedelta(days=30)).astimezone(paris).date()
    start = dt.datetime.combine(day, dt.time(14, 0), tzinfo=paris)
    event = event_upsert(
        spec=EventSpec(
            slug=FICTIONAL_SLUG,
            kind=EventKind.ONLINE_MEETING,
            format=EventFormat.ONLINE,
            start=start,
            end=start + dt.timedelta(hours=2),
            timezone="Europe/Paris",
            title={
                "en": "Online reflection meeting (fictional, to try registration)",
                "fr": "Réunion de réflexion en ligne (fictive, pour essayer l'inscription)",
            },
            description={
                "en": "An invented meeting, one month from today, to try the registration form, "
                "the waiting list and the personal link. It will not take place.",
                "fr": "Une réunion inventée, dans un mois, pour essayer le formulaire "
                "d'inscription, la liste d'attente et le lien personnel. Elle n'aura pas lieu.",
            },
            online_url="https://meet.example.org/icc-demo",
            online_instructions={"en": "Passcode: 2468", "fr": "Code d'accès : 2468"},
            languages=("en", "fr"),
            themes=("governance",),
            organisations=(OrganisationSpec(name=icc),),
            registration_enabled=True,
            capacity=25,
            registration_deadline=start - dt.timedelta(days=1),
            is_fictional=True,
        )
    )
    registration_field_add(
        event=event,
        key="interest",
        label={
            "en": "Which topic interests you most?",
            "fr": "Quel thème vous intéresse le plus ?",
        },
        kind=FieldKind.CHOICE,
        required=True,
        options=[
            ("anti-rumours", {"en": "Anti-rumours", "fr": "Anti-rumeurs"}),
            ("welcoming", {"en": "Welcoming newcomers", "fr": "Accueil des arrivant·e·s"}),
            ("participation", {"en": "Participation", "fr": "Participation"}),
        ],
    )
    registration_field_add(
        event=event,
        key="interpretation",
        label={"en": "Do you need interpretation?", "fr": "Avez-vous besoin d'interprétation ?"},
        kind=FieldKind.YES_NO,
    )
    registration_field_add(
        event=event,
        key="question",
        label={"en": "A question for the speakers", "fr": "Une question pour les intervenant·e·s"},
        kind=FieldKind.TEXT,
    )
    return event


@transaction.atomic
def events_demo_load() -> list[str]:
    """Load or refresh the demonstration events; returns lines for ``icc demo`` to print."""
    data = yaml.safe_load((DATA_DIR / "events.yaml").read_text(encoding="utf-8"))
    for slug, name in data["themes"].items():
        theme_upsert(slug=slug, name=name)
    icc = data["organisers"]["icc"]
    bilbao = _bilbao(icc)
    reported = [_report_event(entry, icc) for entry in data["events"]]
    fictional = _fictional(icc)
    sessions = sum(len(part.slots.all()) for part in bilbao.parts.all())
    return [
        f"Events: {bilbao.slug} ({bilbao.parts.count()} parts, {sessions} slots"
        f"{', at ' + bilbao.place.name if bilbao.place else ''}), "
        f"{len(reported)} events of 2020, 1 fictional upcoming event ({fictional.slug})."
    ]
