"""The observation form of the barometer, as an XLSForm workbook (built here, in code, so that
it reads well in a diff), and the reading of its answers into observations.

Rules held here:

- The form asks, for one observed interaction in a public space: the location (text) and the
  neighbourhood, the time, the number of people, whether the group was mixed (diversity), the
  kind of interaction (positive, neutral, conflict) and its duration in minutes.
- The same questions, with the same names, make a form a city can fill in on a phone through
  the platform (the surveys module) or in KoboToolbox/ODK and import (same module); answers are
  read by name, so a city may add questions of its own.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook

PURPOSE = "barometer-observation"
SURVEY: list[tuple[str, ...]] = [
    ("type", "name", "label::English (en)", "label::French (fr)", "required", "constraint"),
    ("text", "location", "Where (street, square, park…)", "Où (rue, place, parc…)", "yes", ""),
    ("text", "neighbourhood", "Neighbourhood", "Quartier", "no", ""),
    ("dateTime", "observed_at", "When", "Quand", "yes", ""),
    ("integer", "people", "Number of people in the group", "Nombre de personnes dans le groupe",
     "yes", ". >= 2 and . <= 200"),
    ("select_one diversity", "diversity", "The group was", "Le groupe était", "yes", ""),
    ("select_one interaction", "interaction", "Kind of interaction", "Type d'interaction", "yes",
     ""),
    ("integer", "duration", "Duration (minutes)", "Durée (minutes)", "yes", ". >= 0 and . <= 600"),
]  # fmt: skip
CHOICES: list[tuple[str, ...]] = [
    ("list_name", "name", "label::English (en)", "label::French (fr)"),
    ("diversity", "mixed", "Mixed (people of different origins)", "Mixte (origines diverses)"),
    ("diversity", "same", "Of one origin, as far as one can tell",
     "D'une seule origine, semble-t-il"),
    ("interaction", "positive", "Positive (friendly, helping, playing)",
     "Positive (amicale, entraide, jeu)"),
    ("interaction", "neutral", "Neutral", "Neutre"),
    ("interaction", "conflict", "Conflict (argument, insult, fight)",
     "Conflit (dispute, insulte, bagarre)"),
]  # fmt: skip
SETTINGS: list[tuple[str, ...]] = [
    ("form_title", "form_id", "default_language"),
    ("Observation of interactions (social trust barometer)", "barometer_observation",
     "English (en)"),
]  # fmt: skip


def observation_xlsform() -> bytes:
    """The observation form as an ``.xlsx`` workbook (survey, choices, settings sheets)."""
    book = Workbook()
    sheets: list[tuple[str, list[tuple[str, ...]]]] = [
        ("survey", SURVEY),
        ("choices", CHOICES),
        ("settings", SETTINGS),
    ]
    for index, (title, rows) in enumerate(sheets):
        sheet = book.active if index == 0 else book.create_sheet()
        assert sheet is not None
        sheet.title = title
        for row in rows:
            sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@dataclass(frozen=True)
class ObservationAnswers:
    location: str
    neighbourhood: str
    observed_at: dt.datetime
    people: int
    mixed: bool
    interaction: str
    duration_minutes: int


def observation_from_answers(
    answers: Mapping[str, Any], submitted_at: dt.datetime
) -> ObservationAnswers:
    """An observation from a submission's answers; ``ValueError`` when one is unusable."""
    interaction = str(answers.get("interaction") or "")
    if interaction not in {"positive", "neutral", "conflict"}:
        raise ValueError(f"interaction {interaction!r} is not positive, neutral or conflict")
    try:
        people = int(answers.get("people") or 0)
        duration = int(answers.get("duration") or 0)
    except (TypeError, ValueError) as error:
        raise ValueError("people and duration must be whole numbers") from error
    when = answers.get("observed_at")
    observed_at = submitted_at
    if isinstance(when, str) and when:
        try:
            observed_at = dt.datetime.fromisoformat(when.replace("Z", "+00:00"))
        except ValueError as error:
            raise ValueError(f"observed_at {when!r} is not a date and time") from error
    if observed_at.tzinfo is None:
        observed_at = observed_at.replace(tzinfo=dt.UTC)
    return ObservationAnswers(
        location=str(answers.get("location") or "")[:200],
        neighbourhood=str(answers.get("neighbourhood") or "")[:100],
        observed_at=observed_at,
        people=max(people, 0),
        mixed=answers.get("diversity") == "mixed",
        interaction=interaction,
        duration_minutes=max(duration, 0),
    )
