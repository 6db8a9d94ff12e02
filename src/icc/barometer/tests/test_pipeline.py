"""Ingestion (quarantine, counts, duplicates, pseudonyms), the pipeline in-process and on a real
Dask LocalCluster, the cells and their threshold, and the command line."""

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from icc.barometer.ingest import pseudonym
from icc.barometer.models import Cell, Post, SensingValue
from icc.barometer.services import barometer_run, observation_record, posts_import, sensing_import

TEXTS = [
    "We love our neighbours, thank you all for the lovely party together!",
    "Tack till alla grannar, vi hjälps åt tillsammans!",
    "Я ненавиджу цих людей, жахливо.",
    "El ayuntamiento publica el horario de la piscina.",
    "I hate those people, they ruin everything.",
]


def _lines(n: int, place: str = "bilbao", start: int = 0) -> list[str]:
    return [
        json.dumps(
            {
                "id": f"p{i}",
                "created_at": f"2025-03-{1 + i % 28:02d}T10:00:00Z",
                "text": TEXTS[i % len(TEXTS)],
                "place": place,
                "neighbourhood": "Deusto" if i % 2 else "",
                "author": f"user{i % 7}",
            }
        )
        for i in range(start, start + n)
    ]


def _import(lines: list[str], name: str = "posts.jsonl", **kwargs):
    return posts_import(file=io.BytesIO("\n".join(lines).encode()), filename=name, **kwargs)


@pytest.mark.django_db
def test_broken_lines_are_quarantined_and_counts_reconcile(directory):
    good = _lines(4)
    bad = [
        "{not json",
        json.dumps({"id": "x1", "created_at": "yesterday", "text": "hi", "place": "bilbao"}),
        json.dumps({"id": "x2", "created_at": "2025-03-01", "text": "", "place": "bilbao"}),
        json.dumps({"id": "x3", "created_at": "2025-03-01", "text": "hi", "place": "atlantis"}),
        json.dumps(["a", "list"]),
    ]
    outcome = _import(good[:2] + bad + good[2:])
    assert (outcome.read, outcome.added, outcome.existing, outcome.quarantined) == (9, 4, 0, 5)
    reasons = [item["reason"] for item in outcome.quarantine.items]
    assert "not valid JSON" in reasons[0]
    assert any("ISO 8601" in r for r in reasons)
    assert any("no text" in r for r in reasons)
    assert any("atlantis" in r for r in reasons)
    again = _import(good + good[:1])
    assert (again.read, again.added, again.existing, again.quarantined) == (5, 0, 5, 0)
    assert Post.objects.count() == 4
    stored = Post.objects.get(external_id="p1")
    assert stored.author == pseudonym("user1") and "user1" not in stored.author
    with override_settings(ICC_BAROMETER_KEY="another key"):
        assert pseudonym("user1") != stored.author


@pytest.mark.django_db
def test_csv_posts_and_sensing_go_through_the_tabular_layer(directory, tmp_path):
    csv_text = (
        "id,created_at,text,neighbourhood,author\n"
        "c1,2025-04-02T08:00:00Z,Thank you neighbours!,Deusto,a\n"
        "c2,not a date,Hello,,b\n"
        "c3,2025-04-03,Hola vecinos,,c,extra\n"
    )
    outcome = _import([csv_text], name="posts.csv", place="getxo", source="forum")
    assert (outcome.read, outcome.added, outcome.quarantined) == (3, 1, 2)
    assert Post.objects.get().place_id == directory["getxo"].pk
    sensing = (
        "place,indicator,period,value,unit,direction\n"
        "bilbao,volunteers,2025-03,12.5,per 1000,higher_is_better\n"
        "bilbao,incidents,2025-03,4,per month,lower_is_better\n"
        "bilbao,incidents,2025-04,many,per month,lower_is_better\n"
        "nowhere,incidents,2025-04,3,per month,-1\n"
    )
    result = sensing_import(file=io.BytesIO(sensing.encode()), filename="s.csv")
    assert (result.read, result.added, result.quarantined) == (4, 2, 2)
    assert SensingValue.objects.get(indicator="incidents").direction == -1
    again = sensing_import(file=io.BytesIO(sensing.encode()), filename="s.csv")
    assert (again.added, again.existing) == (0, 2)


def _observations(place_id):
    for i in range(6):
        observation_record(
            place_id=place_id,
            source="form",
            external_id=f"o{i}",
            observed_at=dt.datetime(2025, 3, 3 + i, 15, tzinfo=dt.UTC),
            people=3,
            mixed=i % 2 == 0,
            interaction=["positive", "neutral", "conflict"][i % 3],
        )


def _aggregates():
    return list(
        Cell.objects.order_by("place", "neighbourhood", "period", "start").values(
            "place",
            "neighbourhood",
            "period",
            "start",
            "n_posts",
            "hidden",
            "score",
            "low",
            "high",
            "values",
        )
    )


@pytest.mark.django_db(transaction=True)
def test_the_pipeline_gives_identical_aggregates_in_process_and_on_two_dask_workers(directory):
    from distributed import Client, LocalCluster

    _import(_lines(60))
    _observations(directory["bilbao"].pk)
    with override_settings(ICC_BAROMETER_MIN_POSTS=20):
        outcome = barometer_run(chunk_size=15)
        local = _aggregates()
        assert outcome.processed == 60
        Post.objects.update(processed=False, text="")
        # Texts were dropped after processing (no retention): put them back for the second run.
        for _i, post in enumerate(Post.objects.order_by("pk")):
            post.text = TEXTS[int(post.external_id[1:]) % len(TEXTS)]
            post.save(update_fields=["text"])
        with LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster:
            distributed = barometer_run(chunk_size=15, scheduler=cluster.scheduler_address)
            with Client(cluster) as client:  # every worker was set up (allocator tuned)
                setup = client.run(lambda dask_worker: sorted(dask_worker.plugins))
        assert distributed.processed == 60
        assert [names.count("icc-barometer-setup") for names in setup.values()] == [1, 1]
    assert _aggregates() == local
    month = next(c for c in local if c["period"] == "month" and c["neighbourhood"] == "")
    assert month["n_posts"] == 60 and not month["hidden"]
    assert 0 <= month["low"] <= month["score"] <= month["high"] <= 100
    assert month["values"]["observations"] == 6 and month["values"]["conflicts"] == 2
    assert set(month["values"]["languages"]) >= {"en", "sv", "uk", "es"}
    weeks = [c for c in local if c["period"] == "week" and c["neighbourhood"] == ""]
    assert any(c["hidden"] and c["score"] is None for c in weeks)  # fewer than 20 posts
    assert not Post.objects.exclude(text="").exists()


@pytest.mark.django_db
def test_texts_are_kept_for_the_retention_period_only(directory):
    _import(_lines(3))
    with override_settings(ICC_BAROMETER_RETENTION_DAYS=30):
        barometer_run()
    kept = Post.objects.get(external_id="p0")
    assert kept.text == TEXTS[0] and kept.text_until is not None
    Post.objects.update(text_until=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    assert barometer_run().texts_cleared == 3
    assert not Post.objects.exclude(text="").exists()


@pytest.mark.django_db
def test_the_command_line_imports_runs_and_classifies(directory, tmp_path, capsys):
    path = tmp_path / "posts.jsonl"
    path.write_text("\n".join([*_lines(25), "{broken"]) + "\n", encoding="utf-8")
    out = io.StringIO()
    call_command("barometer", "import-posts", str(path), stdout=out)
    assert "26 lines read: 25 added, 0 already there, 1 quarantined" in out.getvalue()
    quarantine = Path(str(path) + ".quarantine.jsonl")
    assert json.loads(quarantine.read_text())["line"] == 26
    out = io.StringIO()
    call_command("barometer", "run", stdout=out)
    assert "25 posts classified" in out.getvalue()
    assert "#" in capsys.readouterr().err  # the progress bar
    texts = tmp_path / "texts.txt"
    lines = ["Tack så mycket, underbart!", "Дякуємо сусідам за допомогу, ми разом і це чудово!"]
    texts.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = io.StringIO()
    call_command("barometer", "classify", "--model", "fast", str(texts), stdout=out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["lang"] for r in rows] == ["sv", "uk"]
    assert all(r["sentiment"] in {"negative", "neutral", "positive"} for r in rows)


def test_evaluate_prints_macro_f1_per_language(tmp_path):
    path = tmp_path / "labelled.jsonl"
    rows = [
        {"text": "I love this, thank you so much, wonderful!", "label": "positive", "lang": "en"},
        {"text": "This is terrible, I hate it.", "label": "negative", "lang": "en"},
        {"text": "¡Me encanta, muchas gracias, maravilloso!", "label": 2, "lang": "es"},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = io.StringIO()
    call_command("barometer", "evaluate", "--model", "fast", str(path), stdout=out)
    lines = out.getvalue().splitlines()
    assert [line.split("\t")[0] for line in lines] == ["en", "es", "all", "mean"]
    assert all("macro-F1" in line for line in lines)
