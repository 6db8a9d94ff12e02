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
    assert "Ukrainian: 30 posts (25 %)" in html  # three months of 10, out of 120
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
def test_the_export_and_the_page_say_whether_the_figures_are_synthetic(users, directory):
    """The export's last column, "synthetic or real", held the hidden-period note: demo
    figures were never marked. It says now, on every line, and the page says so too."""
    _cells(directory["bilbao"])
    client = client_for(users["city_coordinator"])
    url = reverse("barometer:export", kwargs={"slug": "bilbao"})
    page = reverse("barometer:place", kwargs={"slug": "bilbao"})
    lines = client.get(url).getvalue().decode("utf-8-sig").strip().splitlines()
    assert lines[0].endswith(",note,synthetic or real")
    assert lines[1].endswith(",,real") and lines[4].endswith("threshold,real")
    assert "barometer-synthetic" not in client.get(page).content.decode()
    Post.objects.create(
        place=directory["bilbao"], source="demo", external_id="1",
        created_at=timezone.now(), synthetic=True,
    )  # fmt: skip
    lines = client.get(url).getvalue().decode("utf-8-sig").strip().splitlines()
    assert all(line.endswith(",synthetic (demo)") for line in lines[1:])
    french = client.get(url.replace("/en/", "/fr/")).getvalue().decode("utf-8-sig")
    assert french.splitlines()[1].endswith(",synthétique (démo)")
    assert "Démo : ces chiffres" in client.get(page.replace("/en/", "/fr/")).content.decode()


@pytest.mark.django_db
def test_the_french_export_names_its_periods_in_french(users, directory):
    """The French export's headings were French but its period column still said "month" and
    "week", the codes of the page's address: it says "mois" and "semaine" now."""
    _cells(directory["bilbao"])
    client = client_for(users["city_coordinator"])
    url = reverse("barometer:export", kwargs={"slug": "bilbao"}).replace("/en/", "/fr/")
    for period, word in (("month", "mois"), ("week", "semaine")):
        Cell.objects.filter(place=directory["bilbao"]).update(period=period)
        lines = client.get(url, {"period": period}).getvalue().decode("utf-8-sig").splitlines()
        assert lines[1].startswith(f"Bilbao,,{word},2025-01-01,40,"), lines[1]
        assert all(f",{period}," not in line for line in lines[1:])


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


WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


@pytest.mark.django_db
def test_a_get_never_writes_even_with_a_run_under_way_or_stopped(users, directory):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from icc.barometer.services import barometer_run_recorded

    _cells(directory["bilbao"])
    barometer_run_recorded(model="fast")  # a finished run, recorded as a job
    stale = Job.objects.create(
        kind="barometer.run", key="all", task_path="x", state="running", total=10, done=4,
        current="Classified 4 of 10 posts", heartbeat_at=timezone.now() - dt.timedelta(days=1),
    )  # fmt: skip
    assert stale.stopped
    _cells(directory["bilbao"])
    paths = [
        reverse("barometer:home"),
        reverse("barometer:place", kwargs={"slug": "bilbao"}) + "?period=week",
        reverse("barometer:place", kwargs={"slug": "bilbao"}),
        reverse("barometer:chart", kwargs={"slug": "bilbao", "kind": "signals"}) + "?size=narrow",
        reverse("barometer:chart", kwargs={"slug": "bilbao", "kind": "volume"}),
        reverse("barometer:compare_chart"),
        reverse("barometer:export", kwargs={"slug": "bilbao"}),
        reverse("barometer:run_progress") + "?since=0",
        reverse("barometer:run_progress") + "?since=soon",
    ]
    for who in ("secretariat", "city_coordinator"):
        client = client_for(users[who])
        with CaptureQueriesContext(connection) as queries:
            for path in paths:
                assert client.get(path).status_code == 200, (who, path)
        writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]
        assert writes == [], writes
    stale.refresh_from_db()
    assert stale.state == "running"  # seen as stopped, but left as it was


@pytest.mark.django_db
def test_the_progress_block_for_readers_with_details_for_the_secretariat(users, directory):
    _cells(directory["bilbao"])
    job = Job.objects.create(
        kind="barometer.run", key="all", task_path="x", state="running", total=10, done=4,
        current="Classified 4 of 10 posts", heartbeat_at=timezone.now(),
    )  # fmt: skip
    url = reverse("barometer:run_progress")
    secretariat = client_for(users["secretariat"]).get(url).content.decode()
    coordinator = client_for(users["city_coordinator"]).get(url).content.decode()
    for html in (secretariat, coordinator):
        assert 'aria-valuenow="40"' in html and "a newer one is coming" in html
        assert 'hx-trigger="every 2s"' in html
    assert "Classified 4 of 10" in secretariat and "Classified 4 of 10" not in coordinator
    assert client_for(users["resident"]).get(url).status_code == 404
    place = client_for(users["city_coordinator"]).get(
        reverse("barometer:place", kwargs={"slug": "bilbao"})
    )
    assert b'role="progressbar"' in place.content

    # Once it has ended, a page whose figures are older offers the new ones.
    Job.objects.filter(pk=job.pk).update(
        state="done", finished_at=timezone.now(), started_at=timezone.now()
    )
    since = int((timezone.now() - dt.timedelta(hours=1)).timestamp())
    ended = client_for(users["city_coordinator"]).get(f"{url}?since={since}").content.decode()
    assert "run-reload" in ended and 'hx-trigger="every 5s"' in ended
    later = int((timezone.now() + dt.timedelta(hours=1)).timestamp())
    current = client_for(users["city_coordinator"]).get(f"{url}?since={later}").content.decode()
    assert "run-reload" not in current and "progressbar" not in current


def test_language_names_in_the_readers_language():
    from django.utils import translation

    from icc.language import language_name

    assert language_name("sv") == "Swedish" and language_name("zz") == "zz"
    with translation.override("fr"):
        assert language_name("sv") == "Suédois"
