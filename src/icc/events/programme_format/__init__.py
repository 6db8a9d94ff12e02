"""A programme in a file (YAML or JSON, format ``icc-programme/1``): read, check, import, export.

See ``src/icc/events/PROGRAMME_FORMAT.md`` for the format.
"""

from icc.events.programme_format.parse import (
    FORMAT,
    Problem,
    ProgrammeData,
    ProgrammeInvalid,
    programme_load,
    programme_parse,
)
from icc.events.programme_format.write import (
    ImportReport,
    programme_dump,
    programme_export,
    programme_import,
)

__all__ = [
    "FORMAT",
    "ImportReport",
    "Problem",
    "ProgrammeData",
    "ProgrammeInvalid",
    "programme_dump",
    "programme_export",
    "programme_import",
    "programme_load",
    "programme_parse",
]
