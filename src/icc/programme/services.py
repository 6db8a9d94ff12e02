"""Writes of the programme module: stored annual reports and the background run that makes
them (``icc.core.jobs``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.db import transaction

from icc.core.jobs import job_beat, job_enqueue, job_run, job_step
from icc.programme.models import AnnualReportFile
from icc.programme.report import FORMATS, LANGUAGES, ReportFormat, annual_report_render

if TYPE_CHECKING:
    from icc.core.models import Job

REPORT_JOB = "programme.annual_report"


def annual_report_file_store(
    *, year: int, lang: str, fmt: ReportFormat, user_id: int | None = None
) -> AnnualReportFile:
    """Make the annual report of ``year`` and store it (replacing the previous one)."""
    content = annual_report_render(year=year, lang=lang, fmt=fmt)
    record = AnnualReportFile.objects.filter(year=year, lang=lang, fmt=fmt).first()
    if record is None:
        record = AnnualReportFile(year=year, lang=lang, fmt=fmt)
    old_name = record.file.name if record.file else ""
    record.made_by_id = user_id
    record.file.save(f"icc-annual-report-{year}-{lang}.{fmt}", ContentFile(content), save=False)
    record.save()
    if old_name and old_name != record.file.name:
        storage = record.file.storage
        transaction.on_commit(lambda: storage.delete(old_name))
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
