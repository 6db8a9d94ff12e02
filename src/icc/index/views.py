"""Index pages: editions, public results, and a city's questionnaire with autosave and review.

The questionnaire is one page per indicator area. Each answer is saved on its own (htmx posts
it on change); the reply carries the new version, the save status, the progress, which
questions the skip logic now shows and the options of the page's cascading questions (choice
filters). Without JavaScript each question's form posts and returns.
"""

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from icc.accounts.access import secretariat_required
from icc.accounts.selectors import experts, user_scope
from icc.core.tabular import Format, table_download
from icc.htmx import HtmxHttpRequest, page_or_fragment_render
from icc.index import questionnaire, result_selectors, selectors, services
from icc.index.exports import responses_sheet
from icc.index.labels import ACTION_LABELS
from icc.index.models import Answer, Edition, Question
from icc.index.questionnaire import AreaPage, OverviewPage
from icc.index.review_queue import (
    PAGE_SIZE,
    last_review_at,
    may_use_queue,
    queue_queryset,
    review_queue_get,
    revisions_since,
)
from icc.index.selectors import ResponseAccess
from icc.index.workflow import EDITORS, Action, WorkflowError

if TYPE_CHECKING:
    from icc.accounts.models import User


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
            "reviewer": may_use_queue(user=request.user),
            "to_start": selectors.questionnaires_to_start(user=request.user),
        },
    )


def results(request: HttpRequest, edition: str) -> HttpResponse:
    """The published results of an edition as last computed, ranks with their uncertainty;
    says when a newer computation is queued. Reads only."""
    edition_obj = selectors.edition_get(name=edition)
    rows = selectors.place_result_rows(edition=edition_obj)
    return render(
        request,
        "index/results.html",
        {
            "edition": edition_obj,
            "results_state": result_selectors.edition_results_state(edition=edition_obj),
            "rows": rows,
            "any_synthetic": any(r["synthetic"] for r in rows),
            "sensitivity": selectors.sensitivity_rows(edition=edition_obj),
        },
    )


def _access(request: HttpRequest, edition: str, slug: str) -> ResponseAccess:
    return selectors.response_get_for_user(user=request.user, place_slug=slug, edition_name=edition)


def _page_context(page: OverviewPage | AreaPage) -> dict[str, Any]:
    response = page.access.response
    return {
        **vars(page),
        "response": response,
        "edition": response.edition,
        "place": response.place,
    }


@login_required
def response_overview(request: HttpRequest, edition: str, slug: str) -> HttpResponse:
    """A city's response: areas with progress, state, workflow actions, history."""
    page = questionnaire.response_overview_get(access=_access(request, edition, slug))
    return render(request, "index/response_overview.html", _page_context(page))


@login_required
def response_area(request: HttpRequest, edition: str, slug: str, area: str) -> HttpResponse:
    """One page of the questionnaire: the questions of one indicator area."""
    page = questionnaire.response_area_get(access=_access(request, edition, slug), area_code=area)
    return render(request, "index/response_area.html", _page_context(page))


def _posted_value(request: HttpRequest, question: Question) -> Any:
    if question.type == "select_multiple":
        return request.POST.getlist("value")
    return request.POST.get("value", "")


def _session_ended(request: HtmxHttpRequest, edition: str, slug: str) -> HttpResponse:
    """An answer sent after the session ended: nothing is saved, and the person is sent to log
    in and back to the page they were on (never to this POST-only address). With htmx, the
    status line says so, with a link that logs in in a new tab: what was typed stays on the
    page, and the next change saves it."""
    came_from = (request.htmx.current_url if request.htmx else None) or request.headers.get(
        "Referer", ""
    )
    if url_has_allowed_host_and_scheme(came_from, allowed_hosts={request.get_host()}):
        came_from = urlsplit(came_from)._replace(scheme="", netloc="").geturl()
    else:
        came_from = reverse("index:response_overview", kwargs={"edition": edition, "slug": slug})
    if not request.htmx:
        return redirect_to_login(came_from)
    login_url = f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': came_from})}"
    reply = render(request, "index/_session_ended.html", {"login_url": login_url})
    reply["HX-Trigger"] = json.dumps({"icc:saved": {"status": 401}})
    return reply


def _posted_version(request: HttpRequest) -> int:
    """The answer's version the page was loaded with; 0 (never saved) when it is not a number."""
    version = request.POST.get("version", "")
    return int(version) if version.isdigit() else 0


@require_POST
def answer_save(request: HtmxHttpRequest, edition: str, slug: str, code: str) -> HttpResponse:
    """Autosave of one answer. Conflicts and invalid values are reported, never overwritten."""
    if not request.user.is_authenticated:
        return _session_ended(request, edition, slug)
    access = _access(request, edition, slug)
    # A city in a closed edition, or anyone in one in preparation: the service says why.
    if not access.can_edit and not (access.phase_note and access.actors & EDITORS):
        raise PermissionDenied(_("This response is not a draft you can edit."))
    response = access.response
    question = response.edition.questions.select_related("area").filter(code=code).first()
    if question is None:
        raise Http404(_("This edition has no question “%(code)s”.") % {"code": code})
    error = ""
    status = 200
    answer: Answer | None = None
    try:
        answer = services.answer_save(
            response=response,
            question=question,
            value=_posted_value(request, question),
            evidence=request.POST.get("evidence", ""),
            links=request.POST.get("links", "").splitlines(),
            expected_version=_posted_version(request),
            user=request.user,
            actors=access.actors,
            other=request.POST.get("other", "")[:500],
        )
        if response.pk is None:  # the first answer started the response
            response = answer.response
    except (services.AnswerConflict, services.AnswerInvalid, WorkflowError) as refused:
        error = str(refused)
        status = {services.AnswerConflict: 409, services.AnswerInvalid: 422}.get(type(refused), 403)
        answer = response.answers.filter(question=question).first() if response.pk else None
    if not request.htmx:
        if error:
            messages.error(request, error)
        area = question.area.code if question.area else ""
        return redirect("index:response_area", edition=edition, slug=slug, area=area)
    progress = questionnaire.response_progress(
        access=access, values=services.answers_values(response) if response.pk else {}
    )
    reply = render(
        request,
        "index/_answer_saved.html",
        {
            "question": question,
            "answer": answer,
            "error": error,
            "progress": progress,
            # the stale note of this question, and the options of the cascading questions of
            # its page, as the saved answers now make them
            "saved": questionnaire.question_item(question, answer, progress),
            "refreshed": questionnaire.choices_refresh(
                access=access, question=question, progress=progress
            ),
        },
    )
    # htmx swaps 2xx replies only: the conflict is shown in the status line with its own class.
    reply["HX-Trigger"] = json.dumps(
        {"icc:visibility": {"visible": progress.visible}, "icc:saved": {"status": status}}
    )
    return reply


@require_POST
@login_required
def response_action(request: HttpRequest, edition: str, slug: str) -> HttpResponse:
    """Submit, review, request changes, validate, publish or reopen a response."""
    access = _access(request, edition, slug)
    try:
        action = Action(request.POST.get("action", ""))
    except ValueError:
        messages.error(request, _("Unknown action."))
        return redirect("index:response_overview", edition=edition, slug=slug)
    try:
        # a response not started yet is started by the same service call, only if the step
        # goes through: a refused step writes nothing
        response = services.response_transition(
            response=access.response,
            action=action,
            actors=access.actors,
            user=request.user,  # type: ignore[arg-type]
            note=request.POST.get("note", ""),
        )
        messages.success(
            request,
            _("Done: the response is now “%(state)s”.") % {"state": response.get_state_display()},
        )
    except WorkflowError as refused:
        messages.error(request, str(refused))
    return redirect("index:response_overview", edition=edition, slug=slug)


@require_POST
@login_required
def comment_add(request: HttpRequest, edition: str, slug: str) -> HttpResponse:
    """A reviewer comments on one answer, or on the whole response (no question)."""
    access = _access(request, edition, slug)
    code = request.POST.get("question", "")
    question = access.response.edition.questions.filter(code=code).first() if code else None
    if code and question is None:
        messages.error(
            request,
            _(
                "This edition has no question “%(code)s”; the comment was not saved. What you "
                "wrote: %(text)s"
            )
            % {"code": code, "text": request.POST.get("text", "")},
        )
        return redirect("index:response_overview", edition=edition, slug=slug)
    try:
        services.review_comment_add(
            response=access.response,
            question=question,
            user=request.user,  # type: ignore[arg-type]
            text=request.POST.get("text", ""),
            actors=access.actors,
        )
    except ValueError as refused:  # WorkflowError included
        messages.error(request, str(refused))
    area = question.area.code if question and question.area else None
    if area:
        return redirect("index:response_area", edition=edition, slug=slug, area=area)
    return redirect("index:response_overview", edition=edition, slug=slug)


@login_required
def answer_history(request: HttpRequest, edition: str, slug: str) -> HttpResponse:
    """Every change to every answer: who, when, old and new."""
    access = _access(request, edition, slug)
    revisions = selectors.answer_revisions(response=access.response)
    since_review = request.GET.get("since") == "review"
    if since_review:
        revisions = revisions_since(revisions, response=access.response)
    return render(
        request,
        "index/answer_history.html",
        {
            "access": access,
            "response": access.response,
            "revisions": revisions,
            "since_review": since_review,
            "since_review_at": last_review_at(response=access.response) if since_review else None,
        },
    )


@secretariat_required
def edition_export(
    request: HttpRequest, edition: str, fmt: Format
) -> HttpResponse | StreamingHttpResponse:
    """Every response of an edition, one row per place, one column per question, plus scores."""
    edition_obj = selectors.edition_get(name=edition)
    sheet = responses_sheet(edition=edition_obj)
    return table_download(sheet, fmt=fmt, filename=f"icc-index-{edition_obj.name}.{fmt}")


def _queue_context(request: HtmxHttpRequest, edition: Edition) -> dict[str, Any]:
    queue = review_queue_get(user=request.user, edition=edition, data=request.GET)
    return {
        "queue": queue,
        "edition": edition,
        "form": queue.filterset.form,
        "bulk_actions": [(action, ACTION_LABELS[action]) for action in services.BULK_ACTIONS],
        "experts": experts() if queue.is_secretariat else [],
    }


@login_required
def review_queue(request: HtmxHttpRequest, edition: str) -> HttpResponse:
    """Every response of an edition the secretariat or an expert reviews: counts per state,
    filters, search, paging, what changed since the last review, bulk steps. htmx requests get
    the results fragment (history restores the whole page)."""
    edition_obj = selectors.edition_get(name=edition)
    return page_or_fragment_render(
        request,
        page="index/queue.html",
        fragment="index/_queue_results.html",
        context=_queue_context(request, edition_obj),
    )


@require_POST
@login_required
def review_queue_bulk(request: HttpRequest, edition: str) -> HttpResponse:
    """One safe step on the chosen responses: start the review, validate, or assign an expert
    (the secretariat only). Each refusal is listed; the others are done."""
    edition_obj = selectors.edition_get(name=edition)
    chosen = [int(pk) for pk in request.POST.getlist("response") if pk.isdigit()][:PAGE_SIZE]
    responses = list(queue_queryset(user=request.user, edition=edition_obj).filter(pk__in=chosen))
    back = f"{reverse('index:queue', kwargs={'edition': edition})}?{request.POST.get('query', '')}"
    if not responses:
        messages.error(request, _("Choose at least one questionnaire first."))
        return redirect(back)
    user: User = request.user  # type: ignore[assignment]
    step = request.POST.get("step", "")
    if step == "assign":
        if not user_scope(user=user).is_secretariat:
            raise PermissionDenied(_("Only the secretariat assigns experts."))
        expert = next((e for e in experts() if str(e.pk) == request.POST.get("expert")), None)
        if expert is None:
            messages.error(request, _("Choose the expert to assign."))
            return redirect(back)
        outcome = services.responses_expert_assign(responses=responses, expert=expert)
    else:
        try:
            action = Action(step)
        except ValueError:
            messages.error(request, _("Choose what to do with the chosen questionnaires."))
            return redirect(back)
        try:
            outcome = services.responses_transition_many(
                responses=responses,
                action=action,
                actors_of=lambda r: selectors.actors_for(user=user, place=r.place),
                user=user,
            )
        except WorkflowError as refused:
            messages.error(request, str(refused))
            return redirect(back)
    if outcome.done:
        messages.success(request, _("Done for: %(places)s.") % {"places": ", ".join(outcome.done)})
    for refusal in outcome.refused:
        messages.error(request, refusal)
    return redirect(back)
