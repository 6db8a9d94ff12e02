"""The Index section of a place's public page (registered in ``ReportsConfig.ready``).

The network's place view cannot import the index or the reports (they are the layers above
it); it renders whatever sections higher apps registered in ``icc.network.place_sections``.
This one lives in the reports because it joins what only this layer sees together: the
index's stored results (scores, ranks with their interval, progress) and the city's report.
The profile chart is an SVG drawn here on the server from the stored scores: no script, no
inline style (CSP), readable without JavaScript, with the same figures as a table beside it.
"""

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string

from icc.accounts.selectors import place_roles_for_user
from icc.index.result_selectors import PlaceIndexSummary, place_index_summary
from icc.index.selectors import peer_label, questionnaires_to_start
from icc.index.wording import rank_text

# The profile chart's geometry (SVG user units; the SVG scales to its box).
LABEL_W, BAR_W, ROW_H, TOP = 190, 230, 20, 4


@dataclass(frozen=True)
class ProfileBar:
    label: str
    score: float | None
    average: float | None
    y: float
    text_y: float
    width: float
    average_x: float | None


def profile_bars(summary: PlaceIndexSummary) -> list[ProfileBar]:
    """One bar per indicator area (0–100 across ``BAR_W``) and the sample average as a tick."""
    bars = []
    for i, (_code, label, score, average) in enumerate(summary.areas):
        y = TOP + i * ROW_H
        bars.append(
            ProfileBar(
                label=label if len(label) <= 28 else f"{label[:27]}…",
                score=score,
                average=average,
                y=y,
                text_y=y + ROW_H * 0.65,
                width=round(BAR_W * (score or 0) / 100, 1),
                average_x=None if average is None else round(LABEL_W + BAR_W * average / 100, 1),
            )
        )
    return bars


def _context(request: HttpRequest, summary: PlaceIndexSummary) -> dict[str, Any]:
    result = summary.result
    peers = [
        rank_text(
            info["rank"],
            info["of"],
            tied=info["tied"],
            group=peer_label(edition=summary.edition, kind=kind, band=info["band"]),
        )
        for kind, info in sorted(result.peer_groups.items())
        if info.get("rank")
    ]
    progress = result.progress or {}
    bars = profile_bars(summary)
    return {
        "summary": summary,
        "edition": summary.edition,
        "result": result,
        "rank": rank_text(result.rank, result.rank_of, tied=result.tied)
        if result.rank and result.rank_of
        else "",
        "interval": (
            (round(result.rank_low), round(result.rank_high))
            if result.rank_low is not None and result.rank_high is not None
            else None
        ),
        "peers": peers,
        "progress": progress.get("index_advanced"),
        "previous_edition": progress.get("previous_edition"),
        "bars": bars,
        "chart": {
            "width": LABEL_W + BAR_W + 10,
            "height": TOP * 2 + ROW_H * len(bars),
            "label_x": LABEL_W - 6,
            "bar_x": LABEL_W,
            "bar_h": ROW_H - 6,
        },
        "can_open_questionnaire": bool(
            place_roles_for_user(user=request.user, place_id=result.place_id)
        ),
    }


def place_index_section(request: HttpRequest, place: Any) -> str:
    """The section's HTML: the latest results, and for the place's coordinators the open
    editions it has not started; "" for the others when it has no published results."""
    summary = place_index_summary(place_id=place.pk)
    to_start = questionnaires_to_start(user=request.user, place_id=place.pk)
    if summary is None:
        if not to_start:
            return ""
        return render_to_string("reports/_place_index_start.html", {"to_start": to_start}, request)
    context = {**_context(request, summary), "to_start": to_start}
    return render_to_string("reports/_place_index.html", context, request)
