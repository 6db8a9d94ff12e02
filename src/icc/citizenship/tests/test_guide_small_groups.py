"""The facilitator guide's passage on small groups: a new content version (version 1 stays as
it was published), published by the loader on a new install and on one that has version 1, left
to the secretariat once it has made a version of its own; the guide and the facilitator's
screen say from how many participants counts appear, the number taken from the setting."""

from html import unescape
from pathlib import Path

import pytest
import yaml
from django.test import Client, override_settings
from django.utils import translation

from icc.citizenship.content import CONTENT_FILE, citizenship_demo_load, content_sync
from icc.citizenship.models import ContentVersion, GuideSection, Response, VersionStatus
from icc.citizenship.services import group_create, response_start, version_draft_create
from icc.citizenship.tests.conftest import option_at
from icc.citizenship.tests.test_group import answer, create_group, join

TITLE = {"en": "Small groups: when the counts appear", "fr": "Petits groupes : quand les nombres"}


@pytest.fixture
def version_one_only(db, tmp_path: Path) -> ContentVersion:
    """An install loaded before the passage was written: version 1 alone, published."""
    data = yaml.safe_load(CONTENT_FILE.read_text(encoding="utf-8"))
    del data["revisions"]
    older = tmp_path / "test-v1.yaml"
    older.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (version,) = content_sync(older).published
    return version


def _titles(version: ContentVersion, language: str = "en") -> list[str]:
    with translation.override(language):
        return [section.title for section in version.guide.all()]


def test_a_new_install_publishes_the_passage_as_version_2(version):
    assert (version.number, version.status) == (2, VersionStatus.PUBLISHED)
    first = ContentVersion.objects.get(number=1)
    assert first.status == VersionStatus.RETIRED
    assert TITLE["en"] not in _titles(first) and len(_titles(first)) == 6
    assert _titles(version)[3:6] == ["Leading the discussion", TITLE["en"], "Closing"]
    assert _titles(version, "fr")[4].startswith(TITLE["fr"])
    assert version.guide.get(position=5).code == "small-groups"
    assert version.questions.count() == 18  # the rest is version 1, copied
    assert content_sync().published == [] and content_sync().left == []


def test_an_install_with_version_1_gets_version_2_and_version_1_stays_as_published(
    version_one_only,
):
    started = response_start(version=version_one_only, language="en")
    assert citizenship_demo_load() == [
        "Citizenship test: version 2 published with 18 questions and 7 guide sections."
    ]
    version_one_only.refresh_from_db()
    assert version_one_only.status == VersionStatus.RETIRED
    assert len(_titles(version_one_only)) == 6  # never edited in place
    assert Response.objects.get(pk=started.pk).version == version_one_only
    assert citizenship_demo_load() == [
        "Citizenship test: content up to date (edited in the admin)."
    ]


def test_a_version_made_in_the_admin_since_is_left_alone_and_the_passage_named(
    version_one_only,
):
    draft = version_draft_create(source=version_one_only)
    (line,) = citizenship_demo_load()
    assert "version 2 of test-v1.yaml was not published" in line
    assert f"Add the facilitator guide's section “{TITLE['en']}” to a new draft by hand" in line
    assert ContentVersion.objects.count() == 2
    assert not GuideSection.objects.filter(version=draft, code="small-groups").exists()


@override_settings(ICC_SURVEYS_MIN_CELL=7)
def test_the_guide_says_from_how_many_participants_counts_appear(version):
    english = Client().get("/en/citizenship/guide/").content.decode()
    assert 'id="guide-small-groups"' in english
    assert "only once 7 participants have answered the question" in english
    assert "With fewer than 7 participants, discuss without the counts" in english
    assert "{min_answers}" not in english
    french = unescape(Client().get("/fr/citizenship/guide/").content.decode())
    assert "qu'une fois que 7 participant·e·s ont répondu à la question" in french


@override_settings(ICC_SURVEYS_MIN_CELL=7)
def test_the_facilitator_screen_shows_the_passage_while_counts_are_hidden(version):
    group = create_group()
    participants = [join(group) for _i in range(7)]
    for participant in participants[:2]:
        answer(participant, 1, option_at(version, 1, 1))
    screen = Client().get(f"/en/citizenship/group/facilitate/{group.secret}/").content.decode()
    passage = unescape(screen.split('id="small-counts"')[1].split("</section>")[0])
    assert "A question's counts appear once 7 people have answered it" in passage
    assert "only once 7 participants have answered the question" in passage
    assert 'href="/en/citizenship/guide/#guide-small-groups"' in passage
    french = Client().get(f"/fr/citizenship/group/facilitate/{group.secret}/live/")
    passage = unescape(french.content.decode().split('id="small-counts"')[1].split("</section>")[0])
    assert "s'affichent dès que 7 personnes y ont répondu" in passage
    assert "qu'une fois que 7 participant·e·s ont répondu" in passage
    assert (
        "« Petits groupes : quand les nombres apparaissent » dans le guide d'animation" in passage
    )

    for participant in participants:  # every question answered by all seven: nothing hidden
        for number in range(1, 19):
            answer(participant, number, option_at(version, number, 2))
    live = Client().get(f"/en/citizenship/group/facilitate/{group.secret}/live/").content.decode()
    assert 'id="small-counts"' not in live


@override_settings(ICC_SURVEYS_MIN_CELL=3)
def test_a_session_on_a_version_without_the_passage_still_says_the_number(version_one_only):
    group = group_create(version=version_one_only, title="", created_by_id=None)
    screen = Client().get(f"/en/citizenship/group/facilitate/{group.secret}/").content.decode()
    passage = unescape(screen.split('id="small-counts"')[1].split("</section>")[0])
    assert "A question's counts appear once 3 people have answered it" in passage
    assert "lists its answers without numbers" in passage
