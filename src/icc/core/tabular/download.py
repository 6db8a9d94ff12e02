"""The one way a view answers with a table to download."""

from collections.abc import Iterator
from typing import Literal
from urllib.parse import quote

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.translation import override

from icc.core.tabular.write import Sheet, csv_stream, xlsx_bytes
from icc.language import current_language

Format = Literal["csv", "xlsx"]


CONTENT_TYPES: dict[str, str] = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def content_disposition(filename: str) -> str:
    """An ``attachment`` header value for ``filename`` (RFC 6266): an ASCII ``filename`` for
    old clients (other characters become ``_``) and, when the name is not plain ASCII, the
    exact name as UTF-8 in ``filename*`` (RFC 5987)."""
    fallback = "".join(c if 32 <= ord(c) < 127 and c not in '"\\' else "_" for c in filename)
    value = f'attachment; filename="{fallback}"'
    if fallback != filename:
        value += f"; filename*=UTF-8''{quote(filename, safe='')}"
    return value


def _in_language(chunks: Iterator[bytes], language: str | None) -> Iterator[bytes]:
    # The server pulls the chunks after the view has returned: keep the view's language for
    # any label the rows still have to translate.
    with override(language):
        yield from chunks


def table_download(
    *sheets: Sheet, fmt: Format, filename: str, bom: bool = True
) -> HttpResponse | StreamingHttpResponse:
    """The sheets as a file to download named ``filename`` (its extension should be ``fmt``).

    CSV streams the first sheet only, chunk by chunk, as rows come (UTF-8, with a BOM unless
    ``bom`` is false); XLSX holds every sheet, in order. Every cell is made formula-safe (see
    ``icc.core.tabular.cells``).
    """
    response: HttpResponse | StreamingHttpResponse
    if fmt == "csv":
        response = StreamingHttpResponse(
            _in_language(csv_stream(sheets[0], bom=bom), current_language()),
            content_type=CONTENT_TYPES["csv"],
        )
    else:
        response = HttpResponse(xlsx_bytes(*sheets), content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = content_disposition(filename)
    return response
