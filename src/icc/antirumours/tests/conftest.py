"""Anti-rumours fixtures: Bilbao's register (one private rumour, one shared), Reggio Emilia's,
an anti-rumours team member for Bilbao, an expert for Reggio, a coordinator of another network."""

import datetime as dt
from typing import Any

import pytest

from icc.accounts.models import Role, User
from icc.accounts.services import role_assign
from icc.antirumours import services
from icc.antirumours.models import AgentKind, CounterArgumentKind
from icc.conftest import PASSWORD
from icc.network.models import Network
from icc.network.services import network_member_add


@pytest.fixture
def ar(directory: dict[str, Any], users: dict[str, User]) -> dict[str, Any]:
    bilbao, reggio = directory["bilbao"], directory["reggio"]
    team = User.objects.create_user(username="team", password=PASSWORD)
    role_assign(user=team, role=Role.ANTIRUMOURS_TEAM, place_id=bilbao.pk)
    other_expert = User.objects.create_user(username="otherexpert", password=PASSWORD)
    role_assign(user=other_expert, role=Role.EXPERT, place_id=reggio.pk)
    dialogo = Network.objects.create(
        slug="citta-del-dialogo", name="Città del Dialogo", kind="national", country_id="IT"
    )
    network_member_add(network=dialogo, place=reggio)
    other_network = User.objects.create_user(username="othernet", password=PASSWORD)
    role_assign(user=other_network, role=Role.NETWORK_COORDINATOR, network_id=dialogo.pk)
    services.strategy_start(place_id=bilbao.pk)
    services.strategy_start(place_id=reggio.pk)
    private = services.rumour_create(
        place_id=bilbao.pk,
        text="Los inmigrantes reciben todas las ayudas sociales antes que los vecinos.",
        language="es",
        target_group="migrants",
        themes=["welfare"],
    )
    services.counter_argument_add(
        rumour=private,
        kind=CounterArgumentKind.FACT,
        text="Las ayudas se conceden según ingresos, sin mirar la nacionalidad.",
        language="es",
        source="Demo statistics office",
        source_date=dt.date(2024, 1, 1),
        formats=["figure"],
    )
    shared = services.rumour_create(
        place_id=bilbao.pk,
        text="Newcomers take the jobs of local people.",
        language="en",
        target_group="newcomers",
        themes=["jobs"],
    )
    services.counter_argument_add(
        rumour=shared,
        kind=CounterArgumentKind.NARRATIVE,
        text="A bakery opened by a newcomer family now employs six people from the district.",
        language="en",
        formats=["story"],
    )
    services.rumour_share(rumour=shared, user=users["city_coordinator"])
    reggio_rumour = services.rumour_create(
        place_id=reggio.pk,
        text="Gli immigrati ricevono tutti gli aiuti sociali prima degli italiani.",
        language="it",
        target_group="stranieri",
        themes=["welfare"],
    )
    agent = services.agent_add(
        place_id=bilbao.pk,
        kind=AgentKind.VOLUNTEER,
        name="Ane Demo",
        email="ane@example.org",
        phone="+34 600 000 000",
        consent_on=dt.date(2025, 3, 1),
        consent_purpose="Invitations to anti-rumours trainings",
        joined_on=dt.date(2025, 3, 1),
    )
    note = services.focus_group_note_add(
        place_id=bilbao.pk,
        held_on=dt.date(2025, 2, 1),
        participants="Shopkeepers of the old town",
        notes="Welfare rumours heard at the market (focus note text).",
    )
    return {
        "bilbao": bilbao,
        "reggio": reggio,
        "private": private,
        "shared": shared,
        "reggio_rumour": reggio_rumour,
        "agent": agent,
        "note": note,
        "team": team,
        "other_expert": other_expert,
        "other_network": other_network,
    }
