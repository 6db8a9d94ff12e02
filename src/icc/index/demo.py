"""Synthetic demo answers for three editions of the index (``icc demo``).

Every response made here is marked ``is_synthetic`` and every page, export and PDF that shows it
says so. Each place gets a latent policy maturity that grows between editions; answers follow it
with noise, walk the questionnaire in order and respect its skip logic.
"""

import dataclasses
import datetime as dt
import random
from pathlib import Path

import yaml
from django.db import transaction

from icc.index.forms_bridge import edition_form
from icc.index.models import Answer, Edition, Response
from icc.index.scoring_service import edition_results_compute
from icc.index.services import edition_import_xlsform
from icc.index.workflow import State
from icc.index.xlsform.model import Form, Question
from icc.index.xlsform.source import form_from_source
from icc.index.xlsform.write import form_write
from icc.index.xlsform.xpath import visible_questions
from icc.network.models import Place

SOURCE = Path(__file__).with_name("editions") / "icc-2023.yaml"
# edition name → (year, share of member places that answered, questions left out of it)
DEMO_EDITIONS: dict[str, tuple[int, float, int]] = {
    "2019": (2019, 0.55, 9),
    "2021": (2021, 0.75, 4),
    "2023": (2023, 1.0, 0),
}


def shipped_form() -> Form:
    """The shipped first edition, read from its YAML source."""
    return form_from_source(yaml.safe_load(SOURCE.read_text(encoding="utf-8")))


def _older_form(form: Form, leave_out: int) -> Form:
    """An earlier edition: the same questionnaire less its last advanced questions."""
    if not leave_out:
        return form
    advanced = [q.code for q in form.questions if q.level == "advanced" and q.scored]
    dropped = set(advanced[-leave_out:])
    return dataclasses.replace(
        form, questions=tuple(q for q in form.questions if q.code not in dropped)
    )


def _pick(question: Question, maturity: float, rng: random.Random) -> object:
    """A plausible answer for a place of this maturity (0–1)."""
    if question.type in {"integer", "decimal"}:
        return int(rng.randint(0, 12) * maturity) + 1
    if question.type == "text":
        return None
    choices = sorted(question.choices, key=lambda c: c.points or 0)
    if not choices:
        return None
    if question.type == "select_multiple":
        return [c.name for c in choices if rng.random() < 0.15 + 0.7 * maturity] or None
    target = min(max(maturity + rng.gauss(0, 0.22), 0), 0.999)
    return choices[int(target * len(choices))].name


def _answers(form: Form, maturity: float, rng: random.Random) -> dict[str, object]:
    values: dict[str, object] = {}
    for question in form.questions:
        if question.code not in visible_questions(form, values):
            continue
        if rng.random() < 0.03 and not question.required:
            continue  # a few questions left blank, as in real answers
        value = _pick(question, maturity, rng)
        if value is not None:
            values[question.code] = value
    return values


@transaction.atomic
def index_demo_load() -> list[str]:
    """Import the demo editions and publish synthetic responses; idempotent."""
    form = shipped_form()
    members = list(Place.objects.filter(status="member").order_by("slug"))
    previous: Edition | None = None
    lines = []
    for name, (year, share, leave_out) in DEMO_EDITIONS.items():
        edition = Edition.objects.filter(name=name).first()
        if edition is None:
            edition_form = _older_form(form, leave_out)
            outcome = edition_import_xlsform(
                filename=f"icc-index-{name}.xlsx",
                content=form_write(edition_form),
                name=name,
                year=year,
                previous=previous,
            )
            assert outcome.edition is not None
            edition = outcome.edition
            edition.status = Edition.Status.CLOSED if name != "2023" else Edition.Status.OPEN
            edition.save(update_fields=["status"])
            _publish_synthetic(edition, members, share, year)
        previous = edition
        edition_results_compute(edition=edition)
        lines.append(f"Index edition {name}: {edition.responses.count()} synthetic responses.")
    return lines


#: The index reports the 2020 annual report says were completed in 2020 (it announces 12 and
#: names these 11). Their responses to the 2019 edition are published in 2020 (demo days); every
#: other synthetic response is published in its edition's year.
REPORTS_COMPLETED_2020 = frozenset(
    {
        "ansan",
        "guro",
        "bilbao",
        "kobe",
        "leeds",
        "melitopol",
        "neumarkt",
        "reykjavik",
        "rochester",
        "salisbury",
        "trollhattan",
    }
)


def _published_at(slug: str, edition: Edition, year: int) -> dt.datetime:
    """A demo publication moment: in 2020 for the reports the 2020 annual report names."""
    rng = random.Random(f"{slug}-{edition.name}-published")
    if edition.name == "2019" and slug in REPORTS_COMPLETED_2020:
        year = 2020
    return dt.datetime(year, rng.randint(1, 11), rng.randint(1, 28), 12, tzinfo=dt.UTC)


def _publish_synthetic(edition: Edition, members: list[Place], share: float, year: int) -> None:
    form = edition_form(edition)
    questions = {q.code: q for q in edition.questions.all()}
    for place in members:
        rng = random.Random(f"{place.slug}-maturity")
        base = rng.betavariate(2.2, 2.0)
        answered = random.Random(f"{place.slug}-{edition.name}").random() < share
        completed_2020 = edition.name == "2019" and place.slug in REPORTS_COMPLETED_2020
        if not answered and place.slug != "bilbao" and not completed_2020:
            continue
        growth = (year - 2019) * rng.uniform(0.0, 0.035)
        maturity = min(base + growth, 1.0)
        values = _answers(form, maturity, random.Random(f"{place.slug}-{edition.name}-answers"))
        response = Response.objects.create(
            place=place,
            edition=edition,
            state=State.PUBLISHED,
            is_synthetic=True,
            published_at=_published_at(place.slug, edition, year),
        )
        Answer.objects.bulk_create(
            Answer(response=response, question=questions[code], value=value)
            for code, value in values.items()
        )
