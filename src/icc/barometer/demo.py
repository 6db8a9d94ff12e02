"""Synthetic demo data of the barometer: posts, observations and sensing values for two demo
cities (Botkyrka, where the pilot took place, and Bilbao) over twelve months.

Everything here is invented and marked so (``synthetic=True``, source ``demo-synthetic``): the
posts are built from short sentences written for the demo, in several languages, drawn by a
seeded random generator (``SEED``), so that every run produces the same data. The mix of
positive and negative sentences drifts over the months (Botkyrka improves, Bilbao dips in the
summer), so the dashboard has something to show. Nothing here describes real residents.

Run ``icc barometer demo`` (``icc demo`` calls it): it adds what is missing, then runs the
pipeline with the fast model.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import cast

from django.db import transaction

from icc.barometer.ingest import pseudonym
from icc.barometer.models import Cell, Post, SensingValue
from icc.barometer.services import barometer_run, observation_record
from icc.network.selectors import place_ids_by_slug

SEED = 20260301
SOURCE = "demo-synthetic"
FIRST_MONTH = dt.date(2025, 1, 1)
MONTHS = 12
POSTS_PER_MONTH = 60

SENTENCES: dict[str, dict[str, tuple[str, ...]]] = {
    "sv": {
        "positive": (
            "Så fint att vi firade tillsammans med grannarna i parken idag!",
            "Tack till alla volontärer som hjälpte till på festivalen, underbart!",
            "Vår nya mötesplats i biblioteket är verkligen välkomnande.",
        ),
        "neutral": (
            "Kommunen håller informationsmöte om bussarna på tisdag.",
            "Biblioteket har nya öppettider från nästa vecka.",
        ),
        "negative": (
            "Jag är så arg, de där människorna förstör allt här.",
            "Fruktansvärt, ännu ett bråk vid centrum i kväll.",
        ),
    },
    "es": {
        "positive": (
            "¡Qué bonito ver a los vecinos compartiendo la fiesta del barrio juntos!",
            "Gracias a todas las voluntarias que ayudan en el comedor, sois geniales.",
            "Me encanta el nuevo espacio de encuentro del mercado, muy acogedor.",
        ),
        "neutral": (
            "El ayuntamiento publica el horario de la piscina municipal.",
            "Mañana hay reunión de la asociación de vecinos a las siete.",
        ),
        "negative": (
            "Estoy harto, esa gente no respeta nada en esta calle.",
            "Qué asco, otra pelea en la plaza esta noche.",
        ),
    },
    "en": {
        "positive": (
            "Lovely afternoon at the community garden, everyone helping each other!",
            "Thank you neighbours for welcoming the new families so warmly.",
        ),
        "neutral": ("The council meeting about the new bus route is on Thursday.",),
        "negative": ("I hate how those people take over the square every night.",),
    },
    "ar": {
        "positive": ("شكرا لكل الجيران على المساعدة، يوم جميل معا",),
        "neutral": ("اجتماع الحي يوم الخميس في المكتبة",),
        "negative": ("أنا غاضب جدا من الوضع في الحي",),
    },
    "uk": {
        "positive": ("Дякуємо сусідам за допомогу, ми разом і це чудово!",),
        "neutral": ("Завтра зустріч громади в бібліотеці о шостій.",),
        "negative": ("Жахливо, знову сварка біля станції.",),
    },
    "fr": {
        "positive": ("Merci aux voisins pour cette belle fête ensemble, quel bonheur !",),
        "neutral": ("La mairie publie les horaires d'été de la médiathèque.",),
        "negative": ("Quelle honte, encore une bagarre devant la gare.",),
    },
}
CITIES: dict[str, dict[str, object]] = {
    "botkyrka": {
        "languages": {"sv": 0.55, "en": 0.15, "ar": 0.15, "uk": 0.15},
        "neighbourhoods": ("Alby", "Fittja", "Hallunda", "Tumba"),
        "trend": lambda m: 0.35 + 0.02 * m,  # share positive rises over the year
    },
    "bilbao": {
        "languages": {"es": 0.65, "en": 0.1, "fr": 0.1, "uk": 0.15},
        "neighbourhoods": ("Bilbao La Vieja", "San Francisco", "Deusto", "Rekalde"),
        "trend": lambda m: 0.45 - (0.12 if 5 <= m <= 7 else 0.0),  # a summer dip
    },
}


def _month(index: int) -> dt.date:
    year = FIRST_MONTH.year + (FIRST_MONTH.month - 1 + index) // 12
    month = (FIRST_MONTH.month - 1 + index) % 12 + 1
    return dt.date(year, month, 1)


def demo_posts(rng: random.Random, slug: str) -> list[dict[str, object]]:
    """The synthetic posts of one demo city (seeded)."""
    city = CITIES[slug]
    languages = city["languages"]
    assert isinstance(languages, dict)
    neighbourhoods = city["neighbourhoods"]
    assert isinstance(neighbourhoods, tuple)
    trend = city["trend"]
    posts = []
    for m in range(MONTHS):
        start = _month(m)
        positive = float(trend(m))  # type: ignore[operator]
        for i in range(POSTS_PER_MONTH):
            lang = rng.choices(list(languages), weights=list(languages.values()))[0]
            roll = rng.random()
            kind = "positive" if roll < positive else "negative" if roll > 0.8 else "neutral"
            text = rng.choice(SENTENCES[lang][kind])
            moment = dt.datetime.combine(
                start + dt.timedelta(days=rng.randrange(28)),
                dt.time(rng.randrange(8, 22)),
                tzinfo=dt.UTC,
            )
            posts.append(
                {
                    "id": f"{slug}-{start:%Y%m}-{i:03d}",
                    "created_at": moment,
                    "text": text,
                    "neighbourhood": rng.choice(neighbourhoods),
                    "author": f"demo-author-{rng.randrange(200)}",
                }
            )
    return posts


@transaction.atomic
def _load_city(slug: str, place_id: int, rng: random.Random) -> tuple[int, int, int]:
    existing = set(
        Post.objects.filter(source=SOURCE, place_id=place_id).values_list("external_id", flat=True)
    )
    new = [
        Post(
            place_id=place_id,
            source=SOURCE,
            external_id=str(p["id"]),
            created_at=cast(dt.datetime, p["created_at"]),
            text=str(p["text"]),
            neighbourhood=str(p["neighbourhood"]),
            author=pseudonym(str(p["author"])),
            synthetic=True,
        )
        for p in demo_posts(rng, slug)
        if p["id"] not in existing
    ]
    Post.objects.bulk_create(new, batch_size=1000)
    n_obs = 0
    for m in range(MONTHS):
        start = _month(m)
        for i in range(12):
            mixed = rng.random() < 0.5
            roll = rng.random()
            interaction = "positive" if roll < 0.55 else "conflict" if roll > 0.92 else "neutral"
            n_obs += observation_record(
                place_id=place_id,
                source=SOURCE,
                external_id=f"{slug}-obs-{start:%Y%m}-{i:02d}",
                observed_at=dt.datetime.combine(
                    start + dt.timedelta(days=rng.randrange(28)), dt.time(15), tzinfo=dt.UTC
                ),
                people=rng.randrange(2, 12),
                mixed=mixed,
                interaction=interaction,
                location="demo: square" if i % 2 else "demo: library",
                duration_minutes=rng.randrange(2, 30),
                synthetic=True,
            )
    n_sensing = 0
    for m in range(MONTHS):
        for indicator, unit, direction, base in (
            ("volunteers", "per 1,000 residents", 1, 12.0),
            ("reported hate incidents", "per month", -1, 6.0),
        ):
            _, created = SensingValue.objects.get_or_create(
                place_id=place_id,
                indicator=indicator,
                period=_month(m),
                defaults={
                    "value": round(
                        base + rng.uniform(-2, 2) + (0.3 * m if direction > 0 else 0), 1
                    ),
                    "unit": unit,
                    "direction": direction,
                    "synthetic": True,
                },
            )
            n_sensing += created
    return len(new), n_obs, n_sensing


def barometer_demo_load() -> list[str]:
    """Add the synthetic data (what is missing) and run the pipeline; idempotent."""
    places = place_ids_by_slug(slugs=CITIES)
    lines = []
    for slug in sorted(CITIES):
        if slug not in places:
            lines.append(f"Barometer demo: no place {slug!r}; skipped.")
            continue
        rng = random.Random(f"{SEED}-{slug}")
        posts, observations, sensing = _load_city(slug, places[slug], rng)
        lines.append(
            f"Barometer demo ({slug}, synthetic): {posts} posts, {observations} observations, "
            f"{sensing} sensing values added."
        )
    if Post.objects.filter(processed=False).exists() or not Cell.objects.exists():
        outcome = barometer_run(model="fast")
        lines.append(
            f"Barometer demo: {outcome.processed} posts classified, {outcome.cells} cells."
        )
    return lines
