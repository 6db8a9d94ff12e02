"""Index fixtures: a small edition built from a source dict, through the real XLSForm path."""

from typing import Any

import pytest

from icc.index.models import Answer, Response
from icc.index.services import answer_save, edition_import_xlsform
from icc.index.tests.fixtures.services_mapping import services_mapping_workbook
from icc.index.xlsform.source import form_from_source
from icc.index.xlsform.write import form_write


def _yes_no(code: str, level: str, **extra: Any) -> dict[str, Any]:
    return {
        "code": code,
        "type": "select_one",
        "level": level,
        "weight": 1,
        "required": level == "core",
        "label": {"en": f"Question {code}?", "fr": f"Question {code} ?"},
        "choices": [
            {"name": "yes", "label": {"en": "Yes", "fr": "Oui"}, "points": 100},
            {"name": "partly", "label": {"en": "Partly", "fr": "En partie"}, "points": 50},
            {"name": "no", "label": {"en": "No", "fr": "Non"}, "points": 0},
        ],
        "recommendation": {"en": f"Do more on {code}.", "fr": f"Faire plus sur {code}."},
        **extra,
    }


SMALL_SOURCE: dict[str, Any] = {
    "settings": {
        "form_id": "icc_test",
        "version": "1",
        "default_language": "en",
        "title": {"en": "Test edition", "fr": "Édition de test"},
    },
    "method": {
        "min_answered_share": 0.5,
        "aggregation": "arithmetic",
        "population_edges": [200000],
        "foreign_born_edges": [15],
    },
    "indicators": [
        {
            "code": "commitment",
            "label": {"en": "Commitment", "fr": "Engagement"},
            "weight": 1,
            "questions": [
                _yes_no("commitment_strategy", "core"),
                _yes_no(
                    "commitment_budget",
                    "advanced",
                    relevant="${commitment_strategy} = 'yes' or ${commitment_strategy} = 'partly'",
                ),
                {
                    "code": "commitment_staff",
                    "type": "integer",
                    "level": "advanced",
                    "weight": 1,
                    "label": {"en": "How many staff?", "fr": "Combien d'agent·e·s ?"},
                    "constraint": ". >= 0 and . <= 1000",
                    "constraint_message": {
                        "en": "Enter a number from 0 to 1000.",
                        "fr": "Saisissez un nombre de 0 à 1000.",
                    },
                },
            ],
        },
        {
            "code": "education",
            "label": {"en": "Education", "fr": "Éducation"},
            "weight": 1,
            "questions": [
                _yes_no("education_mixing", "core"),
                _yes_no("education_training", "advanced"),
            ],
        },
    ],
}


@pytest.fixture
def services_edition(db: Any) -> Any:
    """Edition "services": the third-party form of ``fixtures.services_mapping`` (a cascading
    country → city select, "Other" options; nothing scored)."""
    content = services_mapping_workbook()
    outcome = edition_import_xlsform(filename="services.xlsx", content=content, name="services")
    assert outcome.edition is not None
    return outcome.edition


@pytest.fixture
def small_edition(db: Any) -> Any:
    """Edition "test" imported from an .xlsx written from ``SMALL_SOURCE``."""
    content = form_write(form_from_source(SMALL_SOURCE))
    outcome = edition_import_xlsform(filename="test.xlsx", content=content, name="test", year=2023)
    assert outcome.edition is not None
    return outcome.edition


# Answers of the test questionnaire by place key of ``directory``; points: yes 100, partly 50,
# no 0. Bilbao scores commitment 100 and education 75; Getxo 25 and 25; Reggio Emilia
# commitment 0 (its "no" hides the budget question, which then scores 0) and education 100.
ANSWERS: dict[str, dict[str, str]] = {
    "bilbao": {
        "commitment_strategy": "yes",
        "commitment_budget": "yes",
        "education_mixing": "yes",
        "education_training": "partly",
    },
    "getxo": {
        "commitment_strategy": "partly",
        "commitment_budget": "no",
        "education_mixing": "partly",
        "education_training": "no",
    },
    "reggio": {
        "commitment_strategy": "no",
        "education_mixing": "yes",
        "education_training": "yes",
    },
}


def responses_publish(
    edition: Any,
    directory: dict[str, Any],
    answers: dict[str, dict[str, str]],
    *,
    synthetic: bool = False,
) -> None:
    """Published responses with these answers (place key of ``directory`` → answers)."""
    for key, values in answers.items():
        response = Response.objects.create(
            place=directory[key], edition=edition, state="published", is_synthetic=synthetic
        )
        for code, value in values.items():
            Answer.objects.create(
                response=response, question=edition.questions.get(code=code), value=value
            )


def answers_save(
    response: Any, answers: dict[str, object], *, user: Any = None, evidence: str = ""
) -> None:
    """First answers (version 0) of a response, by question code of its edition."""
    for code, value in answers.items():
        answer_save(
            response=response,
            question=response.edition.questions.get(code=code),
            value=value,
            evidence=evidence,
            links=[],
            expected_version=0,
            user=user,
        )
