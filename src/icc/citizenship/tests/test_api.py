"""The API contract used by the acceptance checks: the test in a language, a scored response."""

import json

from django.test import Client, override_settings

from icc.citizenship.models import Response
from icc.citizenship.selectors import scoring_spec


def _post(client, body):
    return client.post(
        "/api/v1/citizenship/responses", json.dumps(body), content_type="application/json"
    )


def test_get_the_test_in_french(version):
    data = Client().get("/api/v1/citizenship/test?lang=fr").json()
    assert set(data) == {"questions"}
    assert len(data["questions"]) == 18
    first = data["questions"][0]
    assert set(first) == {"id", "text", "options"}
    assert first["text"].startswith("Une famille venue d'un autre pays")
    assert [set(o) for o in first["options"]] == [{"id", "text"}] * 4
    assert "weights" not in json.dumps(data) and "points" not in json.dumps(data)


def test_an_untranslated_language_falls_back_to_english(version):
    data = Client().get("/api/v1/citizenship/test?lang=uk").json()
    assert data["questions"][0]["text"].startswith("A family from another country")
    unknown = Client().get("/api/v1/citizenship/test?lang=xx")
    assert unknown.status_code == 422 and unknown.json()["param"] == "lang"


def test_post_answers_returns_the_profile_and_its_page(version):
    questions = Client().get("/api/v1/citizenship/test?lang=fr").json()["questions"]
    answers = [{"question": q["id"], "option": q["options"][0]["id"]} for q in questions]
    response = _post(Client(), {"lang": "fr", "answers": answers})
    assert response.status_code == 200
    data = response.json()
    saved = Response.objects.get()
    assert [d["code"] for d in data["dimensions"]] == [
        "openness",
        "rights",
        "advantage",
        "action",
        "interaction",
    ]
    assert data["dimensions"][0]["label"] == "Ouverture à la diversité"
    assert {d["code"]: d["score"] for d in data["dimensions"]} == {
        code: round(score, 1) for code, score in saved.scores.items()
    }
    assert data["url"] == f"http://testserver/fr/citizenship/result/{saved.public_id}/"
    assert Client().get(data["url"]).status_code == 200
    assert saved.language == "fr"


def test_the_best_answers_for_openness_score_100_on_it(version):
    spec = scoring_spec(version=version)
    answers = [
        {
            "question": q.question_id,
            "option": max(q.options, key=lambda o: o.points.get("openness", 0)).option_id,
        }
        for q in spec.questions
    ]
    data = _post(Client(), {"lang": "en", "answers": answers}).json()
    assert next(d["score"] for d in data["dimensions"] if d["code"] == "openness") == 100.0


def test_incomplete_or_foreign_answers_are_refused_with_a_sentence(version):
    questions = Client().get("/api/v1/citizenship/test").json()["questions"]
    partial = [{"question": questions[0]["id"], "option": questions[0]["options"][0]["id"]}]
    response = _post(Client(), {"lang": "en", "answers": partial})
    assert response.status_code == 400
    assert "exactly one answer to each of the 18 questions" in response.json()["detail"]
    wrong = [{"question": q["id"], "option": questions[1]["options"][0]["id"]} for q in questions]
    assert _post(Client(), {"lang": "en", "answers": wrong}).status_code == 400
    twice = [*partial, *partial]
    assert "answered twice" in _post(Client(), {"lang": "en", "answers": twice}).json()["detail"]
    assert _post(Client(), {"lang": "en"}).status_code == 422
    assert not Response.objects.exists()


@override_settings(
    ICC_CITIZENSHIP_LIMITS={"start": (1, 3600), "join": (1, 600), "group": (1, 3600)}
)
def test_too_many_submissions_get_429(version):
    questions = Client().get("/api/v1/citizenship/test").json()["questions"]
    answers = [{"question": q["id"], "option": q["options"][1]["id"]} for q in questions]
    assert _post(Client(), {"answers": answers}).status_code == 200
    refused = _post(Client(), {"answers": answers})
    assert refused.status_code == 429
    assert "Too many tests" in refused.json()["detail"]
    assert Response.objects.count() == 1


def test_the_openapi_document_lists_the_routes(version):
    paths = Client().get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/citizenship/test" in paths and "/api/v1/citizenship/responses" in paths
