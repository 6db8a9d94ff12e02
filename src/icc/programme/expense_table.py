"""Expenditure lines as a table (CSV or XLSX), through ``icc.core.tabular``; the XLSX export
of a year also holds its grants and expert visits (one sheet each).

Columns: ``year``, ``activity_en``, ``activity_fr``, ``category``, ``amount_eur``,
``certification``. Rules of the import:

1. Every line is checked first; a line's problems are reported with its number and column, in
   the reader's language. When there is one problem, nothing is written.
2. Amounts are euros with at most two decimals, read as ``Decimal`` (``1234.5``,
   ``1,234.50``, ``1 234,50`` or ``1.234,50``), below ``AMOUNT_LIMIT`` (what the database
   column holds); texts are no longer than their column; categories and certification
   statuses are their codes (as exported).
3. Lines are added: importing a file twice adds its lines twice (an expense may legitimately
   repeat), so the page says how many lines the file adds before it does.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import IO

from django.db import transaction
from django.db.models import QuerySet
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from icc.core.tabular import Sheet, decimal_limit, rows_read, text_too_long
from icc.core.tabular.cells import Cell
from icc.programme.models import Certification, Expense, ExpenseCategory, ExpertVisit, Grant

COLUMNS = ("year", "activity_en", "activity_fr", "category", "amount_eur", "certification")
YEARS = range(1990, 2101)  # the programme's years (the year pages' range)
# the first amount the column cannot hold; grants' amounts have the same column
AMOUNT_LIMIT = decimal_limit(Expense, "amount_eur")
# how an XLSX shows amounts (number cells, so a spreadsheet sums them): 12,500.50
AMOUNT_FORMAT = "#,##0.00"


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("Line %(line)s, column “%(column)s”: %(message)s") % {
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


@dataclass(frozen=True)
class ExpenseImport:
    errors: list[RowError]
    created: int
    years: tuple[int, ...] = ()  # the years of the lines (added, or that would be)


def expenses_sheet(expenses: QuerySet[Expense]) -> Sheet:
    rows: Iterator[list[Cell]] = (
        [
            e.year,
            getattr(e, "activity_en", None) or e.activity,
            getattr(e, "activity_fr", None) or "",
            e.category,
            e.amount_eur,
            e.certification,
        ]
        for e in expenses
    )
    return Sheet(
        header=list(COLUMNS),
        rows=rows,
        title=_("Expenditure"),
        number_formats={COLUMNS.index("amount_eur"): AMOUNT_FORMAT},
    )


class AmountTooLarge(InvalidOperation):
    """An amount the database column cannot hold."""


def amount_too_large_text() -> str:
    return _("the amount is too large: it must be below %(limit)s.") % {
        "limit": number_format(AMOUNT_LIMIT, force_grouping=True)
    }


def _amount(text: str) -> Decimal:
    """A non-negative amount with at most two decimals; ``InvalidOperation`` otherwise
    (``AmountTooLarge`` when it is ``AMOUNT_LIMIT`` or more)."""
    cleaned = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if "," in cleaned and "." in cleaned and cleaned.rindex(",") > cleaned.rindex("."):
        cleaned = cleaned.replace(".", "")  # 1.234,50: the dots group thousands
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    value = Decimal(cleaned.replace(",", ""))
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or exponent < -2 or value < 0:
        raise InvalidOperation
    if value >= AMOUNT_LIMIT:
        raise AmountTooLarge
    return value


def _line(line: int, cells: dict[str, str], errors: list[RowError]) -> Expense | None:
    found = len(errors)
    year_text = cells.get("year", "").strip()
    if not (year_text.isascii() and year_text.isdigit()) or int(year_text) not in YEARS:
        errors.append(RowError(line, "year", _("a year such as 2020 is expected.")))
    activity = cells.get("activity_en", "").strip()
    if not activity:
        errors.append(RowError(line, "activity_en", _("the activity is required.")))
    for column in ("activity_en", "activity_fr"):
        too_long = text_too_long(Expense, column, cells.get(column, "").strip())
        if too_long:
            errors.append(RowError(line, column, too_long))
    category = cells.get("category", "").strip()
    if category not in ExpenseCategory.values:
        errors.append(
            RowError(
                line,
                "category",
                _("“%(value)s” is not a category; use one of: %(codes)s.")
                % {"value": category, "codes": ", ".join(ExpenseCategory.values)},
            )
        )
    certification = cells.get("certification", "").strip() or Certification.PROVISIONAL
    if certification not in Certification.values:
        errors.append(
            RowError(
                line,
                "certification",
                _("“%(value)s” is not a status; use one of: %(codes)s.")
                % {"value": certification, "codes": ", ".join(Certification.values)},
            )
        )
    try:
        amount = _amount(cells.get("amount_eur", ""))
    except AmountTooLarge:
        errors.append(RowError(line, "amount_eur", amount_too_large_text()))
        amount = Decimal("0")
    except (InvalidOperation, ValueError):
        errors.append(
            RowError(line, "amount_eur", _("an amount in euros with two decimals is expected."))
        )
        amount = Decimal("0")
    if len(errors) > found:
        return None
    return Expense(
        year=int(year_text),
        activity_en=activity,
        activity_fr=cells.get("activity_fr", "").strip() or None,
        category=category,
        amount_eur=amount,
        certification=certification,
    )


def expenses_import(*, file: IO[bytes], filename: str, dry_run: bool = False) -> ExpenseImport:
    """Add the file's expenditure lines, all or nothing (rules in the module docstring).
    Raises ``TabularFileError`` for a file that cannot be read."""
    errors: list[RowError] = []
    found: list[Expense] = []
    header: list[str] | None = None
    for line, cells in rows_read(file=file, filename=filename):
        if header is None:
            header = [c.strip().lower() for c in cells]
            missing = [
                c for c in ("year", "activity_en", "category", "amount_eur") if c not in header
            ]
            for column in missing:
                errors.append(RowError(line, column, _("this column is missing.")))
            if missing:
                break
            continue
        row = dict(zip(header, cells, strict=False))
        expense = _line(line, row, errors)
        if expense is not None:
            found.append(expense)
    if header is None:
        errors.append(RowError(1, "year", _("the file is empty.")))
    years = tuple(sorted({expense.year for expense in found}))
    if errors or dry_run:
        return ExpenseImport(errors=errors, created=0 if errors else len(found), years=years)
    with transaction.atomic():
        for expense in found:
            expense.save()
    return ExpenseImport(errors=[], created=len(found), years=years)


def grants_sheet(grants: Iterable[Grant]) -> Sheet:
    """The year's grants, one line each (export only: grants are edited in the admin)."""
    rows: Iterator[list[Cell]] = (
        [
            g.title,
            g.lead_place.name,
            ", ".join(p.name for p in g.partners),
            g.amount,
            g.currency,
            g.start,
            g.end,
            g.get_status_display(),
        ]
        for g in grants
    )
    header = ["title", "lead_place", "partner_places", "amount", "currency", "start", "end"]
    return Sheet(
        header=[*header, "status"],
        rows=rows,
        title=_("Grants"),
        number_formats={header.index("amount"): AMOUNT_FORMAT},
    )


def visits_sheet(visits: Iterable[ExpertVisit]) -> Sheet:
    """The year's expert visits, one line each (export only)."""
    rows: Iterator[list[Cell]] = (
        [
            v.place.name,
            v.date,
            v.get_mode_display(),
            v.get_purpose_display(),
            v.experts,
            v.secretariat,
            v.profile_title,
        ]
        for v in visits
    )
    header = ["place", "date", "mode", "purpose", "experts", "secretariat", "profile"]
    return Sheet(header=header, rows=rows, title=_("Expert visits"))
