"""Reading a CSV or XLSX file row by row, within the import limits.

Rules:
1. Before anything is parsed, the file's size is checked (``ICC_IMPORT_MAX_BYTES``); an XLSX
   is then checked as a zip archive from its directory alone (``xlsx_check``) before openpyxl
   opens it, and is read with openpyxl's read-only mode, first sheet only.
2. CSV is UTF-8 (with or without BOM), read in chunks by the csv module; the delimiter is
   ``;`` when the first non-blank line has more semicolons than commas, else ``,``.
3. Rows come one at a time as ``(line, cells)``: ``line`` is the number a spreadsheet shows
   (the first row is 1; blank rows are skipped but counted), ``cells`` the texts of the row
   (``cell_text`` for workbook values; a quote added by ``cell_safe`` is removed again).
4. More than ``ICC_IMPORT_MAX_ROWS`` non-blank rows after the first stops the reading with an
   error naming the limit, whatever the caller does with the rows.
Every refusal is a ``TabularFileError`` whose message says what to do.
"""

import csv
import io
import math
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import PurePath
from typing import IO, TextIO

import openpyxl
from django.core.management.base import CommandError, OutputWrapper
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from openpyxl.utils.exceptions import InvalidFileException

from icc.core.tabular.cells import cell_text, cell_unescape
from icc.core.tabular.limits import (
    ImportLimits,
    TabularFileError,
    count_text,
    file_size_check,
    import_limits,
    rows_limit_error,
    size_text,
)
from icc.core.tabular.zipcheck import zip_figures

Row = tuple[int, list[str]]
SUFFIXES = (".csv", ".xlsx")


def _unreadable_workbook() -> TabularFileError:
    return TabularFileError(
        _(
            "The file cannot be opened as an Excel workbook (.xlsx). Open it in your "
            "spreadsheet, save it again as “Excel Workbook (.xlsx)” or as “CSV UTF-8”, and "
            "upload it again."
        )
    )


def xlsx_check(file: IO[bytes], *, limits: ImportLimits | None = None) -> None:
    """Raise ``TabularFileError`` unless ``file`` is a zip archive that unpacks to at most
    ``ICC_IMPORT_MAX_UNPACKED_BYTES`` with no member compressed more than
    ``ICC_IMPORT_MAX_ZIP_RATIO`` times. Reads only the archive's directory."""
    limits = limits or import_limits()
    try:
        figures = zip_figures(file)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise _unreadable_workbook() from error
    if figures.unpacked_bytes > limits.max_unpacked_bytes:
        raise TabularFileError(
            _(
                "This workbook holds %(size)s once unpacked; the limit is %(limit)s. Save it as "
                "“CSV UTF-8”, or split it into smaller workbooks, and import it again."
            )
            % {
                "size": size_text(figures.unpacked_bytes),
                "limit": size_text(limits.max_unpacked_bytes),
            }
        )
    if figures.worst_ratio > limits.max_zip_ratio:
        ratio = "∞" if math.isinf(figures.worst_ratio) else count_text(round(figures.worst_ratio))
        raise TabularFileError(
            _(
                "This workbook is compressed %(ratio)s times; the limit is %(limit)s times, as "
                "more is the mark of a “zip bomb”. Open it in your spreadsheet, save it as "
                "“CSV UTF-8” and import that file."
            )
            % {"ratio": ratio, "limit": limits.max_zip_ratio}
        )


def _csv_grid(file: IO[bytes]) -> Iterator[list[str]]:
    text = io.TextIOWrapper(file, encoding="utf-8-sig", newline="")
    try:
        first = text.readline()
        while first and not first.strip("\r\n"):
            first = text.readline()
        delimiter = ";" if first.count(";") > first.count(",") else ","
        text.seek(0)
        yield from csv.reader(text, delimiter=delimiter)
    finally:
        text.detach()  # leave the caller's file open, even when reading stops early


def _xlsx_grid(file: IO[bytes]) -> Iterator[list[str]]:
    with warnings.catch_warnings():
        # Style and validation warnings say nothing about the cell values we read.
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(file, read_only=True, data_only=True)
    try:
        for row in book.worksheets[0].iter_rows(values_only=True):
            yield [cell_text(value) for value in row]
    finally:
        book.close()


def _grid(file: IO[bytes], suffix: str) -> Iterator[list[str]]:
    try:
        if suffix == ".csv":
            yield from _csv_grid(file)
        else:
            yield from _xlsx_grid(file)
    except UnicodeDecodeError as error:
        raise TabularFileError(
            _(
                "The file is not encoded in UTF-8. In your spreadsheet, choose “Save as”, "
                "then the type “CSV UTF-8”, save it as CSV UTF-8 and upload it again."
            )
        ) from error
    except csv.Error as error:
        raise TabularFileError(
            _("The file cannot be read as CSV (%(error)s). Export it again from your spreadsheet.")
            % {"error": error}
        ) from error
    except (zipfile.BadZipFile, InvalidFileException, KeyError, IndexError, OSError) as error:
        raise _unreadable_workbook() from error
    except ValueError as error:  # openpyxl's word for a damaged part of a workbook
        raise _unreadable_workbook() from error


def rows_read(
    *, file: IO[bytes], filename: str, limits: ImportLimits | None = None
) -> Iterator[Row]:
    """The non-blank rows of a CSV or XLSX file (chosen by ``filename``'s extension) as
    ``(line, cells)`` pairs, within the limits (see the rules above).

    ``file`` is a seekable binary file (an upload, an open file, ``io.BytesIO``); it is left
    open. Raises ``TabularFileError`` for another extension, a file over a limit, a CSV not in
    UTF-8 or not CSV, or a workbook that cannot be opened.
    """
    limits = limits or import_limits()
    suffix = PurePath(filename).suffix.lower()
    if suffix not in SUFFIXES:
        raise TabularFileError(
            _("Files of type “%(suffix)s” cannot be imported. Upload a .csv or .xlsx file.")
            % {"suffix": suffix or filename}
        )
    file_size_check(file, limits=limits)
    file.seek(0)
    if suffix == ".xlsx":
        xlsx_check(file, limits=limits)
    count = 0  # rows yielded so far, the heading included
    for line, cells in enumerate(_grid(file, suffix), start=1):
        if not any(cell.strip() for cell in cells):
            continue
        if count > limits.max_rows:
            raise rows_limit_error(limits.max_rows)
        count += 1
        yield line, [cell_unescape(cell) for cell in cells]


def import_refused(
    *, problems: Iterable[str], path: PurePath, stderr: OutputWrapper | TextIO
) -> CommandError:
    """For a command whose file was refused: each problem on a line of ``stderr``, and the
    error to raise, which counts them and says that nothing was imported."""
    count = 0
    for problem in problems:
        stderr.write(problem)
        count += 1
    return CommandError(
        ngettext(
            "%(count)d problem in %(file)s; nothing was imported.",
            "%(count)d problems in %(file)s; nothing was imported.",
            count,
        )
        % {"count": count, "file": path}
    )
