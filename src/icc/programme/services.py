"""Writes of the programme module: stored annual reports and the background run that makes
them (``icc.core.jobs``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from icc.core.jobs import job_beat, job_enqueue, job_run, job_step
from icc.core.stored_files import stored_file_replace
from icc.programme.models import AnnualReportFile
from icc.programme.report import FORMATS, LANGUAGES, ReportFormat, annual_report_render

if TYPE_CHECKING:
    from icc.core.models import Job

REPORT_JOB = "programme.annual_report"


def annual_report_file_store(
    *, year: int, lang: str, fmt: ReportFormat, user_id: int | None = None
) -> AnnualReportFile:
    """Make the annual report of ``year`` and store it (replacing the previous one).

    Two runs may store the same year, language and format at once (two tasks, a double
    click): the row is taken, or made, and locked in one transaction (``get_or_create`` looks
    again when the other run inserted it first), so the second run updates it instead of
    failing on the unique constraint. The report is made before, outside the transaction."""
    content = annual_report_render(year=year, lang=lang, fmt=fmt)
    with transaction.atomic():
        record, _created = AnnualReportFile.objects.select_for_update().get_or_create(
            year=year, lang=lang, fmt=fmt
        )
        record.made_by_id = user_id
        name = f"icc-annual-report-{year}-{lang}.{fmt}"
        stored_file_replace(record.file, name=name, content=content)
        record.save()
    return record


def annual_report_enqueue(
    *,
    year: int,
    languages: Sequence[str] = LANGUAGES,
    formats: Sequence[str] = FORMATS,
    user: AbstractBaseUser | None = None,
) -> Job:
    """Queue the making of the year's reports (every language × format asked)."""
    from icc.programme.tasks import annual_report_task

    if not languages or not formats:
        raise ValueError("Choose at least one language and one format.")
    if any(lang not in LANGUAGES for lang in languages) or any(f not in FORMATS for f in formats):
        raise ValueError("Unknown language or format.")
    return job_enqueue(
        kind=REPORT_JOB,
        key=str(year),
        task=annual_report_task,
        params={"year": year, "languages": list(languages), "formats": list(formats)},
        total=len(languages) * len(formats),
        user_id=user.pk if user is not None else None,
    )


def annual_report_run(*, job_id: int) -> Job | None:
    """What the task does: make each asked file, beating after each."""

    def work(job: Job) -> bool:
        params = job.params
        todo = [(lang, fmt) for lang in params["languages"] for fmt in params["formats"]]
        job_beat(job_id=job.pk, total=len(todo), done=0)
        for lang, fmt in todo:
            job_beat(job_id=job.pk, current=f"{lang} {fmt}")
            annual_report_file_store(
                year=params["year"], lang=lang, fmt=fmt, user_id=job.created_by_id
            )
            job_step(job_id=job.pk)
        return False

    return job_run(job_id=job_id, work=work)
