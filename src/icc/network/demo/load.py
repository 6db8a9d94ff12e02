"""Demo directory: real ICC members and networks with approximate figures (``icc demo``).

Idempotent: places, networks and facts are matched by slug and year; membership steps and
coordinators are only added where a place has none.
"""

import datetime as dt
import json
import random
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import transaction

from icc.accounts.services import contact_account_create
from icc.network.lifecycle import ACCESSION_PATH, Step
from icc.network.models import Coordinator, Country, Network, Place
from icc.network.services import (
    coordinator_add,
    membership_step_record,
    network_member_add,
    place_fact_set,
)

DATA_FILE = Path(__file__).with_name("places.json")
LANGS = ("en", "fr", "es", "it", "pt", "uk", "de")
FIRST_NAMES = (
    "Ana",
    "Marco",
    "Inês",
    "Olena",
    "Karim",
    "Sofia",
    "Jonas",
    "Leila",
    "Pablo",
    "Mei",
    "Aoife",
    "Tomasz",
    "Nadia",
    "Lars",
    "Yuki",
    "Amara",
    "Luca",
    "Zeynep",
    "David",
    "Hana",
)
LAST_NAMES = (
    "García",
    "Rossi",
    "Silva",
    "Kovalenko",
    "Benali",
    "Novak",
    "Lindqvist",
    "Haddad",
    "Moreau",
    "Tanaka",
    "Murphy",
    "Kowalski",
    "Okafor",
    "Schmidt",
    "Park",
    "Costa",
)


@dataclass(frozen=True)
class DemoCounts:
    places: int
    networks: int
    countries: int


def _translations(row: dict[str, Any], field: str) -> dict[str, str]:
    """``name_en``… from the row, falling back to English for languages it does not give."""
    english = row[f"{field}_en"]
    return {f"{field}_{lang}": row.get(f"{field}_{lang}") or english for lang in LANGS}


def _coordinator_name(seed: str) -> str:
    rng = random.Random(seed)
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _membership_steps(
    place: Place, joined: int | None, status: str, started: int | None = None
) -> None:
    """Walk the accession path so that the place becomes a member in ``joined``, its own year.

    Only the years have a source: the days, the earlier steps and a departure are made up and
    stored as demo dates, which the pages label as such. ``started``: the year the accession
    began, when the row gives it (the path then runs from that year to ``joined``). Candidates
    without it start their path in 2021 or 2022. Only for a place with no step yet.
    """
    if place.membership_steps.exists():
        return
    rng = random.Random(place.slug)
    if status in {"member", "left", "suspended"} and joined:
        path = ACCESSION_PATH
        member_day = dt.date(joined, rng.randint(1, 12), rng.randint(1, 28))
        if started is not None and started < joined:
            date = dt.date(started, rng.randint(7, 12), rng.randint(1, 28))
            gap = (member_day - date).days // len(path[1:])
            gaps = [gap for _ in path[1:]]
        else:
            gaps = [rng.randint(30, 80) for _ in path[1:]]
            date = member_day - dt.timedelta(days=sum(gaps))
    else:
        path = ACCESSION_PATH[:2]
        gaps = [rng.randint(30, 80)]
        year = started if started is not None else 2021 + rng.randint(0, 1)
        date = dt.date(year, rng.randint(1, 6), rng.randint(1, 28))
    for step, gap in zip(path, [*gaps, 0], strict=True):
        membership_step_record(place=place, step=step, date=date, is_demo_date=True)
        date += dt.timedelta(days=gap)
    if status in {"left", "suspended"}:
        final = Step.LEFT if status == "left" else Step.SUSPENDED
        departure = date + dt.timedelta(days=900)
        membership_step_record(place=place, step=final, date=departure, is_demo_date=True)


def _load_place(row: dict[str, Any]) -> Place:
    place, _ = Place.objects.update_or_create(
        slug=row["slug"],
        defaults={
            **_translations(row, "name"),
            "kind": row["kind"],
            "country_id": row["country"],
            "latitude": row.get("lat"),
            "longitude": row.get("lon"),
            "is_demo": True,
        },
    )
    for fact in row.get("facts", []):
        place_fact_set(
            place=place,
            year=fact["year"],
            population=fact.get("population"),
            foreign_born_pct=_decimal(fact.get("foreign_born_pct")),
            non_nationals_pct=_decimal(fact.get("non_nationals_pct")),
            approximate=True,
        )
    _membership_steps(
        place, row.get("joined"), row.get("status", "member"), row.get("accession_started")
    )
    if not Coordinator.objects.filter(assignment__place=place).exists():
        email = f"icc@{place.slug}.example.org"
        coordinator_add(
            user=contact_account_create(full_name=_coordinator_name(place.slug), email=email),
            place=place,
            role_title={
                "en": "Intercultural Cities coordinator",
                "fr": "Coordinateur·rice Cités interculturelles",
            },
            organisation=getattr(place, "name_en", place.name),
            email=email,
            phone="+00 000 000 000",
            is_fictional=True,
        )
    return place


def _decimal(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


def _load_network(row: dict[str, Any]) -> Network:
    network, _ = Network.objects.update_or_create(
        slug=row["slug"],
        defaults={
            **_translations(row, "name"),
            **_translations(row, "description"),
            "kind": row["kind"],
            "country_id": row.get("country"),
            "founded": row.get("founded"),
            "website": row.get("website") or "",
        },
    )
    for slug in row["members"]:
        network_member_add(network=network, place=Place.objects.get(slug=slug))
    if not Coordinator.objects.filter(assignment__network=network).exists():
        email = f"coordination@{network.slug}.example.org"
        coordinator_add(
            user=contact_account_create(full_name=_coordinator_name(network.slug), email=email),
            network=network,
            role_title={"en": "Network coordinator", "fr": "Coordinateur·rice du réseau"},
            organisation=getattr(network, "name_en", network.name),
            email=email,
            is_fictional=True,
        )
    return network


@transaction.atomic
def directory_demo_load(*, data_file: Path = DATA_FILE) -> DemoCounts:
    """Load or refresh the demo directory from ``places.json``."""
    data = json.loads(data_file.read_text(encoding="utf-8"))
    for row in data["countries"]:
        Country.objects.update_or_create(code=row["code"], defaults=_translations(row, "name"))
    for row in data["places"]:
        _load_place(row)
    for row in data["networks"]:
        _load_network(row)
    return DemoCounts(
        places=len(data["places"]), networks=len(data["networks"]), countries=len(data["countries"])
    )
