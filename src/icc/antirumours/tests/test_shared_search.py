"""Shared rumours found across languages: a rumour Bilbao shared in Spanish is found by a
query in Italian from Reggio Emilia, through the page, the API and "the same rumour in other
cities"; an unshared rumour never is."""

from collections.abc import Callable
from typing import Any

import pytest

from icc.accounts.models import User
from icc.antirumours import services
from icc.conftest import client_for
from icc.search.services import documents_embed


@pytest.fixture
def shared_welfare(
    ar: dict[str, Any], django_capture_on_commit_callbacks: Callable[..., Any]
) -> dict[str, Any]:
    """Bilbao shares its Spanish welfare rumour, Reggio Emilia the same rumour in Italian; their
    vectors are computed as the background task does it."""
    with django_capture_on_commit_callbacks(execute=True):
        services.rumour_share(rumour=ar["private"], user=ar["team"])
        services.rumour_share(rumour=ar["reggio_rumour"], user=ar["team"])
    assert documents_embed() == (3, 0)  # the fixture's English rumour, these two
    return ar


@pytest.mark.django_db(transaction=False)
def test_a_rumour_shared_in_spanish_is_found_by_an_italian_query(
    shared_welfare: dict[str, Any], users: dict[str, User]
) -> None:
    ar = shared_welfare
    response = client_for(None).get(
        "/api/v1/antirumours/shared",
        {"q": "immigrants get every welfare benefit before the locals"},
    )
    assert response.status_code == 200
    rows = response.json()
    texts = [row["text"] for row in rows]
    # an English query: the same rumour, in Spanish from Bilbao and in Italian from Reggio
    # Emilia, come first; Bilbao's English rumour about jobs, if found at all, comes after them
    assert set(texts[:2]) == {ar["private"].text, ar["reggio_rumour"].text}
    spanish = rows[texts.index(ar["private"].text)]
    assert (spanish["language"], spanish["place"]["slug"]) == ("es", "bilbao")
    assert spanish["counter_arguments"][0]["source"] == "Demo statistics office"

    # the same rumour in other cities, from Reggio Emilia's Italian rumour page
    page = client_for(users["other_city_coordinator"]).get(
        f"/en/antirumours/rumour/{ar['reggio_rumour'].pk}/"
    )
    body = page.content.decode()
    similar = body.split("The same rumour in other cities")[1]
    assert ar["private"].text in similar
    assert "Gli immigrati ricevono" not in similar  # its own city is left out


@pytest.mark.django_db
def test_unsharing_takes_the_rumour_out_of_every_search(
    shared_welfare: dict[str, Any], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    ar = shared_welfare
    with django_capture_on_commit_callbacks(execute=True):
        services.rumour_unshare(rumour=ar["private"])
    rows = (
        client_for(None)
        .get("/api/v1/antirumours/shared", {"q": "ayudas sociales inmigrantes"})
        .json()
    )
    assert ar["private"].text not in [row["text"] for row in rows]
    everything = client_for(None).get("/api/v1/antirumours/shared").json()
    assert {row["text"] for row in everything} == {ar["shared"].text, ar["reggio_rumour"].text}
    assert (
        client_for(None)
        .get("/api/v1/antirumours/shared", {"language": "it"})
        .json()[0]["place"]["slug"]
        == "reggio-emilia"
    )
    page = (
        client_for(None).get("/en/antirumours/", {"q": "aiuti sociali immigrati"}).content.decode()
    )
    assert ar["reggio_rumour"].text in page
    assert ar["private"].text not in page
