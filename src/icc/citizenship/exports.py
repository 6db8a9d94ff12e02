"""Downloads of the test's anonymous tables (a group's counts, the secretariat's statistics),
through the platform's one tabular layer (formula-safe cells, one download response)."""

from collections.abc import Iterable, Sequence

from django.http import HttpResponse, StreamingHttpResponse

from icc.core.tabular import Cell, Format, Sheet
from icc.core.tabular import table_download as tabular_download

__all__ = ["Cell", "table_download"]


def table_download(
    *, heading: Sequence[str], rows: Iterable[Sequence[Cell]], fmt: Format, filename: str
) -> HttpResponse | StreamingHttpResponse:
    """``filename``.csv or .xlsx (``fmt``) as an attachment."""
    return tabular_download(
        Sheet(header=list(heading), rows=rows, title=filename[:31]),
        fmt=fmt,
        filename=f"{filename}.{fmt}",
    )
