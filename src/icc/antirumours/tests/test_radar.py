"""The rumour radar: posts imported by the barometer matched to the register across languages,
counted per rumour and month; only counts are kept."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from icc.antirumours.models import RadarCount
from icc.antirumours.radar import radar_counts, radar_examples
from icc.antirumours.services.radar import example_text
from icc.barometer.models import Post
from icc.conftest import client_for


def test_each_post_counts_once_for_its_nearest_rumour_above_the_threshold() -> None:
    rumours = np.array([[1.0, 0.0], [0.0, 1.0]])
    angle = np.deg2rad([5, 20, 80, 60])  # cosines with rumour 0: .996, .940, .174, .5
    posts = np.stack([np.cos(angle), np.sin(angle)], axis=1)
    assert radar_counts(rumours=rumours, posts=posts, threshold=0.9) == [2, 1]
    assert radar_counts(rumours=rumours, posts=posts[:0], threshold=0.9) == [0, 0]
    with pytest.raises(ValueError):
        radar_counts(rumours=rumours, posts=posts, threshold=0)
    with pytest.raises(ValueError):
        radar_counts(rumours=rumours, posts=np.ones((1, 3)), threshold=0.5)


@pytest.mark.django_db
def test_the_radar_counts_a_month_of_posts_in_other_languages(
    ar: dict[str, Any], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    bilbao = ar["bilbao"]
    texts = [
        "Immigrants get all the social benefits before the neighbours, it's unfair @mayor "
        "https://example.org/x",  # welfare, with a mention and a link
        "Los inmigrantes se quedan con todas las ayudas sociales",  # welfare
        "The new bakery on the corner has excellent bread",  # neither
    ]
    for i, text in enumerate(texts):
        Post.objects.create(
            place=bilbao, source="test", external_id=str(i), text=text, processed=True,
            created_at=dt.datetime(2025, 3, 10 + i, 12, tzinfo=dt.UTC),
        )  # fmt: skip
    team = client_for(ar["team"])
    with django_capture_on_commit_callbacks(execute=True):
        team.post("/en/antirumours/city/bilbao/radar/", {"month": "2025-03"})
    counts = {row.rumour_id: row.posts for row in RadarCount.objects.all()}
    assert counts[ar["private"].pk] == 2  # the welfare rumour, in English and Spanish
    assert counts[ar["shared"].pk] == 0  # "newcomers take the jobs": no post
    assert {row.posts_read for row in RadarCount.objects.all()} == {3}
    welfare = RadarCount.objects.get(rumour=ar["private"])
    assert len(welfare.examples) == 2  # what was counted, nearest first, masked
    assert any("@user" in e and "[link]" in e and "@mayor" not in e for e in welfare.examples)
    assert not RadarCount.objects.get(rumour=ar["shared"]).examples
    page = team.get("/en/antirumours/city/bilbao/radar/").content.decode()
    assert "Mar 2025" in page
    assert "What the radar counted" in page and "Los inmigrantes se quedan" in page
    assert (
        client_for(ar["other_network"]).get("/en/antirumours/city/bilbao/radar/").status_code == 404
    )


def test_examples_are_the_nearest_counted_posts_of_each_rumour() -> None:
    rumours = np.array([[1.0, 0.0], [0.0, 1.0]])
    posts = np.array([[0.9, 0.1], [1.0, 0.0], [0.2, 0.9], [0.6, 0.6]])
    posts = posts / np.linalg.norm(posts, axis=1, keepdims=True)
    assert radar_examples(rumours=rumours, posts=posts, threshold=0.9, per_rumour=1) == [[1], [2]]
    assert radar_examples(rumours=rumours, posts=posts, threshold=0.9) == [[1, 0], [2]]
    assert example_text("x" * 300).endswith("…") and len(example_text("x" * 300)) == 200
    assert example_text("write to ana@example.org now") == "write to [e-mail] now"
