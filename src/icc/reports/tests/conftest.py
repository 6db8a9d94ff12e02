"""Reports fixtures: two small published editions (2021, 2023) of the test questionnaire.

Points: yes 100, partly 50, no 0. In 2023 (``ANSWERS``) Bilbao scores commitment 100 and
education 75, index 87.5, first of three; Getxo 25 and 25; Reggio Emilia commitment 0 (its "no"
hides the budget question, which then scores 0) and education 100. In 2021 the answers were
the same but for Bilbao's "partly" on the strategy: commitment 75, index 75.
"""

from decimal import Decimal
from functools import partial
from typing import Any

import pytest

from icc.index.models import Edition
from icc.index.scoring_service import edition_results_compute
from icc.index.services import edition_import_xlsform
from icc.index.tests.conftest import ANSWERS, SMALL_SOURCE, responses_publish
from icc.index.xlsform.source import form_from_source
from icc.index.xlsform.write import form_write
from icc.network.models import PlaceFact

ANSWERS_2021: dict[str, dict[str, str]] = {
    **ANSWERS,
    "bilbao": {**ANSWERS["bilbao"], "commitment_strategy": "partly"},
}


def edition_make(name: str, year: int, previous: Edition | None = None) -> Edition:
    """An edition of the test questionnaire, imported through the real XLSForm path."""
    source = {**SMALL_SOURCE, "settings": {**SMALL_SOURCE["settings"], "version": name}}
    outcome = edition_import_xlsform(
        filename=f"{name}.xlsx",
        content=form_write(form_from_source(source)),
        name=name,
        year=year,
        previous=previous,
    )
    assert outcome.edition is not None
    return outcome.edition


# Published responses with these answers, synthetic (as the demo's are).
publish = partial(responses_publish, synthetic=True)


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> None:
    """Stored reports go to a temporary MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def editions(directory: dict[str, Any]) -> dict[str, Edition]:
    """Editions 2021 and 2023 (its successor), both published and scored, synthetic answers.
    Bilbao has 8.4 % non-nationals (the only place with that fact); Getxo is suspended."""
    PlaceFact.objects.filter(place=directory["bilbao"]).update(non_nationals_pct=Decimal("8.4"))
    directory["getxo"].status = "suspended"
    directory["getxo"].save(update_fields=["status"])
    older = edition_make("2021", 2021)
    newer = edition_make("2023", 2023, previous=older)
    publish(older, directory, ANSWERS_2021)
    publish(newer, directory, ANSWERS)
    edition_results_compute(edition=older)
    edition_results_compute(edition=newer)
    return {"2021": older, "2023": newer}
