"""``icc annual-report --year 2020 --lang fr --format pdf --output report.pdf``: the annual
report made from the platform's records (see ``icc.programme.report``)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from icc.programme.report import FORMATS, LANGUAGES, annual_report_render


class Command(BaseCommand):
    help = "Write the annual report of a year (HTML, PDF or DOCX, in English or French)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--lang", choices=LANGUAGES, default="en")
        parser.add_argument("--format", dest="fmt", choices=FORMATS, default="pdf")
        parser.add_argument("--output", required=True, help="Path of the file to write.")
        parser.add_argument(
            "--base-url",
            default="https://icc.example.org",
            help="Address of the platform, for the links in the report.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not 1900 <= options["year"] <= 2100:
            raise CommandError("--year must be a year such as 2020.")
        content = annual_report_render(
            year=options["year"],
            lang=options["lang"],
            fmt=options["fmt"],
            base_url=options["base_url"],
        )
        output = Path(options["output"])
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(content)
        self.stdout.write(f"Wrote {output} ({len(content)} bytes).")
