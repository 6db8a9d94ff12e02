"""Writes of the surveys module: create a survey from an XLSForm, open and close it, take a
submission, import KoboToolbox/ODK exports (``icc.surveys.imports``).

Rules held here:

- A survey is created in draft from an XLSForm workbook that the XLSForm engine accepts; every
  problem the engine finds is reported with its sheet, row and column, and nothing is stored.
  Its form can be replaced while it has no submission.
- Public submissions are taken only while the survey is open; imports in any state (answers
  collected on paper or in KoboToolbox arrive after the fieldwork).
- Every submission is checked on the server against the form (``icc.surveys.form``: skip logic,
  required answers, constraints, choice filters); answers of questions that were not asked are
  dropped. A web submission carries a one-time key: the same key twice stores one submission.
"""

from __future__ import annotations

import io
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from icc.accounts.selectors import AnyUser
from icc.core.tabular import TabularFileError, file_size_check, xlsx_check
from icc.surveys.form import Problem, SurveyForm, form_fill, snapshot_from_form
from icc.surveys.imports import ImportReport, RowProblem, quarantine_sheet, submissions_import
from icc.surveys.messages import problem_text
from icc.surveys.models import Submission, Survey
from icc.xlsform import form_read

__all__ = [
    "FormIssue",
    "ImportReport",
    "RowProblem",
    "SubmissionInvalid",
    "SurveyError",
    "SurveyFormError",
    "quarantine_sheet",
    "submission_create",
    "submissions_import",
    "survey_close",
    "survey_create",
    "survey_form_replace",
    "survey_open",
]


class SurveyError(Exception):
    """A write refused by a rule; ``str()`` is a translated sentence."""


@dataclass(frozen=True)
class FormIssue:
    """A problem of an XLSForm workbook, where it is (sheet, spreadsheet row, column header)."""

    sheet: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.row is not None and self.column:
            where = _("Sheet %(sheet)s, row %(row)s, column %(column)s") % {
                "sheet": self.sheet,
                "row": self.row,
                "column": self.column,
            }
        elif self.row is not None:
            where = _("Sheet %(sheet)s, row %(row)s") % {"sheet": self.sheet, "row": self.row}
        else:
            where = _("Sheet %(sheet)s") % {"sheet": self.sheet}
        return f"{where}: {self.message}"


class SurveyFormError(SurveyError):
    """An XLSForm that cannot be used; ``issues`` lists every problem found."""

    def __init__(self, issues: list[FormIssue]) -> None:
        self.issues = tuple(issues)
        super().__init__(_("The XLSForm cannot be used; fix these problems and upload it again."))


class SubmissionInvalid(SurveyError):
    """Answers refused; ``problems`` maps each question name to a translated sentence."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__(_("Some answers need attention."))


def _content(xlsform_file: IO[bytes] | bytes) -> bytes:
    if isinstance(xlsform_file, bytes):
        return xlsform_file
    xlsform_file.seek(0)
    return xlsform_file.read()


def _form_read(content: bytes, filename: str) -> dict[str, object]:
    """The form snapshot of a workbook, or ``SurveyFormError`` (see the rules above)."""
    file = io.BytesIO(content)
    try:
        file_size_check(file)
        if PurePath(filename).suffix.lower() in (".xlsx", ".xlsm"):
            xlsx_check(file)
    except TabularFileError as error:
        raise SurveyFormError([FormIssue("workbook", None, None, str(error))]) from error
    result = form_read(content, filename)
    if result.form is None or result.errors:
        raise SurveyFormError(
            [FormIssue(i.sheet, i.row, i.column, i.message) for i in result.errors]
        )
    snapshot = snapshot_from_form(result.form)
    issues = []
    if not SurveyForm.from_snapshot(snapshot).asked_questions:
        issues.append(
            FormIssue(
                "survey",
                None,
                "type",
                _(
                    "The form has no question that can be answered on the platform "
                    "(select_one, select_multiple, integer, decimal, text or date); add one."
                ),
            )
        )
    if issues:
        raise SurveyFormError(issues)
    return snapshot


def survey_create(
    *,
    place_id: int,
    title: str,
    xlsform_file: IO[bytes] | bytes,
    filename: str,
    purpose: str = "",
    created_by: AnyUser | None = None,
    private_to_place: bool = False,
) -> Survey:
    """A draft survey of ``place_id`` from an XLSForm workbook (``.xlsx``); raises
    ``SurveyFormError`` with every problem of the workbook, and stores nothing then.
    ``private_to_place``: only the place's city coordinators see it on the surveys' pages (see
    ``selectors.survey_access``)."""
    title = title.strip()
    if not title:
        raise SurveyError(_("Give the survey a title."))
    content = _content(xlsform_file)
    snapshot = _form_read(content, filename)
    form = SurveyForm.from_snapshot(snapshot)
    user = created_by if created_by is not None and created_by.is_authenticated else None
    return Survey.objects.create(
        place_id=place_id,
        title=title[:200],
        purpose=purpose[:60],
        xlsform_name=PurePath(filename).name[:200],
        xlsform_content=content,
        form=snapshot,
        languages=list(form.languages),
        default_language=form.default_language,
        created_by=user,
        private_to_place=private_to_place,
    )


def survey_form_replace(
    *, survey: Survey, xlsform_file: IO[bytes] | bytes, filename: str
) -> Survey:
    """Replace the XLSForm of a survey that has no submission yet (e.g. a city adapting a
    template); raises ``SurveyFormError`` or ``SurveyError``."""
    if survey.submissions.exists():
        raise SurveyError(
            _("This survey already has answers; create a new survey to change its form.")
        )
    content = _content(xlsform_file)
    snapshot = _form_read(content, filename)
    form = SurveyForm.from_snapshot(snapshot)
    survey.xlsform_name = PurePath(filename).name[:200]
    survey.xlsform_content = content
    survey.form = snapshot
    survey.languages = list(form.languages)
    survey.default_language = form.default_language
    survey.save(
        update_fields=["xlsform_name", "xlsform_content", "form", "languages", "default_language"]
    )
    return survey


def survey_open(*, survey: Survey) -> Survey:
    """Open the public link (from draft, or again after closing)."""
    survey.state = Survey.State.OPEN
    survey.opened_at = timezone.now()
    survey.closed_at = None
    survey.save(update_fields=["state", "opened_at", "closed_at"])
    return survey


def survey_close(*, survey: Survey) -> Survey:
    """Close the public link; the answers stay, imports remain possible."""
    if survey.state != Survey.State.OPEN:
        raise SurveyError(_("Only an open survey can be closed."))
    survey.state = Survey.State.CLOSED
    survey.closed_at = timezone.now()
    survey.save(update_fields=["state", "closed_at"])
    return survey


def problems_translated(problems: tuple[Problem, ...]) -> dict[str, str]:
    """Problems of ``form_fill`` as translated sentences, by question name."""
    return {problem.question: problem_text(problem) for problem in problems}


def submission_create(
    *,
    survey: Survey,
    answers: Mapping[str, object],
    key: str = "",
    language: str = "",
    source: str = Submission.Source.WEB,
) -> Submission:
    """Store one submission of an open survey after checking it on the server (see the rules
    above); ``key`` (from the web form) makes a repeated post store nothing new: the submission
    stored first is returned. Raises ``SubmissionInvalid`` or ``SurveyError``."""
    if survey.state != Survey.State.OPEN:
        raise SurveyError(_("This survey is not open for answers."))
    filled = form_fill(SurveyForm.from_snapshot(survey.form), answers, language)
    if not filled.ok:
        raise SubmissionInvalid(problems_translated(filled.problems))
    # a web answer's id, as an instance id is to ODK: "web:" and the form's one-time key (a
    # fresh one when none is given); the export carries it, so a re-import adds nothing
    external_id = f"web:{(key or secrets.token_urlsafe(16))[:100]}"
    existing = Submission.objects.filter(survey=survey, external_id=external_id).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Submission.objects.create(
                survey=survey, answers=filled.answers, source=source, external_id=external_id
            )
    except IntegrityError:  # the same key posted twice at once
        return Submission.objects.get(survey=survey, external_id=external_id)
