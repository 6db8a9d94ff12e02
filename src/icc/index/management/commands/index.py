"""``icc index …``: import an XLSForm edition, build the shipped one, score an edition."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from icc.core.tabular import file_size_check
from icc.index.models import Edition
from icc.index.scoring_service import DEFAULT_DRAWS, edition_results_compute
from icc.index.services import edition_import_xlsform
from icc.index.xlsform.model import XLSFormError
from icc.index.xlsform.source import edition_build


class Command(BaseCommand):
    help = "The Intercultural Cities Index: import-xlsform, build-edition, score."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        imp = sub.add_parser("import-xlsform", help="Import an XLSForm workbook as an edition.")
        imp.add_argument("path", type=Path)
        imp.add_argument("--edition", required=True, help="Edition name, e.g. 2023.")
        imp.add_argument("--year", type=int, default=None)
        imp.add_argument("--previous", default=None, help="Name of the previous edition.")
        imp.add_argument("--dry-run", action="store_true", help="Check only; save nothing.")
        build = sub.add_parser("build-edition", help="Build the .xlsx of a shipped edition.")
        build.add_argument("source", type=Path)
        build.add_argument("output", type=Path)
        score = sub.add_parser(
            "score", help="Compute and store an edition's results now, without the worker."
        )
        score.add_argument("--edition", required=True)
        score.add_argument(
            "--force", action="store_true", help="Kept for old scripts: score always computes."
        )
        score.add_argument("--draws", type=int, default=DEFAULT_DRAWS)

    def handle(self, *args: Any, **options: Any) -> None:
        handler = getattr(self, "_" + options["subcommand"].replace("-", "_"))
        handler(options)

    def _import_xlsform(self, options: dict[str, Any]) -> None:
        path: Path = options["path"]
        if not path.exists():
            raise CommandError(f"{path} does not exist.")
        previous = None
        if options["previous"]:
            previous = Edition.objects.filter(name=options["previous"]).first()
            if previous is None:
                raise CommandError(f"No edition named {options['previous']!r} to follow.")
        try:
            with path.open("rb") as file:
                file_size_check(file)  # before reading it into memory
                content = file.read()
            outcome = edition_import_xlsform(
                filename=path.name,
                content=content,
                name=options["edition"],
                year=options["year"],
                previous=previous,
                dry_run=options["dry_run"],
            )
        except XLSFormError as refused:
            for issue in refused.issues:
                self.stderr.write(f"error: {issue}")
            raise CommandError(
                f"{len(refused.issues)} problem(s) in {path.name}; nothing was saved."
            ) from refused
        except ValueError as refused:
            raise CommandError(str(refused)) from refused
        for warning in outcome.warnings:
            self.stdout.write(f"warning: {warning}")
        form = outcome.form
        scored = sum(1 for q in form.questions if q.scored)
        verb = "Checked" if options["dry_run"] else "Imported"
        self.stdout.write(
            f"{verb} edition {options['edition']}: {len(form.questions)} questions "
            f"({scored} scored), {len(form.indicators)} indicators, "
            f"languages {', '.join(form.languages)}"
            + ("; nothing saved (dry run)." if options["dry_run"] else ".")
        )

    def _build_edition(self, options: dict[str, Any]) -> None:
        form = edition_build(options["source"], options["output"])
        self.stdout.write(f"Wrote {options['output']} ({len(form.questions)} questions).")

    def _score(self, options: dict[str, Any]) -> None:
        edition = Edition.objects.filter(name=options["edition"]).first()
        if edition is None:
            raise CommandError(f"No edition named {options['edition']!r}.")
        result = edition_results_compute(edition=edition, n_draws=options["draws"])
        if not result.places:
            self.stdout.write(f"Edition {edition.name}: no published response to score.")
            return
        self.stdout.write(
            f"Edition {edition.name}: {result.places} places scored, {result.n_draws} Monte "
            f"Carlo draws (results version {result.version})."
        )
