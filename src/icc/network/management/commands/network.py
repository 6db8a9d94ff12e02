"""``icc network import PATH [--dry-run]``; ``icc network export PATH [--country] [--status]``.

Both speak the place table of ``place_table``: format chosen by the extension (.csv, .xlsx).
"""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from icc.core.tabular import TabularFileError, import_refused
from icc.network.lifecycle import Status
from icc.network.place_export import places_export
from icc.network.place_import import ImportReport, places_import
from icc.network.selectors import PlaceFilters, place_list


class Command(BaseCommand):
    help = "Import places and facts from a CSV/XLSX file, or export them to one."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        importing = actions.add_parser("import", help="Import places and facts (all or nothing).")
        importing.add_argument("path", type=Path, help="A .csv or .xlsx file.")
        importing.add_argument(
            "--dry-run", action="store_true", help="Check the file and report; write nothing."
        )
        exporting = actions.add_parser("export", help="Export places and facts.")
        exporting.add_argument("path", type=Path, help="The .csv or .xlsx file to write.")
        exporting.add_argument("--country", default="", help="Only this country (ISO code).")
        exporting.add_argument(
            "--status",
            default="",
            choices=["", *(s.value for s in Status)],
            help="Only places with this status.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "import":
            self._import(options["path"], dry_run=options["dry_run"])
        else:
            self._export(options["path"], country=options["country"], status=options["status"])

    def _import(self, path: Path, *, dry_run: bool) -> None:
        try:
            with path.open("rb") as file:
                report = places_import(filename=path.name, file=file, dry_run=dry_run)
        except (OSError, TabularFileError) as error:
            raise CommandError(str(error)) from error
        if not report.ok:
            raise import_refused(
                problems=(
                    f"line {problem.line}, column {problem.column}: {problem.message}"
                    for problem in report.errors
                ),
                path=path,
                stderr=self.stderr,
            )
        self.stdout.write(self.style.SUCCESS(_summary(report)))

    def _export(self, path: Path, *, country: str, status: str) -> None:
        suffix = path.suffix.lower()
        if suffix not in (".csv", ".xlsx"):
            raise CommandError(_("Name the file .csv or .xlsx to choose the format."))
        places = place_list(filters=PlaceFilters(country=country, status=status))
        try:
            path.write_bytes(
                places_export(places=places, fmt="xlsx" if suffix == ".xlsx" else "csv")
            )
        except OSError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                _("Exported %(count)d places to %(file)s.")
                % {"count": places.count(), "file": path}
            )
        )


def _summary(report: ImportReport) -> str:
    counts = {
        "created": report.places_created,
        "updated": report.places_updated,
        "facts": report.facts_written,
        "countries": report.countries_created,
    }
    if report.dry_run:
        return (
            _(
                "Dry run, nothing written: %(created)d places would be created, %(updated)d "
                "updated, %(facts)d yearly facts written, %(countries)d countries added."
            )
            % counts
        )
    return (
        _(
            "Imported: %(created)d places created, %(updated)d updated, %(facts)d yearly facts "
            "written, %(countries)d countries added."
        )
        % counts
    )
