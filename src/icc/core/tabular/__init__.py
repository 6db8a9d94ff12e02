"""The one tabular layer: every CSV and XLSX the platform writes or reads goes through here.

Writing (``write``, ``cells``, ``download``)::

    sheet = Sheet(header=["place", "score"], rows=rows, title="Results")  # rows: any iterable
    return table_download(sheet, fmt="csv", filename="icc-results.csv")   # in a view
    path.write_bytes(xlsx_bytes(sheet))                                    # elsewhere

- Formula-safe cells: a string starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return
  gets a leading quote (``'=SUM(A1)``), so no spreadsheet evaluates it. Strings that look like
  numbers (``"-5"``) are quoted too; numbers stay numbers. ``cell_unescape`` undoes it when a
  file is read back. Rules in ``cells``.
- CSV: UTF-8 with a BOM (``bom=False`` for machines), CRLF, streamed in chunks. XLSX:
  openpyxl's write-only mode, strings stored as strings (never formulas), bold frozen heading,
  widths from the first rows, ``number_formats`` per column. Rules in ``write``.
- ``table_download`` is the one response for a download: ``StreamingHttpResponse`` for CSV,
  ``HttpResponse`` for XLSX, the content type, and a ``Content-Disposition`` that carries
  non-ASCII names (RFC 6266 / 5987).

Reading (``read``, ``limits``, ``zipcheck``)::

    try:
        for line, cells in rows_read(file=upload, filename=upload.name):
            ...  # validate; collect RowError(line, column, message)
    except TabularFileError as error:
        ...  # str(error) is a translated sentence naming the limit or the problem

- Limits, checked before parsing, from settings: ``ICC_IMPORT_MAX_BYTES`` (20 MB),
  ``ICC_IMPORT_MAX_ROWS`` (50,000), and for XLSX ``ICC_IMPORT_MAX_UNPACKED_BYTES`` (100 MB) and
  ``ICC_IMPORT_MAX_ZIP_RATIO`` (100), read from the zip directory before openpyxl opens it.
  ``file_size_check`` and ``xlsx_check`` serve files that are not tables (XLSForm workbooks,
  programme YAML).
- Rows stream: CSV through the csv module in chunks, XLSX through openpyxl's read-only mode.
- An importer validates every row *outside* any transaction (on SQLite a transaction takes
  the write lock when it begins), then writes in one short ``transaction.atomic`` block with
  ``bulk_create``/``bulk_update`` and a ``batch_size``; a dry run writes nothing and opens no
  transaction. ``icc.network.place_import`` is the model to follow.

Pure modules (no Django): ``cells``, ``write``, ``zipcheck``.
"""

from icc.core.tabular.cells import FORMULA_STARTS, Cell, cell_safe, cell_text, cell_unescape
from icc.core.tabular.download import (
    CONTENT_TYPES,
    Format,
    content_disposition,
    table_download,
)
from icc.core.tabular.fields import decimal_limit, field_max_length, text_too_long, too_long_text
from icc.core.tabular.limits import (
    ImportLimits,
    TabularFileError,
    file_size_check,
    import_limits,
    size_text,
)
from icc.core.tabular.read import Row, import_refused, rows_read, xlsx_check
from icc.core.tabular.write import Sheet, csv_bytes, csv_stream, xlsx_bytes

__all__ = [
    "CONTENT_TYPES",
    "FORMULA_STARTS",
    "Cell",
    "Format",
    "ImportLimits",
    "Row",
    "Sheet",
    "TabularFileError",
    "cell_safe",
    "cell_text",
    "cell_unescape",
    "content_disposition",
    "csv_bytes",
    "csv_stream",
    "decimal_limit",
    "field_max_length",
    "file_size_check",
    "import_limits",
    "import_refused",
    "rows_read",
    "size_text",
    "table_download",
    "text_too_long",
    "too_long_text",
    "xlsx_bytes",
    "xlsx_check",
]
