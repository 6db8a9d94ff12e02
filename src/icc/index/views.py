"""Index pages: editions, public results, and a city's questionnaire with autosave and review.

The questionnaire is one page per indicator area. Each answer is saved on its own (htmx posts
it on change); the reply carries the new version, the save status, the progress and which
questions the skip logic now shows. Without JavaScript each question's form posts and returns.
"""

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from icc.accounts.access import secretariat_required
from icc.index import selectors, services
from icc.index.exports import responses_export
from icc.index.forms_bridge import edition_form
from icc.index.labels import ACTION_LABELS
from icc.index.models import Answer, Question
from icc.index.scoring_service import edition_results_refresh
from icc.index.selectors import ResponseAccess
from icc.index.workflow import Action, WorkflowError, available_actions
from icc.index.xlsform.xpath import visible_questions


def index_home(request: HttpRequest) -> HttpResponse:
    """Editions, the latest results and, for members, the responses they work on."""
    return render(
        request,
        "index/home.html",
        {
            "editions": selectors.edition_list(),
            "my_responses": selectors.responses_for_user(user=request.user)[:20]
            if request.user.is_authenticated
            else [],
        },
    )


def results(request: HttpRequest, edition: str) -> HttpResponse:
    """The published results of an edition: ranks with their uncertainty."""
    edition_obj = selectors.edition_get(name=edition)
    edition_results_refresh(edition=edition_obj)
    rows = selectors.place_result_rows(edition=edition_obj)
    return render(
        request,
        "index/results.html",
        {
            "edition": edition_obj,
            "rows": rows,
            "any_synthetic": any(r["synthetic"] for r in rows),
            "sensitivity": selectors.sensitivity_rows(edition=edition_obj),
        },
    )


def _access(request: HttpRequest, edition: str, slug: str) -> ResponseAccess:
    return selectors.response_get_for_user(user=request.user, place_slug=slug, edition_name=edition)


def _progress(access: ResponseAccess, values: dict[str, Any]) -> dict[str, Any]:
    form = edition_form(access.response.edition)
    visible = visible_questions(form, values)
    shown = [c for c in visible if not c.startswith("_")]
    answered = sum(1 for c in shown if c in values)
    return {
        "visible": shown,
        "answered": answered,
        "total": len(shown),
        "percent": round(100 * answered / len(shown)) if shown else 0,
    }


def _login_first(request: HttpRequest) -> HttpResponse | None:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None


def response_overview(request: HttpRequest, edition: str, slug: str) -> HttpResponse:
    """A city's response: areas with progress, state, workflow actions, history."""
    if (login := _login_first(request)) is not None:
        return login
    access = _access(request, edition, slug)
    response = access.response
    values = services.answers_values(response) if response.pk else {}
    questions = selectors.questions_of(edition=response.edition)
    progress = _progress(access, values)
    visible = set(progress["visible"])
    areas = []
    for area in response.edition.areas.filter(is_page=True):
        codes = [q.code for q in questions if q.area_id == area.pk and q.code in visible]
        areas.append(
            {
                "area": area,
                "total": len(codes),
                "answered": sum(1 for c in codes if c in values),
            }
        )
    return render(
        request,
        "index/response_overview.html",
        {
            "access": access,
            "response": response,
            "edition": response.edition,
            "place": response.place,
            "areas": areas,
            "progress": progress,
            "actions": [
                (action, ACTION_LABELS[action])
                for action in available_actions(response.state_enum, access.actors)
            ],
            "events": response.events.select_related("user") if response.pk else [],
            "missing": services.response_missing_required(response) if response.pk else [],
        },
    )


def response_area(request: HttpRequest, edition: str, slug: str, area: str) -> HttpResponse:
    """One page of the questionnaire: the questions of one indicator area."""
    if (login := _login_first(request)) is not None:
        return login
    access = _access(request, edition, slug)
    response = access.response
    area_obj = response.edition.areas.filter(code=area, is_page=True).first()
    if area_obj is None:
        raise Http404(_("This edition has no area “%(area)s”.") % {"area": area})
    values = services.answers_values(response) if response.pk else {}
    progress = _progress(access, values)
    answers = selectors.answers_by_code(response=response)
    comments: dict[str, list[Any]] = {}
    if response.pk:
        for comment in response.comments.select_related("question", "author"):
            key = comment.question.code if comment.question else ""
            comments.setdefault(key, []).append(comment)
    areas = list(response.edition.areas.filter(is_page=True))
    index = [a.pk for a in areas].index(area_obj.pk)
    questions = [
        {
            "question": q,
            "answer": answers.get(q.code),
            "visible": q.code in progress["visible"],
            "comments": comments.get(q.code, []),
        }
        for q in area_obj.questions.order_by("position")
    ]
    return render(
        request,
        "index/response_area.html",
        {
            "access": access,
            "response": response,
            "edition": response.edition,
            "place": response.place,
            "area": area_obj,
            "areas": areas,
            "previous_area": areas[index - 1] if index > 0 else None,
            "next_area": areas[index + 1] if index + 1 < len(areas) else None,
            "questions": questions,
            "progress": progress,
        },
    )


def _posted_value(request: HttpRequest, question: Question) -> Any:
    if question.type == "select_multiple":
        return request.POST.getlist("value")
    return request.POST.get("value", "")


@require_POST
def answer_save(request: HttpRequest, edition: str, slug: str, code: str) -> HttpResponse:
    """Autosave of one answer. Conflicts and invalid values are reported, never overwritten."""
    if (login := _login_first(request)) is not None:
        return login
    access = _access(request, edition, slug)
    if not access.can_edit:
        raise PermissionDenied(_("This response is not a draft you can edit."))
    response = access.response
    if response.pk is None:
        response = services.response_start(place=response.place, edition=response.edition)
    question = response.edition.questions.filter(code=code).first()
    if question is None:
        raise Http404(_("This edition has no question “%(code)s”.") % {"code": code})
    error = ""
    status = 200
    try:
        answer: Answer | None = services.answer_save(
            response=response,
            question=question,
            value=_posted_value(request, question),
            evidence=request.POST.get("evidence", ""),
            links=request.POST.get("links", "").splitlines(),
            expected_version=int(request.POST.get("version") or 0),
            user=request.user,  # type: ignore[arg-type]
        )
    except services.AnswerConflict as conflict:
        error, status = str(conflict), 409
        answer = response.answers.filter(question=question).first()
    except services.AnswerInvalid as invalid:
        error, status = str(invalid), 422
        answer = response.answers.filter(question=question).first()
    if not request.headers.get("HX-Request"):
        if error:
            messages.error(request, error)
        area = question.area.code if question.area else ""
        return redirect("index:response_area", edition=edition, slug=slug, area=area)
    access = _access(request, edition, slug)
    progress = _progress(access, services.answers_values(response))
    reply = render(
        request,
        "index/_answer_saved.html",
        {"question": question, "answer": answer, "error": error, "progress": progress},
    )
    # htmx swaps 2xx replies only: the conflict is shown in the status line with its own class.
    reply["HX-Trigger"] = json.dumps(
        {"icc:visibility": {"visible": progress["visible"]}, "icc:saved": {"status": status}}
    )
    return reply


@require_POST
def response_action(request: HttpRequest, edition: str, slug: str) -> HttpResponse:
    """Submit, review, request changes, validate, publish or reopen a response."""
    if (login := _login_first(request)) is not None:
        return login
    access = _access(request, edition, slug)
    try:
        action = Action(request.POST.get("action", ""))
    except ValueError:
        messages.error(request, _("Unknown action."))
        return redirect("index:response_overview", edition=edition, slug=slug)
    response = access.response
    if response.pk is None:
        response = services.response_start(place=response.place, edition=response.edition)
    try:
        services.response_transition(
            response=response,
            action=action,
            actors=access.actors,
            user=request.user,  # type: ignore[arg-type]
            note=request.POST.get("note", ""),
        )
        response.refresh_from_db()
        messages.success(
            request,
            _("Done: the response is now “%(state)s”.") % {"state": response.get_state_display()},
        )
    except WorkflowError as refused:
        messages.error(request, str(refused))
    return redirect("index:response_overview", edition=edition, slug=slug)


@require_POST
def comment_add(request: HttpRequest, edition: str, slug: str) -> HttpResponse:
    """A reviewer comments on one answer."""
    if (login := _login_first(request)) is not None:
        return login
    access = _access(request, edition, slug)
    if not access.can_comment:
        messages.error(request, _("Comments are possible while a response is under review."))
        return redirect("index:response_overview", edition=edition, slug=slug)
    question = access.response.edition.questions.filter(code=request.POST.get("question")).first()
    try:
        services.review_comment_add(
            response=access.response,
            question=question,
            user=request.user,  # type: ignore[arg-type]
            text=request.POST.get("text", ""),
        )
    except ValueError as empty:
        messages.error(request, str(empty))
    area = question.area.code if question and question.area else None
    if area:
        return redirect("index:response_area", edition=edition, slug=slug, area=area)
    return redirect("index:response_overview", edition=edition, slug=slug)


def answer_history(request: HttpRequest, edition: str, slug: str) -> HttpResponse:
    """Every change to every answer: who, when, old and new."""
    if (login := _login_first(request)) is not None:
        return login
    access = _access(request, edition, slug)
    revisions = selectors.answer_revisions(response=access.response)
    return render(
        request,
        "index/answer_history.html",
        {"access": access, "response": access.response, "revisions": revisions},
    )


@secretariat_required
def edition_export(request: HttpRequest, edition: str, fmt: str) -> HttpResponse:
    """Every response of an edition, one row per place, one column per question, plus scores."""
    edition_obj = selectors.edition_get(name=edition)
    content = responses_export(edition=edition_obj, fmt="xlsx" if fmt == "xlsx" else "csv")
    content_type = (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        if fmt == "xlsx"
        else "text/csv; charset=utf-8"
    )
    reply = HttpResponse(content, content_type=content_type)
    reply["Content-Disposition"] = f'attachment; filename="icc-index-{edition_obj.name}.{fmt}"'
    return reply
