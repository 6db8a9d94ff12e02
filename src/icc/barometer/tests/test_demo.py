"""The demo: synthetic, seeded, idempotent, and it leaves a barometer to look at."""

import pytest

from icc.barometer.demo import barometer_demo_load
from icc.barometer.models import Cell, Observation, Post, SensingValue


@pytest.mark.django_db
def test_the_demo_is_synthetic_and_loads_once(directory):
    lines = barometer_demo_load()
    assert any("botkyrka" in line and "skipped" in line for line in lines)  # not in the fixture
    assert Post.objects.count() == 720 and not Post.objects.filter(synthetic=False).exists()
    assert Observation.objects.filter(synthetic=True).count() == 144
    assert SensingValue.objects.filter(synthetic=True).count() == 24
    shown = Cell.objects.filter(period="month", neighbourhood="", hidden=False)
    assert shown.count() == 12
    assert all((c.low or 0) <= (c.score or 0) <= (c.high or 0) for c in shown)
    assert all(c.score is not None for c in shown)
    languages = set().union(*(c.values["languages"] for c in shown))
    assert {"es", "uk", "fr"} <= languages
    texts = list(Post.objects.values_list("author", flat=True)[:3])
    assert all(len(a) == 32 and "demo" not in a for a in texts)
    barometer_demo_load()
    assert Post.objects.count() == 720 and Observation.objects.count() == 144
