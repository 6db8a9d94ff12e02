"""The place table: the columns of the places file, reading CSV/XLSX, reading each cell.

Shared by ``place_import`` and ``place_export`` so that both speak the same format.

Rules:
1. The first non-blank row holds the column headings (``COLUMNS``), matched whatever their case
   or order; ``name`` and ``country`` are required.
2. Lines are numbered as a spreadsheet shows them: the heading is line 1 and blank rows count.
3. Files are read by ``icc.core.tabular.rows_read``: within the import limits (size, rows,
   XLSX unpacked size and compression), CSV in UTF-8 (with or without BOM) delimited by ``,``
   or ``;`` (whichever the heading row uses more), XLSX from its first sheet.
4. Numbers accept thousands separators (``346,843``, ``346 843``) and decimal commas
   (``11,2``); shares are rounded to two decimals; ``approximate`` reads yes/no, true/false,
   1/0, oui/non.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import partial
from typing import IO, Any

import pycountry
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_slug
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from icc.core.tabular import TabularFileError, field_max_length, rows_read, too_long_text
from icc.network.facts import FACT_FIELDS
from icc.network.models import Place, PlaceFact, PlaceKind

OTHER_LANGUAGES: tuple[str, ...] = tuple(
    lang for lang in settings.MODELTRANSLATION_LANGUAGES if lang != "en"
)
NAME_COLUMNS: tuple[str, ...] = tuple(f"name_{lang}" for lang in OTHER_LANGUAGES)
PLACE_COLUMNS: tuple[str, ...] = (
    "name", *NAME_COLUMNS, "kind", "country", "latitude", "longitude", "website",
)  # fmt: skip
FACT_COLUMNS: tuple[str, ...] = FACT_FIELDS
# The one column list of the file format, in the order the export writes it.
COLUMNS: tuple[str, ...] = ("slug", *PLACE_COLUMNS, "year", *FACT_COLUMNS)
REQUIRED_COLUMNS: tuple[str, ...] = ("name", "country")
YES = frozenset({"yes", "true", "1", "oui", "y"})
NO = frozenset({"no", "false", "0", "non", "n"})


@dataclass(frozen=True)
class RowError:
    """One problem of the file: its line (heading = 1), its column, a sentence to fix it."""

    line: int
    column: str
    message: str


# --- reading the file -------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """A file read into its heading row and its non-blank data rows."""

    header_line: int
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]
    stray: RowError | None  # first value found under an empty heading


def table_read(*, filename: str, file: IO[bytes]) -> Table:
    """The heading and data rows of a CSV or XLSX file (see ``read_table``)."""
    rows_in = rows_read(file=file, filename=filename)
    first = next(rows_in, None)
    if first is None:
        raise TabularFileError(
            _(
                "The file is empty. Put the column headings on the first line and one place "
                "per line below them."
            )
        )
    header_line, cells = first
    header = [cell.strip().lower() for cell in cells]
    rows: list[tuple[int, dict[str, str]]] = []
    stray = None
    for line, cells in rows_in:
        rows.append((line, {h: c for h, c in zip(header, cells, strict=False) if h}))
        unheaded = (i for i, c in enumerate(cells) if c.strip() and header[i : i + 1] in ([], [""]))
        index = next(unheaded, None)
        if stray is None and index is not None:
            letter = get_column_letter(index + 1)
            message = _(
                "Column %(letter)s has a value on this line but no heading. Add a heading on "
                "the first line or clear the column."
            ) % {"letter": letter}
            stray = RowError(line, letter, message)
    return Table(header_line=header_line, header=header, rows=rows, stray=stray)


def read_table(*, filename: str, file: IO[bytes]) -> list[tuple[int, dict[str, str]]]:
    """The data rows of a CSV or XLSX file, chosen by the extension of ``filename``.

    Returns ``(line, row)`` pairs: ``line`` is the row number a spreadsheet shows (the heading
    is line 1, blank rows are skipped but counted), ``row`` maps each lower-cased heading to the
    cell text. Raises ``TabularFileError`` for an unknown extension, a file over the import
    limits, a CSV not in UTF-8, an unreadable workbook or an empty file.
    """
    return table_read(filename=filename, file=file).rows


# --- reading the cells ------------------------------------------------------------------------


class CellError(ValueError):
    """A cell that cannot be read; the message says how to fix it."""


_GROUPED_INTEGER = re.compile(r"\d{1,3}(?:[,\s'\u2019]\d{3})+|\d+")


def _max_length(model: type[Place | PlaceFact], name: str) -> int:
    return field_max_length(model, name) or 0


def _text(raw: str, *, max_length: int) -> str:
    if len(raw) > max_length:
        raise CellError(too_long_text(length=len(raw), limit=max_length))
    return raw


def _slug(raw: str) -> str:
    try:
        validate_slug(raw)
    except ValidationError:
        raise CellError(
            _(
                "“%(value)s” is not a valid slug. Use only letters, digits and hyphens "
                "(e.g. bilbao), or leave the cell empty to make it from the name."
            )
            % {"value": raw}
        ) from None
    # The directory's slugs are lower case (the addresses of its pages): "Bilbao" is bilbao.
    return _text(raw, max_length=_max_length(Place, "slug")).lower()


def _kind(raw: str) -> str:
    if raw.lower() not in PlaceKind.values:
        raise CellError(_("Unknown kind “%(value)s”. Write city or region.") % {"value": raw})
    return raw.lower()


def _country_code(raw: str) -> str:
    code = raw.upper()
    if not re.fullmatch(r"[A-Z]{2}", code):
        record = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
        hint = record.alpha_2 if record else "ES"
        raise CellError(
            _(
                "“%(value)s” is not a two-letter country code. Write the ISO 3166-1 alpha-2 "
                "code, e.g. %(hint)s."
            )
            % {"value": raw, "hint": hint}
        )
    return code


def _website(raw: str) -> str:
    try:
        URLValidator(schemes=["http", "https"])(raw)
    except ValidationError:
        raise CellError(
            _("“%(value)s” is not a web address. Write it in full, starting with https://.")
            % {"value": raw}
        ) from None
    return _text(raw, max_length=_max_length(Place, "website"))


def _integer(raw: str, *, low: int, high: int, problem: str) -> int:
    compact = re.sub(r"[,\s'\u2019]", "", raw)
    if not _GROUPED_INTEGER.fullmatch(raw) or not low <= int(compact) <= high:
        raise CellError(problem % {"value": raw})
    return int(compact)


def _year(raw: str) -> int:
    problem = _(
        "“%(value)s” is not a year between 1900 and 2100. Write the year the figures refer to, "
        "e.g. 2021."
    )
    return _integer(raw, low=1900, high=2100, problem=problem)


def _population(raw: str) -> int:
    problem = _(
        "“%(value)s” is not a whole number of inhabitants. Write it in digits, e.g. 346843 or "
        "346,843."
    )
    return _integer(raw, low=0, high=2_147_483_647, problem=problem)


def _decimal(raw: str) -> Decimal | None:
    text = re.sub(r"\s", "", raw)
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _share(raw: str) -> Decimal:
    number = _decimal(raw.removesuffix("%"))
    if number is None or not 0 <= number <= 100:
        raise CellError(
            _(
                "“%(value)s” is not a percentage between 0 and 100. Write the share of the "
                "population, e.g. 11.2 or 11,2."
            )
            % {"value": raw}
        )
    return number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _coordinate(raw: str, *, limit: int) -> float:
    number = _decimal(raw)
    if number is None or not -limit <= number <= limit:
        raise CellError(
            _(
                "“%(value)s” is not a number between -%(limit)d and %(limit)d. Write the "
                "coordinate in decimal degrees, e.g. 43.263."
            )
            % {"value": raw, "limit": limit}
        )
    return float(number)


def _yes_no(raw: str) -> bool:
    if raw.lower() not in YES | NO:
        raise CellError(_("“%(value)s” is neither yes nor no. Write yes or no.") % {"value": raw})
    return raw.lower() in YES


CELL_PARSERS: dict[str, Callable[[str], Any]] = {
    "slug": _slug,
    **{c: partial(_text, max_length=_max_length(Place, "name")) for c in ("name", *NAME_COLUMNS)},
    "kind": _kind,
    "country": _country_code,
    "latitude": partial(_coordinate, limit=90),
    "longitude": partial(_coordinate, limit=180),
    "website": _website,
    "year": _year,
    "population": _population,
    **{
        c: partial(_text, max_length=_max_length(PlaceFact, c))
        for c in ("population_source", "foreign_born_source", "non_nationals_source")
    },
    "foreign_born_pct": _share,
    "non_nationals_pct": _share,
    "approximate": _yes_no,
}
# Value of an empty cell; text columns not listed get "".
EMPTY_VALUES: dict[str, Any] = dict.fromkeys(
    ("kind", "latitude", "longitude", "year", "population", "foreign_born_pct",
     "non_nationals_pct"),
)  # fmt: skip
EMPTY_VALUES["approximate"] = False


def is_empty(value: object) -> bool:
    """Whether a read cell value stands for "nothing" (``None`` or an empty text)."""
    return value is None or value == ""
