"""Pages of the barometer: the list and comparison of places, a place's dashboard, its charts
and CSV export, and the secretariat's run with its progress."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from icc.accounts.access import secretariat_required
from icc.accounts.selectors import user_scope
from icc.barometer import selectors
from icc.barometer.charts import chart_svg
from icc.barometer.services import barometer_run_enqueue
from icc.core.tabular import Sheet, table_download

PERIODS = ("month", "week")
SIGNAL_LABELS = {
    "net_sentiment": "net sentiment",
    "group_sentiment": "sentiment about groups",
    "affiliation": "affiliative vs othering",
    "mixed_positive": "positive mixed groups",
    "calm": "no conflict",
    "sensing": "sensing",
}


def _labels() -> dict[str, str]:
    return {
        "net_sentiment": _("net sentiment"),
        "group_sentiment": _("sentiment about groups"),
        "affiliation": _("affiliative against othering words"),
        "mixed_positive": _("positive mixed-group interactions"),
        "calm": _("interactions without conflict"),
        "sensing": _("social sensing"),
        "period": _("period"),
        "posts": _("posts"),
        "score": _("barometer score (0-100)"),
    }


def _period(request: HttpRequest) -> str:
    period = request.GET.get("period", "month")
    return period if period in PERIODS else "month"


@login_required
def barometer_home(request: HttpRequest) -> HttpResponse:
    places = selectors.barometer_places_for_user(user=request.user)
    scope = user_scope(user=request.user)
    if not places and not scope.is_secretariat:
        raise Http404(_("No barometer is open to you."))
    return render(
        request,
        "barometer/home.html",
        {
            "rows": selectors.comparison(places=places),
            "is_secretariat": scope.is_secretariat,
            "job": selectors.run_latest() if scope.is_secretariat else None,
            "waiting": selectors.run_waiting(),
        },
    )


@login_required
def barometer_place(request: HttpRequest, slug: str) -> HttpResponse:
    place = selectors.barometer_place_for_user(user=request.user, slug=slug)
    period = _period(request)
    data = selectors.dashboard(place=place, period=period)
    labels = _labels()
    return render(
        request,
        "barometer/place.html",
        {
            "data": data,
            "period": period,
            "periods": PERIODS,
            "questions": [(q, labels[q]) for q in SIGNAL_LABELS],
            "waiting": selectors.run_waiting(),
        },
    )


@login_required
def barometer_chart(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    if kind not in {"score", "signals", "volume"}:
        raise Http404
    place = selectors.barometer_place_for_user(user=request.user, slug=slug)
    data = selectors.dashboard(place=place, period=_period(request))
    svg = chart_svg(cells=data.cells, kind=kind, labels=_labels())
    return HttpResponse(svg, content_type="image/svg+xml")


@login_required
def barometer_export(request: HttpRequest, slug: str) -> HttpResponseBase:
    place = selectors.barometer_place_for_user(user=request.user, slug=slug)
    period = _period(request)
    data = selectors.dashboard(place=place, period=period)
    header = [
        _("place"), _("neighbourhood"), _("period"), _("start"), _("posts"), _("score"),
        _("low"), _("high"), _("positive share"), _("negative share"),
        *[_labels()[q] for q in SIGNAL_LABELS], _("observations"), _("synthetic or real"),
    ]  # fmt: skip
    rows = []
    for cell in [*data.cells, *data.neighbourhoods]:
        values = cell.values if not cell.hidden else {}
        questions = values.get("questions", {})
        shares = values.get("shares", {})
        rows.append(
            [
                place.name, cell.neighbourhood, cell.period, cell.start, cell.n_posts,
                cell.score, cell.low, cell.high, shares.get("positive"), shares.get("negative"),
                *[questions.get(q) for q in SIGNAL_LABELS], values.get("observations"),
                _("hidden: fewer posts than the threshold") if cell.hidden else "",
            ]
        )  # fmt: skip
    sheet = Sheet(header=header, rows=rows, title=_("Barometer"))
    return table_download(sheet, fmt="csv", filename=f"barometer-{place.slug}-{period}.csv")


@require_POST
@secretariat_required
def barometer_run(request: HttpRequest) -> HttpResponse:
    barometer_run_enqueue(user_id=request.user.pk)
    return redirect("barometer:home")


@secretariat_required
def barometer_run_progress(request: HttpRequest) -> HttpResponse:
    return render(request, "barometer/_run_progress.html", {"job": selectors.run_latest()})
