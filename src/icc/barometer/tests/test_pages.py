"""The dashboard: who sees it, what it shows, the CSV export, the charts and the run."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from icc.barometer.models import Cell, Post
from icc.barometer.selectors import posts_for_place_month
from icc.conftest import client_for
from icc.core.models import Job


def _cells(place):
    now = timezone.now()
    for month in range(1, 4):
        Cell.objects.create(
            place=place, period="month", start=dt.date(2025, month, 1), n_posts=40,
            score=60 + month, low=55, high=70, computed_at=now,
            values={"questions": {"net_sentiment": 61.0, "affiliation": None},
                    "languages": {"es": 30, "uk": 10}, "observations": 3,
                    "shares": {"positive": 0.4, "negative": 0.2}},
        )  # fmt: skip
    Cell.objects.create(
        place=place, period="month", start=dt.date(2025, 4, 1), n_posts=5, hidden=True,
        computed_at=now,
    )  # fmt: skip


@pytest.mark.django_db
def test_city_coordinators_and_the_secretariat_see_the_barometer_others_do_not(users, directory):
    _cells(directory["bilbao"])
    url = reverse("barometer:place", kwargs={"slug": "bilbao"})
    page = client_for(users["city_coordinator"]).get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "What the score can and cannot say" in html and "hidden: too few posts" in html
    table = html[html.index("barometer-cells") :]
    assert "63.0" in table, table[:1500]
    assert "uk: 30" in html  # three months of 10
    assert client_for(users["secretariat"]).get(url).status_code == 200
    for who in ("expert", "other_city_coordinator", "resident"):
        assert client_for(users[who]).get(url).status_code == 403
    assert client_for(None).get(url).status_code == 302
    home = client_for(users["secretariat"]).get(reverse("barometer:home"))
    assert "Bilbao" in home.content.decode() and "barometer-run" in home.content.decode()


@pytest.mark.django_db
def test_export_and_charts(users, directory):
    _cells(directory["bilbao"])
    client = client_for(users["city_coordinator"])
    export = client.get(reverse("barometer:export", kwargs={"slug": "bilbao"}))
    text = export.getvalue().decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert len(lines) == 5 and lines[1].startswith("Bilbao,,month,2025-01-01,40,61")
    assert "hidden" in lines[4]
    svg = client.get(reverse("barometer:chart", kwargs={"slug": "bilbao", "kind": "score"}))
    assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content
    bad = client.get(reverse("barometer:chart", kwargs={"slug": "bilbao", "kind": "pie"}))
    assert bad.status_code == 404


@pytest.mark.django_db
def test_the_secretariat_queues_a_run_and_sees_its_progress(
    users, directory, django_capture_on_commit_callbacks
):
    client = client_for(users["secretariat"])
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(reverse("barometer:run"))
    assert response.status_code == 302
    job = Job.objects.get(kind="barometer.run")
    assert job.state == "queued"
    progress = client.get(reverse("barometer:run_progress"))
    assert b"progressbar" in progress.content
    assert client_for(users["city_coordinator"]).post(reverse("barometer:run")).status_code == 403


@pytest.mark.django_db
def test_posts_of_a_place_and_month_for_other_modules(directory):
    place = directory["bilbao"]
    for day, processed in ((3, True), (20, True), (5, False)):
        Post.objects.create(
            place=place, source="s", external_id=f"{day}", processed=processed, sentiment=2,
            created_at=dt.datetime(2025, 3, day, tzinfo=dt.UTC), text="kept",
        )  # fmt: skip
    Post.objects.create(
        place=place, source="s", external_id="april", processed=True,
        created_at=dt.datetime(2025, 4, 1, tzinfo=dt.UTC),
    )  # fmt: skip
    posts = list(
        posts_for_place_month(place_id=place.pk, month=dt.date(2025, 3, 9), with_text=True)
    )
    assert [p.external_id for p in posts] == ["3", "20"] and posts[0].text == "kept"
