"""The secretariat records a place's next membership step on its administration page.

The place's page in the administration offered "Add another membership step" with only a note
and a demo-date box (the step and its date were read-only), so the lifecycle could not move on
there, and saving such a row was a server error.
"""

from typing import Any

import pytest
from django.utils import translation

from icc.conftest import client_for
from icc.network.lifecycle import Step
from icc.network.models import MembershipStep, Place

pytestmark = pytest.mark.django_db


def _post_data(response: Any) -> tuple[dict[str, Any], str]:
    """What the browser sends back for the change page as it was shown, and the prefix of the
    row for the next membership step."""
    data: dict[str, Any] = {}
    add = ""

    def put(form: Any) -> None:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            data[form.add_prefix(name)] = "on" if value is True else value

    put(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        if str(inline.opts.verbose_name) == "next membership step":
            add = formset.prefix
        for name, field in formset.management_form.fields.items():
            value = formset.management_form[name].value()
            data[formset.management_form.add_prefix(name)] = (
                field.initial if value is None else value
            )
        for form in formset.forms:
            put(form)
    assert add, "the page has no row for the next membership step"
    return data, add


def _record(client: Any, place: Place, step: str, date: str) -> Any:
    url = f"/en/admin/network/place/{place.pk}/change/"
    data, add = _post_data(client.get(url))
    data |= {f"{add}-0-step": step, f"{add}-0-date": date, f"{add}-0-note": "Signed in Lisbon"}
    return client.post(url, data)


def test_the_secretariat_moves_a_candidate_to_its_next_step(users, directory):
    braga = directory["braga"]  # a candidate
    response = _record(
        client_for(users["secretariat"]), braga, Step.QUESTIONNAIRE_COMPLETED, "2021-03-04"
    )
    assert response.status_code == 302
    latest = MembershipStep.objects.filter(place=braga).order_by("-date", "-id").first()
    assert latest is not None and latest.step == Step.QUESTIONNAIRE_COMPLETED
    assert latest.note == "Signed in Lisbon"


def test_a_member_is_suspended_and_its_status_follows(users, directory):
    bilbao = directory["bilbao"]
    response = _record(client_for(users["secretariat"]), bilbao, Step.SUSPENDED, "2024-01-10")
    assert response.status_code == 302
    bilbao.refresh_from_db()
    assert bilbao.status == "suspended"


def test_a_step_out_of_order_is_refused_in_words_and_nothing_is_written(users, directory):
    braga = directory["braga"]
    before = MembershipStep.objects.filter(place=braga).count()
    client = client_for(users["secretariat"])
    url = f"/fr/admin/network/place/{braga.pk}/change/"
    with translation.override("en"):  # the row is found by its English name
        data, add = _post_data(client_for(users["secretariat"]).get(url.replace("/fr/", "/en/")))
    data |= {f"{add}-0-step": Step.MEMBER, f"{add}-0-date": "2021-03-04"}
    response = client.post(url, data)
    assert response.status_code == 200
    text = response.content.decode()
    assert "ne peut pas suivre" in text
    assert (
        "Questionnaire de l&#x27;Index rempli" in text or "Questionnaire de l'Index rempli" in text
    )
    assert MembershipStep.objects.filter(place=braga).count() == before
    braga.refresh_from_db()
    assert braga.status == "candidate"


def test_a_step_dated_before_the_latest_is_refused(users, directory):
    braga = directory["braga"]  # became a candidate on 1 January 2020
    response = _record(
        client_for(users["secretariat"]), braga, Step.QUESTIONNAIRE_COMPLETED, "2019-05-01"
    )
    assert response.status_code == 200
    assert "before the latest step" in response.content.decode()
    assert MembershipStep.objects.filter(place=braga).count() == 1
