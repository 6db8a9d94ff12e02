"""The cities' side: my practices, writing and submitting a practice, answering a call; the
moderation steps (the secretariat's too) are posted to ``practice_step``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from icc.knowledge import selectors, services
from icc.knowledge.forms import CallAnswerForm, ModerationForm, PracticeFileForm, PracticeForm
from icc.knowledge.workflow import Action, State, editable
from icc.language import current_language


def _places_or_403(request: HttpRequest) -> list[tuple[int, str]]:
    places = selectors.coordinated_places(user=request.user)
    if not places:
        raise PermissionDenied(
            _("Good practices are written by the coordinators of member cities.")
        )
    return places


def _written_in_default() -> dict[str, str]:
    """A new practice is written, unless the author says otherwise, in the language of the
    interface they write it in (editing keeps the practice's own language)."""
    return {"language": current_language()}


@login_required
def my_practices(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "knowledge/my_practices.html",
        {
            "practices": selectors.practices_for_user(user=request.user),
            "calls": list(selectors.calls_open()),
        },
    )


@login_required
def practice_new(request: HttpRequest) -> HttpResponse:
    places = _places_or_403(request)
    form = PracticeForm(request.POST or None, initial=_written_in_default(), places=places)
    if request.method == "POST" and form.is_valid():
        practice = services.practice_create(
            user=request.user,  # type: ignore[arg-type]
            data=form.data_object(),
        )
        messages.success(request, _("Draft saved. Submit it when it is ready."))
        return redirect(practice.get_absolute_url())
    return render(request, "knowledge/practice_form.html", {"form": form, "practice": None})


@login_required
def practice_edit(request: HttpRequest, slug: str) -> HttpResponse:
    practice = selectors.practice_get_for_user(user=request.user, slug=slug)
    actors = selectors.practice_actors(user=request.user, practice=practice)
    if not actors:
        raise Http404
    if not editable(state=State(practice.status), actors=actors):
        # no form that could not be saved (the city's practice is submitted or published)
        messages.error(request, _("This practice cannot be changed at this step."))
        return redirect(practice.get_absolute_url())
    lang = practice.language
    initial = {
        "title": getattr(practice, f"title_{lang}") or practice.title,
        "summary": getattr(practice, f"summary_{lang}") or practice.summary,
        "description": getattr(practice, f"description_{lang}") or practice.description,
        "results": getattr(practice, f"results_{lang}") or practice.results,
        "contact": practice.contact,
        "language": lang,
        "languages": practice.language_codes,
        "period_start": practice.period_start,
        "period_end": practice.period_end,
        "places": [p.pk for p in practice.places.all()],
        "themes": [t.pk for t in practice.themes.all()],
        "areas": [a.code for a in practice.areas.all()],
        "links": "\n".join(f"{link.label} {link.url}" for link in practice.links.all()),
    }
    places = selectors.coordinated_places(user=request.user)
    form = PracticeForm(request.POST or None, initial=initial, places=places)
    if request.method == "POST" and form.is_valid():
        services.practice_update(
            user=request.user,  # type: ignore[arg-type]
            practice=practice,
            data=form.data_object(),
        )
        messages.success(request, _("Changes saved."))
        return redirect(practice.get_absolute_url())
    return render(
        request,
        "knowledge/practice_form.html",
        {
            "form": form,
            "practice": practice,
            "file_form": PracticeFileForm(),
            "files": list(practice.files.all()),
        },
    )


@login_required
@require_POST
def practice_file_add(request: HttpRequest, slug: str) -> HttpResponse:
    """Attach a document or an image (the practice's city while it may edit it)."""
    practice = selectors.practice_get_for_user(user=request.user, slug=slug)
    form = PracticeFileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.practice_file_add(
                user=request.user,  # type: ignore[arg-type]
                practice=practice,
                kind=form.cleaned_data["kind"],
                title=form.cleaned_data["title"],
                file=form.cleaned_data["file"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("File added."))
    else:
        messages.error(request, _("Give a title and a file."))
    return redirect("knowledge:practice_edit", slug=practice.slug)


@login_required
@require_POST
def practice_step(request: HttpRequest, slug: str, action: str) -> HttpResponse:
    """Submit, request changes, publish or unpublish (``workflow.py`` decides who may)."""
    practice = selectors.practice_get_for_user(user=request.user, slug=slug)
    try:
        step = Action(action)
    except ValueError as error:
        raise Http404 from error
    form = ModerationForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        services.practice_transition(
            user=request.user,  # type: ignore[arg-type]
            practice=practice,
            action=step,
            note=note,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        done = {
            Action.SUBMIT: _("Submitted to the secretariat."),
            Action.REQUEST_CHANGES: _("Changes requested: the city has been told."),
            Action.PUBLISH: _("Published."),
            Action.UNPUBLISH: _("Withdrawn from publication."),
        }
        messages.success(request, done[step])
    if step == Action.UNPUBLISH or step == Action.REQUEST_CHANGES:
        return redirect("knowledge:moderation")
    return redirect(practice.get_absolute_url())


@login_required
def call_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "knowledge/call_list.html",
        {
            "calls": list(selectors.calls_open()),
            "can_answer": bool(selectors.coordinated_places(user=request.user)),
        },
    )


@login_required
def call_answer(request: HttpRequest, pk: int) -> HttpResponse:
    call = selectors.call_get(pk=pk)
    places = _places_or_403(request)
    form = CallAnswerForm(request.POST or None, initial=_written_in_default(), places=places)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            practice = services.call_answer(
                user=request.user,  # type: ignore[arg-type]
                call=call,
                place_id=d["place"],
                title=d["title"],
                summary=d["summary"],
                contact=d["contact"],
                language=d["language"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Thank you. Your answer is a draft practice: complete it and submit it."),
            )
            return redirect(practice.get_absolute_url())
    return render(request, "knowledge/call_answer.html", {"call": call, "form": form})
