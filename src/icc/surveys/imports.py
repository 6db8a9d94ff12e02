"""Importing KoboToolbox and ODK exports (CSV or XLSX) into a survey's submissions.

Rules held here:

- The file is read through ``icc.core.tabular.rows_read`` (size and row limits; CSV with ``,``
  or ``;``); the first row holds the column names as the tools write them.
- A question's column is found by its name with or without its groups: ``q``,
  ``group/q`` (KoboToolbox, ODK Central), ``group-q`` (ODK Briefcase, KoboToolbox with "-" as
  group separator), or any column ending in ``/q``. A ``select_multiple`` answer is the
  space-separated names of its column, or, when that column is missing or empty, the choices
  whose own column (``q/choice`` or ``q-choice``) holds 1 or true. Other columns (``_id``,
  ``start``, ``_status``, ``_source``…) are ignored. A file whose columns match no question is
  refused.
- A row's instance id is the first of ``meta/instanceID``, ``meta-instanceID``,
  ``instanceID``, ``KEY``, ``_uuid`` that is filled, without its ``uuid:`` prefix (so a
  KoboToolbox export and an ODK Central export of the same data match). The platform's own
  export writes each answer's id in ``_uuid`` (a web answer's ``web:`` key, an imported row's
  id), so importing it again adds nothing; ``_id`` (a database's row number, in KoboToolbox's
  exports as in ours) is never an answer's id. A row without one gets a
  digest of its answers and time. A row whose id is already stored, or seen earlier in the file,
  is a duplicate and is not stored again.
- Each row is checked like a web submission (``icc.surveys.form``); a refused row goes to the
  quarantine report with its line, the column and the reason, and the good rows are stored.
  Always: rows in = imported + duplicates + refused.
- The time of a submission: ``_submission_time``, ``SubmissionDate``, ``end`` or the import's.
- Rows are read and checked outside any transaction; the new submissions are written in one
  short transaction with ``bulk_create``.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from icc.core.tabular import Sheet, TabularFileError, cell_unescape, rows_read
from icc.surveys.form import QuestionDef, SurveyForm, form_fill
from icc.surveys.messages import problem_text
from icc.surveys.models import Submission, Survey

ID_COLUMNS = ("meta/instanceID", "meta-instanceID", "instanceID", "KEY", "_uuid")
TIME_COLUMNS = ("_submission_time", "SubmissionDate", "end")
TRUE_CELLS = frozenset({"1", "true", "yes", "vrai", "oui"})
BATCH_SIZE = 500


@dataclass(frozen=True)
class RowProblem:
    """A refused row: its line as a spreadsheet shows it, the column at fault, why, and the
    row as read (column name → cell), for the quarantine file."""

    line: int
    column: str
    message: str
    cells: dict[str, str]


@dataclass(frozen=True)
class ImportReport:
    """What an import did. ``rows`` = ``imported`` + ``duplicates`` + ``refused``."""

    rows: int
    imported: int
    duplicates: int
    refused: int
    problems: tuple[RowProblem, ...]
    columns: tuple[str, ...]
    unmatched_questions: tuple[str, ...]

    @property
    def reconciles(self) -> bool:
        return self.rows == self.imported + self.duplicates + self.refused


class _Columns:
    """Where each question's answer is in the file (see the rules above)."""

    def __init__(self, form: SurveyForm, header: list[str]) -> None:
        self.header = header
        self.position = {name: index for index, name in reversed(list(enumerate(header)))}
        self.single: dict[str, int] = {}
        self.per_choice: dict[str, dict[str, int]] = {}
        for question in form.asked_questions:
            names = self._names(form, question)
            index = next((self.position[name] for name in names if name in self.position), None)
            if index is None:
                index = next(
                    (i for i, name in enumerate(header) if name.endswith("/" + question.code)),
                    None,
                )
            if index is not None:
                self.single[question.code] = index
            if question.type == "select_multiple":
                found = {}
                for choice in question.choices:
                    for name in names:
                        for separator in ("/", "-"):
                            column = f"{name}{separator}{choice.name}"
                            if column in self.position and choice.name not in found:
                                found[choice.name] = self.position[column]
                if found:
                    self.per_choice[question.code] = found

    @staticmethod
    def _names(form: SurveyForm, question: QuestionDef) -> list[str]:
        path = [*form.group_path(question.group), question.code]
        return list(dict.fromkeys(["/".join(path), "-".join(path), question.code]))

    @property
    def matched(self) -> set[str]:
        return set(self.single) | set(self.per_choice)

    def raw(self, cells: list[str]) -> dict[str, object]:
        def cell(index: int) -> str:
            return cells[index] if index < len(cells) else ""

        raw: dict[str, object] = {code: cell(index) for code, index in self.single.items()}
        for code, choices in self.per_choice.items():
            if not str(raw.get(code, "")).strip():
                raw[code] = [
                    name for name, index in choices.items() if cell(index).lower() in TRUE_CELLS
                ]
        return raw

    def column_of(self, code: str) -> str:
        if code in self.single:
            return self.header[self.single[code]]
        return code

    def first(self, names: Iterable[str], cells: list[str]) -> str:
        for name in names:
            index = self.position.get(name)
            if index is not None and index < len(cells) and cells[index].strip():
                return cells[index].strip()
        return ""


def _instance_id(columns: _Columns, cells: list[str], answers: dict[str, object]) -> str:
    found = columns.first(ID_COLUMNS, cells)
    if found:
        return found.removeprefix("uuid:")[:200]
    stamp = columns.first(TIME_COLUMNS, cells)
    digest = hashlib.sha256(
        json.dumps([answers, stamp], sort_keys=True, default=str).encode()
    ).hexdigest()
    return f"sha256:{digest[:40]}"


def _submitted_at(
    columns: _Columns, cells: list[str], default: datetime.datetime
) -> datetime.datetime:
    text = columns.first(TIME_COLUMNS, cells)
    if not text:
        return default
    try:
        moment = datetime.datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        return default
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment


def _rows(file: IO[bytes], filename: str) -> Iterator[tuple[int, list[str]]]:
    for line, cells in rows_read(file=file, filename=filename):
        yield line, [cell_unescape(str(cell or "")).strip() for cell in cells]


def submissions_import(*, survey: Survey, file: IO[bytes], filename: str) -> ImportReport:
    """Import a KoboToolbox/ODK export into ``survey`` (see the rules above). Raises
    ``TabularFileError`` (a translated sentence) when the file itself cannot be used."""
    form = SurveyForm.from_snapshot(survey.form)
    rows = _rows(file, filename)
    first = next(rows, None)
    if first is None:
        raise TabularFileError(_("The file is empty; export the survey's data again."))
    header = first[1]
    columns = _Columns(form, header)
    if not columns.matched:
        raise TabularFileError(
            _(
                "No column of this file matches a question of the survey. Export the data "
                "with XML values and headers (not labels) and try again."
            )
        )
    stored = set(
        Submission.objects.filter(survey=survey)
        .exclude(external_id="")
        .values_list("external_id", flat=True)
    )
    now = timezone.now()
    count = duplicates = 0
    problems: list[RowProblem] = []
    new: list[Submission] = []
    for line, cells in rows:
        count += 1
        raw = columns.raw(cells)
        filled = form_fill(form, raw, survey.default_language)
        if not filled.ok:
            problem = filled.problems[0]
            problems.append(
                RowProblem(
                    line=line,
                    column=columns.column_of(problem.question),
                    message=problem_text(problem),
                    cells=dict(zip(header, cells, strict=False)),
                )
            )
            continue
        external_id = _instance_id(columns, cells, filled.answers)
        if external_id in stored:
            duplicates += 1
            continue
        stored.add(external_id)
        new.append(
            Submission(
                survey=survey,
                answers=filled.answers,
                submitted_at=_submitted_at(columns, cells, now),
                source=Submission.Source.IMPORT,
                external_id=external_id,
            )
        )
    if new:
        with transaction.atomic():
            Submission.objects.bulk_create(new, batch_size=BATCH_SIZE)
    return ImportReport(
        rows=count,
        imported=len(new),
        duplicates=duplicates,
        refused=len(problems),
        problems=tuple(problems),
        columns=tuple(header),
        unmatched_questions=tuple(
            q.code for q in form.asked_questions if q.code not in columns.matched
        ),
    )


def quarantine_sheet(report: ImportReport) -> Sheet:
    """The refused rows as a table: line, column, reason, then the row as it was read."""
    return Sheet(
        header=[_("line"), _("column"), _("reason"), *report.columns],
        rows=(
            [
                problem.line,
                problem.column,
                problem.message,
                *(problem.cells.get(name, "") for name in report.columns),
            ]
            for problem in report.problems
        ),
        title=_("Quarantine"),
    )
