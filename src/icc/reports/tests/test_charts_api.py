"""The charts data API: the rows behind each view, narrowed by each filter; clear 422s."""

import pytest
from django.test import Client

URL = "/api/v1/index/charts"


def get(**params):
    return Client().get(URL, params)


def places(response):
    assert response.status_code == 200, response.content
    return [row["place"] for row in response.json()["rows"]]


def test_ranking_is_the_default_view_with_ranks_and_intervals(editions):
    body = get().json()
    assert body["edition"] == "2023" and body["view"] == "ranking" and body["index"] == "advanced"
    assert [r["place"] for r in body["rows"]] == ["Bilbao", "Reggio Emilia", "Getxo"]
    bilbao = body["rows"][0]
    assert bilbao["value"] == 87.5 and bilbao["rank"] == 1
    assert 1 <= bilbao["rank_low"] <= bilbao["rank_high"] <= 3
    assert [c["key"] for c in body["columns"]] == [
        "rank",
        "place",
        "country",
        "value",
        "rank_low",
        "rank_high",
    ]
    assert body["synthetic"] is True


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "ES"}, ["Bilbao", "Getxo"]),
        ({"country": "it"}, ["Reggio Emilia"]),
        ({"network": "reci"}, ["Bilbao", "Getxo"]),
        ({"status": "suspended"}, ["Getxo"]),
        ({"status": "member"}, ["Bilbao", "Reggio Emilia"]),
        ({"population_band": "200000-"}, ["Bilbao"]),
        ({"population_band": "0-200000"}, ["Reggio Emilia", "Getxo"]),
        ({"foreign_born_band": "15-"}, ["Reggio Emilia"]),
        ({"foreign_born_band": "0-15"}, ["Bilbao", "Getxo"]),
        ({"non_nationals_band": "5-10"}, ["Bilbao"]),
        ({"non_nationals_band": "20-"}, []),
        ({"country": "ES", "foreign_born_band": "0-15", "population_band": "0-200000"}, ["Getxo"]),
    ],
)
def test_each_filter_narrows_the_rows(editions, params, expected):
    assert places(get(**params)) == expected


def test_area_and_index_change_the_measure_and_the_ranks(editions):
    # education: Reggio 100, Bilbao 75, Getxo 25; ranks are the sample's in that area
    rows = get(area="education").json()["rows"]
    assert [(r["place"], r["value"], r["rank"]) for r in rows] == [
        ("Reggio Emilia", 100.0, 1),
        ("Bilbao", 75.0, 2),
        ("Getxo", 25.0, 3),
    ]
    assert "rank_low" not in rows[0]
    # core index: commitment_strategy and education_mixing only
    core = {r["place"]: r["value"] for r in get(index="core").json()["rows"]}
    assert core == {"Bilbao": 100.0, "Reggio Emilia": 50.0, "Getxo": 50.0}
    # two areas: their weighted mean (weights 1 and 1), and each area in its own column
    both = get(area="commitment,education").json()
    bilbao = both["rows"][0]
    assert bilbao["place"] == "Bilbao" and bilbao["value"] == 87.5
    assert bilbao["area_commitment"] == 100.0 and bilbao["area_education"] == 75.0
    assert both["measure"] == "Mean of the selected areas"


def test_editions_differ(editions):
    older = {r["place"]: r["value"] for r in get(edition="2021").json()["rows"]}
    newer = {r["place"]: r["value"] for r in get(edition="2023").json()["rows"]}
    # Bilbao answered "partly" on the strategy in 2021: commitment (50 + 100) / 2 = 75,
    # education 75, index 75
    assert older["Bilbao"] == 75.0 and newer["Bilbao"] == 87.5


def test_profile_view_compares_one_place_with_averages(editions):
    body = get(view="profile", places="getxo", country="ES").json()
    rows = {r["code"]: r for r in body["rows"]}
    assert list(rows) == ["index", "commitment", "education"]
    education = rows["education"]
    assert education["place"] == 25.0
    assert education["sample"] == pytest.approx(round((75 + 25 + 100) / 3, 1))
    # Getxo's population peers (under 200,000): Getxo 25 and Reggio 100
    assert education["peers_population"] == 62.5
    # the places shown (Spain): Bilbao 75 and Getxo 25
    assert education["shown"] == 50.0
    labels = [c["label"] for c in body["columns"]]
    assert labels[1] == "Getxo"
    assert "Average of cities under 200,000 inhabitants" in labels


def test_progress_view_has_one_row_per_place_and_edition(editions):
    body = get(view="progress", places="bilbao,getxo").json()
    assert [(r["place"], r["edition"], r["value"]) for r in body["rows"]] == [
        ("Bilbao", "2021", 75.0),
        ("Bilbao", "2023", 87.5),
        ("Getxo", "2021", 25.0),
        ("Getxo", "2023", 25.0),
    ]
    # only editions up to the chosen one
    assert {r["edition"] for r in get(view="progress", edition="2021").json()["rows"]} == {"2021"}


def test_scatter_view_against_each_fact(editions):
    rows = get(view="scatter").json()["rows"]
    assert {(r["place"], r["x"]) for r in rows} == {
        ("Bilbao", 346000),
        ("Getxo", 77000),
        ("Reggio Emilia", 171000),
    }
    shares = get(view="scatter", x="foreign_born").json()["rows"]
    assert {r["place"]: r["x"] for r in shares} == {
        "Bilbao": 11.2,
        "Getxo": 8.1,
        "Reggio Emilia": 17.5,
    }
    only_known = get(view="scatter", x="non_nationals").json()
    assert [r["place"] for r in only_known["rows"]] == ["Bilbao"]
    assert "2 places without a score for this measure are left out." in only_known["notes"]


def test_distribution_view_summarises_each_area(editions):
    body = get(view="distribution").json()
    education = next(r for r in body["rows"] if r["code"] == "education")
    assert education == {
        "area": "Education",
        "code": "education",
        "n": 3,
        "min": 25.0,
        "q1": 50.0,
        "median": 75.0,
        "q3": 87.5,
        "max": 100.0,
        "mean": 66.7,
    }
    assert len(body["points"]) == 6  # 3 places x 2 areas
    assert len(get(view="distribution", country="ES").json()["points"]) == 4


def test_labels_follow_the_language(editions):
    body = get(lang="fr", view="distribution").json()
    assert [r["area"] for r in body["rows"]] == ["Engagement", "Éducation"]
    assert body["edition_title"] == "Édition de test"


@pytest.mark.parametrize(
    ("params", "param", "words"),
    [
        ({"edition": "1999"}, "edition", "no index edition named “1999”"),
        ({"index": "both"}, "index", "use one of: advanced, core"),
        ({"area": "housing"}, "area", "commitment, education"),
        ({"population_band": "1-2"}, "population_band", "0-200000, 200000-"),
        ({"foreign_born_band": "15"}, "foreign_born_band", "0-15, 15-"),
        ({"non_nationals_band": "x"}, "non_nationals_band", "0-5, 5-10, 10-20, 20-"),
        ({"country": "XX"}, "country", "no country with the code “XX”"),
        ({"network": "nowhere"}, "network", "no network “nowhere”"),
        ({"status": "gone"}, "status", "candidate, member, suspended, left"),
        ({"view": "pie"}, "view", "ranking, profile, progress, scatter, distribution"),
        ({"x": "area"}, "x", "population, foreign_born, non_nationals"),
        ({"view": "profile", "places": "braga"}, "places", "no published result"),
        ({"places": ",".join(f"p{i}" for i in range(13))}, "places", "at most 12 places"),
    ],
)
def test_bad_values_say_what_is_wrong(editions, params, param, words):
    response = get(**params)
    assert response.status_code == 422
    assert response.json()["param"] == param
    assert words in response.json()["detail"]


def test_no_edition_with_results_is_a_clear_422(db):
    response = get()
    assert response.status_code == 422
    assert response.json()["detail"] == "No edition of the index has published results yet."


def test_the_api_reads_results_in_a_fixed_number_of_queries(
    editions, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        assert get().status_code == 200
    with django_assert_max_num_queries(9):
        assert get(network="reci", country="ES").status_code == 200


def test_the_band_keys_are_documented(db):
    document = Client().get("/api/v1/openapi.json").json()
    operation = document["paths"]["/api/v1/index/charts"]["get"]
    assert "`0-200000`, `200000-`" in operation["description"]
    assert "`0-5`, `5-10`, `10-20`, `20-`" in operation["description"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"edition", "index", "area", "population_band", "foreign_born_band", "country"} <= names


# Addresses of the charts as people shared and bookmarked them, with what they must show.
BOOKMARKS = [
    ("view=ranking&edition=2023&index=advanced", ["Bilbao", "Reggio Emilia", "Getxo"]),
    ("area=education,commitment&country=es", ["Bilbao", "Getxo"]),
    ("area=education&area=commitment&country=ES", ["Bilbao", "Getxo"]),
    ("population_band=0-200000&foreign_born_band=0-15&country=ES", ["Getxo"]),
    ("index=core&network=reci&status=&x=", ["Bilbao", "Getxo"]),
    ("view=progress&places=bilbao,getxo&places=getxo", ["Bilbao", "Getxo"]),
    ("country=%20ES%20&edition=", ["Bilbao", "Getxo"]),
]


@pytest.mark.parametrize(("query", "expected"), BOOKMARKS)
def test_bookmarked_addresses_keep_working(editions, query, expected):
    response = Client().get(f"{URL}?{query}")
    assert sorted(set(places(response))) == sorted(expected)  # progress: a row per edition
    # the canonical address of the answer reads back to the same rows
    again = Client().get(f"{URL}?{response.json()['query']}")
    assert sorted(set(places(again))) == sorted(expected)


def test_the_first_wrong_value_is_named_in_the_page_order(editions):
    body = get(view="pie", index="both", country="XX").json()
    assert body["param"] == "view"
    assert get(country="XX", population_band="1-2").json()["param"] == "country"
