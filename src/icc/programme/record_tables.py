"""Grants and expert visits from a table (CSV or XLSX), through ``icc.core.tabular``: the same
columns as the year's XLSX export, so an exported sheet imports again.

Rules (as for expenditure, ``expense_table``):

1. Every line is checked first; a line's problems are reported with its number and column, in
   the reader's language. When there is one problem, nothing is written.
2. A place is named by its slug (``bilbao``) or its name as the directory writes it
   (``Bilbao``); several places (a grant's partners) are separated by commas.
3. Status, format and purpose are their codes (``completed``) or their labels in English or
   French, as exported (``Completed``, ``Terminé``).
4. Dates are ``YYYY-MM-DD`` (an XLSX date cell reads so), in the programme's years
   (``YEARS``, as the expenditure lines); amounts are decimals (``12500`` or
   ``12 500,00``).
5. Lines are added, as for expenditure: the page offers "check only" first.
6. A grant without a status is completed when its end has passed, running otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from icc.core.tabular import rows_read, text_too_long
from icc.network.selectors import place_ids_by_slug_or_name
from icc.programme.expense_table import (
    YEARS,
    AmountTooLarge,
    RowError,
    _amount,
    amount_too_large_text,
)
from icc.programme.models import (
    ExpertVisit,
    Grant,
    GrantStatus,
    VisitMode,
    VisitPurpose,
    lead_among_partners_text,
)

GRANT_REQUIRED = ("title", "lead_place", "start")
VISIT_REQUIRED = ("place", "date", "mode", "purpose")


@dataclass
class RecordImport:
    errors: list[RowError] = field(default_factory=list)
    created: int = 0


def _choice(choices: type[models.TextChoices], text: str) -> str | None:
    """A choice's code from its code or its English or French label (any case)."""
    wanted = text.strip().casefold()
    for code, label in choices.choices:
        names = {str(code).casefold()}
        for language in ("en", "fr"):
            with translation.override(language):
                names.add(str(label).casefold())
        if wanted in names:
            return str(code)
    return None


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip()[:10]) if text.strip() else None
    except ValueError:
        return None


def _places(text: str, places: dict[str, int]) -> tuple[list[int], list[str]]:
    names = [n.strip() for n in text.split(",") if n.strip()]
    found = [places[n.casefold()] for n in names if n.casefold() in places]
    return found, [n for n in names if n.casefold() not in places]


class _Line:
    """Collects one line's problems, column by column."""

    def __init__(self, number: int, cells: dict[str, str], errors: list[RowError]) -> None:
        self.number, self.cells, self.errors, self.start = number, cells, errors, len(errors)

    def text(self, column: str) -> str:
        return self.cells.get(column, "").strip()

    def fitting(self, column: str, model: type[models.Model], field: str) -> str:
        """The column's text, with a problem when it is longer than ``field`` holds."""
        too_long = text_too_long(model, field, self.text(column))
        if too_long:
            self.problem(column, too_long)
        return self.text(column)

    def problem(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.number, column, message))

    @property
    def ok(self) -> bool:
        return len(self.errors) == self.start

    def place(self, column: str, places: dict[str, int]) -> int | None:
        found, unknown = _places(self.text(column), places)
        if unknown or len(found) != 1:
            self.problem(
                column,
                _("“%(value)s” is not a place of the directory; use its slug or its name.")
                % {"value": self.text(column)},
            )
            return None
        return found[0]

    def choice(self, column: str, choices: type[models.TextChoices]) -> str:
        code = _choice(choices, self.text(column))
        if code is None:
            self.problem(
                column,
                _("“%(value)s” is not allowed here; use one of: %(codes)s.")
                % {"value": self.text(column), "codes": ", ".join(choices.values)},
            )
            return ""
        return code

    def date(self, column: str, *, required: bool) -> dt.date | None:
        value = _date(self.text(column))
        if value is None and (required or self.text(column)):
            self.problem(column, _("a date written YYYY-MM-DD is expected."))
        elif value is not None and value.year not in YEARS:
            # a typed year such as 0202 or 2202 would put the record in no report, or in all
            self.problem(
                column,
                _("%(date)s is outside the programme's years (%(first)s to %(last)s).")
                % {"date": value.isoformat(), "first": YEARS[0], "last": YEARS[-1]},
            )
            return None
        return value


def _grant(line: _Line, places: dict[str, int]) -> tuple[Grant, list[int]] | None:
    if not line.fitting("title", Grant, "title"):
        line.problem("title", _("the title is required."))
    lead = line.place("lead_place", places)
    partners, unknown = _places(line.text("partner_places"), places)
    for name in unknown:
        line.problem(
            "partner_places",
            _("“%(value)s” is not a place of the directory; use its slug or its name.")
            % {"value": name},
        )
    if lead is not None and lead in partners:
        line.problem("partner_places", lead_among_partners_text(line.text("lead_place")))
    amount: Decimal | None = None
    if line.text("amount"):
        try:
            amount = _amount(line.text("amount"))
        except AmountTooLarge:
            line.problem("amount", amount_too_large_text())
        except (InvalidOperation, ValueError):
            line.problem("amount", _("an amount with at most two decimals is expected."))
    currency = (line.text("currency") or "EUR").upper()
    if len(currency) != 3 or not currency.isalpha():
        line.problem("currency", _("a three-letter currency code such as EUR is expected."))
    start = line.date("start", required=True)
    end = line.date("end", required=False)
    if start and end and end < start:
        line.problem("end", _("the end comes before the start."))
    # without a status: completed once it has ended, running until then (or with no end)
    ended = end is not None and end < timezone.localdate()
    default = GrantStatus.COMPLETED if ended else GrantStatus.RUNNING
    status = line.choice("status", GrantStatus) if line.text("status") else default
    if not line.ok or lead is None or start is None:
        return None
    grant = Grant(
        title=line.text("title"),
        lead_place_id=lead,
        amount=amount,
        currency=currency,
        start=start,
        end=end,
        objectives=line.text("objectives"),
        status=status,
    )
    return grant, partners


def _visit(line: _Line, places: dict[str, int]) -> ExpertVisit | None:
    place = line.place("place", places)
    date = line.date("date", required=True)
    mode = line.choice("mode", VisitMode)
    purpose = line.choice("purpose", VisitPurpose)
    for column, name in (
        ("experts", "experts"),
        ("secretariat", "secretariat"),
        ("profile", "profile_title"),
    ):
        line.fitting(column, ExpertVisit, name)
    if not line.ok or place is None or date is None:
        return None
    return ExpertVisit(
        place_id=place,
        date=date,
        mode=mode,
        purpose=purpose,
        experts=line.text("experts"),
        secretariat=line.text("secretariat"),
        profile_title=line.text("profile"),
    )


def _read(
    *,
    file: IO[bytes],
    filename: str,
    required: tuple[str, ...],
    place_columns: tuple[str, ...],
    make: Callable[[_Line, dict[str, int]], Any],
) -> tuple[list[RowError], list[Any]]:
    errors: list[RowError] = []
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] | None = None
    for number, cells in rows_read(file=file, filename=filename):
        if header is None:
            header = [c.strip().lower() for c in cells]
            missing = [c for c in required if c not in header]
            for column in missing:
                errors.append(RowError(number, column, _("this column is missing.")))
            if missing:
                return errors, []
            continue
        rows.append((number, dict(zip(header, cells, strict=False))))
    if header is None:
        return [RowError(1, required[0], _("the file is empty."))], []
    names = {
        n.strip()
        for _number, cells in rows
        for column in place_columns
        for n in cells.get(column, "").split(",")
        if n.strip()
    }
    places = place_ids_by_slug_or_name(keys=names)
    made = [make(_Line(number, cells, errors), places) for number, cells in rows]
    return errors, [m for m in made if m is not None]


def grants_import(*, file: IO[bytes], filename: str, dry_run: bool = False) -> RecordImport:
    """Add the file's grants, all or nothing. Raises ``TabularFileError`` for a file that
    cannot be read."""
    errors, grants = _read(
        file=file,
        filename=filename,
        required=GRANT_REQUIRED,
        place_columns=("lead_place", "partner_places"),
        make=_grant,
    )
    if errors or dry_run:
        return RecordImport(errors=errors, created=0 if errors else len(grants))
    with transaction.atomic():
        for grant, partners in grants:
            grant.save()
            grant.partner_places.set(partners)
    return RecordImport(created=len(grants))


def visits_import(*, file: IO[bytes], filename: str, dry_run: bool = False) -> RecordImport:
    """Add the file's expert visits, all or nothing."""
    errors, visits = _read(
        file=file, filename=filename, required=VISIT_REQUIRED, place_columns=("place",), make=_visit
    )
    if errors or dry_run:
        return RecordImport(errors=errors, created=0 if errors else len(visits))
    with transaction.atomic():
        for visit in visits:
            visit.save()
    return RecordImport(created=len(visits))
