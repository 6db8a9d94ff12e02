"""The pages a city's team uses, as real HTTP round trips: strategy, stages, register, sharing
with confirmation, agents and consent, trainings with certificates, campaigns, diagnosis."""

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from icc.accounts.models import User
from icc.antirumours.models import (
    Rumour,
    StageKind,
    Strategy,
    SurveyRound,
    TrainingAttendance,
)
from icc.antirumours.services import AntirumoursError, strategy_public_set
from icc.antirumours.services.radar import RADAR_JOB
from icc.conftest import client_for
from icc.core.models import Job


@pytest.mark.django_db
def test_strategy_stage_and_public_page(ar: dict[str, Any], users: dict[str, User]) -> None:
    team = client_for(ar["team"])
    strategy = ar["bilbao"].antirumours_strategy
    stage = strategy.stages.get(kind=StageKind.DIAGNOSIS)
    url = f"/en/antirumours/stage/{stage.pk}/"
    assert team.get(url).status_code == 200
    refused = team.post(
        url,
        {"save_stage": "1", "stage-status": "done", "stage-starts_on": "2025-05-01",
         "stage-ends_on": "2025-04-01", "stage-people": "", "stage-notes": ""},
    )  # fmt: skip
    assert "must end after it starts" in refused.content.decode()
    team.post(
        url,
        {"save_stage": "1", "stage-status": "done", "stage-starts_on": "2025-01-01",
         "stage-ends_on": "2025-03-01", "stage-people": "Demo team", "stage-notes": "n"},
    )  # fmt: skip
    stage.refresh_from_db()
    assert (stage.status, stage.people) == ("done", "Demo team")
    upload = SimpleUploadedFile("guide.pdf", b"%PDF-1.4 demo", content_type="application/pdf")
    team.post(url, {"add_document": "1", "document-title": "Guide", "document-file": upload})
    assert stage.documents.get().title == "Guide"
    # the public page answers 404 until the city makes it public
    assert client_for(None).get("/en/antirumours/city/bilbao/").status_code == 404
    team.post(
        "/en/antirumours/city/bilbao/strategy/",
        {"public_summary": "What Bilbao does.", "is_public": "on"},
    )
    public = client_for(None).get("/en/antirumours/city/bilbao/").content.decode()
    assert "What Bilbao does." in public and "Newcomers take the jobs" in public
    assert "Los inmigrantes" not in public
    assert "Bilbao" in client_for(None).get("/en/antirumours/").content.decode()
    # a city without a strategy: its coordinator may start one
    other = client_for(users["other_city_coordinator"])
    ar["reggio"].antirumours_strategy.delete()
    assert (
        b"Start the strategy" in other.get("/en/antirumours/city/reggio-emilia/strategy/").content
    )
    other.post("/en/antirumours/city/reggio-emilia/strategy/start/")
    assert Strategy.objects.get(place=ar["reggio"]).stages.count() == 5


@pytest.mark.django_db
def test_register_counter_arguments_and_sharing_with_confirmation(ar: dict[str, Any]) -> None:
    team = client_for(ar["team"])
    team.post(
        "/en/antirumours/city/bilbao/register/",
        {"text": "They do not want to learn our language.", "language": "en",
         "target_group": "newcomers", "themes": ["culture"], "where_circulates": "bars",
         "first_seen": "2024-01-01"},
    )  # fmt: skip
    rumour = Rumour.objects.get(text="They do not want to learn our language.")
    url = f"/en/antirumours/rumour/{rumour.pk}/"
    refused = team.post(url, {"kind": "fact", "text": "A figure.", "language": "en"})
    assert "A fact needs its source" in refused.content.decode()
    team.post(
        url,
        {"kind": "fact", "text": "Language courses are full (demo).", "language": "en",
         "source": "Demo school", "formats": ["figure", "game"]},
    )  # fmt: skip
    assert rumour.counter_arguments.get().formats == ["figure", "game"]
    confirm = team.get(f"{url}share/").content.decode()
    assert "Share this rumour with the network?" in confirm
    team.post(f"{url}share/", {})  # not confirmed: nothing shared
    rumour.refresh_from_db()
    assert rumour.shared_at is None
    team.post(f"{url}share/", {"confirm": "yes"})
    rumour.refresh_from_db()
    assert rumour.shared_at is not None
    assert client_for(None).get(url).status_code == 200  # shared: public
    team.post(f"{url}share/", {"action": "unshare"})
    assert client_for(None).get(url).status_code == 404


@pytest.mark.django_db
def test_agents_consent_trainings_and_certificate(ar: dict[str, Any]) -> None:
    team = client_for(ar["team"])
    refused = team.post(
        "/en/antirumours/city/bilbao/agents/",
        {"kind": "volunteer", "name": "Mikel", "email": "m@example.org"},
    )
    assert "only with consent" in refused.content.decode()
    team.post(
        "/en/antirumours/city/bilbao/agents/",
        {"kind": "volunteer", "name": "Mikel", "email": "m@example.org",
         "consent_on": "2025-04-01", "consent_purpose": "Trainings"},
    )  # fmt: skip
    team.post(
        "/en/antirumours/city/bilbao/trainings/",
        {"title": "Agents training", "day": "2025-04-10", "start": "17:00", "end": "20:00",
         "venue": "Civic centre", "hours": "3", "language": "es"},
    )  # fmt: skip
    training = ar["bilbao"].antirumours_trainings.get()
    assert training.event.place_id == ar["bilbao"].pk
    mikel = ar["bilbao"].antirumours_agents.get(name="Mikel")
    team.post(
        f"/en/antirumours/training/{training.pk}/",
        {"expected": [ar["agent"].pk, mikel.pk], "attended": [mikel.pk]},
    )
    attended = TrainingAttendance.objects.get(agent=mikel)
    certificate = team.get(f"/en/antirumours/certificate/{attended.pk}/").content.decode()
    assert "Certificate of participation" in certificate and "Mikel" in certificate
    missed = TrainingAttendance.objects.get(agent=ar["agent"])
    assert team.get(f"/en/antirumours/certificate/{missed.pk}/").status_code == 404
    team.post(f"/en/antirumours/agent/{mikel.pk}/withdraw/")
    page = team.get("/en/antirumours/city/bilbao/agents/").content.decode()
    assert "m@example.org" not in page and "withdrawn on" in page
    # nobody left to certify: no certificate made out to "contact data erased"
    assert team.get(f"/en/antirumours/certificate/{attended.pk}/").status_code == 404


@pytest.mark.django_db
def test_campaign_with_materials_and_diagnosis_pages(ar: dict[str, Any]) -> None:
    team = client_for(ar["team"])
    team.post(
        "/en/antirumours/city/bilbao/campaigns/",
        {"title": "Market days", "starts_on": "2025-05-01", "reach_people": "300",
         "reach_posts": "4", "reach_media": "1", "rumours": [ar["private"].pk],
         "is_public": "on"},
    )  # fmt: skip
    campaign = ar["bilbao"].antirumours_campaigns.get()
    team.post(
        f"/en/antirumours/campaign/{campaign.pk}/",
        {"title": "Poster", "language": "eu", "url": "https://example.org/poster.pdf"},
    )
    assert campaign.materials.get().language == "eu"
    assert b"<strong>300</strong>" in team.get("/en/antirumours/city/bilbao/strategy/").content
    team.post(
        "/en/antirumours/city/bilbao/diagnosis/",
        {"add_note": "1", "held_on": "2025-02-02", "participants": "Youth group",
         "notes": "Jobs rumours at school."},
    )  # fmt: skip
    team.post("/en/antirumours/city/bilbao/diagnosis/", {"add_round": "1", "title": "Diag"})
    diagnosis = SurveyRound.objects.get(title="Diag")
    team.post(
        "/en/antirumours/city/bilbao/diagnosis/",
        {"add_round": "1", "title": "Follow", "baseline": diagnosis.pk},
    )
    follow_up = SurveyRound.objects.get(title="Follow")
    assert follow_up.baseline == diagnosis and follow_up.kind == "follow_up"
    page = team.get("/en/antirumours/city/bilbao/diagnosis/").content.decode()
    assert "Youth group" in page and "Diag" in page
    round_page = team.get(f"/en/antirumours/round/{follow_up.pk}/?by=gender").content.decode()
    assert "/surveys/s/" in round_page and "Change since" in round_page
    template = team.get("/en/antirumours/city/bilbao/perception-survey.xlsx")
    assert template["Content-Type"].startswith("application/vnd.openxmlformats")
    csv = b"heard,age_group,gender,born_abroad\nnone,16_29,woman,no\n"
    upload = SimpleUploadedFile("kobo.csv", csv, content_type="text/csv")
    report = team.post(f"/en/antirumours/round/{diagnosis.pk}/import/", {"file": upload})
    assert "1 imported" in report.content.decode()


@pytest.mark.django_db
def test_a_training_that_ends_before_it_starts_is_refused_with_what_was_typed(
    ar: dict[str, Any],
) -> None:
    team = client_for(ar["team"])
    typed = {"title": "Evening training", "day": "2025-04-10", "start": "20:00", "end": "17:00",
             "venue": "Civic centre", "hours": "3", "language": "es"}  # fmt: skip
    refused = team.post("/en/antirumours/city/bilbao/trainings/", typed)
    page = refused.content.decode()
    assert refused.status_code == 200
    assert "The training must end after it starts" in page
    assert 'value="Evening training"' in page and 'value="Civic centre"' in page
    french = team.post("/fr/antirumours/city/bilbao/trainings/", typed).content.decode()
    assert "La formation doit finir après avoir commencé" in french
    assert not ar["bilbao"].antirumours_trainings.exists()


@pytest.mark.django_db
def test_a_stage_edited_in_french_keeps_its_dates(ar: dict[str, Any]) -> None:
    team = client_for(ar["team"])
    stage = ar["bilbao"].antirumours_strategy.stages.get(kind=StageKind.DIAGNOSIS)
    url = f"/fr/antirumours/stage/{stage.pk}/"
    team.post(
        url,
        {"save_stage": "1", "stage-status": "done", "stage-starts_on": "2025-01-15",
         "stage-ends_on": "2025-03-31", "stage-people": "", "stage-notes": ""},
    )  # fmt: skip
    page = team.get(url).content.decode()
    # the browser's date boxes show the dates only when they come in ISO form
    assert 'name="stage-starts_on" value="2025-01-15"' in page
    assert 'name="stage-ends_on" value="2025-03-31"' in page


@pytest.mark.django_db
def test_the_register_and_a_rumour_in_french_say_rumeur(ar: dict[str, Any]) -> None:
    team = client_for(ar["team"])
    register = team.get("/fr/antirumours/city/bilbao/register/").content.decode()
    assert '<th scope="col">Rumeur</th>' in register and ">Rumour<" not in register
    rumour = team.get(f"/fr/antirumours/rumour/{ar['private'].pk}/").content.decode()
    assert "<title>Rumeur ·" in rumour


@pytest.mark.django_db
def test_a_rumour_is_marked_with_its_language_and_the_labels_around_it_are_not(
    ar: dict[str, Any],
) -> None:
    """On a French page, the Spanish counter-argument is read in Spanish and its label
    (« Fait ») in French; on the shared list, the English rumour is read in English."""
    team = client_for(ar["team"])
    rumour = team.get(f"/fr/antirumours/rumour/{ar['private'].pk}/").content.decode()
    assert '<article class="card"><h3>Fait</h3><div lang="es"><p>Las ayudas' in rumour
    shared = client_for(ar["team"]).get("/fr/antirumours/").content.decode()
    assert '<article class="card ar-rumour">' in shared and 'lang="en">“Newcomers' in shared


@pytest.mark.django_db
def test_importing_an_empty_file_says_why_nothing_was_imported(ar: dict[str, Any]) -> None:
    team = client_for(ar["team"])
    team.post("/en/antirumours/city/bilbao/diagnosis/", {"add_round": "1", "title": "Diag"})
    url = f"/en/antirumours/round/{SurveyRound.objects.get(title='Diag').pk}/import/"
    empty = SimpleUploadedFile("kobo.csv", b"", content_type="text/csv")
    refused = team.post(url, {"file": empty})
    assert refused.status_code == 422
    assert "The submitted file is empty." in refused.content.decode()
    french = team.post(url.replace("/en/", "/fr/"), {}).content.decode()
    assert "Ce champ est obligatoire." in french


@pytest.mark.django_db
def test_a_consent_date_still_to_come_is_refused_with_what_was_typed(ar: dict[str, Any]) -> None:
    team = client_for(ar["team"])
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    typed = {"kind": "volunteer", "name": "Ane", "email": "ane@example.org",
             "consent_on": tomorrow, "consent_purpose": "Trainings"}  # fmt: skip
    page = team.post("/en/antirumours/city/bilbao/agents/", typed).content.decode()
    assert "is still to come: give the day the person agreed, today at the latest" in page
    assert f'name="consent_on" value="{tomorrow}"' in page and 'value="ane@example.org"' in page
    french = team.post("/fr/antirumours/city/bilbao/agents/", typed).content.decode()
    assert "pas encore arrivée" in french
    assert not ar["bilbao"].antirumours_agents.filter(name="Ane").exists()
    typed["consent_on"] = timezone.localdate().isoformat()
    team.post("/en/antirumours/city/bilbao/agents/", typed)
    assert ar["bilbao"].antirumours_agents.filter(name="Ane").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("month", ["9999-12", "next"])
def test_the_radar_refuses_a_month_still_to_come(ar: dict[str, Any], month: str) -> None:
    team = client_for(ar["team"])
    if month == "next":
        month = (timezone.localdate().replace(day=28) + dt.timedelta(days=5)).strftime("%Y-%m")
    url = "/en/antirumours/city/bilbao/radar/"
    response = team.post(url, {"month": month})
    page = response.content.decode()
    assert response.status_code == 422
    assert "is still to come: choose this month" in page
    assert f'name="month" value="{month}"' in page
    assert not Job.objects.filter(kind=RADAR_JOB).exists()
    french = team.post("/fr" + url.removeprefix("/en"), {"month": month}).content.decode()
    assert "pas encore arrivé : choisissez ce mois-ci" in french
    this_month = timezone.localdate().strftime("%Y-%m")
    assert team.post(url, {"month": this_month}).status_code == 302
    assert Job.objects.filter(kind=RADAR_JOB).count() == 1


@pytest.mark.django_db
def test_a_public_summary_too_long_is_refused_and_kept(ar: dict[str, Any]) -> None:
    team = client_for(ar["team"])
    url = "/en/antirumours/city/bilbao/strategy/"
    long_text = "Bilbao " * 800  # 5,600 characters
    page = team.post(url, {"public_summary": long_text, "is_public": "on"}).content.decode()
    assert "at most 5000 characters" in page and long_text.strip() in page
    strategy = Strategy.objects.get(place=ar["bilbao"])
    assert (strategy.public_summary, strategy.is_public) == ("", False)
    # the same rule for every caller of the service
    with pytest.raises(AntirumoursError, match="shorten it to 5000 at most"):
        strategy_public_set(strategy=strategy, public_summary=long_text, is_public=True)


@pytest.mark.django_db
def test_stage_statuses_agree_with_the_feminine_stage_in_french(ar: dict[str, Any]) -> None:
    team = client_for(ar["team"])
    strategy = ar["bilbao"].antirumours_strategy
    stage = strategy.stages.get(kind=StageKind.DIAGNOSIS)
    team.post(
        f"/fr/antirumours/stage/{stage.pk}/",
        {"save_stage": "1", "stage-status": "done", "stage-starts_on": "2025-01-15",
         "stage-ends_on": "2025-03-31", "stage-people": "", "stage-notes": ""},
    )  # fmt: skip
    page = team.get("/fr/antirumours/city/bilbao/strategy/").content.decode()
    assert '<span class="badge">Terminée</span>' in page
    assert '<span class="badge">Pas commencée</span>' in page
    stage_page = team.get(f"/fr/antirumours/stage/{stage.pk}/").content.decode()
    assert '<option value="done" selected>Terminée</option>' in stage_page
    assert '<option value="in_progress">En cours</option>' in stage_page
