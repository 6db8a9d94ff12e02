"""Pages of the barometer: the list and comparison of places, a place's dashboard, its charts
and CSV export, and the secretariat's run with its progress."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from icc.accounts.access import secretariat_required
from icc.accounts.selectors import user_scope
from icc.barometer import selectors
from icc.barometer.charts import chart_svg, compare_svg
from icc.barometer.models import Observation
from icc.barometer.services import barometer_run_enqueue
from icc.core.tabular import Sheet, table_download
from icc.language import language_name

if TYPE_CHECKING:
    from icc.barometer.selectors import Dashboard
    from icc.network.models import Place

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


def _narrow(request: HttpRequest) -> bool:
    return request.GET.get("size") == "narrow"


def _period(request: HttpRequest) -> str:
    period = request.GET.get("period", "month")
    return period if period in PERIODS else "month"


def _place_dashboard(request: HttpRequest, slug: str) -> tuple[Place, str, Dashboard]:
    """The place whose barometer the reader may see, the period asked for, and its dashboard."""
    place = selectors.barometer_place_for_user(user=request.user, slug=slug)
    period = _period(request)
    return place, period, selectors.dashboard(place=place, period=period)


def _places_or_404(request: HttpRequest) -> tuple[list[Place], bool]:
    """The places whose barometer the reader may see, and whether they are the secretariat."""
    places = selectors.barometer_places_for_user(user=request.user)
    scope = user_scope(user=request.user)
    if not places and not scope.is_secretariat:
        raise Http404(_("No barometer is open to you."))
    return places, scope.is_secretariat


def _run_context(*, since: dt.datetime | None, is_secretariat: bool) -> dict[str, object]:
    """What the run's progress block shows: the latest run, whether one is waiting or under way,
    and whether a run that started after the figures on the page were computed (``since``; the
    time of the page when it has none) has ended since."""
    job = selectors.run_latest()
    waiting = selectors.run_waiting()
    since = since or timezone.now()
    newer = (
        job is not None
        and not waiting
        and job.state == "done"
        and job.started_at is not None
        and job.started_at > since
    )
    return {
        "job": job,
        "waiting": waiting,
        "newer": newer,
        "since": int(since.timestamp()),
        "is_secretariat": is_secretariat,
    }


@login_required
def barometer_home(request: HttpRequest) -> HttpResponse:
    places, is_secretariat = _places_or_404(request)
    rows = selectors.comparison(places=places)
    computed = [r["cell"].computed_at for r in rows if r["cell"] is not None]
    return render(
        request,
        "barometer/home.html",
        {
            "rows": rows,
            "places": places,
            **_run_context(since=max(computed, default=None), is_secretariat=is_secretariat),
        },
    )


@login_required
def barometer_compare_chart(request: HttpRequest) -> HttpResponse:
    places, _secretariat = _places_or_404(request)
    series = {p.name: selectors.dashboard(place=p).cells for p in places}
    svg = compare_svg(series=series, labels=_labels(), narrow=_narrow(request))
    return HttpResponse(svg, content_type="image/svg+xml")


@login_required
def barometer_place(request: HttpRequest, slug: str) -> HttpResponse:
    _place, period, data = _place_dashboard(request, slug)
    labels = _labels()
    total = sum(data.languages.values())
    kinds = dict(Observation.Interaction.choices)
    return render(
        request,
        "barometer/place.html",
        {
            "data": data,
            "period": period,
            "periods": PERIODS,
            "questions": [(q, labels[q]) for q in SIGNAL_LABELS],
            "languages": [
                (language_name(code), n, round(100 * n / total) if total else 0)
                for code, n in data.languages.items()
            ],
            "observations": [
                (kinds.get(kind, kind), data.observations[kind])
                for kind in Observation.Interaction.values
                if kind in data.observations
            ],
            **_run_context(
                since=data.computed_at,
                is_secretariat=user_scope(user=request.user).is_secretariat,
            ),
        },
    )


@login_required
def barometer_chart(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    if kind not in {"score", "signals", "volume"}:
        raise Http404
    data = _place_dashboard(request, slug)[2]
    svg = chart_svg(cells=data.cells, kind=kind, labels=_labels(), narrow=_narrow(request))
    return HttpResponse(svg, content_type="image/svg+xml")


@login_required
def barometer_export(request: HttpRequest, slug: str) -> HttpResponseBase:
    place, period, data = _place_dashboard(request, slug)
    header = [
        _("place"), _("neighbourhood"), _("period"), _("start"), _("posts"), _("score"),
        _("low"), _("high"), _("positive share"), _("negative share"),
        *[_labels()[q] for q in SIGNAL_LABELS], _("observations"), _("note"),
        _("synthetic or real"),
    ]  # fmt: skip
    origin = _("synthetic (demo)") if data.synthetic else _("real")
    period_word = {"month": _("month"), "week": _("week")}
    rows = []
    for cell in [*data.cells, *data.neighbourhoods]:
        values = cell.values if not cell.hidden else {}
        questions = values.get("questions", {})
        shares = values.get("shares", {})
        rows.append(
            [
                place.name, cell.neighbourhood, period_word.get(cell.period, cell.period),
                cell.start, cell.n_posts,
                cell.score, cell.low, cell.high, shares.get("positive"), shares.get("negative"),
                *[questions.get(q) for q in SIGNAL_LABELS], values.get("observations"),
                _("hidden: fewer posts than the threshold") if cell.hidden else "", origin,
            ]
        )  # fmt: skip
    sheet = Sheet(header=header, rows=rows, title=_("Barometer"))
    return table_download(sheet, fmt="csv", filename=f"barometer-{place.slug}-{period}.csv")


@require_POST
@secretariat_required
def barometer_run(request: HttpRequest) -> HttpResponse:
    barometer_run_enqueue(user_id=request.user.pk)
    return redirect("barometer:home")


@login_required
def barometer_run_progress(request: HttpRequest) -> HttpResponse:
    """The run's progress block, polled by the pages while a run is waiting or under way."""
    _places, is_secretariat = _places_or_404(request)
    try:
        since: dt.datetime | None = dt.datetime.fromtimestamp(
            int(request.GET.get("since", "")), tz=dt.UTC
        )
    except (ValueError, OverflowError, OSError):
        since = None
    context = _run_context(since=since, is_secretariat=is_secretariat)
    return render(request, "barometer/_run_progress.html", context)
