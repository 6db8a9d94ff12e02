"""Demonstration anti-rumours work (``icc demo`` calls ``antirumours_demo_load``).

Two real member cities, Bilbao and Reggio Emilia, with everything else invented and marked
"demo": the strategy, a register written for this platform (Spanish and English in Bilbao,
Italian in Reggio Emilia), agents, a training, a campaign, a diagnosis and a follow-up survey
with synthetic responses (marked so in their titles and pages). Figures quoted in
counter-arguments are invented too and their source says so. Idempotent: the demo rows of the
two cities are replaced on each run (the surveys are made once); rows the cities entered
themselves are left alone.
"""

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.db import transaction

from icc.antirumours import services
from icc.antirumours.models import (
    Agent,
    AgentKind,
    Campaign,
    CounterArgumentKind,
    Rumour,
    StageKind,
    StageStatus,
    Strategy,
    SurveyRound,
    SurveyRoundKind,
    Training,
)
from icc.antirumours.perception_form import CHOICE_LISTS
from icc.antirumours.services.perception import survey_round_create
from icc.network.models import Place
from icc.surveys.selectors import survey_get
from icc.surveys.services import submission_create

DEMO_SOURCE = "Demo figure invented for the demonstration"


@dataclass(frozen=True)
class Argument:
    kind: CounterArgumentKind
    text: str
    language: str
    formats: tuple[str, ...]
    source: str = ""
    source_date: dt.date | None = None


@dataclass(frozen=True)
class DemoRumour:
    key: str
    text: str
    language: str
    target_group: str
    themes: tuple[str, ...]
    where: str
    first_seen: dt.date
    shared: bool
    arguments: tuple[Argument, ...] = field(default_factory=tuple)


FACT, STORY = CounterArgumentKind.FACT, CounterArgumentKind.NARRATIVE

BILBAO_RUMOURS = (
    DemoRumour(
        "welfare",
        "Las personas inmigrantes se llevan la mayoría de las ayudas sociales.",
        "es",
        "personas inmigrantes",
        ("welfare",),
        "mercados, bares, grupos de WhatsApp",
        dt.date(2023, 9, 1),
        True,
        (
            Argument(
                FACT,
                "Las ayudas de ingresos se conceden por nivel de ingresos y tiempo de "
                "empadronamiento, nunca por nacionalidad; en la demo, 7 de cada 10 personas "
                "perceptoras tienen nacionalidad española.",
                "es",
                ("figure",),
                DEMO_SOURCE,
                dt.date(2024, 12, 31),
            ),
            Argument(
                STORY,
                "Fatima limpia las escaleras de tu portal desde hace diez años y cotiza cada "
                "mes: también paga las ayudas que algún día podrías necesitar tú.",
                "es",
                ("story", "street_action"),
            ),
        ),
    ),
    DemoRumour(
        "jobs",
        "Nos quitan el trabajo porque cobran menos.",
        "es",
        "personas trabajadoras extranjeras",
        ("jobs",),
        "obras, hostelería, redes sociales",
        dt.date(2022, 5, 1),
        False,
        (
            Argument(
                FACT,
                "El convenio fija el mismo salario mínimo para todas las personas; en la demo, "
                "la mitad de los nuevos comercios del barrio los abrieron personas de origen "
                "extranjero.",
                "es",
                ("figure", "game"),
                DEMO_SOURCE,
                dt.date(2024, 6, 30),
            ),
        ),
    ),
    DemoRumour(
        "safety",
        "Los barrios con mucha población extranjera son más inseguros.",
        "es",
        "vecindario de origen extranjero",
        ("safety", "public_space"),
        "prensa local, conversaciones de barrio",
        dt.date(2021, 11, 1),
        False,
    ),
    DemoRumour(
        "students",
        "International students never learn Basque or Spanish and keep to themselves.",
        "en",
        "international students",
        ("culture",),
        "university campus, social media",
        dt.date(2024, 2, 1),
        True,
        (
            Argument(
                STORY,
                "Demo story: the language café run by students in the old town pairs forty "
                "newcomers with local speakers every Thursday.",
                "en",
                ("story",),
            ),
        ),
    ),
)

REGGIO_RUMOURS = (
    DemoRumour(
        "welfare",
        "Gli stranieri prendono i sussidi e non pagano le tasse.",
        "it",
        "cittadini stranieri",
        ("welfare", "taxes"),
        "bar, mercato, gruppi Facebook",
        dt.date(2022, 3, 1),
        True,
        (
            Argument(
                FACT,
                "I residenti stranieri versano imposte e contributi come tutti; nella demo, "
                "pagano più contributi di quanto ricevono in prestazioni.",
                "it",
                ("figure",),
                DEMO_SOURCE,
                dt.date(2024, 10, 1),
            ),
        ),
    ),
    DemoRumour(
        "housing",
        "Le case popolari vanno tutte agli immigrati.",
        "it",
        "famiglie immigrate",
        ("housing",),
        "condomini, social media",
        dt.date(2023, 1, 1),
        True,
        (
            Argument(
                FACT,
                "Le graduatorie usano reddito, figli e anni di residenza; nella demo, quattro "
                "alloggi su cinque sono assegnati a famiglie italiane.",
                "it",
                ("figure", "game"),
                DEMO_SOURCE,
                dt.date(2024, 9, 1),
            ),
        ),
    ),
    DemoRumour(
        "schools",
        "Nelle classi con tanti bambini stranieri si impara di meno.",
        "it",
        "alunni di origine straniera",
        ("schools",),
        "uscita di scuola, chat dei genitori",
        dt.date(2023, 10, 1),
        False,
    ),
)

SUMMARIES = {
    "bilbao": (
        "Demo: the city's anti-rumours strategy trains volunteers and local organisations to "
        "answer rumours about diversity in markets, bars and online, with facts and stories."
    ),
    "reggio-emilia": (
        "Demo: the city works with schools and neighbourhood centres to answer rumours about "
        "housing, taxes and schools."
    ),
}


def _rumours_load(place: Place, rumours: tuple[DemoRumour, ...]) -> dict[str, Rumour]:
    Rumour.objects.filter(place=place, is_demo=True).delete()
    made: dict[str, Rumour] = {}
    for item in rumours:
        rumour = services.rumour_create(
            place_id=place.pk,
            text=item.text,
            language=item.language,
            target_group=item.target_group,
            themes=item.themes,
            where_circulates=item.where,
            first_seen=item.first_seen,
            is_demo=True,
        )
        for argument in item.arguments:
            services.counter_argument_add(
                rumour=rumour,
                kind=argument.kind,
                text=argument.text,
                language=argument.language,
                source=argument.source,
                source_date=argument.source_date,
                formats=argument.formats,
            )
        if item.shared:
            services.rumour_share(rumour=rumour, user=AnonymousUser())
        made[item.key] = rumour
    return made


def _strategy_load(place: Place, year: int) -> None:
    strategy = services.strategy_start(place_id=place.pk, is_demo=True)
    Strategy.objects.filter(pk=strategy.pk).update(is_demo=True)
    services.strategy_public_set(
        strategy=strategy, public_summary=SUMMARIES[place.slug], is_public=True
    )
    plan = {
        StageKind.DIAGNOSIS: (StageStatus.DONE, dt.date(year, 1, 15), dt.date(year, 3, 31)),
        StageKind.DESIGN: (StageStatus.DONE, dt.date(year, 4, 1), dt.date(year, 5, 31)),
        StageKind.AGENTS: (StageStatus.IN_PROGRESS, dt.date(year, 3, 1), None),
        StageKind.CAMPAIGNS: (StageStatus.IN_PROGRESS, dt.date(year, 5, 1), None),
        StageKind.EVALUATION: (StageStatus.NOT_STARTED, None, None),
    }
    for stage in strategy.stages.all():
        status, starts_on, ends_on = plan[StageKind(stage.kind)]
        services.stage_update(
            stage=stage,
            status=status,
            starts_on=starts_on,
            ends_on=ends_on,
            people="Demo: the city's intercultural office and the anti-rumours team",
            notes="",
        )


def _agents_load(
    place: Place, names: tuple[str, ...], organisations: tuple[str, ...]
) -> list[Agent]:
    Agent.objects.filter(place=place, is_demo=True).delete()
    agents = []
    for i, name in enumerate(names):
        agents.append(
            services.agent_add(
                place_id=place.pk,
                kind=AgentKind.VOLUNTEER,
                name=f"{name} (demo)",
                email=f"agent{i + 1}.{place.slug}@example.org",
                consent_on=dt.date(2025, 2, 1 + i),
                consent_purpose="Demo: invitations to trainings and campaign news",
                joined_on=dt.date(2025, 2, 1 + i),
                is_demo=True,
            )
        )
    for organisation in organisations:
        agents.append(
            services.agent_add(
                place_id=place.pk,
                kind=AgentKind.ORGANISATION,
                organisation=f"{organisation} (demo)",
                joined_on=dt.date(2025, 3, 1),
                is_demo=True,
            )
        )
    return agents


# Chances that a synthetic respondent heard / believed each rumour (by its position in the
# register), at the diagnosis and at the follow-up a year later.
HEARD_CHANCES = ((0.62, 0.41), (0.48, 0.40), (0.35, 0.30), (0.22, 0.20))
BELIEVED_CHANCES = ((0.45, 0.30), (0.38, 0.33), (0.30, 0.28), (0.20, 0.18))


def _synthetic_answers(generator: random.Random, names: list[str], phase: int) -> dict[str, object]:
    answers: dict[str, object] = {
        key: generator.choice([name for name, _texts in CHOICE_LISTS[key]][:-1])
        for key in ("age_group", "gender", "born_abroad")
    }
    heard = [
        name for i, name in enumerate(names) if generator.random() < HEARD_CHANCES[i % 4][phase]
    ]
    answers["heard"] = heard or ["none"]
    for i, name in enumerate(names):
        if name in heard:
            answers[f"often_{name}"] = generator.choice(["once", "sometimes", "often"])
            answers[f"where_{name}"] = [generator.choice(["street", "social_media", "family"])]
            believes = generator.random() < BELIEVED_CHANCES[i % 4][phase]
            answers[f"believe_{name}"] = "yes" if believes else generator.choice(["no", "partly"])
    return answers


def _rounds_load(place: Place) -> int:
    """A diagnosis (2025) and a follow-up (2026) with synthetic responses, once."""
    if SurveyRound.objects.filter(place=place, is_synthetic=True).exists():
        return 0
    generator = random.Random(f"antirumours-{place.slug}")
    diagnosis = survey_round_create(
        place_id=place.pk,
        kind=SurveyRoundKind.DIAGNOSIS,
        title=f"Demo diagnosis 2025, {place.name} (synthetic responses)",
        is_synthetic=True,
    )
    follow_up = survey_round_create(
        place_id=place.pk,
        kind=SurveyRoundKind.FOLLOW_UP,
        title=f"Demo follow-up 2026, {place.name} (synthetic responses)",
        baseline=diagnosis,
        is_synthetic=True,
    )
    made = 0
    for phase, survey_round, count in ((0, diagnosis, 120), (1, follow_up, 100)):
        SurveyRound.objects.filter(pk=survey_round.pk).update(headline_public=True)
        survey = survey_get(survey_id=survey_round.survey_id or 0)
        assert survey is not None
        names = list(survey_round.rumour_choices)
        for i in range(count):
            answers = _synthetic_answers(generator, names, phase)
            submission_create(survey=survey, answers=answers, key=f"demo-{i}")
            made += 1
    return made


@transaction.atomic
def antirumours_demo_load() -> list[str]:
    """Load the demo anti-rumours work of Bilbao and Reggio Emilia; lines to print."""
    lines: list[str] = []
    cities = (
        ("bilbao", BILBAO_RUMOURS, ("Ane", "Karim", "Lucía"), ("Asociación vecinal",), "es"),
        ("reggio-emilia", REGGIO_RUMOURS, ("Giulia", "Samir"), ("Centro di quartiere",), "it"),
    )
    for slug, rumours, names, organisations, language in cities:
        place = Place.objects.filter(slug=slug).first()
        if place is None:
            continue
        _strategy_load(place, 2025)
        made = _rumours_load(place, rumours)
        agents = _agents_load(place, names, organisations)
        Training.objects.filter(place=place, event__is_fictional=True).delete()
        start = dt.datetime(2025, 3, 20, 16, tzinfo=dt.UTC)
        training = services.training_create(
            place_id=place.pk,
            slug=f"demo-antirumours-training-{slug}",
            title=f"Demo: training of anti-rumours agents, {place.name}",
            start=start,
            end=start + dt.timedelta(hours=3),
            timezone_name="Europe/Madrid" if language == "es" else "Europe/Rome",
            venue="Demo venue",
            hours=Decimal(3),
            language=language,
            is_demo=True,
        )
        services.training_attendance_set(
            training=training,
            expected=[agent.pk for agent in agents],
            attended=[agent.pk for agent in agents[:-1]],
        )
        Campaign.objects.filter(place=place, is_demo=True).delete()
        campaign = services.campaign_create(
            place_id=place.pk,
            title=f"Demo: rumour-free market days, {place.name}",
            description="Demo: agents set up a stand at the weekly market with a quiz game "
            "on the most heard rumours and short stories of neighbours.",
            where="Demo: central market",
            starts_on=dt.date(2025, 5, 10),
            ends_on=dt.date(2025, 6, 28),
            partners="Demo: neighbourhood association, market traders",
            reach_people=850,
            reach_posts=24,
            reach_media=3,
            rumour_ids=[made["welfare"].pk],
            is_demo=True,
        )
        for code, title in ((language, "Demo quiz cards"), ("en", "Demo quiz cards (English)")):
            services.campaign_material_add(
                campaign=campaign,
                title=title,
                language=code,
                url=f"https://example.org/demo/{slug}/quiz-{code}.pdf",
            )
        responses = _rounds_load(place)
        lines.append(
            f"Anti-rumours: {place.name} (demo) — {len(made)} rumours, {len(agents)} agents, "
            f"1 training, 1 campaign, {responses} new synthetic survey responses."
        )
    return lines
