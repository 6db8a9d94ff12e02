"""Reading the sheets of an .xlsx workbook into plain rows, numbered as the user sees them.

Rules held here:

- Sheets are found by name, case-insensitively (``Survey`` is ``survey``), as pyxform does.
- Row 1 holds the headers; a column without a header is ignored. Data rows keep their
  spreadsheet number (the first data row is 2); rows with no value at all are skipped.
- Cell values keep their type (numbers stay numbers) so that the reader can tell ``100`` from
  ``"lots"``; text is stripped and an empty text is no value. No-break spaces inside a text
  are kept (French typography puts them before ``?`` and ``:``), unlike pyxform, which turns
  them into plain spaces in the XForm.
- openpyxl's own warnings (unsupported styles or data validation in files saved by other
  tools) say nothing about the form and are silenced.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from icc.index.xlsform.columns import Header, cell_text, header_parse
from icc.index.xlsform.model import Issue, XLSFormError


@dataclass(frozen=True)
class SheetRow:
    """One data row: its spreadsheet number and its non-empty cells by header text."""

    number: int
    cells: dict[str, object]

    def text(self, header: str | None) -> str:
        """The cell under ``header`` as text ("" when absent)."""
        return cell_text(self.cells.get(header)) if header else ""


@dataclass(frozen=True)
class Sheet:
    """A sheet: its name as written (``title``) and as issues name it (``name``, lower case),
    its headers in order, its data rows."""

    title: str
    headers: tuple[Header, ...]
    rows: tuple[SheetRow, ...]
    duplicate_headers: tuple[str, ...] = field(default=())

    @property
    def name(self) -> str:
        """The sheet's name in lower case, as pyxform and the issues name it."""
        return self.title.strip().lower()

    def header(self, base: str) -> str | None:
        """The header text of the untranslated column ``base`` (e.g. ``"type"``), if any."""
        for header in self.headers:
            if header.base == base and header.language is None:
                return header.text
        return None

    def translated(self, base: str) -> Iterator[Header]:
        """The headers of column ``base`` in every language, plain ``base`` included."""
        return (header for header in self.headers if header.base == base)


def _sheet(worksheet: object, title: str) -> Sheet:
    iter_rows = getattr(worksheet, "iter_rows", None)  # chart sheets have no rows
    rows: Iterator[tuple[object, ...]] = iter(iter_rows(values_only=True) if iter_rows else ())
    first = next(rows, ())
    texts = [cell_text(value) for value in first]
    headers = [header_parse(text) if text else None for text in texts]
    seen: set[str] = set()
    duplicates: list[str] = []
    for header in headers:
        if header is not None:
            if header.text in seen:
                duplicates.append(header.text)
            seen.add(header.text)
    data: list[SheetRow] = []
    for number, values in enumerate(rows, start=2):
        cells: dict[str, object] = {}
        for header, value in zip(headers, values, strict=False):
            if header is None or value is None:
                continue
            if isinstance(value, str):
                value = value.strip()
                if not value:
                    continue
            cells.setdefault(header.text, value)
        if cells:
            data.append(SheetRow(number, cells))
    return Sheet(
        title=title,
        headers=tuple(h for h in headers if h is not None),
        rows=tuple(data),
        duplicate_headers=tuple(duplicates),
    )


def workbook_sheets(content: bytes) -> dict[str, Sheet]:
    """Every sheet of an .xlsx workbook, keyed by lower-cased name.

    Raises ``XLSFormError`` with one sentence when the bytes are not a readable workbook.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
            try:
                return {name.strip().lower(): _sheet(book[name], name) for name in book.sheetnames}
            finally:
                book.close()
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise XLSFormError(
            [
                Issue(
                    "workbook",
                    None,
                    None,
                    f"The file could not be read as an Excel .xlsx workbook ({error}); save it "
                    "from your spreadsheet program as .xlsx and upload it again.",
                )
            ]
        ) from error
