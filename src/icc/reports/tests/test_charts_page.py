"""The charts page: filters in the URL, the table of the chart, downloads equal to the table."""

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from openpyxl import load_workbook

from icc.index.models import PlaceResult, Response

PAGE = "/en/index/charts/"


class TableCells(HTMLParser):
    """Text of each cell of the table with id ``chart-table``, row by row."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._in_table = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table" and ("id", "chart-table") in attrs:
            self._in_table = True
        elif self._in_table and tag == "tr":
            self.rows.append([])
        elif self._in_table and tag in {"td", "th"}:
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "table":
            self._in_table = False
        elif self._in_table and tag in {"td", "th"} and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def table(body: str) -> list[list[str]]:
    parser = TableCells()
    parser.feed(body)
    return parser.rows


def plain(text: str) -> str:
    """A cell as a number-reading program sees it: no thousands separators, no dash."""
    return "" if text == "—" else re.sub(r"(?<=\d)[,\u202f\u00a0](?=\d{3})", "", text)


def test_page_shows_the_filters_chart_and_table(editions):
    response = Client().get(PAGE, {"country": "ES"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="filter-country"' in body and '<option value="ES" selected>' in body
    rows = table(body)
    assert rows[0] == [
        "Rank",
        "Place",
        "Country",
        "Index (advanced)",
        "Best rank (90 %)",
        "Worst rank (90 %)",
    ]
    assert [r[1] for r in rows[1:]] == ["Bilbao", "Getxo"]
    spec = json.loads(re.search(r'id="chart-spec"[^>]*>(.*?)</script>', body, re.S).group(1))
    assert [r["place"] for r in spec["datasets"]["ranking"]] == ["Bilbao", "Getxo"]
    assert "Synthetic data." in body
    assert "country=ES" in re.search(r'id="download-csv" href="([^"]+)"', body).group(1)
    for script in ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js", "reports/charts.js"):
        assert script in body
    assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', body)
    assert [a for a in assets if a.startswith(("http:", "https:", "//"))] == []


def test_htmx_gets_the_part_that_changes(editions):
    response = Client().get(PAGE, {"view": "distribution"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "<html" not in body and 'id="chart-filters"' in body and 'id="chart-table"' in body


def test_a_history_restore_gets_the_whole_page(editions):
    response = Client().get(
        PAGE,
        {"view": "distribution"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_HISTORY_RESTORE_REQUEST="true",
    )
    assert "<html" in response.content.decode() and "HX-Request" in response["Vary"]


def test_french_page_formats_numbers_and_labels_in_french(editions):
    body = Client().get("/fr/index/charts/", {"area": "education"}).content.decode()
    rows = table(body)
    assert rows[1][3] == "75,0" or rows[2][3] == "75,0"
    assert '<option value="education" selected>Éducation</option>' in body
    options = json.loads(re.search(r'id="chart-options"[^>]*>(.*?)</script>', body, re.S).group(1))
    assert options["formatLocale"]["decimal"] == ","
    assert options["formatLocale"]["thousands"] == "\u202f"
    assert options["actions"]["editor"] is False  # no link to another site


def test_a_wrong_value_is_explained_and_the_default_view_shown(editions):
    response = Client().get(PAGE, {"population_band": "huge"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "“huge” is not a valid value for population_band" in body
    assert len(table(body)) == 4  # header and the three places


def test_no_results_yet(db):
    response = Client().get(PAGE)
    assert response.status_code == 400
    assert "No edition of the index has published results yet." in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"country": "ES"},
        {"view": "profile", "places": "getxo", "country": "ES"},
        {"view": "progress", "places": "bilbao,reggio-emilia"},
        {"view": "scatter"},
        {"view": "distribution", "index": "core"},
        {"area": "commitment,education"},
    ],
)
def test_csv_and_xlsx_hold_exactly_the_table(editions, params):
    client = Client()
    header, *body = table(client.get(PAGE, params).content.decode())
    shown = [header, *[[plain(cell) for cell in row] for row in body]]
    response = client.get("/en/index/charts/export.csv", params)
    assert response["Content-Disposition"].startswith('attachment; filename="icc-index-2023-')
    text = response.getvalue().decode("utf-8-sig")
    downloaded = list(csv.reader(io.StringIO(text)))
    assert downloaded[0][-1] == "Synthetic data"
    assert [row[:-1] for row in downloaded] == shown
    assert {row[-1] for row in downloaded[1:]} == {"yes"}
    book = load_workbook(io.BytesIO(client.get("/en/index/charts/export.xlsx", params).content))
    sheet = book["Data"]
    cells = [[same(v) for v in row[:-1]] for row in sheet.iter_rows(values_only=True)]
    assert cells == [[same(cell) for cell in row] for row in shown]
    value_column = [c.value for c in sheet[1]].index(shown[0][-1]) + 1
    assert sheet.cell(row=2, column=value_column).number_format in {"0.0", "0", "#,##0", "General"}
    about = list(book["About"].iter_rows(values_only=True))
    assert any(row[0] == "Synthetic data." for row in about)


def same(value):
    """A cell from the page or a spreadsheet, comparable: numbers as numbers, empty as None."""
    if value in (None, ""):
        return None
    try:
        return round(float(value), 1)
    except ValueError:
        return value


def test_real_data_is_not_marked_synthetic(editions):
    Response.objects.update(is_synthetic=False)
    PlaceResult.objects.update(is_synthetic=False)
    client = Client()
    assert "Synthetic data." not in client.get(PAGE).content.decode()
    download = client.get("/en/index/charts/export.csv").getvalue()
    header = download.decode("utf-8-sig").splitlines()[0]
    assert "Synthetic" not in header


def test_a_bad_download_is_a_400_with_the_reason(editions):
    response = Client().get("/en/index/charts/export.csv", {"country": "XX"})
    assert response.status_code == 400
    assert "no country with the code “XX”" in response.content.decode()
