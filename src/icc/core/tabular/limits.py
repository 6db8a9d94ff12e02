"""How large an imported file may be, and the sentences that refuse one.

Limits come from settings (environment variables of the same name):
``ICC_IMPORT_MAX_BYTES`` (20 MB), ``ICC_IMPORT_MAX_ROWS`` (50,000 data rows),
``ICC_IMPORT_MAX_UNPACKED_BYTES`` (100 MB, an XLSX once unzipped) and
``ICC_IMPORT_MAX_ZIP_RATIO`` (100, how much an XLSX member may be compressed).
"""

from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _


class TabularFileError(ValueError):
    """A file refused as a whole; ``str(error)`` says why and what to do, in the active
    language."""


@dataclass(frozen=True)
class ImportLimits:
    """The limits an imported file must keep (see the module docstring)."""

    max_bytes: int
    max_rows: int
    max_unpacked_bytes: int
    max_zip_ratio: int


def import_limits() -> ImportLimits:
    """The limits of the settings, read at each call so that tests may override them."""
    return ImportLimits(
        max_bytes=settings.ICC_IMPORT_MAX_BYTES,
        max_rows=settings.ICC_IMPORT_MAX_ROWS,
        max_unpacked_bytes=settings.ICC_IMPORT_MAX_UNPACKED_BYTES,
        max_zip_ratio=settings.ICC_IMPORT_MAX_ZIP_RATIO,
    )


def size_text(size: int) -> str:
    """A size for people: "1.2 GB", "52.4 MB", "20 MB", "850 kB" (decimal units, localised)."""
    if size >= 1e9:
        value, unit = size / 1e9, _("%(size)s GB")
    elif size >= 1e6:
        value, unit = size / 1e6, _("%(size)s MB")
    else:
        value, unit = size / 1e3, _("%(size)s kB")
    rounded = round(value, 1)
    places = 0 if rounded == int(rounded) else 1
    return unit % {"size": number_format(rounded, decimal_pos=places, use_l10n=True)}


def count_text(count: int) -> str:
    """A whole number for people, grouped as the active language does ("50,000")."""
    return number_format(count, force_grouping=True, use_l10n=True)


def file_size(file: IO[bytes]) -> int:
    """The size of a seekable binary file, without reading it (its position is kept)."""
    position = file.tell()
    size = file.seek(0, 2)
    file.seek(position)
    return size


def file_size_check(file: IO[bytes], *, limits: ImportLimits | None = None) -> None:
    """Raise ``TabularFileError`` naming the limit when ``file`` is larger than
    ``ICC_IMPORT_MAX_BYTES``; nothing of the file is read."""
    limit = (limits or import_limits()).max_bytes
    size = file_size(file)
    if size > limit:
        raise TabularFileError(
            _(
                "This file is %(size)s; the limit is %(limit)s. Split it into smaller files "
                "and import them one after the other."
            )
            % {"size": size_text(size), "limit": size_text(limit)}
        )


def rows_limit_error(limit: int) -> TabularFileError:
    """The error for a table with more than ``limit`` data rows."""
    rows = count_text(limit)
    return TabularFileError(
        _(
            "This file has more than %(limit)s rows; the limit is %(limit)s rows. Split it into "
            "files of at most %(limit)s rows and import them one after the other."
        )
        % {"limit": rows}
    )
