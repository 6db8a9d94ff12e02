"""``icc report``: one city index report (PDF or HTML), or every report of an edition.

    icc report --place Bilbao --edition 2023 --lang fr --format pdf --output bilbao.pdf
    icc report --edition 2023 --all [--lang en|fr] [--output-dir DIR] [--force]

``--all`` runs the same bulk run as the secretariat's page, in this process, with a progress bar;
the PDFs are stored (and made again only when the results changed) and, with ``--output-dir``,
copied there as ``<place>-<edition>-<lang>.pdf``.
"""

from __future__ import annotations

import shutil
from argparse import ArgumentParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from icc.network.selectors import PlaceNotFound, place_find_by_name
from icc.reports import selectors, services
from icc.reports.report.data import ReportUnavailable, report_data
from icc.reports.report.render import report_html, report_pdf

if TYPE_CHECKING:
    from icc.core.models import Job
    from icc.index.models import Edition

BAR_WIDTH = 30


def progress_line(batch: Job) -> str:
    """``[#########.....]  12/302   4 % Bilbao (fr)``: one line of the terminal progress bar."""
    filled = BAR_WIDTH * batch.done // batch.total if batch.total else BAR_WIDTH
    bar = "#" * filled + "." * (BAR_WIDTH - filled)
    width = len(str(batch.total))
    return f"[{bar}] {batch.done:>{width}}/{batch.total} {batch.percent:>3} % {batch.current}"


class Command(BaseCommand):
    help = "Write a city index report (PDF or HTML), or every report of an edition with --all."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--edition", required=True, help="Edition name, e.g. 2023.")
        parser.add_argument("--place", help="The place's name (any language) or slug.")
        parser.add_argument("--all", action="store_true", help="Every place of the edition.")
        parser.add_argument("--lang", choices=services.LANGUAGES, help="Default: en (--all: both).")
        parser.add_argument("--format", choices=("pdf", "html"), default="pdf")
        parser.add_argument("--output", type=Path, help="File to write (one place).")
        parser.add_argument("--output-dir", type=Path, help="Folder to copy the PDFs to (--all).")
        parser.add_argument("--force", action="store_true", help="Make every PDF again (--all).")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            edition = selectors.edition_for_command(name=options["edition"])
        except selectors.EditionNotFound as error:
            raise CommandError(str(error)) from error
        if options["all"] == bool(options["place"]):
            raise CommandError("Give either --place NAME or --all.")
        if options["all"]:
            self._all(edition, options)
        else:
            self._one(edition, options)

    def _one(self, edition: Edition, options: dict[str, Any]) -> None:
        try:
            place = place_find_by_name(name=options["place"])
        except PlaceNotFound as error:
            raise CommandError(str(error)) from error
        lang = options["lang"] or "en"
        fmt = options["format"]
        output: Path = options["output"] or Path(f"{place.slug}-{edition.name}-{lang}.{fmt}")
        with translation.override(lang):
            try:
                data = report_data(place=place, edition=edition)
            except ReportUnavailable as error:
                raise CommandError(str(error)) from error
            content = report_pdf(data) if fmt == "pdf" else report_html(data).encode()
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(content)
        synthetic = " (synthetic data)" if data.synthetic else ""
        self.stdout.write(f"Wrote {output} ({len(content):,} bytes){synthetic}.")

    def _all(self, edition: Edition, options: dict[str, Any]) -> None:
        if options["format"] != "pdf":
            raise CommandError("--all makes PDF reports; leave out --format or use pdf.")
        languages = [options["lang"]] if options["lang"] else list(services.LANGUAGES)
        if options["force"]:
            selectors.report_files_of(edition=edition).filter(lang__in=languages).update(
                results_version=0
            )
        batch = services.report_batch_create(edition=edition, languages=languages, enqueue=False)
        if not batch.total:
            raise CommandError(f"Edition {edition.name} has no published result to report on.")
        terminal = self.stdout.isatty()
        shown = [-1]

        def show(progress: Job) -> None:
            line = progress_line(progress)
            if terminal:
                self.stdout.write("\r" + line.ljust(100)[:100], ending="")
                self.stdout.flush()
            elif progress.percent // 10 != shown[0] // 10:
                self.stdout.write(line)  # a log file gets a line per tenth, not per report
            shown[0] = progress.percent

        ran = services.report_batch_run(job_id=batch.pk, on_progress=show)
        if ran is None:
            raise CommandError("The run was taken by another process.")
        batch = ran
        counts = {name: batch.counts.get(name, 0) for name in ("generated", "skipped", "failed")}
        if terminal:
            self.stdout.write("")
        self.stdout.write(
            f"{batch.total} reports of edition {edition.name}: {counts['generated']} made, "
            f"{counts['skipped']} unchanged, {counts['failed']} failed."
        )
        if batch.error:
            self.stderr.write(batch.error_text)
        if options["output_dir"]:
            self._copy(edition, languages, options["output_dir"])
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} reports failed; see the errors above.")

    def _copy(self, edition: Edition, languages: list[str], folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        count = 0
        for record in selectors.report_files_of(edition=edition).filter(lang__in=languages):
            target = folder / f"{record.place.slug}-{edition.name}-{record.lang}.pdf"
            with record.file.open("rb") as source, target.open("wb") as out:
                shutil.copyfileobj(source, out)
            count += 1
        self.stdout.write(f"Copied {count} PDFs to {folder}.")
