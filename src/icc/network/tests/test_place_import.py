"""Importing places and facts from real CSV and XLSX files: the report, atomicity, the CLI."""

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from icc.core.tabular import TabularFileError
from icc.network.models import Country, Place, PlaceFact
from icc.network.place_import import COLUMNS, RowError, places_import, read_table

HEADER = (
    "slug,name,name_fr,kind,country,latitude,longitude,website,year,population,foreign_born_pct"
)


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _import(path: Path, *, dry_run: bool = False):
    with path.open("rb") as file:
        return places_import(filename=path.name, file=file, dry_run=dry_run)


def _counts() -> tuple[int, int, int]:
    return Country.objects.count(), Place.objects.count(), PlaceFact.objects.count()


def _where(errors: list[RowError]) -> list[tuple[int, str]]:
    return [(error.line, error.column) for error in errors]


@pytest.fixture
def spain(db) -> Country:
    return Country.objects.create(code="ES", name_en="Spain", name_fr="Espagne")


@pytest.fixture
def bilbao(spain: Country) -> Place:
    place = Place.objects.create(
        slug="bilbao", name_en="Bilbao", country=spain, website="https://www.bilbao.eus"
    )
    PlaceFact.objects.create(
        place=place, year=2020, population=345000, foreign_born_pct=Decimal("10.50")
    )
    return place


GOOD_CSV = f"""{HEADER}
bilbao,Bilbao,,city,ES,43.263,-2.935,https://www.bilbao.eus,2021,"346,843",11.2
bilbao,Bilbao,,,ES,,,,2022,346 900,11.5

,Vienna,Vienne,city,AT,48.21,16.37,,,,
"""


@pytest.mark.django_db
def test_a_good_csv_creates_places_facts_and_missing_countries(tmp_path, spain):
    report = _import(_write(tmp_path, "places.csv", GOOD_CSV))

    assert report.ok, report.errors
    assert (report.places_created, report.places_updated, report.facts_written) == (2, 0, 2)
    assert report.countries_created == 1
    bilbao = Place.objects.get(slug="bilbao")
    assert (bilbao.name, bilbao.latitude, bilbao.longitude) == ("Bilbao", 43.263, -2.935)
    facts = {fact.year: fact for fact in bilbao.facts.all()}
    assert facts[2021].population == 346843
    assert facts[2021].foreign_born_pct == Decimal("11.20")
    assert facts[2022].population == 346900
    vienna = Place.objects.filter(slug="vienna")  # slug made from the English name
    assert list(vienna.values_list("name_en", "name_fr")) == [("Vienna", "Vienne")]
    assert not PlaceFact.objects.filter(place__slug="vienna").exists()
    austria = Country.objects.values("name_en", "name_fr", "name_es", "name_uk", "name_de")
    assert austria.get(code="AT") == {
        "name_en": "Austria",
        "name_fr": "Autriche",
        "name_es": "Austria",
        "name_uk": "Австрія",
        "name_de": "Österreich",
    }


@pytest.mark.django_db
def test_a_bad_csv_reports_every_problem_and_writes_nothing(tmp_path, bilbao):
    bad = f"""{HEADER}
vigo,Vigo,,city,XX,,,,2021,290000,
vigo-2,Vigo,,city,ES,,,,2021,lots,
vigo-3,Vigo,,city,ES,,,,2021,290000,140
bilbao,Bilbao,,city,ES,,,,2021,346843,
bilbao,Bilbao,,city,ES,,,,2021,346843,
ourense,,,city,ES,,,,2021,105000,
"""
    before = _counts()

    report = _import(_write(tmp_path, "bad.csv", bad))

    assert not report.ok
    assert _where(report.errors) == [
        (2, "country"),
        (3, "population"),
        (4, "foreign_born_pct"),
        (6, "year"),
        (7, "name"),
    ]
    assert "“XX”" in report.errors[0].message
    assert "“lots”" in report.errors[1].message
    assert "between 0 and 100" in report.errors[2].message
    assert "Line 5" in report.errors[3].message
    assert (report.places_created, report.facts_written) == (0, 0)
    assert _counts() == before
    assert Place.objects.get(slug="bilbao").facts.get().population == 345000


FILE_PROBLEMS = [
    pytest.param(
        "name,popultion\nVigo,290000\n",
        [(1, "popultion"), (1, "country")],
        [(0, "Did you mean “population”?"), (0, ", ".join(COLUMNS))],
        id="an unknown column and a missing one are reported on line 1",
    ),
    pytest.param(
        "name,country,name,\nVigo,ES,Vigo,\nGijón,ES,Gijón,oops\n",
        [(1, "name"), (3, "D")],
        [(0, "appears twice"), (1, "Column D has a value on this line but no heading")],
        id="a repeated heading and a value without heading",
    ),
    pytest.param(
        f"""{HEADER}
vigo,Vigo,,city,ES,,,,,290000,
gijon,Gijón,,city,ES,43.5,,,2021,,
gijon,Gijón,,region,ES,43.5,,,2022,,
""",
        [(2, "year"), (4, "kind")],
        [(1, "“city”")],
        id="figures without a year and lines that contradict each other",
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "where", "words"), FILE_PROBLEMS)
def test_problems_of_the_columns_and_lines_are_reported_where_they_are(
    tmp_path, spain, text, where, words
):
    report = _import(_write(tmp_path, "problems.csv", text))

    assert _where(report.errors) == where
    for index, fragment in words:
        assert fragment in report.errors[index].message
    assert Place.objects.count() == 0


CELL_PROBLEMS = [
    ("slug", "vigo city", "is not a valid slug"),
    ("name", "Київ", "No slug can be made from the name"),
    ("kind", "town", "Write city or region"),
    ("country", "FRA", "alpha-2 code, e.g. FR."),
    ("country", "Spain", "not a two-letter country code"),
    ("country", " ", "The country is missing"),
    ("latitude", "91", "between -90 and 90"),
    ("longitude", "east", "between -180 and 180"),
    ("website", "www.vigo.org", "starting with https://"),
    ("year", "1850", "between 1900 and 2100"),
    ("population", "346,84", "not a whole number"),
    ("population_source", "x" * 256, "shorten it to 255"),
    ("non_nationals_pct", "100.5", "between 0 and 100"),
    ("approximate", "maybe", "Write yes or no"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("column", "value", "words"), CELL_PROBLEMS)
def test_each_bad_cell_gets_a_sentence_on_its_line_and_column(
    tmp_path, spain, column, value, words
):
    row = {"name": "Vigo", "country": "ES", "year": "2021", column: value}
    text = io.StringIO()
    csv.writer(text).writerows([row.keys(), row.values()])

    report = _import(_write(tmp_path, "cell.csv", text.getvalue()))

    assert _where(report.errors) == [(2, column)]
    assert words in report.errors[0].message


@pytest.mark.django_db
def test_a_semicolon_csv_with_decimal_commas_is_read(tmp_path, spain):
    text = (
        "Name;Country;Latitude;Year;Population;Foreign_born_pct;Non_nationals_pct;Approximate\n"
        "Málaga;es;36,72;2021;578 460;8,5;7,25;oui\n"
    )
    report = _import(_write(tmp_path, "semicolon.csv", "\ufeff" + text))

    assert report.ok, report.errors
    place = Place.objects.get(slug="malaga")
    assert (place.name, place.latitude, place.country_id) == ("Málaga", 36.72, "ES")
    fact = place.facts.get()
    assert (fact.population, fact.foreign_born_pct) == (578460, Decimal("8.50"))
    assert (fact.non_nationals_pct, fact.approximate) == (Decimal("7.25"), True)


@pytest.mark.django_db
def test_a_latin_1_file_is_refused_with_the_utf_8_sentence(tmp_path, spain):
    path = _write(tmp_path, "latin.csv", "name,country\nMálaga,ES\n", encoding="latin-1")

    with pytest.raises(TabularFileError, match="save it as CSV UTF-8"):
        _import(path)
    assert Place.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("places.ods", b"x", "Upload a .csv or .xlsx file"),
        ("places.csv", b"\n \n", "The file is empty"),
        ("places.xlsx", b"not a zip", "cannot be opened as an Excel workbook"),
        ("places.csv", b'name\n"' + b"x" * 200_000 + b'"\n', "cannot be read as CSV"),
    ],
)
def test_unreadable_files_are_refused_with_a_sentence(name, content, words):
    with pytest.raises(TabularFileError, match=words):
        read_table(filename=name, file=io.BytesIO(content))


def test_read_table_numbers_lines_as_a_spreadsheet_does():
    content = "\ufeffName,Country\n\nVigo,ES\n,\nGijón,ES\n".encode()

    rows = read_table(filename="x.CSV", file=io.BytesIO(content))

    assert rows == [(3, {"name": "Vigo", "country": "ES"}), (5, {"name": "Gijón", "country": "ES"})]


@pytest.mark.django_db
def test_an_xlsx_file_is_imported_and_its_errors_carry_sheet_line_numbers(tmp_path, spain):
    book = Workbook()
    sheet = book.worksheets[0]
    sheet.append(["name", "country", "year", "population", "foreign_born_pct", "approximate"])
    sheet.append(["Vigo", "ES", 2021, 296692, 4.3, True])
    sheet.append([])
    sheet.append(["Gijón", "ES", 2021.0, 268000.0, None, None])
    path = tmp_path / "places.xlsx"
    book.save(path)

    report = _import(path)

    assert report.ok, report.errors
    vigo = Place.objects.get(slug="vigo").facts.get()
    assert (vigo.year, vigo.population, vigo.foreign_born_pct, vigo.approximate) == (
        2021,
        296692,
        Decimal("4.30"),
        True,
    )
    assert Place.objects.get(slug="gijon").facts.get().population == 268000

    sheet.append(["Oviedo", "ES", 2021, "many"])
    book.save(path)
    assert _where(_import(path).errors) == [(5, "population")]


@pytest.mark.django_db
def test_absent_columns_keep_what_existing_places_and_facts_hold(tmp_path, bilbao):
    path = _write(
        tmp_path, "few.csv", "slug,name,country,year,population\nbilbao,Bilbao,ES,2020,346000\n"
    )

    report = _import(path)

    assert (report.places_updated, report.facts_written) == (0, 1)
    bilbao.refresh_from_db()
    assert bilbao.website == "https://www.bilbao.eus"
    fact = bilbao.facts.get()
    assert (fact.population, fact.foreign_born_pct) == (346000, Decimal("10.50"))


@pytest.mark.django_db
def test_a_dry_run_reports_what_would_change_and_writes_nothing(tmp_path, bilbao):
    path = _write(tmp_path, "places.csv", GOOD_CSV)
    before = _counts()

    report = _import(path, dry_run=True)

    assert report.ok and report.dry_run
    assert (report.places_created, report.places_updated, report.facts_written) == (1, 1, 2)
    assert report.countries_created == 1
    assert _counts() == before


@pytest.mark.django_db
def test_the_cli_prints_each_error_with_its_line_and_fails(tmp_path, spain):
    path = _write(tmp_path, "bad.csv", f"{HEADER}\nvigo,Vigo,,city,ES,,,,2021,lots,\n")
    stderr = io.StringIO()

    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("network", "import", str(path), stderr=stderr)

    assert "line 2, column population: “lots” is not a whole number" in stderr.getvalue()
    assert Place.objects.count() == 0


@pytest.mark.django_db
def test_the_cli_imports_and_dry_runs(tmp_path, spain):
    path = _write(tmp_path, "places.csv", GOOD_CSV)
    stdout = io.StringIO()

    call_command("network", "import", str(path), "--dry-run", stdout=stdout)
    assert Place.objects.count() == 0
    call_command("network", "import", str(path), stdout=stdout)

    assert "2 places would be created" in stdout.getvalue()
    assert "2 places created" in stdout.getvalue()
    assert Place.objects.count() == 2


@pytest.mark.django_db
def test_the_cli_turns_an_unreadable_file_into_a_command_error(tmp_path):
    path = _write(tmp_path, "latin.csv", "name,country\nMálaga,ES\n", encoding="latin-1")

    with pytest.raises(CommandError, match="UTF-8"):
        call_command("network", "import", str(path))


@pytest.mark.django_db
def test_changed_places_and_facts_are_written_in_batches(tmp_path, bilbao, monkeypatch):
    monkeypatch.setattr("icc.network.place_import.BATCH_SIZE", 2)
    before = bilbao.updated_at
    lines = [
        "slug,name,name_fr,country,latitude,year,population,foreign_born_pct",
        "bilbao,Bilbo,Bilbao (fr),PT,43.26,2020,350000,10.50",
        "bilbao,Bilbo,,PT,,2021,351000,",
        *(f",Town {n},,ES,,2021,{n}," for n in range(5)),
    ]
    path = _write(tmp_path, "changes.csv", "\n".join(lines) + "\n")

    report = _import(path)

    assert report.ok, report.errors
    assert (report.places_created, report.places_updated, report.facts_written) == (5, 1, 7)
    bilbao.refresh_from_db()
    assert (bilbao.name, bilbao.name_fr, bilbao.country_id, bilbao.latitude) == (
        "Bilbo", "Bilbao (fr)", "PT", 43.26,
    )  # fmt: skip
    assert bilbao.updated_at > before
    assert list(bilbao.facts.order_by("year").values_list("year", "population")) == [
        (2020, 350000),
        (2021, 351000),
    ]
    assert Place.objects.get(slug="town-4").facts.get().population == 4
    assert Country.objects.get(code="PT").name == "Portugal"


def test_a_slug_written_with_capitals_is_the_same_place(tmp_path, bilbao):
    # "Bilbao" in the slug column made a second Bilbao next to the directory's "bilbao", and
    # "Bilbao" and "bilbao" on two lines of one year were not seen as the same place.
    text = "slug,name,country,year,population\nBilbao,Bilbao,ES,2021,346843\n"
    report = _import(_write(tmp_path, "places.csv", text))
    assert (report.errors, report.places_created, report.facts_written) == ([], 0, 1)
    assert list(Place.objects.values_list("slug", flat=True)) == ["bilbao"]
    assert PlaceFact.objects.get(place=bilbao, year=2021).population == 346843
    twice = "slug,name,country,year\nbilbao,Bilbao,ES,2022\nBILBAO,Bilbao,ES,2022\n"
    assert _where(_import(_write(tmp_path, "twice.csv", twice)).errors) == [(3, "year")]


def test_a_new_place_with_a_capitalised_slug_gets_it_in_lower_case(tmp_path, spain):
    report = _import(_write(tmp_path, "places.csv", "slug,name,country\nGetxo,Getxo,ES\n"))
    assert report.places_created == 1
    assert list(Place.objects.values_list("slug", flat=True)) == ["getxo"]
