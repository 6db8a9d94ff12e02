"""Taking the test alone: start page, one question per screen, the shareable result page, and
the printable test and facilitator guide. Works without JavaScript: every step is a form, and
every answer is saved on the server as it is given, so a reload loses nothing."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from icc.citizenship import selectors
from icc.citizenship.forms import StartForm
from icc.citizenship.limits import client_allowed
from icc.citizenship.models import Response
from icc.citizenship.profile import BAND_CODES, band_of
from icc.citizenship.services import (
    CitizenshipError,
    answer_record,
    response_complete,
    response_continue_alone,
    response_language_set,
    response_start,
)
from icc.language import content_language

SESSION_KEY = "citizenship_response"
BAND_LABELS = dict(
    zip(
        BAND_CODES,
        (
            gettext_lazy("a starting point to explore"),
            gettext_lazy("growing in your answers"),
            gettext_lazy("well anchored in your answers"),
        ),
        strict=True,
    )
)


def too_many(request: HttpRequest) -> HttpResponse:
    """The page people see when a rate limit refuses them (429)."""
    message = _(
        "Too many tests were started from your connection in a short time. "
        "Please wait a few minutes, then try again."
    )
    return render(request, "citizenship/refused.html", {"message": message}, status=429)


def remember(request: HttpRequest, response: Response) -> None:
    """The test of this browser (its answers live on the server), kept once finished so that
    Back or a second click on the last button leads to its profile."""
    request.session[SESSION_KEY] = response.public_id


def _remembered(request: HttpRequest) -> Response | None:
    return selectors.response_get(public_id=request.session.get(SESSION_KEY, ""))


def _in_progress(request: HttpRequest) -> Response | None:
    response = _remembered(request)
    return response if response is not None and response.completed_at is None else None


def _gone(request: HttpRequest) -> HttpResponse:
    """No test in progress in this browser: back to the start page, saying why."""
    messages.info(request, _("Your test is not open in this browser any more; start a new one."))
    return redirect("citizenship:start")


def start(request: HttpRequest) -> HttpResponse:
    """What the test is, in which language, and a button to begin (POST starts a response)."""
    version = selectors.version_current_or_404()
    languages = selectors.content_languages(version=version)
    language = selectors.language_resolve(request.GET.get("lang", ""))
    form = StartForm(request.POST or None, languages=languages, initial={"language": language})
    if request.method == "POST" and form.is_valid():
        if not client_allowed(request=request, action="start"):
            return too_many(request)
        response = response_start(
            version=version, language=form.cleaned_data["language"], city=form.cleaned_data["city"]
        )
        remember(request, response)
        return redirect("citizenship:question", number=1)
    resume = _in_progress(request)
    return render(
        request,
        "citizenship/start.html",
        {
            "test": selectors.content_view(version=version, language=language),
            "languages": languages,
            "form": form,
            "resume_at": selectors.response_resume_at(response=resume) if resume else None,
        },
    )


def question(request: HttpRequest, number: int) -> HttpResponse:
    """Question ``number`` of the test in progress; POST saves the answer and moves on (or,
    sent by the page's script as the choice changes, saves it and answers 204)."""
    # Autosaves come from the page's script as a choice changes; they never report a problem
    # (one may race the Next button that finished the test): the Next button does.
    autosave = request.method == "POST" and bool(request.headers.get("X-Autosave"))
    response = _remembered(request)
    if response is not None and response.completed_at is not None:
        if autosave:
            return HttpResponse(status=204)
        # Finished already (Back from the profile, the last button sent twice): its profile.
        return redirect(response.get_absolute_url())
    if response is None and autosave:
        return HttpResponse(status=204)
    if response is None:
        return _gone(request)
    test = selectors.content_view(version=response.version, language=response.language)
    current = test.question(number)
    if current is None:
        raise Http404("No such question.")
    answers = selectors.response_answers(response=response)
    chosen = answers.get(current.id)
    error = ""
    status = 200
    if request.method == "POST" and response.group_closed:
        # Closed while this person was answering: the page says so and offers to go on alone,
        # keeping the choice just made.
        if autosave:
            return HttpResponse(status=204)
        posted = request.POST.get("option", "")
        chosen = int(posted) if posted.isdigit() else chosen
        status = 409
    elif request.method == "POST":
        try:
            answer_record(
                response=response,
                question_id=current.id,
                option_id=int(request.POST.get("option") or 0),
            )
        except (CitizenshipError, ValueError) as problem:
            if autosave:
                return HttpResponse(status=204)
            error = str(problem) if isinstance(problem, CitizenshipError) else ""
            error = error or _("Choose one of the answers shown for this question.")
            status = 400
        else:
            if autosave:
                return HttpResponse(status=204)
            if number < len(test.questions):
                return redirect("citizenship:question", number=number + 1)
            return _finish(request, response)
    return render(
        request,
        "citizenship/question.html",
        {
            "test": test,
            "question": current,
            "chosen": chosen,
            "total": len(test.questions),
            "answered": len(answers),
            "error": error,
            "languages": selectors.content_languages(version=response.version),
            "group": response.group,
            "closed": response.group_closed,
        },
        status=status,
    )


def _finish(request: HttpRequest, response: Response) -> HttpResponse:
    try:
        response = response_complete(response=response)
    except CitizenshipError as problem:
        messages.error(request, str(problem))
        return redirect(
            "citizenship:question", number=selectors.response_resume_at(response=response)
        )
    return redirect(response.get_absolute_url())


@require_POST
def alone(request: HttpRequest) -> HttpResponse:
    """Finish alone a test whose group session the facilitator closed: the answers so far and the
    one just chosen come along (the group's counts stay as they were at closing); on to the first
    open question, or to the profile when every question is answered."""
    response = _remembered(request)
    if response is not None and response.completed_at is not None:
        return redirect(response.get_absolute_url())
    if response is None:
        return _gone(request)
    question_id, option_id = (request.POST.get(key, "") for key in ("question", "option"))
    try:
        response = response_continue_alone(
            response=response,
            question_id=int(question_id) if question_id.isdigit() else None,
            option_id=int(option_id) if option_id.isdigit() else None,
        )
    except CitizenshipError as problem:
        messages.error(request, str(problem))
        return redirect(
            "citizenship:question", number=selectors.response_resume_at(response=response)
        )
    remember(request, response)
    if selectors.response_first_open(response=response) is None:
        return _finish(request, response)
    messages.success(
        request,
        _(
            "You go on alone: your answers are kept, and what you answer now stays out of "
            "the group's results."
        ),
    )
    return redirect("citizenship:question", number=selectors.response_resume_at(response=response))


@require_POST
def language(request: HttpRequest) -> HttpResponse:
    """Switch the language of the test in progress; answers are kept."""
    response = _in_progress(request)
    number = request.POST.get("number", "1")
    if response is not None:
        try:
            response_language_set(response=response, language=request.POST.get("language", ""))
        except CitizenshipError as problem:
            messages.error(request, str(problem))
    target = int(number) if number.isdigit() else 1
    return redirect("citizenship:question", number=target)


def result(request: HttpRequest, public_id: str) -> HttpResponse:
    """A completed profile: shareable, it shows only what the answers say, nobody's identity."""
    response = selectors.response_get_completed_or_404(public_id=public_id)
    language = content_language()
    test = selectors.content_view(version=response.version, language=language)
    rows = [
        {
            "dimension": dimension,
            "score": round(response.scores[dimension.code]),
            "band": BAND_LABELS[band_of(float(response.scores[dimension.code]))],
        }
        for dimension in test.dimensions
        if dimension.code in response.scores
    ]
    leading = next((r["dimension"] for r in rows if r["dimension"].code == response.leading), None)
    return render(
        request,
        "citizenship/result.html",
        {
            "test": test,
            "rows": rows,
            "leading": leading,
            "share_url": request.build_absolute_uri(response.get_absolute_url()),
            "group": response.group,
        },
    )


def _published_content(request: HttpRequest) -> selectors.ContentView:
    """The published test in ``?lang=`` or the page's language."""
    version = selectors.version_current_or_404()
    language = selectors.language_resolve(request.GET.get("lang", ""))
    return selectors.content_view(version=version, language=language)


def printable(request: HttpRequest) -> HttpResponse:
    """The whole test on paper, for people without a device."""
    return render(request, "citizenship/print.html", {"test": _published_content(request)})


def guide(request: HttpRequest) -> HttpResponse:
    """The facilitator guide with the discussion prompt of every question, printable."""
    test = _published_content(request)
    return render(
        request,
        "citizenship/guide.html",
        {
            "test": test,
            "sections": selectors.guide_sections(version=test.version, language=test.language),
            "print_url": reverse("citizenship:print"),
        },
    )
