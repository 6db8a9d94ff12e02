"""Pages of the surveys module under ``/<lang>/surveys/``: the public phone form of a survey
(anonymous, by its unguessable link) and thin owner pages for the people of its place (list,
create, open/close, results with intervals, import, export)."""

from __future__ import annotations

import base64
import secrets

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from icc.core.client_address import client_address
from icc.core.ratelimit import rate_limit_allow
from icc.core.tabular import Format, TabularFileError, csv_bytes, table_download
from icc.network.selectors import place_get_public
from icc.surveys import selectors
from icc.surveys.form import form_fill
from icc.surveys.forms import ImportForm, ResultsForm, SurveyCreateForm
from icc.surveys.models import Survey
from icc.surveys.page import answers_from_post, blocks_build
from icc.surveys.services import (
    SubmissionInvalid,
    SurveyError,
    SurveyFormError,
    problems_translated,
    quarantine_sheet,
    submission_create,
    submissions_import,
    survey_close,
    survey_create,
    survey_open,
)
from icc.xlsform import LANGUAGE_NAMES

PROBLEMS_LISTED = 500  # refused rows listed on the page; the quarantine file has them all


# --- the public form ------------------------------------------------------------------------


def _public_survey(token: str) -> Survey:
    survey = selectors.survey_get_public(token=token)
    if survey is None:
        raise Http404
    return survey


def _public_context(
    request: HttpRequest,
    survey: Survey,
    language: str,
    raw: dict[str, object],
    errors: dict[str, str],
    key: str,
) -> dict[str, object]:
    form = selectors.survey_form(survey=survey)
    interface = {code for code, _name in settings.LANGUAGES}
    return {
        "survey": survey,
        "title": form.title(language) or survey.title,
        "language": language,
        "languages": [
            {
                "code": code,
                "name": LANGUAGE_NAMES.get(code, code),
                # the page's own words follow when the platform speaks the language
                "url": translate_url(request.path, code) if code in interface else request.path,
            }
            for code in survey.languages
        ],
        "blocks": blocks_build(form, raw, language, errors),
        "errors": errors,
        "key": key,
    }


def _preview(request: HttpRequest, survey: Survey) -> bool:
    """A survey that is not open is shown only to the people of its place, as a preview."""
    if survey.state == Survey.State.OPEN:
        return False
    if not selectors.survey_access(user=request.user, survey=survey).can_read:
        raise Http404
    return True


def public_form(request: HttpRequest, token: str) -> HttpResponse:
    """The survey on a phone: GET shows it, POST checks and stores one submission. A survey
    not open says so to the public; its place's people see a preview that stores nothing."""
    survey = _public_survey(token)
    requested = request.POST.get("lang", "") or request.GET.get("lang", "")
    language = selectors.survey_language(survey=survey, requested=requested)
    try:
        preview = _preview(request, survey)
    except Http404:
        return render(request, "surveys/public_closed.html", {"survey": survey}, status=410)
    form = selectors.survey_form(survey=survey)
    raw: dict[str, object] = {}
    errors: dict[str, str] = {}
    key = secrets.token_urlsafe(16)
    status = 200
    accepted = False
    if request.method == "POST" and preview:
        raw = answers_from_post(form, request.POST)
        filled = form_fill(form, raw, language)
        errors = problems_translated(filled.problems)
        accepted = filled.ok
        status = 200 if accepted else 422
    elif request.method == "POST":
        limit, window_s = settings.ICC_SURVEYS_SUBMIT_LIMIT
        if not rate_limit_allow(
            scope="surveys-submit",
            key=client_address(request) or "unknown",
            limit=limit,
            window_s=window_s,
        ):
            return render(request, "surveys/public_refused.html", {"survey": survey}, status=429)
        raw = answers_from_post(form, request.POST)
        key = request.POST.get("key", "")[:64] or key
        try:
            submission_create(survey=survey, answers=raw, key=key, language=language)
        except SubmissionInvalid as invalid:
            errors = invalid.problems
            status = 422
        except SurveyError:
            return render(request, "surveys/public_closed.html", {"survey": survey}, status=410)
        else:
            thanks = reverse("surveys:thanks", args=[survey.token])
            return redirect(f"{thanks}?{urlencode({'lang': language})}")
    context = _public_context(request, survey, language, raw, errors, key)
    context.update(preview=preview, accepted=accepted)
    return render(request, "surveys/public_form.html", context, status=status)


@require_POST
def public_fields(request: HttpRequest, token: str) -> HttpResponse:
    """The fields again for the answers so far (htmx, on a change): skip logic and choice
    filters applied on the server. Writes nothing."""
    survey = _public_survey(token)
    _preview(request, survey)
    language = selectors.survey_language(survey=survey, requested=request.POST.get("lang", ""))
    raw = answers_from_post(selectors.survey_form(survey=survey), request.POST)
    context = _public_context(request, survey, language, raw, {}, "")
    return render(request, "surveys/_public_fields.html", context)


def public_thanks(request: HttpRequest, token: str) -> HttpResponse:
    survey = _public_survey(token)
    language = selectors.survey_language(survey=survey, requested=request.GET.get("lang", ""))
    title = selectors.survey_form(survey=survey).title(language) or survey.title
    return render(request, "surveys/public_thanks.html", {"survey": survey, "title": title})


# --- owner pages ----------------------------------------------------------------------------


@login_required
def place_surveys(request: HttpRequest, slug: str) -> HttpResponse:
    """A place's surveys; its managers create new ones here (POST)."""
    place = place_get_public(slug=slug)
    place_id = place.pk
    access = selectors.place_access(user=request.user, place_id=place_id)
    if not access.can_read:
        raise Http404
    form = SurveyCreateForm(request.POST or None, request.FILES or None)
    issues: list[str] = []
    if request.method == "POST":
        if not access.can_manage:
            raise Http404
        if form.is_valid():
            upload = form.cleaned_data["xlsform"]
            try:
                survey = survey_create(
                    place_id=place_id,
                    title=form.cleaned_data["title"],
                    xlsform_file=upload,
                    filename=upload.name,
                    purpose="",
                    created_by=request.user,
                )
            except SurveyFormError as refused:
                issues = [str(issue) for issue in refused.issues]
            except SurveyError as refused:
                issues = [str(refused)]
            else:
                return redirect("surveys:detail", survey_id=survey.pk)
    surveys = [
        survey
        for survey in selectors.surveys_for_place(place_id=place_id)
        if selectors.survey_access(user=request.user, survey=survey).can_read
    ]
    counts = selectors.submissions_counts(survey_ids=[survey.pk for survey in surveys])
    return render(
        request,
        "surveys/place_surveys.html",
        {
            "place": place,
            "surveys": [(survey, counts.get(survey.pk, 0)) for survey in surveys],
            "form": form,
            "issues": issues,
            "can_manage": access.can_manage,
        },
        status=422 if issues else 200,
    )


def _owned(request: HttpRequest, survey_id: int, *, manage: bool = False) -> Survey:
    survey = selectors.survey_get_for_user(user=request.user, survey_id=survey_id, manage=manage)
    if survey is None:
        raise Http404
    return survey


def _detail_context(request: HttpRequest, survey: Survey) -> dict[str, object]:
    form = selectors.survey_form(survey=survey)
    language = selectors.survey_language(survey=survey)
    selects = [
        (question.code, form.question_label(question.code, language))
        for question in form.asked_questions
        if question.is_select
    ]
    groupers = [
        (question.code, form.question_label(question.code, language))
        for question in form.grouping_questions
    ]
    results_form = ResultsForm(request.GET or None, selects=selects, groupers=groupers)
    counts = None
    if selects:
        question, by = selects[0][0], None
        if results_form.is_valid():
            question = results_form.cleaned_data["question"]
            by = results_form.cleaned_data["by"] or None
        if by == question:
            by = None
        counts = selectors.survey_counts(survey_id=survey.pk, question=question, by=by)
    access = selectors.survey_access(user=request.user, survey=survey)
    return {
        "survey": survey,
        "public_url": request.build_absolute_uri(reverse("surveys:public", args=[survey.token])),
        "submissions": selectors.submissions_count(survey_id=survey.pk),
        "results_form": results_form,
        "counts": counts,
        "import_form": ImportForm(),
        "can_manage": access.can_manage,
    }


@login_required
def survey_detail(request: HttpRequest, survey_id: int) -> HttpResponse:
    """A survey for its place's people: link, state, results with intervals, import, export."""
    survey = _owned(request, survey_id)
    return render(request, "surveys/detail.html", _detail_context(request, survey))


@login_required
@require_POST
def survey_state(request: HttpRequest, survey_id: int) -> HttpResponse:
    survey = _owned(request, survey_id, manage=True)
    try:
        if request.POST.get("action") == "close":
            survey_close(survey=survey)
        else:
            survey_open(survey=survey)
    except SurveyError as refused:
        messages.error(request, str(refused))
    return redirect("surveys:detail", survey_id=survey.pk)


@login_required
@require_POST
def survey_import(request: HttpRequest, survey_id: int) -> HttpResponse:
    """Import a KoboToolbox/ODK export; the page shows the counts and every refused row."""
    survey = _owned(request, survey_id, manage=True)
    form = ImportForm(request.POST, request.FILES)
    context = _detail_context(request, survey)
    context["import_form"] = form
    status = 422
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = submissions_import(survey=survey, file=upload, filename=upload.name)
        except TabularFileError as refused:
            context["import_error"] = str(refused)
        else:
            context["report"] = report
            context["submissions"] = selectors.submissions_count(survey_id=survey.pk)
            if report.problems:
                # the refused rows as they were read, with their reason, to correct and import
                # again: the page lists only the first ones, and the upload is not kept
                quarantine = base64.b64encode(csv_bytes(quarantine_sheet(report))).decode()
                context["quarantine_url"] = f"data:text/csv;charset=utf-8;base64,{quarantine}"
                context["listed"] = report.problems[:PROBLEMS_LISTED]
                context["unlisted"] = max(len(report.problems) - PROBLEMS_LISTED, 0)
            status = 200
    return render(request, "surveys/detail.html", context, status=status)


@login_required
def survey_export(request: HttpRequest, survey_id: int, fmt: Format) -> HttpResponseBase:
    """Every submission as CSV or XLSX (formula-safe), for the place's managers."""
    survey = _owned(request, survey_id, manage=True)
    return table_download(
        selectors.submissions_sheet(survey=survey),
        fmt=fmt,
        filename=f"survey-{survey.pk}-submissions.{fmt}",
    )
