"""The perception survey's XLSForm, built for a city's rumours."""

import pytest

from icc.antirumours.perception_form import (
    CHOICE_LISTS,
    GROUP_QUESTIONS,
    LANGUAGES,
    RumourChoice,
    believed,
    perception_form,
)


def test_each_rumour_gets_often_where_believe_shown_only_when_heard() -> None:
    sheets = perception_form(
        rumours=[RumourChoice("r1", "They take our jobs"), RumourChoice("r2", "Non pagano")],
        title="Demo diagnosis",
        form_id="demo_diagnosis",
    )
    header, *rows = sheets["survey"]
    assert header[:2] == ["type", "name"]
    assert [f"label::{name} ({code})" for code, name in LANGUAGES] == header[2:6]
    names = [row[1] for row in rows]
    assert names == [
        "intro", "heard",
        "often_r1", "where_r1", "believe_r1", "often_r2", "where_r2", "believe_r2",
        *GROUP_QUESTIONS,
    ]  # fmt: skip
    believe_r2 = rows[names.index("believe_r2")]
    assert believe_r2[6] == "selected(${heard}, 'r2')"
    often_r1 = rows[names.index("often_r1")]
    assert often_r1[2] == "How often have you heard: “They take our jobs”?"
    assert often_r1[4] == "¿Con qué frecuencia ha oído: «They take our jobs»?"
    choices = sheets["choices"]
    assert ["heard", "r2", "Non pagano", "Non pagano", "Non pagano", "Non pagano"] in choices
    assert choices[3][:3] == ["heard", "none", "None of these"]
    every_list = {row[0] for row in choices[1:]}
    assert every_list == {"heard", *CHOICE_LISTS}
    assert all(len(row) == 6 and all(row) for row in choices[1:])  # every label in 4 languages
    assert sheets["settings"][1] == ["Demo diagnosis", "demo_diagnosis", "English (en)"]
    assert believed("yes") and not believed("partly")


@pytest.mark.parametrize(
    "rumours",
    [[], [RumourChoice("r1", "a"), RumourChoice("r1", "b")], [RumourChoice("r 1", "a")],
     [RumourChoice("r1", " ")], [RumourChoice("none", "a")]],
)  # fmt: skip
def test_bad_rumour_lists_are_refused(rumours: list[RumourChoice]) -> None:
    with pytest.raises(ValueError):
        perception_form(rumours=rumours, title="t", form_id="f")
