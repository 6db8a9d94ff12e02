"""What an XLSX (a zip archive) would cost to open, read from its directory alone.

Pure: no Django. Nothing is decompressed: the figures come from the sizes each member
declares in the zip's central directory, which is also the most ``zipfile`` (and so openpyxl)
will ever inflate a member to, so they bound the memory and time an open would take.

Rules:
1. ``unpacked_bytes`` is the sum of the declared uncompressed sizes of every member.
2. ``worst_ratio`` is the largest uncompressed / compressed size of a member larger than
   ``RATIO_GRACE_BYTES`` once unpacked (small members of ordinary workbooks may compress very
   well; a bomb is a large member that compresses extremely well). A member that declares a
   size but no compressed bytes counts as infinitely compressed.
"""

import math
import zipfile
from dataclasses import dataclass
from typing import IO, Final

RATIO_GRACE_BYTES: Final = 1_000_000


@dataclass(frozen=True)
class ZipFigures:
    """The declared cost of opening a zip archive (see the rules above)."""

    members: int
    unpacked_bytes: int
    worst_ratio: float


def zip_figures(file: IO[bytes]) -> ZipFigures:
    """The figures of the zip archive in ``file`` (a seekable binary file; its position is left
    at the start). Raises ``zipfile.BadZipFile`` when ``file`` is not a zip archive."""
    try:
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
    finally:
        file.seek(0)
    worst = 0.0
    for member in members:
        if member.file_size > RATIO_GRACE_BYTES:
            ratio = member.file_size / member.compress_size if member.compress_size else math.inf
            worst = max(worst, ratio)
    return ZipFigures(
        members=len(members),
        unpacked_bytes=sum(member.file_size for member in members),
        worst_ratio=worst,
    )
