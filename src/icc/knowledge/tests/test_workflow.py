"""A city coordinator writes and submits a practice; the secretariat asks for changes, then
publishes it; it shows on its theme page; each step is told to the people concerned."""

import datetime as dt
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from icc.conftest import client_for
from icc.knowledge.models import CallForPractices, GoodPractice, Theme
from icc.knowledge.services import PracticeData, practice_create, practice_transition
from icc.knowledge.tests.conftest import themes_present
from icc.knowledge.workflow import Action, Actor, State, TransitionError, actions_available
from icc.knowledge.workflow import transition as workflow_transition
from icc.notifications.models import Notification


def form(directory, **extra):
    data = {
        "title": "Neighbourhood welcome walks",
        "summary": "Residents walk newcomers through their district.",
        "description": '<p>Walks every month.</p><script>alert("x")</script>'
        '<a href="javascript:alert(1)" onclick="steal()">link</a><img src=x onerror=alert(1)>',
        "results": "300 walks",
        "places": [directory["bilbao"].pk],
        "themes": [theme_get("refugees").pk],
        "language": "en",
        "languages": ["es"],
        "contact": "welcome@bilbao.example",
        "links": "Project page https://example.org/walks",
    }
    data.update(extra)
    return data


def test_submit_request_changes_publish_and_unpublish(users, directory):
    city = client_for(users["city_coordinator"])
    response = city.post("/en/knowledge/practices/new/", form(directory))
    assert response.status_code == 302
    practice = GoodPractice.objects.get()
    assert practice.status == "draft"
    assert practice.country_id == "ES"
    # drafts are not public
    assert client_for(None).get(practice.get_absolute_url()).status_code == 404
    assert (
        client_for(users["other_city_coordinator"]).get(practice.get_absolute_url()).status_code
        == 404
    )

    city.post(f"/en/knowledge/practices/{practice.slug}/step/submit/")
    practice.refresh_from_db()
    assert practice.status == "submitted"
    staff_notes = Notification.objects.filter(recipient=users["secretariat"])
    assert [n.kind for n in staff_notes] == ["knowledge.submitted"]

    staff = client_for(users["secretariat"])
    assert practice.title in staff.get("/en/knowledge/practices/moderation/").content.decode()
    # the city cannot publish its own practice
    city.post(f"/en/knowledge/practices/{practice.slug}/step/publish/")
    practice.refresh_from_db()
    assert practice.status == "submitted"

    staff.post(
        f"/en/knowledge/practices/{practice.slug}/step/request_changes/",
        {"note": "Add the results of 2020."},
    )
    practice.refresh_from_db()
    assert practice.status == "changes_requested"
    notice = Notification.objects.get(recipient=users["city_coordinator"])
    assert notice.kind == "knowledge.changes_requested"
    assert notice.body == "Add the results of 2020."

    response = city.post(
        f"/en/knowledge/practices/{practice.slug}/edit/", form(directory, results="420 walks")
    )
    assert response.status_code == 302
    city.post(f"/en/knowledge/practices/{practice.slug}/step/submit/")
    staff.post(f"/en/knowledge/practices/{practice.slug}/step/publish/")
    practice.refresh_from_db()
    assert practice.status == "published"
    assert practice.published_at is not None
    assert practice.results == "420 walks"
    kinds = set(
        Notification.objects.filter(recipient=users["city_coordinator"]).values_list(
            "kind", flat=True
        )
    )
    assert kinds == {"knowledge.changes_requested", "knowledge.published"}

    public = client_for(None)
    page = public.get(practice.get_absolute_url()).content.decode()
    assert "Neighbourhood welcome walks" in page and "420 walks" in page
    theme_page = public.get("/en/knowledge/themes/refugees/").content.decode()
    assert "Neighbourhood welcome walks" in theme_page
    assert "Neighbourhood welcome walks" in public.get("/en/knowledge/practices/").content.decode()
    # published: the city no longer edits it (sent back to the page, with why)
    refused = city.post(f"/en/knowledge/practices/{practice.slug}/edit/", form(directory))
    assert refused["Location"] == practice.get_absolute_url()
    practice.refresh_from_db()
    assert practice.results == "420 walks"

    staff.post(f"/en/knowledge/practices/{practice.slug}/step/unpublish/")
    practice.refresh_from_db()
    assert practice.status == "draft" and practice.published_at is None
    assert public.get(practice.get_absolute_url()).status_code == 404
    assert (
        "Neighbourhood welcome walks"
        not in public.get("/en/knowledge/themes/refugees/").content.decode()
    )


def test_script_injection_in_practice_html_is_removed(users, directory):
    city = client_for(users["city_coordinator"])
    city.post("/en/knowledge/practices/new/", form(directory))
    practice = GoodPractice.objects.get()
    assert practice.description.startswith("<p>Walks every month.</p>")
    for bad in ("<script", "alert(", "javascript:", "onclick", "onerror"):
        assert bad not in practice.description
    page = city.get(practice.get_absolute_url()).content.decode()
    assert "<script>alert" not in page and "onerror" not in page
    assert 'rel="noopener noreferrer nofollow"' in practice.description


def test_a_practice_that_would_end_before_it_started_is_refused_and_the_form_kept(users, directory):
    city = client_for(users["city_coordinator"])
    data = form(directory, period_start="2022", period_end="2015")
    response = city.post("/fr/knowledge/practices/new/", data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "La pratique ne peut pas se terminer (2015) avant d’avoir commencé (2022)" in page
    assert 'value="Neighbourhood welcome walks"' in page and 'value="2015"' in page
    assert not GoodPractice.objects.exists()
    assert city.post("/en/knowledge/practices/new/", form(directory, period_start="2022",
                     period_end="2022")).status_code == 302  # fmt: skip


def test_a_coordinator_writes_only_for_their_places(users, directory):
    with pytest.raises(PermissionDenied):
        practice_create(
            user=users["city_coordinator"],
            data=PracticeData(title="Not mine", place_ids=[directory["reggio"].pk]),
        )
    # the network coordinator answers for the network's members
    practice = practice_create(
        user=users["network_coordinator"],
        data=PracticeData(title="Getxo's", place_ids=[directory["getxo"].pk]),
    )
    practice_transition(user=users["network_coordinator"], practice=practice, action=Action.SUBMIT)
    assert client_for(users["resident"]).get("/en/knowledge/practices/new/").status_code == 403


def test_calls_for_practices_turn_answers_into_drafts(users, directory):
    staff = client_for(users["secretariat"])
    theme = theme_get("gentrification")
    deadline = timezone.localdate() + dt.timedelta(days=10)
    response = staff.post(
        "/en/knowledge/calls/new/",
        {"theme": theme.pk, "title": "Gentrification survey", "deadline": deadline.isoformat()},
    )
    assert response.status_code == 302
    call = CallForPractices.objects.get()
    city = client_for(users["city_coordinator"])
    assert "Gentrification survey" in city.get("/en/knowledge/calls/").content.decode()
    response = city.post(
        f"/en/knowledge/calls/{call.pk}/answer/",
        {
            "place": directory["bilbao"].pk,
            "title": "Affordable rents in the old town",
            "summary": "A rent guarantee for long-time residents.",
            "language": "es",
        },
    )
    assert response.status_code == 302
    practice = GoodPractice.objects.get()
    assert (practice.status, practice.call, practice.language) == ("draft", call, "es")
    assert list(practice.themes.all()) == [theme]
    CallForPractices.objects.filter(pk=call.pk).update(
        deadline=timezone.localdate() - dt.timedelta(days=1)
    )
    late = city.post(
        f"/en/knowledge/calls/{call.pk}/answer/",
        {"place": directory["bilbao"].pk, "title": "Late", "summary": "x", "language": "en"},
    )
    assert "This call closed" in late.content.decode()
    assert GoodPractice.objects.count() == 1


def test_workflow_rules():
    city, staff = frozenset({Actor.CITY}), frozenset({Actor.SECRETARIAT})
    assert actions_available(state=State.DRAFT, actors=city) == [Action.SUBMIT]
    assert actions_available(state=State.SUBMITTED, actors=staff) == [
        Action.REQUEST_CHANGES,
        Action.PUBLISH,
    ]
    with pytest.raises(TransitionError):
        workflow_transition(state=State.SUBMITTED, action=Action.PUBLISH, actors=city)
    with pytest.raises(TransitionError):
        workflow_transition(state=State.PUBLISHED, action=Action.SUBMIT, actors=staff)


def test_a_city_attaches_documents_and_images_of_accepted_types(
    users, make_practice, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path

    practice = make_practice("walks", status="draft")
    city = client_for(users["city_coordinator"])
    url = f"/en/knowledge/practices/{practice.slug}/files/"
    city.post(url, {"kind": "attachment", "title": "Leaflet", "file": SimpleUploadedFile(
        "leaflet.pdf", b"%PDF-1.4 demo", content_type="application/pdf")})  # fmt: skip
    city.post(url, {"kind": "image", "title": "A walk", "file": SimpleUploadedFile(
        "walk.html", b"<script>", content_type="text/html")})  # fmt: skip
    assert [(f.kind, f.title) for f in practice.files.all()] == [("attachment", "Leaflet")]
    assert "Leaflet" in city.get(f"/en/knowledge/practices/{practice.slug}/").content.decode()
    other = client_for(users["other_city_coordinator"])
    assert other.post(url, {"kind": "attachment", "title": "x"}).status_code == 404


def theme_get(slug):
    themes_present()
    return Theme.objects.get(slug=slug)


def test_a_wrong_link_names_its_line_and_what_was_typed_stays(users, directory):
    typed = "Project page https://example.org/walks\n\nAgenda example,org/agenda"
    city = client_for(users["city_coordinator"])
    response = city.post("/en/knowledge/practices/new/", form(directory, links=typed))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Line 3: “example,org/agenda” is not a web address." in html
    assert "Enter a valid URL." not in html
    assert "Agenda example,org/agenda</textarea>" in html  # nothing typed is lost
    assert not GoodPractice.objects.exists()
    french = client_for(users["city_coordinator"]).post(
        "/fr/knowledge/practices/new/", form(directory, links=typed)
    )
    assert "Ligne 3 : « example,org/agenda »" in french.content.decode()


def _written_in(page) -> list[str]:
    """The values selected in the "Written in" box of a practice form page."""
    body = page.content.decode()
    box = body[body.index('name="language"') :].split("</select>")[0]
    return re.findall(r'<option value="(\w+)" selected>', box)


def test_a_new_practice_on_the_french_interface_is_written_in_french_by_default(users, directory):
    city = client_for(users["city_coordinator"])
    assert _written_in(city.get("/fr/knowledge/practices/new/")) == ["fr"]
    assert _written_in(city.get("/en/knowledge/practices/new/")) == ["en"]
    call = CallForPractices.objects.create(
        theme=theme_get("gentrification"),
        title="Gentrification survey",
        deadline=timezone.localdate() + dt.timedelta(days=10),
    )
    assert _written_in(city.get(f"/fr/knowledge/calls/{call.pk}/answer/")) == ["fr"]
    # editing keeps the language the practice is written in
    city.post("/en/knowledge/practices/new/", form(directory))
    practice = GoodPractice.objects.get()
    edit = city.get(f"/fr/knowledge/practices/{practice.slug}/edit/")
    assert _written_in(edit) == ["en"]
