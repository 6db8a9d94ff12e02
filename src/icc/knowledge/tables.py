"""Practices and publications as tables: export to CSV/XLSX and import from them, through the
platform's tabular layer (formula-safe cells, size and row limits).

Rules held here:

- One line is one practice (or publication), matched by ``slug`` (made from the title when
  empty): a known slug updates the record, a new one creates it. Lists in a cell (places,
  themes, areas, languages, links) are separated by ``;``.
- Every line is checked first, with no transaction open; each problem is reported with its line,
  column and a sentence saying what to write. When there is one, nothing is written (and a dry
  run never writes). Then everything is written in one short transaction.
- Imported practices are published when ``status`` says ``published`` (on ``published_on``, or
  today); imported text is sanitised like a form's. Exporting then importing changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from icc.core.tabular import Sheet, TabularFileError, rows_read
from icc.knowledge import search_bridge
from icc.knowledge.models import (
    CONTENT_LANGUAGES,
    VERSION_LANGUAGES,
    GoodPractice,
    PracticeArea,
    PracticeStatus,
    Publication,
    PublicationKind,
    PublicationVersion,
    Theme,
)
from icc.knowledge.sanitise import html_clean
from icc.knowledge.services import period_problem, text_set

PRACTICE_COLUMNS = [
    "slug", "title", "language", "summary", "description", "results", "contact", "places",
    "country", "period_start", "period_end", "themes", "areas", "languages", "status",
    "published_on",
]  # fmt: skip
PUBLICATION_COLUMNS = [
    "slug", "title", "kind", "published_on", "authors", "summary", "themes", "languages", "links",
]  # fmt: skip
LANGS = {code for code, _label in CONTENT_LANGUAGES}
VERSION_LANGS = {code for code, _label in VERSION_LANGUAGES}


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    message: str


@dataclass
class ImportReport:
    errors: list[RowError] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


def _split(text: str) -> list[str]:
    return [part.strip() for part in (text or "").split(";") if part.strip()]


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text.strip()[:10])


def _year(text: str) -> int | None:
    return int(text) if text.strip() else None


# --- export ---------------------------------------------------------------------------------


def practices_sheet(rows: Any) -> Sheet:
    def lines() -> Iterator[list[Any]]:
        for p in rows:
            yield [
                p.slug, p.title, p.language, p.summary, p.description, p.results, p.contact,
                ";".join(x.slug for x in p.places.all()), p.country.code if p.country else "",
                p.period_start, p.period_end, ";".join(t.slug for t in p.themes.all()),
                ";".join(a.code for a in p.areas.all()), ";".join(p.language_codes), p.status,
                timezone.localtime(p.published_at).date() if p.published_at else None,
            ]  # fmt: skip

    return Sheet(header=PRACTICE_COLUMNS, rows=lines(), title=_("Good practices"))


def publications_sheet(rows: Any) -> Sheet:
    def lines() -> Iterator[list[Any]]:
        for p in rows:
            versions = list(p.versions.all())
            yield [
                p.slug, p.title, p.kind, p.published_on, p.authors, p.summary,
                ";".join(t.slug for t in p.themes.all()),
                ";".join(v.language for v in versions),
                ";".join(v.url for v in versions),
            ]  # fmt: skip

    return Sheet(header=PUBLICATION_COLUMNS, rows=lines(), title=_("Publications"))


# --- import ---------------------------------------------------------------------------------


def _read(
    file: IO[bytes], filename: str, columns: list[str], report: ImportReport
) -> list[tuple[int, dict[str, str]]]:
    try:
        rows = rows_read(file=file, filename=filename)
        first = next(rows, None)
        if first is None:
            report.errors.append(RowError(1, "", _("The file is empty.")))
            return []
        header_line, header = first
        names = [str(cell).strip().lower() for cell in header]
        for name in names:
            if name and name not in columns:
                report.errors.append(
                    RowError(
                        header_line,
                        name,
                        _("Unknown column “%(column)s”. Known columns: %(known)s.")
                        % {"column": name, "known": ", ".join(columns)},
                    )
                )
        if "title" not in names:
            report.errors.append(
                RowError(header_line, "title", _("The required column “title” is missing."))
            )
        return [
            (line, {n: str(c) for n, c in zip(names, cells, strict=False) if n})
            for line, cells in rows
        ]
    except TabularFileError as error:
        report.errors.append(RowError(0, "", str(error)))
        return []


def _check_list(
    report: ImportReport, line: int, column: str, values: list[str], known: set[str]
) -> None:
    unknown = [v for v in values if v not in known]
    if unknown:
        report.errors.append(
            RowError(
                line,
                column,
                _("Unknown value(s): %(values)s. Known: %(known)s.")
                % {"values": ", ".join(unknown), "known": ", ".join(sorted(known)[:40])},
            )
        )


def _published_on(report: ImportReport, line: int, row: Mapping[str, str]) -> dt.date | None:
    """The row's ``published_on`` date (None when empty; an error when it is not a date)."""
    if not row.get("published_on", "").strip():
        return None
    try:
        return _day(row["published_on"])
    except ValueError:
        report.errors.append(RowError(line, "published_on", _("Write a date as YYYY-MM-DD.")))
        return None


def practices_import(*, file: IO[bytes], filename: str, dry_run: bool = False) -> ImportReport:
    """Import good practices from a CSV or XLSX file, all or nothing (rules above)."""
    from icc.knowledge.selectors import indicator_labels
    from icc.network.selectors import PlaceFilters, country_list_with_members, place_list

    report = ImportReport(dry_run=dry_run)
    lines = _read(file, filename, PRACTICE_COLUMNS, report)
    places = {p.slug: p for p in place_list(filters=PlaceFilters())}
    countries = {c.code: c for c in country_list_with_members()}
    theme_ids = dict(Theme.objects.values_list("slug", "pk"))
    areas = set(indicator_labels()) or None
    planned: list[dict[str, Any]] = []
    seen: set[str] = set()
    for line, row in lines:
        errors_before = len(report.errors)
        title = row.get("title", "").strip()
        if not title:
            report.errors.append(RowError(line, "title", _("The title is missing.")))
        slug = slugify(row.get("slug", "") or title)[:110].strip("-")
        if slug in seen:
            report.errors.append(RowError(line, "slug", _("This slug appears twice in the file.")))
        seen.add(slug)
        language = row.get("language", "").strip() or "en"
        if language not in LANGS:
            report.errors.append(
                RowError(line, "language", _("Write a language code among: %(codes)s.")
                         % {"codes": ", ".join(sorted(LANGS))})
            )  # fmt: skip
        place_slugs = _split(row.get("places", ""))
        _check_list(report, line, "places", place_slugs, set(places))
        theme_slugs = _split(row.get("themes", ""))
        _check_list(report, line, "themes", theme_slugs, set(theme_ids))
        area_codes = _split(row.get("areas", ""))
        if areas is not None:
            _check_list(report, line, "areas", area_codes, areas)
        languages = _split(row.get("languages", ""))
        _check_list(report, line, "languages", languages, LANGS)
        country = row.get("country", "").strip().upper()
        if country and country not in countries:
            report.errors.append(
                RowError(line, "country", _("Unknown country code “%(code)s”.") % {"code": country})
            )
        status = row.get("status", "").strip() or PracticeStatus.DRAFT
        if status not in PracticeStatus.values:
            report.errors.append(
                RowError(line, "status", _("Write draft, submitted or published."))
            )
        values: dict[str, Any] = {}
        for column, parse in (("period_start", _year), ("period_end", _year)):
            try:
                values[column] = parse(row.get(column, ""))
            except ValueError:
                report.errors.append(RowError(line, column, _("Write a year, e.g. 2019.")))
        problem = period_problem(start=values.get("period_start"), end=values.get("period_end"))
        if problem:
            report.errors.append(RowError(line, "period_end", problem))
        published_on = _published_on(report, line, row)
        if len(report.errors) > errors_before:
            continue
        planned.append(
            {
                "slug": slug, "title": title, "language": language, "row": row,
                "places": [places[s] for s in place_slugs],
                "country": countries.get(country), "themes": [theme_ids[t] for t in theme_slugs],
                "areas": area_codes, "languages": languages, "status": status,
                "published_on": published_on, **values,
            }
        )  # fmt: skip
    if report.errors or dry_run:
        existing = set(
            GoodPractice.objects.filter(slug__in=[p["slug"] for p in planned]).values_list(
                "slug", flat=True
            )
        )
        report.updated = len(existing)
        report.created = len(planned) - len(existing)
        return report
    with transaction.atomic():
        for item in planned:
            practice = GoodPractice.objects.filter(slug=item["slug"]).first()
            if practice is None:
                practice = GoodPractice(slug=item["slug"])
                report.created += 1
            else:
                report.updated += 1
            lang, row = item["language"], item["row"]
            practice.language = lang
            text_set(practice, "title", lang, item["title"])
            for name in ("summary", "results"):
                if name in row:
                    text_set(practice, name, lang, row[name].strip())
            if "description" in row:
                text_set(practice, "description", lang, html_clean(row["description"]))
            practice.contact = row.get("contact", practice.contact).strip()
            practice.languages = ",".join(dict.fromkeys([lang, *item["languages"]]))
            practice.period_start, practice.period_end = item["period_start"], item["period_end"]
            practice.country = item["country"] or (
                item["places"][0].country if item["places"] else practice.country
            )
            practice.status = item["status"]
            if item["status"] == PracticeStatus.PUBLISHED:
                day = item["published_on"] or timezone.localdate()
                practice.published_at = dt.datetime.combine(
                    day, dt.time(12), tzinfo=timezone.get_current_timezone()
                )
            else:
                practice.published_at = None
            practice.save()
            practice.places.set(item["places"])
            practice.themes.set(item["themes"])
            practice.areas.all().delete()
            PracticeArea.objects.bulk_create(
                [PracticeArea(practice=practice, code=c) for c in dict.fromkeys(item["areas"])]
            )
            if practice.status == PracticeStatus.PUBLISHED:
                search_bridge.practice_index(practice_id=practice.pk)
            else:
                search_bridge.practice_remove(practice_id=practice.pk)
    return report


def publications_import(*, file: IO[bytes], filename: str, dry_run: bool = False) -> ImportReport:
    """Import publications (with one link per language version), all or nothing."""
    report = ImportReport(dry_run=dry_run)
    lines = _read(file, filename, PUBLICATION_COLUMNS, report)
    theme_ids = dict(Theme.objects.values_list("slug", "pk"))
    planned: list[dict[str, Any]] = []
    for line, row in lines:
        errors_before = len(report.errors)
        title = row.get("title", "").strip()
        if not title:
            report.errors.append(RowError(line, "title", _("The title is missing.")))
        kind = row.get("kind", "").strip()
        if kind not in PublicationKind.values:
            report.errors.append(
                RowError(line, "kind", _("Write a type among: %(kinds)s.")
                         % {"kinds": ", ".join(PublicationKind.values)})
            )  # fmt: skip
        published_on = _published_on(report, line, row)
        themes = _split(row.get("themes", ""))
        _check_list(report, line, "themes", themes, set(theme_ids))
        languages = _split(row.get("languages", ""))
        _check_list(report, line, "languages", languages, VERSION_LANGS)
        links = _split(row.get("links", ""))
        if links and len(links) != len(languages):
            report.errors.append(
                RowError(line, "links", _("Give one link per language, in the same order."))
            )
        if len(report.errors) > errors_before:
            continue
        planned.append(
            {
                "slug": slugify(row.get("slug", "") or title)[:110].strip("-"),
                "title": title, "kind": kind, "published_on": published_on,
                "authors": row.get("authors", "").strip(), "summary": row.get("summary", ""),
                "themes": [theme_ids[t] for t in themes],
                "versions": list(zip(languages, links or [""] * len(languages), strict=True)),
            }
        )  # fmt: skip
    if report.errors or dry_run:
        report.created = len(planned)
        return report
    with transaction.atomic():
        for item in planned:
            publication, created = Publication.objects.update_or_create(
                slug=item["slug"],
                defaults={
                    "title": item["title"], "title_en": item["title"], "kind": item["kind"],
                    "published_on": item["published_on"], "authors": item["authors"],
                    "summary": item["summary"], "summary_en": item["summary"],
                },
            )  # fmt: skip
            report.created += int(created)
            report.updated += int(not created)
            publication.themes.set(item["themes"])
            publication.versions.all().delete()
            PublicationVersion.objects.bulk_create(
                [
                    PublicationVersion(publication=publication, language=lang, url=url)
                    for lang, url in dict(item["versions"]).items()
                ]
            )
    return report
