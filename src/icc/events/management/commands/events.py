"""``icc events send-reminders [--dry-run]``,
``icc events import-programme PATH --event SLUG [--dry-run]``,
``icc events export-programme --event SLUG PATH``.

Programme files are YAML or JSON (chosen by the extension) in the format of
``src/icc/events/PROGRAMME_FORMAT.md``; an import is all or nothing.
"""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from icc.core.tabular import TabularFileError, file_size_check, import_refused
from icc.events.models import Event
from icc.events.programme_format import (
    ProgrammeInvalid,
    programme_dump,
    programme_export,
    programme_import,
)
from icc.events.services.reminders import reminders_send


def _event(slug: str) -> Event:
    event = Event.objects.filter(slug=slug).first()
    if event is None:
        raise CommandError(_("No event has the slug “%(slug)s”.") % {"slug": slug})
    return event


class Command(BaseCommand):
    help = "Events: send reminders; import or export a programme file (YAML or JSON)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        reminders = actions.add_parser(
            "send-reminders", help="E-mail confirmed participants before their event (once each)."
        )
        reminders.add_argument("--dry-run", action="store_true", help="List, send nothing.")
        importing = actions.add_parser(
            "import-programme", help="Replace an event's programme with a file's (all or nothing)."
        )
        importing.add_argument("path", type=Path, help="A .yaml, .yml or .json file.")
        importing.add_argument("--event", required=True, help="The event's slug.")
        importing.add_argument("--dry-run", action="store_true", help="Check only; write nothing.")
        exporting = actions.add_parser(
            "export-programme", help="Write an event's programme to a file."
        )
        exporting.add_argument(
            "path", type=Path, help="A .yaml, .yml or .json file, or - for stdout."
        )
        exporting.add_argument("--event", required=True, help="The event's slug.")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "send-reminders":
            self._reminders(dry_run=options["dry_run"])
        elif action == "import-programme":
            self._import(options["path"], slug=options["event"], dry_run=options["dry_run"])
        else:
            self._export(options["path"], slug=options["event"])

    def _reminders(self, *, dry_run: bool) -> None:
        registrations = reminders_send(dry_run=dry_run)
        for registration in registrations:
            self.stdout.write(f"{registration.event.slug}: {registration.email}")
        count = len(registrations)
        message = (
            ngettext("%(count)d reminder is due.", "%(count)d reminders are due.", count)
            if dry_run
            else ngettext("%(count)d reminder sent.", "%(count)d reminders sent.", count)
        )
        self.stdout.write(self.style.SUCCESS(message % {"count": count}))

    def _import(self, path: Path, *, slug: str, dry_run: bool) -> None:
        event = _event(slug)
        try:
            with path.open("rb") as file:
                file_size_check(file)  # before reading it into memory
                content = file.read()
            report = programme_import(
                event=event, content=content, filename=path.name, dry_run=dry_run
            )
        except (OSError, TabularFileError) as error:
            raise CommandError(str(error)) from error
        except ProgrammeInvalid as invalid:
            raise import_refused(
                problems=(f"{path}: {problem}" for problem in invalid.problems),
                path=path,
                stderr=self.stderr,
            ) from invalid
        summary = _(
            "%(parts)d parts, %(slots)d slots, %(sessions)d sessions, %(people)d people"
        ) % vars(report)
        if report.dry_run:
            self.stdout.write(
                self.style.SUCCESS(
                    _("Dry run, nothing written: %(summary)s.") % {"summary": summary}
                )
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    _("Imported into %(event)s: %(summary)s.") % {"event": slug, "summary": summary}
                )
            )
        if report.new_uids:
            self.stdout.write(
                ngettext(
                    "%(count)d session's uid belongs to another event: it gets a new calendar "
                    "identifier.",
                    "%(count)d sessions' uids belong to another event: they get new calendar "
                    "identifiers.",
                    report.new_uids,
                )
                % {"count": report.new_uids}
            )

    def _export(self, path: Path, *, slug: str) -> None:
        data = programme_export(event=_event(slug))
        text = programme_dump(data, fmt="json" if path.suffix.lower() == ".json" else "yaml")
        if str(path) == "-":
            self.stdout.write(text, ending="")
            return
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                _("Exported the programme of %(event)s to %(file)s.")
                % {"event": slug, "file": path}
            )
        )
