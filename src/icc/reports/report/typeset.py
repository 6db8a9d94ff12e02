"""A city report as an A4 PDF, typeset by Typst from the report's data.

Rules held here:

- The layout is one Typst file (``templates/reports/report.typ``); everything it prints comes
  from ``report_typst_inputs``: the texts already translated (the same messages as the HTML
  page), the numbers already formatted for the language. The Typst file holds no sentence, and
  no text is ever pasted into Typst markup: it reads the inputs as JSON strings, so nothing in
  a name or an answer can be taken for markup.
- The charts are the SVGs the screen page shows (``render.report_charts_draw``), embedded as
  vector images.
- Why Typst, not WeasyPrint: the 19-page report took 2.2 s of CPU in WeasyPrint (two thirds in
  CSS layout of the answer tables) and takes about 0.1 s in Typst, with the same content.
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from icc.language import labelled
from icc.reports.report.data import ReportData
from icc.reports.templatetags.reports_format import grouped, points, score, signed

TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "reports" / "report.typ"
SVG_URI = "data:image/svg+xml;base64,"


def _svg(uri: str) -> str:
    """The SVG text of a chart drawn as a data URI (empty when there is no chart)."""
    return base64.b64decode(uri[len(SVG_URI) :]).decode() if uri.startswith(SVG_URI) else ""


def _page_counter() -> list[dict[str, str]]:
    """The translated "Page n of N" as parts: ``{"text": ...}``, ``{"counter": "page"}``,
    ``{"counter": "pages"}``, in the language's order."""
    parts: list[dict[str, str]] = []
    for part in re.split(r"(%\(pages?\)s)", _("Page %(page)s of %(pages)s")):
        if part in ("%(page)s", "%(pages)s"):
            parts.append({"counter": part[2:-2]})
        elif part:
            parts.append({"text": part})
    return parts


def _peer_heading(kind: str) -> str:
    return _("Peers by population") if kind == "population" else _("Peers by foreign-born share")


def _labels(data: ReportData) -> dict[str, str]:
    """The fixed texts of the report, translated (the messages of the HTML report)."""
    return {
        "synthetic_mark": _("Synthetic data — demonstration"),
        "synthetic_note": _(
            "The answers and scores in this report were generated for demonstration; "
            "they are not the city's real results."
        ),
        "running_title": _("Intercultural Cities Index — city report"),
        "index_advanced_long": _("Intercultural Cities Index (advanced)"),
        "contents": _("Contents"),
        "summary": _("Summary"),
        "profile": _("Place profile"),
        "areas": _("Results by indicator area"),
        "progress": _("Progress since the previous edition"),
        "method": _("Methodology annex"),
        "index_advanced": _("Index (advanced)"),
        "core_index": _("Core index"),
        "rank": _("Rank"),
        "all_questions": _("All questions"),
        "core_only": _("Core questions only"),
        "rank_note": _("Advanced index, whole sample"),
        "compared_with": _("Compared with"),
        "ranks_caption": _(
            "Ranks in the sample and in the peer groups (places of a similar size and diversity)."
        ),
        "rank_interval": _("Rank interval."),
        "summary_chart_alt": _(
            "Bar chart of the scores by indicator area compared with the sample and peer "
            "averages; the table below gives the same figures."
        ),
        "area": _("Indicator area"),
        "core": _("Core"),
        "sample_average": _("Sample average"),
        "change": _("Change"),
        "overall": _("Overall index"),
        "country": _("Country"),
        "kind": _("Kind"),
        "status": _("Membership status"),
        "member_since": _("Member since"),
        "networks": _("Networks"),
        "facts": _("Facts"),
        "year": _("Year"),
        "population": _("Population"),
        "foreign_born_pct": _("Foreign-born residents (%)"),
        "non_nationals_pct": _("Non-nationals (%)"),
        "sources": _("Sources"),
        "no_facts": _("No facts are recorded for this place."),
        "membership": _("Membership"),
        "no_steps": _("No membership step is recorded."),
        "areas_lead": _(
            "Each area below gives the city's score against the sample and peer averages, the "
            "answers that earned or lost points, the recommendations for the questions where "
            "the city earned less than half the points, and the cities that score best in the "
            "area."
        ),
        "question": _("Question"),
        "answer": _("Answer"),
        "points": _("Points"),
        "core_badge": _("core"),
        "recommendations": _("Recommendations"),
        "top": _("Cities that score best in this area"),
        "practices": _("Their good practices"),
        "points_word": _("points"),
        "change_points": _("Change (points)"),
        "what_title": _("What the index measures"),
        "questions_title": _("Questions, indicators and the two indices"),
        "peers_title": _("Peer groups"),
        "comparability_title": _("Comparability between editions"),
        "uncertainty_title": _("Uncertainty and sensitivity"),
        "choice": _("Choice in the method"),
        "first_order": _("First order"),
        "total": _("Total"),
    }


def _sources(fact: Any) -> str:
    parts = []
    if fact.population_source:
        parts.append(labelled(_("Population"), f"{fact.population_source}."))
    if fact.foreign_born_source:
        parts.append(labelled(_("Foreign-born"), f"{fact.foreign_born_source}."))
    if fact.non_nationals_source:
        parts.append(labelled(_("Non-nationals"), f"{fact.non_nationals_source}."))
    if not parts:
        return (
            _("Approximate figures for demonstration, without a source.")
            if fact.approximate
            else _("No source recorded.")
        )
    return " ".join([*parts, _("Approximate.")] if fact.approximate else parts)


def _profile(data: ReportData) -> dict[str, Any]:
    place = data.place
    facts = [
        ("country", place.country.name),
        ("kind", place.get_kind_display()),
        ("status", place.get_status_display()),
    ]
    if place.member_since:
        facts.append(("member_since", date_format(place.member_since, "DATE_FORMAT")))
    facts.append(("networks", ", ".join(data.networks) or "—"))
    return {
        "facts": [{"label": key, "value": str(value)} for key, value in facts],
        "figures": [
            {
                "year": str(f.year),
                "population": grouped(f.population),
                "foreign_born": score(f.foreign_born),
                "non_nationals": score(f.non_nationals),
                "sources": _sources(f),
                "sourced": bool(
                    f.population_source or f.foreign_born_source or f.non_nationals_source
                ),
            }
            for f in data.facts
        ],
        "steps": [
            {"date": date_format(day, "DATE_FORMAT"), "label": label} for label, day in data.steps
        ],
    }


def _area(data: ReportData, number: int, section: Any) -> dict[str, Any]:
    note = f"{_('Core')} {score(section.core)}"
    if section.progress is not None:
        note += f" · {_('Change')} {signed(section.progress)}"
    return {
        "number": number,
        "label": section.label,
        "score": score(section.score),
        "note": note,
        "chart": _svg(section.chart_svg),
        "chart_alt": _("Score in %(area)s compared with the averages listed next to it.")
        % {"area": section.label},
        "legend": [
            {"label": item.label, "color": item.color, "value": score(item.value)}
            for item in section.legend
        ],
        "questions": [
            {
                "label": q.label,
                "core": q.level == "core",
                "answer": q.answer,
                "points": points(q.points),
                "scored": q.points is not None,
                "status": q.status,
            }
            for q in section.questions
        ],
        "recommendations": [
            {"question": q.label, "text": q.recommendation} for q in section.recommendations
        ],
        "top": [
            {"name": p.name, "country": p.country, "score": score(p.score)} for p in section.top
        ],
        "practices": [
            {"title": g.title, "place": g.place, "summary": g.summary} for g in section.practices
        ],
    }


def _summary(data: ReportData) -> dict[str, Any]:
    peers = data.sections[0].peers if data.sections else []
    ranks = []
    if data.rank:
        ranks.append([_("All places, advanced index"), data.rank.wording])
    if data.rank_core:
        ranks.append([_("All places, core index"), data.rank_core.wording])
    ranks += [
        [_("Peer group: %(group)s") % {"group": line.group}, line.wording]
        for line in data.peer_ranks
    ]
    caption = _(
        "Scores out of 100 by indicator area (advanced index), with the averages they are "
        "compared with and the change since the previous edition on comparable questions."
    )
    caption += "".join(f" {_peer_heading(p.kind)}: {p.label}." for p in peers)
    progress = data.progress or {}
    return {
        "rank": data.rank.wording if data.rank else "—",
        "ranks": ranks,
        "interval": data.interval,
        "chart": _svg(data.summary_chart_svg),
        "peer_headings": [_peer_heading(p.kind) for p in peers],
        "scores_caption": caption,
        "overall": [
            score(data.result.index_advanced),
            score(data.result.index_core),
            "",
            *["" for _peer in peers],
            signed(progress.get("index_advanced")),
        ],
        "rows": [
            [
                s.label,
                score(s.score),
                score(s.core),
                score(s.sample),
                *[score(p.value) for p in s.peers],
                signed(s.progress),
            ]
            for s in data.sections
        ],
    }


def _progress(data: ReportData) -> dict[str, Any]:
    progress = data.progress
    previous = data.method["previous"]
    if not progress:
        text = (
            _(
                "No progress can be measured: this place has no published result in edition "
                "%(previous)s."
            )
            % {"previous": previous}
            if previous
            else _(
                "No progress can be measured: this is the first edition of the index on this "
                "platform."
            )
        )
        return {"measured": False, "text": text}
    return {
        "measured": True,
        "text": _(
            "Change since edition %(previous)s, measured on the %(questions)s questions both "
            "editions share, both scored with this edition's method: a change reflects changed "
            "answers only, never a changed questionnaire."
        )
        % {"previous": progress["previous_edition"], "questions": progress["comparable_questions"]},
        "index_advanced": signed(progress.get("index_advanced")),
        "index_core": signed(progress.get("index_core")),
        "rows": [[s.label, signed(s.progress)] for s in data.sections],
    }


def _method(data: ReportData) -> dict[str, Any]:
    method = data.method
    rows = method["sensitivity"] or []
    others = len(rows) - 3
    return {
        "what": _(
            "The Intercultural Cities Index measures a city's intercultural policies: how far its "
            "institutions, services and public life are designed so that residents of every "
            "origin share power, opportunities and public space, and how the city manages "
            "diversity as an advantage. It does not measure the diversity of the population "
            "itself."
        ),
        "questions": _(
            "This edition scores %(questions)s questions in %(indicators)s indicator areas. "
            "Each answer earns 0 to 100 points; a question that an earlier answer makes "
            "irrelevant earns 0. An area's score is the weighted mean of its answered "
            "questions, and is missing when fewer than %(share)s %% of them are answered. The "
            "advanced index is the weighted mean of the areas over all questions; the core "
            "index uses only the %(core)s core questions, which every city is expected to "
            "answer."
        )
        % {
            "questions": method["questions"],
            "indicators": method["indicators"],
            "share": method["min_answered_share"],
            "core": method["core_questions"],
        },
        "aggregation": _(
            "The areas are combined by a weighted geometric mean, so that a weak area cannot be "
            "fully offset by a strong one."
        )
        if method["aggregation"] == "geometric"
        else _("The areas are combined by a weighted arithmetic mean."),
        "peers": _(
            "Besides the whole sample, each city is compared with the cities of a similar "
            "population and of a similar share of foreign-born residents, using the latest "
            "facts known for the edition's year:"
        ),
        "bands": [str(band)[:1].upper() + str(band)[1:] for band in method["bands"]],
        "comparability": _(
            "Questionnaires change between editions. Progress is therefore measured on the "
            "questions that both editions share, and both editions are scored with the newer "
            "method: a change in score reflects changed answers, not a changed questionnaire. "
            "Scores of different editions as published are not strictly comparable."
        ),
        "uncertainty": _(
            "A rank depends on choices of method: the weights of the areas and questions and "
            "the rule that combines them. The index is recomputed %(draws)s times, each time "
            "with every weight moved at random by up to 25 %% and with an arithmetic or a "
            "geometric mean; the rank interval is the range that holds a city's rank in 90 %% "
            "of these simulations. Sobol sensitivity indices then say which choices move the "
            "ranking most: the share of the variation of ranks due to each choice alone (first "
            "order) and with its interactions (total)."
        )
        % {"draws": grouped(method["draws"])},
        "sensitivity": [
            [
                _("Aggregation rule (arithmetic or geometric)")
                if row["factor"] == "aggregation"
                else _("Weight of “%(name)s”") % {"name": row["label"]},
                number_format(row["first_order"], 2),
                number_format(row["total"], 2),
            ]
            for row in rows[:3]
        ],
        "sensitivity_caption": ngettext(
            "The %(others)s other choice moves the ranking less.",
            "The %(others)s other choices each move the ranking less.",
            others,
        )
        % {"others": others}
        if others > 0
        else "",
        "computed": _(
            "Results computed on %(date)s from the published responses of %(places)s places."
        )
        % {"date": date_format(method["computed_at"], "DATE_FORMAT"), "places": data.sample_size},
    }


def report_typst_inputs(data: ReportData, *, site_name: str) -> dict[str, Any]:
    """Everything the Typst layout prints, translated and formatted (JSON-ready)."""
    rank = f" · {data.rank.wording}" if data.rank else ""
    return {
        "lang": data.lang,
        "synthetic": data.synthetic,
        "site_name": site_name,
        "title": f"{data.place.name} — {data.edition.title}",
        "description": _("Intercultural Cities Index report of %(place)s, edition %(edition)s.")
        % {"place": data.place.name, "edition": data.edition.name},
        "running_left": f"{data.place.name} · {data.edition.name}",
        "page_counter": _page_counter(),
        "labels": _labels(data),
        "cover": {
            "place": data.place.name,
            "country": data.place.country.name,
            "edition": str(data.edition.title),
            "score": score(data.result.index_advanced),
            "what": _("Intercultural Cities Index (advanced)") + rank,
            "date": _("Report generated on %(date)s")
            % {"date": date_format(data.generated_at, "DATE_FORMAT")},
        },
        "summary": {
            **_summary(data),
            "index_advanced": score(data.result.index_advanced),
            "index_core": score(data.result.index_core),
            "place": data.place.name,
        },
        "profile": _profile(data),
        "areas": [_area(data, n, s) for n, s in enumerate(data.sections, start=1)],
        "progress": _progress(data),
        "method": _method(data),
    }


def report_typeset(data: ReportData, *, site_name: str) -> bytes:
    """The report as an A4 PDF (Typst)."""
    import typst

    inputs = json.dumps(report_typst_inputs(data, site_name=site_name), ensure_ascii=False)
    pdf: bytes = typst.compile(TEMPLATE.read_bytes(), sys_inputs={"report": inputs})
    return pdf
