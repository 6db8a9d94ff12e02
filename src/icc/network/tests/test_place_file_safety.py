"""The places export never hands a spreadsheet a formula; the import refuses what is too big
and leaves the database as it was (writing during an import: events' test_import_concurrency)."""

import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from icc.conftest import FORMULA_PAYLOADS, client_for, download_cells, zip_bomb
from icc.core.tabular import TabularFileError
from icc.network.models import Country, Place, PlaceFact
from icc.network.place_import import COLUMNS, places_import
from icc.network.place_table import OTHER_LANGUAGES


@pytest.fixture
def crafted_places(db) -> None:
    """One member place per payload, the payload in its names and in every source."""
    spain = Country.objects.create(code="ES", name_en="Spain")
    for index, payload in enumerate(FORMULA_PAYLOADS):
        place = Place.objects.create(
            slug=f"crafted-{index}", name_en=payload, country=spain, status="member",
            latitude=-4.5, longitude=-3.25,
            **{f"name_{lang}": payload for lang in OTHER_LANGUAGES},
        )  # fmt: skip
        PlaceFact.objects.create(
            place=place, year=2021, population=1000, population_source=payload,
            foreign_born_pct=Decimal("8.50"), foreign_born_source=payload,
            non_nationals_source=payload,
        )  # fmt: skip


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_places_export_holds_no_formula_and_numbers_stay_numbers(crafted_places, fmt):
    response = Client().get(f"/en/network/places/export.{fmt}")

    cells = download_cells(response.getvalue(), fmt)
    for payload in FORMULA_PAYLOADS:
        # An XLSX keeps a carriage return as it is when openpyxl writes through lxml (which
        # python-docx brings), and as a line feed without it: either is the safe cell.
        written = {"'" + payload, "'" + payload.replace("\r", "\n")}
        # Two name columns per place (name, name_fr ...) and three sources: many copies.
        assert sum(cell in written for cell in cells) >= 3, payload
    if fmt == "xlsx":
        assert {-4.5, -3.25, 1000, 8.5} <= {c for c in cells if isinstance(c, int | float)}
    else:
        assert {"-4.5", "-3.25", "1000", "8.50"} <= set(cells)  # negative numbers unquoted


def test_the_csv_export_reads_back_to_the_same_texts(crafted_places):
    content = Client().get("/en/network/places/export.csv").getvalue()

    report = places_import(filename="places.csv", file=io.BytesIO(content))

    assert report.ok, report.errors
    # The quotes are gone again; as always, the import trims spaces, tabs and line breaks.
    names = set(Place.objects.values_list("name_fr", flat=True))
    sources = set(PlaceFact.objects.values_list("foreign_born_source", flat=True))
    assert names == sources == {payload.strip() for payload in FORMULA_PAYLOADS}


def _csv(path: Path, rows: int, *, pad: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write("name,country,year,population,population_source\n")
        for n in range(rows):
            out.write(f"Town {n},ES,2021,{n},{'x' * pad}\n")
    return path


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_refused_naming_the_limit(tmp_path, settings):
    settings.ICC_IMPORT_MAX_BYTES = 20_000
    path = _csv(tmp_path / "big.csv", 400, pad=40)  # about 26 kB

    with pytest.raises(CommandError, match=r"This file is 2\d(\.\d)? kB; the limit is 20 kB"):
        call_command("network", "import", str(path), "--dry-run")
    with pytest.raises(CommandError, match="the limit is 20 kB"):
        call_command("network", "import", str(path))
    assert (Place.objects.count(), Country.objects.count()) == (0, 0)


@pytest.mark.django_db
def test_a_file_over_the_row_limit_is_refused_naming_the_limit(tmp_path, settings):
    settings.ICC_IMPORT_MAX_ROWS = 1_000
    Country.objects.create(code="ES", name_en="Spain")

    with pytest.raises(CommandError, match="more than 1,000 rows; the limit is 1,000 rows"):
        call_command("network", "import", str(_csv(tmp_path / "long.csv", 1_001)))
    assert Place.objects.count() == 0
    call_command("network", "import", str(_csv(tmp_path / "fits.csv", 1_000)))
    assert Place.objects.count() == 1_000


@pytest.mark.django_db
def test_a_zip_bomb_named_xlsx_is_refused_before_it_is_opened(tmp_path, settings):
    bomb = zip_bomb(tmp_path / "bomb.xlsx", unpacked=200_000_000)
    assert bomb.stat().st_size < 1_000_000

    with pytest.raises(CommandError, match=r"200 MB once unpacked; the limit is 100 MB"):
        call_command("network", "import", str(bomb), "--dry-run")

    settings.ICC_IMPORT_MAX_UNPACKED_BYTES = 500_000_000  # then the ratio gives it away
    with bomb.open("rb") as file, pytest.raises(TabularFileError, match=r"compressed 1,0\d\d"):
        places_import(filename=bomb.name, file=file, dry_run=True)


def test_the_import_page_names_the_limit_of_a_file_too_big(users, settings):
    settings.ICC_IMPORT_MAX_BYTES = 1_000_000
    upload = io.BytesIO(b"name,country\n" + b"Town,ES\n" * 200_000)
    upload.name = "places.csv"

    reply = client_for(users["secretariat"]).post(
        "/en/network/places/import/", {"file": upload, "dry_run": "on"}
    )

    body = reply.content.decode()
    assert reply.status_code == 200
    assert "This file is 1.6 MB; the limit is 1 MB." in body
    assert "Files of up to 1 MB and 50,000 rows" in body


def test_the_columns_of_the_cli_contract_are_unchanged():
    assert COLUMNS[:3] == ("slug", "name", "name_fr")
    assert COLUMNS[-8:] == (
        "year", "population", "population_source", "foreign_born_pct", "foreign_born_source",
        "non_nationals_pct", "non_nationals_source", "approximate",
    )  # fmt: skip
