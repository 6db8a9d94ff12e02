"""The tabular layer on its own: formula-safe cells, CSV and XLSX writing, the download
response, bounded reading (golden cases by hand, plus properties)."""

import datetime as dt
import io
import zipfile
from decimal import Decimal

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from icc.core.tabular import (
    ImportLimits,
    Sheet,
    TabularFileError,
    cell_safe,
    cell_unescape,
    content_disposition,
    csv_bytes,
    csv_stream,
    rows_read,
    size_text,
    table_download,
    xlsx_bytes,
)

LIMITS = ImportLimits(max_bytes=10_000, max_rows=5, max_unpacked_bytes=50_000, max_zip_ratio=100)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("-5", "'-5"),  # a string that looks like a number is still a string
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("'quoted", "''quoted"),  # so that reading back is exact
        ("Málaga", "Málaga"),
        ("a=b", "a=b"),
        ("", ""),
        (-5, -5),
        (-2.5, -2.5),
        (Decimal("-8.50"), Decimal("-8.50")),
        (None, None),
        (True, True),
        (dt.date(2023, 5, 1), dt.date(2023, 5, 1)),
    ],
)
def test_cell_safe(value, written):
    assert cell_safe(value) == written


@given(st.text())
def test_reading_undoes_writing_exactly(text):
    safe = cell_safe(text)
    assert isinstance(safe, str) and not safe.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cell_unescape(safe) == text


def test_csv_has_a_bom_crlf_and_comes_in_chunks():
    rows = ([n, f"row {n}", None] for n in range(20_000))

    chunks = list(csv_stream(Sheet(header=["n", "text", "empty"], rows=rows)))

    assert len(chunks) > 3 and all(len(chunk) < 80_000 for chunk in chunks)
    text = b"".join(chunks).decode("utf-8")
    assert text.startswith("\ufeffn,text,empty\r\n0,row 0,\r\n1,row 1,\r\n")
    assert not csv_bytes(Sheet(header=["a"], rows=[]), bom=False).startswith(b"\xef")


def test_xlsx_keeps_types_drops_control_characters_and_formats_numbers():
    sheet = Sheet(
        header=["name", "score", "when"],
        rows=[["=1+1", 61.25, dt.date(2023, 5, 1)], ["bell\x07", Decimal("-3.5"), None]],
        title="Data",
        number_formats={1: "0.0"},
    )
    about = Sheet(header=["Title"], rows=[["Edition", "2023"]], title="About")

    book = load_workbook(io.BytesIO(xlsx_bytes(sheet, about)))

    data = book["Data"]
    assert [c.value for c in data[2]] == ["'=1+1", 61.25, dt.datetime(2023, 5, 1)]
    assert [c.data_type for c in data[2]] == ["s", "n", "d"]
    assert (data["A3"].value, data["B3"].value, data["B3"].number_format) == ("bell", -3.5, "0.0")
    assert data["A1"].font.bold and data.freeze_panes == "A2"
    assert book["About"]["A2"].value == "Edition"
    odd = xlsx_bytes(Sheet(header=["a"], rows=[], title="Index 2023/24: [draft]"))
    assert load_workbook(io.BytesIO(odd)).sheetnames == ["Index 2023-24- -draft-"]


def test_the_download_streams_csv_and_names_files_in_any_script():
    response = table_download(
        Sheet(header=["a"], rows=[["=x"]]), fmt="csv", filename="Génève-участники.csv"
    )

    assert response.streaming and response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.getvalue() == b"\xef\xbb\xbfa\r\n'=x\r\n"
    assert response["Content-Disposition"] == (
        "attachment; filename=\"G_n_ve-_________.csv\"; filename*=UTF-8''"
        "G%C3%A9n%C3%A8ve-%D1%83%D1%87%D0%B0%D1%81%D1%82%D0%BD%D0%B8%D0%BA%D0%B8.csv"
    )
    assert content_disposition("icc-places.xlsx") == 'attachment; filename="icc-places.xlsx"'


def test_rows_are_numbered_as_a_spreadsheet_shows_them_and_quotes_removed():
    content = "\ufeffname;note\n\n'=Vigo;a,b\n;\nGijón;''x\n".encode()

    rows = list(rows_read(file=io.BytesIO(content), filename="x.CSV", limits=LIMITS))

    assert rows == [(1, ["name", "note"]), (3, ["=Vigo", "a,b"]), (5, ["Gijón", "'x"])]


def test_an_xlsx_is_read_from_its_first_sheet():
    book = Workbook()
    book.active.append(["name", "population", "when"])
    book.active.append(["'@x", 1200.0, dt.datetime(2023, 1, 2)])
    content = io.BytesIO()
    book.save(content)

    rows = list(rows_read(file=content, filename="x.xlsx", limits=LIMITS))

    assert rows == [(1, ["name", "population", "when"]), (2, ["@x", "1200", "2023-01-02"])]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"a\n" * 6_000, "This file is 12 kB; the limit is 10 kB."),
        (b"a\n1\n2\n3\n4\n5\n6\n", "^This file has more than 5 rows; the limit is 5 rows"),
    ],
)
def test_limits_are_named_in_the_refusal(content, message):
    with pytest.raises(TabularFileError, match=message):
        list(rows_read(file=io.BytesIO(content), filename="x.csv", limits=LIMITS))


def test_a_file_at_the_limits_is_read():
    content = b"a\n1\n2\n3\n4\n5\n" + b" " * (10_000 - 12)

    assert len(list(rows_read(file=io.BytesIO(content), filename="x.csv", limits=LIMITS))) == 6


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> io.BytesIO:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    out.seek(0)
    return out


@pytest.mark.parametrize(
    ("archive", "message"),
    [
        (io.BytesIO(b"PK not really"), "cannot be opened as an Excel workbook"),
        (_zip({"a.xml": b"<x/>" * 20_000}, zipfile.ZIP_STORED), "holds 80 kB once unpacked"),
        (_zip({"a.xml": bytes(2_000_000)}), r"compressed [\d,]+ times; the limit is 100 times"),
    ],
)
def test_a_workbook_is_checked_from_its_zip_directory(archive, message):
    limits = ImportLimits(10_000_000, 5, 50_000 if "80" in message else 10_000_000, 100)
    with pytest.raises(TabularFileError, match=message):
        list(rows_read(file=archive, filename="x.xlsx", limits=limits))


def test_sizes_are_written_for_people_in_their_language():
    assert (
        size_text(1_000_000_000),
        size_text(52_400_000),
        size_text(20_000_000),
        size_text(850_000),
    ) == ("1 GB", "52.4 MB", "20 MB", "850 kB")
    with translation.override("fr"):
        assert size_text(52_400_000) == "52,4 Mo"


def test_a_refused_file_is_left_open_for_its_owner():
    upload = io.BytesIO("name\nMálaga\n".encode("latin-1"))

    with pytest.raises(TabularFileError, match="not encoded in UTF-8"):
        list(rows_read(file=upload, filename="x.csv", limits=LIMITS))
    assert not upload.closed
