"""The directory's pages over real HTTP round trips, in English and French."""

import csv
import io

import pytest
from django.test import Client

PAGES = [
    pytest.param(
        "/en/network/",
        [
            'data-testid="count-members">3<',
            'data-testid="count-countries">2<',
            "Spanish network (RECI)",
            'id="overview-map-data"',
        ],
        [],
        id="the overview shows counts and networks",
    ),
    pytest.param(
        "/en/network/places/bilbao/",
        [
            "<h1>Bilbao",
            "346,000",
            "Test statistics office",
            "Financial agreement signed",
            "Spanish network (RECI)",
        ],
        [],
        id="a place's page shows its facts, membership steps and networks",
    ),
    pytest.param(
        "/en/network/networks/reci/",
        ["Bilbao", "Getxo"],
        ["Reggio"],
        id="a network's page lists its members only",
    ),
]


@pytest.mark.parametrize(("url", "shown", "not_shown"), PAGES)
def test_a_page_shows_what_it_is_about(directory, url, shown, not_shown):
    body = Client().get(url).content.decode()
    for words in shown:
        assert words in body, words
    for words in not_shown:
        assert words not in body, words


def test_an_unknown_place_is_not_found(directory):
    assert Client().get("/en/network/places/nowhere/").status_code == 404


def test_place_list_filters_and_partial_for_htmx(directory):
    client = Client()
    body = client.get("/en/network/places/?country=ES").content.decode()
    assert "Bilbao" in body and "Getxo" in body and "Reggio Emilia" not in body
    assert "<html" in body
    fragment = client.get("/en/network/places/?country=IT", HTTP_HX_REQUEST="true").content.decode()
    assert "Reggio Emilia" in fragment and "Bilbao" not in fragment
    assert "<html" not in fragment


def test_unknown_filter_values_are_dropped_not_fatal(directory):
    response = Client().get("/en/network/places/?country=ZZ&population_band=bogus&status=member")
    assert response.status_code == 200
    body = response.content.decode()
    # the valid filter holds, the wrong ones are named and left out
    assert "Bilbao" in body and "Braga" not in body
    assert "Some filters were left out" in body
    assert "Country: “ZZ” is not one of the choices; choose one from the list." in body
    assert "Population: “bogus” is not one of the choices" in body
    # each field names its error (aria-describedby), so a screen reader says it at the field
    assert 'aria-invalid="true" aria-describedby="id_country_error" id="id_country"' in body
    assert '<li id="id_country_error">Country: “ZZ” is not one' in body
    french = Client().get("/fr/network/places/?kind=planet", HTTP_HX_REQUEST="true")
    assert "Type\u00a0: « planet » ne fait pas partie des choix" in french.content.decode()


def test_old_bookmarks_keep_working(directory):
    # lower-case country codes and the band keys of the population filter, as before
    body = Client().get("/en/network/places/?country=es&population_band=50000-100000").content
    assert "Getxo" in body.decode() and "Bilbao" not in body.decode()
    export = Client().get("/en/network/places/export.csv?country=es&q=bil").getvalue()
    assert b"bilbao" in export and b"getxo" not in export


def test_csv_export_matches_the_filtered_list(directory):
    response = Client().get("/en/network/places/export.csv?network=reci")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert sorted({r["slug"] for r in rows}) == ["bilbao", "getxo"]


def test_xlsx_export(directory):
    from openpyxl import load_workbook

    response = Client().get("/en/network/places/export.xlsx?country=IT")
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "reggio-emilia" in values and "bilbao" not in values


def test_french_pages_are_in_french(directory):
    body = Client().get("/fr/network/places/bilbao/").content.decode()
    assert '<html lang="fr">' in body
    assert "Espagne" in body
    assert "Accord financier signé" in body
    assert "346\u202f000" in body or "346 000" in body or "346\xa0000" in body
    listing = Client().get("/fr/network/places/").content.decode()
    assert "Villes et régions" in listing
    assert "Télécharger" in listing


def test_language_switch_links_to_the_same_page(directory):
    body = Client().get("/fr/network/places/?country=ES").content.decode()
    assert 'href="/en/network/places/?country=ES" hreflang="en"' in body
    assert 'hreflang="fr"' in body


def test_import_page_reports_bad_rows_and_changes_nothing(users):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from icc.conftest import client_for
    from icc.network.models import Place, PlaceFact

    before = (Place.objects.count(), PlaceFact.objects.count())
    bad = (
        b"name,country,year,population,foreign_born_pct\n"
        b"Valencia,ES,2020,800000,12.5\n"
        b"Atlantis,XX,2020,lots,140\n"
    )
    client = client_for(users["secretariat"])
    body = client.post(
        "/en/network/places/import/",
        {"file": SimpleUploadedFile("places.csv", bad, "text/csv"), "dry_run": ""},
    ).content.decode()
    assert "nothing was imported" in body
    assert body.count('<tr role="row" data-line="3">') == 3  # three problems, all on line 3
    assert (Place.objects.count(), PlaceFact.objects.count()) == before
    good = b"name,country,year,population\nValencia,ES,2020,800000\n"
    body = client.post(
        "/en/network/places/import/",
        {"file": SimpleUploadedFile("places.csv", good, "text/csv"), "dry_run": ""},
    ).content.decode()
    assert "Places created: 1" in body
    assert Place.objects.get(slug="valencia").facts.get().population == 800_000


def test_the_map_has_a_legend_and_a_text_alternative(directory):
    """The overview map draws members, candidates and former members: its heading says
    "places", and a legend names each status with its count (no ``role="img"`` around the
    map's zoom buttons and markers)."""
    body = Client().get("/en/network/").content.decode()
    assert "Places on the map" in body and "Members on the map" not in body
    legend = body[body.index('class="map-legend"') : body.index("</figcaption>")]
    assert "Member (3)" in legend and "map-swatch-member" in legend
    assert 'role="img"' not in body[body.index('id="overview-map"') - 200 : body.index("</figure>")]
    french = Client().get("/fr/network/").content.decode()
    assert "Légende" in french and "Les lieux sur la carte" in french
