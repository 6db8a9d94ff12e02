"""Import places and their yearly facts from a CSV or XLSX file, all or nothing.

The file format (columns, encodings, how cells are read) is in ``place_table``.

Rules:
1. A line is one place (matched by slug, made from the English name when empty) in one year.
   Lines of the same place may repeat its details or leave them empty; two different values for
   the same detail are an error. The same place and year twice is an error on the second line.
2. An empty cell clears the field, except ``kind`` (kept, or ``city`` for a new place); a column
   absent from the file leaves the field as it is, for places and facts alike.
3. A country missing from the directory is created from pycountry's ISO 3166-1 data, with its
   name in every content language (English where pycountry has no translation).
4. Every error of the file is collected; when there is one, nothing is written. A dry run
   validates and counts but writes nothing.
5. Unchanged places and facts are not written, so importing an export changes nothing.
6. Reading and checking run outside any transaction (on SQLite one takes the write lock when
   it begins, and would stop every other writer for the whole parse); the writes then run in
   one short transaction, in batches of ``BATCH_SIZE``, and no query grows with the file.
"""

import difflib
import gettext as gettext_module
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import IO, Any

import pycountry
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from modeltranslation.fields import TranslationField

from icc.core.tabular import TabularFileError
from icc.network.models import Country, Place, PlaceFact
from icc.network.place_table import (
    CELL_PARSERS,
    COLUMNS,
    EMPTY_VALUES,
    FACT_COLUMNS,
    NAME_COLUMNS,
    OTHER_LANGUAGES,
    PLACE_COLUMNS,
    REQUIRED_COLUMNS,
    CellError,
    RowError,
    Table,
    is_empty,
    read_table,
    table_read,
)

__all__ = ["COLUMNS", "ImportReport", "RowError", "places_import", "read_table"]
BATCH_SIZE = 500


@dataclass(frozen=True)
class ImportReport:
    """What an import did, or would do on a dry run, or why it did nothing."""

    errors: list[RowError]
    places_created: int
    places_updated: int
    facts_written: int
    dry_run: bool
    countries_created: int = 0

    @property
    def ok(self) -> bool:
        """Whether the file had no error (then the counts say what was, or would be, done)."""
        return not self.errors


# --- validating the lines ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    line: int
    slug: str
    year: int | None
    place: dict[str, Any]  # the place columns of the file that could be read
    fact: dict[str, Any]  # the fact columns of the file that could be read


def _header_check(table: Table) -> list[RowError]:
    line, header, errors = table.header_line, table.header, []
    for index, column in enumerate(header):
        if column and column not in COLUMNS:
            close = difflib.get_close_matches(column, COLUMNS, n=1)
            hint = (_("Did you mean “%(column)s”? ") % {"column": close[0]}) if close else ""
            message = _("Unknown column “%(column)s”. %(hint)sKnown columns: %(known)s.") % {
                "column": column, "hint": hint, "known": ", ".join(COLUMNS),
            }  # fmt: skip
            errors.append(RowError(line, column, message))
        elif column and column in header[:index]:
            message = _("The column “%(column)s” appears twice. Keep only one of them.")
            errors.append(RowError(line, column, message % {"column": column}))
    for column in REQUIRED_COLUMNS:
        if column not in header:
            message = _(
                "The required column “%(column)s” is missing. Add a column with this heading "
                "on the first line."
            )
            errors.append(RowError(line, column, message % {"column": column}))
    return errors


def _line_parse(
    line: int, row: dict[str, str], countries: frozenset[str]
) -> tuple[_Line | None, list[RowError]]:
    values: dict[str, Any] = {}
    errors: list[RowError] = []
    for column, cell in row.items():
        raw = cell.strip()
        if column in CELL_PARSERS:
            try:
                values[column] = CELL_PARSERS[column](raw) if raw else EMPTY_VALUES.get(column, "")
            except CellError as error:
                errors.append(RowError(line, column, str(error)))
    if "name" in row and not row["name"].strip():
        message = _("The English name is missing. Write the name of the place in English.")
        errors.append(RowError(line, "name", message))
    code = values.get("country")
    if "country" in row and not row["country"].strip():
        message = _("The country is missing. Write its two-letter ISO 3166-1 code, e.g. ES.")
        errors.append(RowError(line, "country", message))
    elif code and code not in countries and pycountry.countries.get(alpha_2=code) is None:
        message = _("Unknown country code “%(code)s”. Write an ISO 3166-1 alpha-2 code, e.g. ES.")
        errors.append(RowError(line, "country", message % {"code": code}))
    figures = any(row.get(c, "").strip() for c in FACT_COLUMNS if c != "approximate")
    if (figures or values.get("approximate")) and not row.get("year", "").strip():
        message = _("This line has figures but no year. Write the year they refer to, e.g. 2021.")
        errors.append(RowError(line, "year", message))
    slug = values.get("slug") or slugify(values.get("name") or "")[:80].strip("-")
    if not slug and values.get("name") and not any(e.column == "slug" for e in errors):
        message = _(
            "No slug can be made from the name “%(name)s”. Write one in the slug column (add "
            "it if needed) with Latin letters, digits and hyphens, e.g. kyiv."
        )
        errors.append(RowError(line, "name", message % {"name": values["name"]}))
    if not slug or any(error.column in ("slug", "year") for error in errors):
        return None, errors
    place = {c: values[c] for c in PLACE_COLUMNS if c in values}
    fact = {c: values[c] for c in FACT_COLUMNS if c in values}
    return _Line(line, slug, values.get("year"), place, fact), errors


def _place_merge(merged: dict[str, Any], line: _Line) -> list[RowError]:
    errors = []
    for column, value in line.place.items():
        if is_empty(merged.get(column)):
            merged[column] = value
        elif not is_empty(value) and value != merged[column]:
            message = _(
                "Another line of this place gives “%(other)s” here. Give a place the same "
                "details on all its lines, or leave them empty."
            )
            errors.append(RowError(line.line, column, message % {"other": merged[column]}))
    return errors


def _lines_validate(
    table: Table, countries: frozenset[str]
) -> tuple[list[_Line], dict[str, dict[str, Any]], list[RowError]]:
    errors = _header_check(table) + ([table.stray] if table.stray else [])
    lines: list[_Line] = []
    places: dict[str, dict[str, Any]] = {}
    first_line: dict[tuple[str, int | None], int] = {}
    for number, row in table.rows:
        line, row_errors = _line_parse(number, row, countries)
        errors += row_errors
        if line is None:
            continue
        first = first_line.setdefault((line.slug, line.year), number)
        if first != number:
            column = "year" if line.year else ("slug" if "slug" in table.header else "name")
            message = (
                _("Line %(first)d already gives “%(slug)s” in %(year)s. Keep one line per year.")
                if line.year
                else _("Line %(first)d already gives “%(slug)s” without a year. Keep one of them.")
            )
            values = {"first": first, "slug": line.slug, "year": line.year}
            errors.append(RowError(number, column, message % values))
            continue
        errors += _place_merge(places.setdefault(line.slug, {}), line)
        lines.append(line)
    return lines, places, sorted(errors, key=_error_order)


def _error_order(error: RowError) -> tuple[int, int]:
    """By line, then by the column's place in ``COLUMNS`` (headings not in it first)."""
    return error.line, COLUMNS.index(error.column) if error.column in COLUMNS else -1


# --- writing ----------------------------------------------------------------------------------


@cache
def _catalogue(lang: str) -> gettext_module.NullTranslations:
    return gettext_module.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True
    )


def _chunks(items: list[str] | list[int]) -> Iterator[list[Any]]:
    # Every IN list is cut to BATCH_SIZE, so that no query grows with the file.
    for start in range(0, len(items), BATCH_SIZE):
        yield items[start : start + BATCH_SIZE]


def _country(code: str) -> Country:
    record = pycountry.countries.get(alpha_2=code)
    english = str(getattr(record, "common_name", None) or getattr(record, "name", code))
    country = Country(code=code)
    # modeltranslation's name_xx fields are unknown to the type checker: set them by name.
    setattr(country, "name_en", english[:100])  # noqa: B010
    for lang in OTHER_LANGUAGES:
        setattr(country, f"name_{lang}", _catalogue(lang).gettext(english)[:100])
    return country


def _place_assign(place: Place, values: dict[str, Any]) -> set[str]:
    """Set ``values`` on ``place``; the names of the fields that changed."""
    changed = set()
    for column, value in values.items():
        if column == "kind" and value is None:
            continue
        attribute = {"name": "name_en", "country": "country_id"}.get(column, column)
        current = getattr(place, attribute)
        if current == value or (is_empty(current) and is_empty(value)):
            continue
        setattr(place, attribute, None if column in NAME_COLUMNS and not value else value)
        # The original name column follows its translations, as Model.save() would write it.
        changed |= {attribute, "name"} if column in ("name", *NAME_COLUMNS) else {attribute}
    return changed


@dataclass
class _Plan:
    """What an import writes, worked out by reading only (no transaction)."""

    countries: list[Country]
    new_places: dict[str, dict[str, Any]]  # slug → values; made into models only to write
    changed_places: list[Place]
    changed_fields: set[str]
    new_facts: list[tuple[str, PlaceFact]]  # (slug, fact); no place_id yet for a new place
    changed_facts: list[PlaceFact]


def _plan(lines: list[_Line], places_values: dict[str, dict[str, Any]]) -> _Plan:
    codes = sorted({v["country"] for v in places_values.values() if v.get("country")})
    known = set(Country.objects.filter(code__in=codes).values_list("code", flat=True))
    plan = _Plan([_country(c) for c in codes if c not in known], {}, [], set(), [], [])
    existing: dict[str, Place] = {}
    for chunk in _chunks(sorted(places_values)):
        # Matched whatever the case of a slug given in the administration ("Foo" is foo).
        places = Place.objects.annotate(slug_lower=Lower("slug")).filter(slug_lower__in=chunk)
        existing.update((place.slug.lower(), place) for place in places)
    for slug, values in places_values.items():
        place = existing.get(slug)
        if place is None:
            # A model instance costs a millisecond (a default per translated field): a dry
            # run of a large file makes none for new places.
            plan.new_places[slug] = values
        elif changed := _place_assign(place, values):
            plan.changed_places.append(place)
            plan.changed_fields |= changed
    _facts_plan(plan, lines, existing)
    return plan


def _facts_plan(plan: _Plan, lines: list[_Line], existing: dict[str, Place]) -> None:
    current: dict[tuple[str, int], PlaceFact] = {}
    slugs = {place.pk: slug for slug, place in existing.items()}
    for chunk in _chunks(sorted(slugs)):
        for fact in PlaceFact.objects.filter(place_id__in=chunk):
            current[(slugs[fact.place_id], fact.year)] = fact
    for line in lines:
        if line.year is None:
            continue
        known = current.get((line.slug, line.year))
        if known is None:
            values = {c: EMPTY_VALUES.get(c, "") for c in FACT_COLUMNS} | line.fact
            place = existing.get(line.slug)
            fact = PlaceFact(year=line.year, **values)
            if place is not None:  # a new place gets its id once it is written
                fact.place_id = place.pk
            plan.new_facts.append((line.slug, fact))
        elif any(getattr(known, column) != value for column, value in line.fact.items()):
            for column, value in line.fact.items():
                setattr(known, column, value)
            plan.changed_facts.append(known)


@cache
def _translation_defaults() -> dict[str, Any]:
    blank = Place()
    fields = (f.name for f in Place._meta.concrete_fields if isinstance(f, TranslationField))
    return {name: getattr(blank, name) for name in fields}


def _place_new(slug: str) -> Place:
    # Given their defaults, modeltranslation does not work each one out again: twice as fast.
    return Place(slug=slug, **_translation_defaults())


def _plan_write(plan: _Plan) -> None:
    """Write the plan in one short transaction, in batches (models are made before it)."""
    new_places = [_place_new(slug) for slug in plan.new_places]
    for place in new_places:
        _place_assign(place, plan.new_places[place.slug])
    now = timezone.now()
    for place in plan.changed_places:
        place.updated_at = now
    fields = sorted(plan.changed_fields | {"updated_at"})
    with transaction.atomic():
        Country.objects.bulk_create(plan.countries, batch_size=BATCH_SIZE)
        Place.objects.bulk_create(new_places, batch_size=BATCH_SIZE)
        Place.objects.bulk_update(plan.changed_places, fields, batch_size=BATCH_SIZE)
        ids = {place.slug: place.pk for place in new_places}
        missing = sorted(slug for slug, pk in ids.items() if pk is None)
        for chunk in _chunks(missing):  # databases that do not return ids from bulk inserts
            ids.update(Place.objects.filter(slug__in=chunk).values_list("slug", "pk"))
        for slug, fact in plan.new_facts:
            fact.place_id = fact.place_id or ids[slug]
        PlaceFact.objects.bulk_create([f for _, f in plan.new_facts], batch_size=BATCH_SIZE)
        PlaceFact.objects.bulk_update(plan.changed_facts, FACT_COLUMNS, batch_size=BATCH_SIZE)


def places_import(*, filename: str, file: IO[bytes], dry_run: bool = False) -> ImportReport:
    """Create or update the places and facts of a CSV or XLSX file, all or nothing.

    The file's columns are ``COLUMNS`` (rules at the top of this module). The file is read and
    checked outside any transaction; when a line is wrong, the report lists every problem and
    nothing is written; with ``dry_run`` the report counts what would change, nothing is
    written and no transaction is opened. Otherwise the changes are written in one short
    transaction. Raises ``TabularFileError`` when the file as a whole cannot be read (wrong
    type, over the import limits, not UTF-8, damaged workbook, empty) or when the directory
    changed under the import.
    """
    table = table_read(filename=filename, file=file)
    countries = frozenset(Country.objects.values_list("code", flat=True))
    lines, places, errors = _lines_validate(table, countries)
    if errors:
        return ImportReport(errors, 0, 0, 0, dry_run=dry_run)
    plan = _plan(lines, places)
    if not dry_run:
        try:
            _plan_write(plan)
        except IntegrityError as error:
            raise TabularFileError(
                _(
                    "The directory changed while this file was being checked (another import "
                    "or an edit). Import the file again."
                )
            ) from error
    return ImportReport(
        errors=[],
        places_created=len(plan.new_places),
        places_updated=len(plan.changed_places),
        facts_written=len(plan.new_facts) + len(plan.changed_facts),
        dry_run=dry_run,
        countries_created=len(plan.countries),
    )
