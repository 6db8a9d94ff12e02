"""The register's, agents' and campaigns' rules, on a real database."""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from icc.antirumours import selectors, services
from icc.antirumours.models import AgentKind, CounterArgumentKind, StageKind, StageStatus
from icc.antirumours.services import AntirumoursError


@pytest.mark.django_db
def test_strategy_has_the_five_stages_in_order_and_start_is_idempotent(ar: dict[str, Any]) -> None:
    strategy = services.strategy_start(place_id=ar["bilbao"].pk)
    assert services.strategy_start(place_id=ar["bilbao"].pk) == strategy
    stages = selectors.stages_in_order(strategy=strategy)
    assert [stage.kind for stage in stages] == [kind.value for kind in StageKind]
    with pytest.raises(AntirumoursError):
        services.stage_update(
            stage=stages[0],
            status=StageStatus.DONE,
            starts_on=dt.date(2025, 5, 1),
            ends_on=dt.date(2025, 4, 1),
            people="",
            notes="",
        )


@pytest.mark.django_db
def test_sharing_and_unsharing(ar: dict[str, Any]) -> None:
    private = ar["private"]
    assert [r.pk for r in selectors.shared_rumours()] == [ar["shared"].pk]
    services.rumour_share(rumour=private, user=ar["team"])
    assert private.shared_by == ar["team"]
    assert {r.pk for r in selectors.shared_rumours()} == {ar["shared"].pk, private.pk}
    services.rumour_unshare(rumour=private)
    assert [r.pk for r in selectors.shared_rumours()] == [ar["shared"].pk]


@pytest.mark.django_db
def test_a_fact_needs_its_source_and_formats_are_checked(ar: dict[str, Any]) -> None:
    with pytest.raises(AntirumoursError, match="source"):
        services.counter_argument_add(
            rumour=ar["private"], kind=CounterArgumentKind.FACT, text="A figure.", language="es"
        )
    with pytest.raises(AntirumoursError, match="format"):
        services.counter_argument_add(
            rumour=ar["private"],
            kind=CounterArgumentKind.NARRATIVE,
            text="A story.",
            language="es",
            formats=["poster-rain"],
        )
    with pytest.raises(AntirumoursError, match="theme"):
        services.rumour_create(
            place_id=ar["bilbao"].pk, text="x", language="en", target_group="", themes=["nope"]
        )


@pytest.mark.django_db
def test_contact_data_need_consent_and_withdrawal_erases_them(ar: dict[str, Any]) -> None:
    with pytest.raises(AntirumoursError, match="consent"):
        services.agent_add(
            place_id=ar["bilbao"].pk, kind=AgentKind.VOLUNTEER, name="No Consent", email="n@x.org"
        )
    organisation = services.agent_add(
        place_id=ar["bilbao"].pk, kind=AgentKind.ORGANISATION, organisation="Demo association"
    )
    assert str(organisation) == "Demo association"
    agent = services.agent_consent_withdraw(agent=ar["agent"], on=dt.date(2025, 6, 1))
    agent.refresh_from_db()
    assert (agent.name, agent.email, agent.phone, agent.consent_purpose) == ("", "", "", "")
    assert agent.consent_withdrawn_on == dt.date(2025, 6, 1)
    assert str(agent) == "Agent (contact data erased)"


@pytest.mark.django_db
def test_training_is_an_event_with_attendance_and_indicators(ar: dict[str, Any]) -> None:
    bilbao = ar["bilbao"]
    start = dt.datetime(2025, 4, 10, 9, tzinfo=dt.UTC)
    training = services.training_create(
        place_id=bilbao.pk,
        slug="bilbao-agents-training",
        title="Training of anti-rumours agents",
        start=start,
        end=start + dt.timedelta(hours=4),
        timezone_name="Europe/Madrid",
        hours=Decimal("4"),
        language="es",
    )
    assert training.event.place_id == bilbao.pk
    assert [theme.slug for theme in training.event.themes.all()] == ["anti-rumours"]
    other = services.agent_add(
        place_id=bilbao.pk,
        kind=AgentKind.ORGANISATION,
        organisation="O",
        joined_on=dt.date(2025, 4, 1),
    )
    services.training_attendance_set(
        training=training, expected=[ar["agent"].pk, other.pk], attended=[ar["agent"].pk]
    )
    row = selectors.trainings_for_place(place_id=bilbao.pk).get()
    assert (row.expected, row.attended) == (2, 1)  # type: ignore[attr-defined]
    reggio_agent = services.agent_add(
        place_id=ar["reggio"].pk, kind=AgentKind.ORGANISATION, organisation="R"
    )
    with pytest.raises(AntirumoursError):
        services.training_attendance_set(training=training, expected=[reggio_agent.pk], attended=[])
    services.campaign_create(
        place_id=bilbao.pk,
        title="Demo campaign",
        starts_on=dt.date(2025, 5, 1),
        reach_people=1200,
        reach_posts=30,
        reach_media=2,
        rumour_ids=[ar["private"].pk],
    )
    years = selectors.activity_by_year(place_id=bilbao.pk)
    assert [(y.year, y.agents_joined, y.trainings, y.people_trained, y.campaigns,
             y.reach_people) for y in years] == [(2025, 2, 1, 1, 1, 1200)]  # fmt: skip
    with pytest.raises(AntirumoursError, match="register"):
        services.campaign_create(
            place_id=bilbao.pk,
            title="Wrong",
            starts_on=dt.date(2025, 5, 1),
            rumour_ids=[ar["reggio_rumour"].pk],
        )
