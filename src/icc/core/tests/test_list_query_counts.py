"""Every list page and API list reads the same number of queries for N places as for 3N.

The counts are pinned: a list that starts to query once per place (a missing
``select_related`` or ``prefetch_related``) fails here before it is slow under load.
"""

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from icc.conftest import make_place
from icc.events.models import EventKind
from icc.events.services.setup import EventSpec, event_upsert
from icc.index.scoring_service import edition_results_compute
from icc.network.services import network_member_add
from icc.reports.tests.conftest import edition_make, publish

ANSWERS = {"commitment_strategy": "yes", "education_mixing": "partly"}

# path -> most queries it may make (anonymous visitor, English)
PINNED = {
    "/en/network/places/": 9,
    "/en/network/": 8,
    "/en/events/": 7,
    "/en/index/2023/results/": 8,
    "/en/index/charts/?edition=2023": 6,
    "/api/v1/places": 3,
    "/api/v1/countries": 1,
    "/api/v1/networks": 1,
    "/api/v1/events": 3,
    "/api/v1/events/meeting-1/programme": 7,
    "/api/v1/index/editions": 4,
    "/api/v1/index/editions/2023/results": 6,
    "/api/v1/index/charts?edition=2023": 6,
}


def places_add(directory: dict[str, Any], count: int, start: int) -> None:
    """``count`` more member places with facts, half of them in the RECI network, each with
    an event held there."""
    for i in range(start, start + count):
        place = make_place(
            f"town-{i}", f"Town {i}", "ES", population=50_000 + 1000 * i, foreign_born="9.5"
        )
        directory[f"town-{i}"] = place
        if i % 2:
            network_member_add(network=directory["reci"], place=place)
        begins = timezone.now() + dt.timedelta(days=10 + i)
        event_upsert(
            spec=EventSpec(
                slug=f"meeting-{i}",
                kind=EventKind.WORKSHOP,
                start=begins,
                end=begins + dt.timedelta(hours=2),
                timezone="Europe/Paris",
                title={"en": f"Meeting in Town {i}", "fr": f"Rencontre à Town {i}"},
                place_id=place.pk,
                languages=("en", "fr"),
                themes=("integration",),
                organisations=(),
            )
        )


def queries(client: Client, path: str) -> int:
    client.get(path)  # first visit: caches of Django and the apps
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)


@pytest.fixture
def scored(directory: dict[str, Any]) -> Any:
    """Edition 2023 of the test questionnaire, scored, with a published response per place."""
    edition = edition_make("2023", 2023)

    def publish_all() -> None:
        answered = {r.place.slug for r in edition.responses.select_related("place")}
        new = {
            key: ANSWERS
            for key, place in directory.items()
            if getattr(place, "slug", "") and place.slug not in answered and key != "reci"
        }
        publish(edition, directory, new)
        edition_results_compute(edition=edition)

    return publish_all


def test_list_queries_do_not_grow_with_the_places(directory, scored):
    places_add(directory, 2, 0)  # N = 6 places
    scored()
    client = Client()
    small = {path: queries(client, path) for path in PINNED}
    places_add(directory, 12, 2)  # 3N = 18 places
    scored()
    large = {path: queries(client, path) for path in PINNED}
    grown = {path: (small[path], large[path]) for path in PINNED if large[path] != small[path]}
    assert not grown, f"queries that grow with the places (N, 3N): {grown}"
    over = {path: (large[path], most) for path, most in PINNED.items() if large[path] > most}
    assert not over, f"more queries than pinned (made, pinned): {over}"
