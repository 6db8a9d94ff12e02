"""Downloads of the test's anonymous tables (a group's counts, the secretariat's statistics),
through the platform's one tabular layer (formula-safe cells, one download response)."""

from collections.abc import Iterable, Sequence

from django.http import HttpResponse, StreamingHttpResponse

from icc.core.tabular import Cell, Sheet, format_chosen
from icc.core.tabular import table_download as tabular_download

__all__ = ["Cell", "table_download"]


def table_download(
    *, heading: Sequence[str], rows: Iterable[Sequence[Cell]], fmt: str, filename: str
) -> HttpResponse | StreamingHttpResponse:
    """``filename``.csv or .xlsx (``fmt``; anything else gives CSV) as an attachment."""
    chosen = format_chosen(fmt)
    return tabular_download(
        Sheet(header=list(heading), rows=rows, title=filename[:31]),
        fmt=chosen,
        filename=f"{filename}.{chosen}",
    )
