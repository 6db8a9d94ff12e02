"""Cell values of the index's own columns (weights, levels, points, band edges).

Rules held here:

- Cells are text as pyxform reads them (``1.0`` → ``"1"``); a number is any text that
  ``float`` reads and that is finite.
- Language names and codes, and which types are select types, are ``icc.xlsform``'s.
"""

from __future__ import annotations

import math

from icc.xlsform import SELECT_TYPES, language_name
from icc.xlsform.sheets import cell_text

__all__ = ["SELECT_TYPES", "cell_number", "cell_text", "language_name", "number_text"]


def number_text(value: float) -> str:
    """A number as short text: ``100000.0`` → ``"100000"``, ``12.5`` → ``"12.5"``."""
    if math.isfinite(value) and float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def cell_number(value: object) -> float | None:
    """A cell as a finite number, or None when it is not one (text such as ``"lots"``)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    else:
        try:
            number = float(cell_text(value))
        except ValueError:
            return None
    return number if math.isfinite(number) else None
