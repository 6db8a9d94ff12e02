"""The secretariat's admin: a published version is frozen; a draft copied from it is editable
and becomes the test once published; responses keep the version they answered."""

from django.core.management import call_command
from django.test import Client

from icc.citizenship.models import ContentVersion, Response, VersionStatus
from icc.citizenship.tests.conftest import take_test
from icc.conftest import client_for


def test_a_published_version_is_read_only_and_a_draft_is_editable(version, users):
    staff = client_for(users["secretariat"])
    url = f"/en/admin/citizenship/contentversion/{version.pk}/change/"
    page = staff.get(url).content.decode()
    assert 'name="_save"' not in page  # view only
    refused = staff.post(url, {"title_en": "Changed"})
    assert refused.status_code == 403
    question = version.questions.first()
    assert (
        staff.post(f"/en/admin/citizenship/question/{question.pk}/change/", {}).status_code == 403
    )

    staff.post(
        "/en/admin/citizenship/contentversion/",
        {"action": "draft_from", "_selected_action": [version.pk]},
    )
    draft = ContentVersion.objects.get(status=VersionStatus.DRAFT)
    page = staff.get(f"/en/admin/citizenship/contentversion/{draft.pk}/change/").content.decode()
    assert 'name="_save"' in page and 'name="title_fr"' in page


def test_publishing_a_draft_changes_the_test_and_keeps_old_responses(version, users):
    take_test(Client(), version)
    staff = client_for(users["secretariat"])
    staff.post(
        "/en/admin/citizenship/contentversion/",
        {"action": "draft_from", "_selected_action": [version.pk]},
    )
    draft = ContentVersion.objects.get(status=VersionStatus.DRAFT)
    draft.title = "Version two"  # English is active in tests
    draft.save()
    staff.post(
        "/en/admin/citizenship/contentversion/",
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    assert "Version two" in Client().get("/en/citizenship/").content.decode()
    old = Response.objects.get()
    assert old.version == version
    assert Client().get(old.get_absolute_url()).status_code == 200


def test_the_load_command_publishes_once(db, capsys):
    call_command("citizenship_load")
    call_command("citizenship_load")
    assert capsys.readouterr().out.splitlines() == [
        "Citizenship test: version 1 published with 18 questions and 6 guide sections.",
        "Citizenship test: version 2 published with 18 questions and 7 guide sections.",
        "Citizenship test: content up to date (edited in the admin).",
    ]
    assert ContentVersion.objects.count() == 2
