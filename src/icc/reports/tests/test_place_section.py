"""A place's public page shows its Index: scores, rank with its interval, a profile chart,
progress since the previous edition, links to the report and, for its people, the
questionnaire. The network renders the section the reports registered; it imports neither."""

from icc.conftest import client_for

PLACE = "/en/network/places/bilbao/"


def test_the_place_page_shows_its_latest_index_results(editions, users):
    page = client_for(None).get(PLACE).content.decode()
    section = page.split('id="place-index"')[1].split("</section>")[0]
    assert "Test edition" in section and "version 2023" in section
    assert 'data-testid="index-advanced">87.5<' in section
    assert "1st of 3 cities" in section
    assert "likely between" in section
    assert "+12.5" in section and "since the 2021 edition" in section
    assert "Synthetic data." in section
    assert '<svg class="index-profile"' in section and section.count("<rect") == 2
    assert " style=" not in section
    assert "Commitment" in section and "Education" in section
    assert "/en/index/2023/places/bilbao/report/" in section
    assert 'href="/en/index/2023/places/bilbao/"' not in section  # not for the public
    coordinator = client_for(users["city_coordinator"]).get(PLACE).content.decode()
    assert 'href="/en/index/2023/places/bilbao/"' in coordinator
    french = client_for(None).get("/fr/network/places/bilbao/").content.decode()
    assert "Édition de test" in french and "87,5" in french and "depuis l’édition 2021" in french


def test_a_place_without_results_has_no_index_section(editions):
    page = client_for(None).get("/en/network/places/braga/").content.decode()
    assert 'id="place-index"' not in page
