"""Group mode: a facilitator creates a session (a short code, a QR code, a secret link to the
facilitator's screen); participants join on their phones without an account; the facilitator's
screen shows anonymous counts per question, refreshed by htmx without reloading the page.

Anyone may facilitate: the facilitator screen needs no account, only its secret link (logged-in
facilitators are recorded as the session's creator). Creation and joins are rate-limited."""

import io

import segno
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from icc.citizenship import selectors
from icc.citizenship.exports import Cell, table_download
from icc.citizenship.forms import GroupForm, JoinForm
from icc.citizenship.limits import client_allowed
from icc.citizenship.models import GroupSession
from icc.citizenship.services import CitizenshipError, group_close, group_create, response_start
from icc.citizenship.views.taking import remember, too_many
from icc.core.tabular import Format
from icc.language import content_language

NO_SESSION = gettext_lazy("No session has this code. Check it with your facilitator.")


def _join_url(request: HttpRequest, group: GroupSession) -> str:
    return request.build_absolute_uri(
        reverse("citizenship_join_short", kwargs={"code": group.code})
    )


def group_new(request: HttpRequest) -> HttpResponse:
    """The form that creates a session; the facilitator lands on its secret screen."""
    version = selectors.version_current_or_404()
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not client_allowed(request=request, action="group"):
            return too_many(request)
        group = group_create(
            version=version,
            title=form.cleaned_data["title"],
            created_by_id=request.user.pk if request.user.is_authenticated else None,
        )
        return redirect("citizenship:facilitate", secret=group.secret)
    return render(request, "citizenship/group_new.html", {"form": form})


def facilitate(request: HttpRequest, secret: str) -> HttpResponse:
    """The facilitator's screen: code, QR code, live counts and discussion prompts."""
    group = selectors.group_get_for_facilitator(secret=secret)
    return render(
        request,
        "citizenship/facilitate.html",
        {
            "group": group,
            "join_url": _join_url(request, group),
            "tally": selectors.group_tally(group=group, language=content_language()),
        },
    )


def facilitate_live(request: HttpRequest, secret: str) -> HttpResponse:
    """The counts alone, for htmx to swap in every few seconds."""
    group = selectors.group_get_for_facilitator(secret=secret)
    return render(
        request,
        "citizenship/_tally.html",
        {"group": group, "tally": selectors.group_tally(group=group, language=content_language())},
    )


@require_POST
def facilitate_close(request: HttpRequest, secret: str) -> HttpResponse:
    """Close the session: no more joins or answers; the counts stay."""
    group = group_close(group=selectors.group_get_for_facilitator(secret=secret))
    messages.success(request, _("The session is closed. You can still download its counts."))
    return redirect("citizenship:facilitate", secret=group.secret)


def facilitate_export(
    request: HttpRequest, secret: str, fmt: Format
) -> HttpResponse | StreamingHttpResponse:
    """The anonymous counts per question and option, as CSV or XLSX; a question fewer
    participants answered than the threshold has empty counts and says why."""
    group = selectors.group_get_for_facilitator(secret=secret)
    tally = selectors.group_tally(group=group, language=content_language())
    heading = [
        _("question"),
        _("question text"),
        _("answer"),
        _("count"),
        _("share (%)"),
        _("note"),
    ]
    hidden = _("hidden: shown from %(count)s participants") % {"count": tally.min_answers}
    rows: list[list[Cell]] = [
        [question.number, question.text, option.text, None, None, hidden]
        if option.count is None or option.share is None
        else [question.number, question.text, option.text, option.count, round(option.share, 1), ""]
        for question in tally.questions
        for option in question.options
    ]
    return table_download(
        heading=heading, rows=rows, fmt=fmt, filename=f"citizenship-group-{group.code}"
    )


def group_qr(request: HttpRequest, code: str) -> HttpResponse:
    """The QR code of a session's join address, as an SVG image."""
    group = selectors.group_get_by_code(code=code)
    if group is None:
        return HttpResponse(status=404)
    output = io.BytesIO()
    segno.make(_join_url(request, group), error="m").save(
        output,
        kind="svg",
        scale=8,
        border=2,
        title=_("Join the session %(code)s") % {"code": group.code},
    )
    response = HttpResponse(output.getvalue(), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def join(request: HttpRequest) -> HttpResponse:
    """Where participants type the code shown by the facilitator."""
    form = JoinForm(request.GET or None)
    if form.is_valid():
        group = selectors.group_get_by_code(code=form.cleaned_data["code"])
        if group is not None:
            return redirect("citizenship:join_code", code=group.code)
        form.add_error("code", NO_SESSION)
    return render(request, "citizenship/join.html", {"form": form})


def join_short(request: HttpRequest, code: str) -> HttpResponse:
    """The short address printed under the QR code, in the visitor's language."""
    return redirect("citizenship:join_code", code=code.upper())


def join_code(request: HttpRequest, code: str) -> HttpResponse:
    """A session's welcome; POST joins it (anonymously) and opens the first question."""
    group = selectors.group_get_by_code(code=code)
    if group is None:
        # The code as typed (or read off a QR code), with why it opened nothing.
        form = JoinForm({"code": code})
        if form.is_valid():
            form.add_error("code", NO_SESSION)
        return render(request, "citizenship/join.html", {"form": form}, status=404)
    languages = selectors.content_languages(version=group.version)
    if request.method == "POST" and group.is_open:
        if not client_allowed(request=request, action="join"):
            return too_many(request)
        language = request.POST.get("language", "")
        if language not in {lang.code for lang in languages}:
            language = content_language()
        try:
            response = response_start(
                version=group.version,
                language=language,
                group=group,
            )
        except CitizenshipError as problem:
            messages.error(request, str(problem))
        else:
            remember(request, response)
            return redirect("citizenship:question", number=1)
    return render(
        request,
        "citizenship/join_code.html",
        {"group": group, "languages": languages, "current": content_language()},
    )
