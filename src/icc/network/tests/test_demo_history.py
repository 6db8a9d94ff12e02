"""The demo directory says only what its sources say, and dates membership honestly.

Facts checked against the ICC annual report 2020: six new members in 2020 (Ansan, Guro, Camden,
Neumarkt, Valencia, Barakaldo); Adelaide, Melbourne and Bacchus Marsh took part in a project
without being members; the Australasian network is Australia, Japan and South Korea; the
Moroccan network is ICC-Maroc; REMIRI (Québec) and the Norwegian network exist beside the
informal Nordic platform.
"""

import datetime as dt

import pytest

from icc.network.demo.load import directory_demo_load
from icc.network.lifecycle import Step
from icc.network.models import MembershipStep, Network, Place
from icc.network.selectors import accessions_started_in, members_joined_in, members_on
from icc.network.services import membership_step_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_directory() -> None:
    directory_demo_load()


def test_the_members_who_joined_in_2020_are_the_six_the_report_names(demo_directory):
    joined = set(members_joined_in(year=2020).values_list("slug", flat=True))
    assert joined == {"ansan", "guro", "camden", "neumarkt", "valencia", "barakaldo"}


def test_a_member_page_gives_the_year_of_its_own_data_and_marks_invented_days(
    demo_directory, client
):
    ansan = Place.objects.get(slug="ansan")
    assert ansan.member_since.year == 2020
    page = client.get("/en/network/places/ansan/").content.decode()
    assert "member since 2020" in page
    assert "demo date" in page
    assert not MembershipStep.objects.filter(is_demo_date=False).exists()


def test_project_participants_are_not_members(demo_directory):
    assert not Place.objects.filter(slug__in=["adelaide", "melbourne", "moorabool"]).exists()
    assert not members_on(day=dt.date(2020, 12, 31)).filter(name__icontains="Bacchus").exists()


def test_networks_say_only_what_the_report_says(demo_directory):
    australasia = Network.objects.get(slug="australasia")
    countries = set(australasia.members.values_list("country_id", flat=True))
    assert countries <= {"AU", "JP", "KR"}
    assert Network.objects.get(slug="icc-morocco").name.startswith("ICC-Maroc")
    assert not Network.objects.filter(founded__isnull=False).exists()
    regions = Network.objects.get(slug="intercultural-regions")
    assert not regions.members.filter(slug="neuchatel").exists()
    assert list(Network.objects.get(slug="nordic").members.values_list("slug", flat=True)) == [
        "klaksvik"
    ]
    assert Network.objects.get(slug="remiri").country_id == "CA"
    norwegian = Network.objects.get(slug="norwegian-network")
    assert set(norwegian.members.values_list("country_id", flat=True)) == {"NO"}
    assert "demo" in norwegian.description


def test_members_on_a_date_follow_joining_and_leaving(directory):
    bilbao = directory["bilbao"]
    assert bilbao in members_on(day=dt.date(2015, 12, 31))
    assert bilbao not in members_on(day=dt.date(2014, 12, 31))
    membership_step_record(place=bilbao, step=Step.LEFT, date=dt.date(2019, 6, 1))
    assert bilbao in members_on(day=dt.date(2019, 5, 31))
    assert bilbao not in members_on(day=dt.date(2019, 6, 1))
    assert bilbao in members_joined_in(year=2015)  # still a member at the end of 2015
    assert bilbao not in members_joined_in(year=2019)


def test_accessions_started_count_only_places_not_yet_members(directory):
    candidate = directory["braga"]
    started = candidate.membership_steps.get(step=Step.CANDIDATE.value).date.year
    assert candidate in accessions_started_in(year=started)
    assert directory["bilbao"] not in accessions_started_in(year=2015)


def test_the_directory_gives_the_2020_report_membership_figures(demo_directory):
    """141 participating cities at the end of 2020 and joining processes started in seven other
    cities (Kobe among them: its study meeting of 1 September 2020 prepared its accession)."""
    end = dt.date(2020, 12, 31)
    assert members_on(day=end).count() == 141
    started = set(accessions_started_in(year=2020).values_list("slug", flat=True))
    assert len(started) == 7 and "kobe" in started
    assert not members_on(day=end).filter(slug__in=["catalonia", "manchester"]).exists()
