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
from django.utils import timezone

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


def demo_titles(year: int) -> dict[str, str]:
    """The title of an earlier demo edition, in the shipped form's two languages."""
    return {
        "en": f"Intercultural Cities Index — {year} edition (demo)",
        "fr": f"Index des Cités interculturelles — édition {year} (démo)",
    }


def _older_form(form: Form, leave_out: int, year: int) -> Form:
    """An earlier edition: the same questionnaire less its last advanced questions, with its
    own title, form id and version (as its workbook's settings sheet would give them)."""
    if not leave_out:
        return form
    advanced = [q.code for q in form.questions if q.level == "advanced" and q.scored]
    dropped = set(advanced[-leave_out:])
    return dataclasses.replace(
        form,
        questions=tuple(q for q in form.questions if q.code not in dropped),
        form_id=f"icc_index_{year}",
        version=f"{year}.1",
        titles=demo_titles(year),
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
        if edition is not None and leave_out:
            _name_from_data(edition, _older_form(form, leave_out, year))
        if edition is None:
            edition_form = _older_form(form, leave_out, year)
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
        if name == "2023":
            lines.append(_review_queue_demo(edition, form))
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


# What the review queue shows in the demo: candidates answering the open edition (they are not
# ranked, so the published results stay as they are). Synthetic answers, marked so.
QUEUE_STATES = (State.SUBMITTED, State.IN_REVIEW, State.DRAFT, State.SUBMITTED)


def _review_queue_demo(edition: Edition, form: Form) -> str:
    candidates = list(
        Place.objects.filter(status="candidate").order_by("slug")[: len(QUEUE_STATES)]
    )
    questions = {q.code: q for q in edition.questions.all()}
    for place, state in zip(candidates, QUEUE_STATES, strict=False):
        response, created = Response.objects.get_or_create(
            place=place,
            edition=edition,
            defaults={
                "state": state,
                "is_synthetic": True,
                "submitted_at": None if state is State.DRAFT else timezone.now(),
            },
        )
        if created:
            rng = random.Random(f"{place.slug}-{edition.name}-candidate")
            values = _answers(form, rng.uniform(0.2, 0.6), rng)
            Answer.objects.bulk_create(
                Answer(response=response, question=questions[code], value=value)
                for code, value in values.items()
            )
    return (
        f"Index review queue: {len(candidates)} candidates' questionnaires under way (synthetic)."
    )


def _name_from_data(edition: Edition, form: Form) -> None:
    """Databases loaded before demo editions had their own names get them now."""
    if edition.titles != form.titles or edition.form_version != form.version:
        edition.titles, edition.form_version, edition.form_id = (
            form.titles,
            form.version,
            form.form_id,
        )
        edition.save(update_fields=["titles", "form_version", "form_id"])


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
