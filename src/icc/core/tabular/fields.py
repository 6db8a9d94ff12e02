"""A cell read from a file checked against the model field it will fill.

An import checks every line before it writes (see the package's rules); what the database cannot
hold (a text longer than its column, an amount with more digits than the column keeps) must be a
line's error then, in the reader's language: written as it is, it would be a server error on
PostgreSQL and a value stored beyond its limit on SQLite.
"""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext as _


def field_max_length(model: type[models.Model], name: str) -> int | None:
    """How many characters ``model``'s field ``name`` holds, or ``None`` when it has no limit."""
    limit = getattr(model._meta.get_field(name), "max_length", None)
    return int(limit) if limit else None


def too_long_text(*, length: int, limit: int) -> str:
    """The message for a text of ``length`` characters where ``limit`` fit."""
    return _("This text has %(length)d characters; shorten it to %(max)d at most.") % {
        "length": length,
        "max": limit,
    }


def text_too_long(model: type[models.Model], name: str, text: str) -> str | None:
    """Why ``text`` does not fit ``model``'s field ``name``, or ``None`` when it fits."""
    limit = field_max_length(model, name)
    if limit is None or len(text) <= limit:
        return None
    return too_long_text(length=len(text), limit=limit)


def decimal_limit(model: type[models.Model], name: str) -> Decimal:
    """The first value (in absolute terms) that ``model``'s decimal field ``name`` cannot hold."""
    field = model._meta.get_field(name)
    if not isinstance(field, models.DecimalField):
        raise TypeError(f"{model.__name__}.{name} is not a DecimalField")
    return Decimal(10) ** (field.max_digits - field.decimal_places)
