"""The programme's themes, in the seven content languages (seeded by migration 0002)."""

from __future__ import annotations

from typing import Any

# slug, events' theme slugs, {language: name}
THEMES: list[tuple[str, str, dict[str, str]]] = [
    ("anti-rumours", "anti-rumours", {
        "en": "Anti-rumours", "fr": "Anti-rumeurs", "es": "Antirrumores", "it": "Anti-dicerie",
        "pt": "Anti-rumores", "uk": "Протидія чуткам", "de": "Gegen Gerüchte",
    }),
    ("gentrification", "public-space", {
        "en": "Gentrification", "fr": "Gentrification", "es": "Gentrificación",
        "it": "Gentrificazione", "pt": "Gentrificação", "uk": "Джентрифікація",
        "de": "Gentrifizierung",
    }),
    ("systemic-discrimination", "anti-discrimination", {
        "en": "Systemic discrimination", "fr": "Discrimination systémique",
        "es": "Discriminación sistémica", "it": "Discriminazione sistemica",
        "pt": "Discriminação sistémica", "uk": "Системна дискримінація",
        "de": "Systemische Diskriminierung",
    }),
    ("artificial-intelligence", "artificial-intelligence", {
        "en": "Artificial intelligence", "fr": "Intelligence artificielle",
        "es": "Inteligencia artificial", "it": "Intelligenza artificiale",
        "pt": "Inteligência artificial", "uk": "Штучний інтелект", "de": "Künstliche Intelligenz",
    }),
    ("refugees", "refugees", {
        "en": "Refugees", "fr": "Personnes réfugiées", "es": "Personas refugiadas",
        "it": "Rifugiati", "pt": "Pessoas refugiadas", "uk": "Біженці", "de": "Geflüchtete",
    }),
    ("lgbti-inclusion", "", {
        "en": "LGBTI inclusion", "fr": "Inclusion des personnes LGBTI",
        "es": "Inclusión de las personas LGBTI", "it": "Inclusione delle persone LGBTI",
        "pt": "Inclusão das pessoas LGBTI", "uk": "Інклюзія ЛГБТІ-людей",
        "de": "Inklusion von LGBTI-Personen",
    }),
    ("religious-communities", "", {
        "en": "Religious communities", "fr": "Communautés religieuses",
        "es": "Comunidades religiosas", "it": "Comunità religiose",
        "pt": "Comunidades religiosas", "uk": "Релігійні громади",
        "de": "Religionsgemeinschaften",
    }),
    ("intercultural-competence", "intercultural-competence", {
        "en": "Intercultural competence", "fr": "Compétence interculturelle",
        "es": "Competencia intercultural", "it": "Competenza interculturale",
        "pt": "Competência intercultural", "uk": "Міжкультурна компетентність",
        "de": "Interkulturelle Kompetenz",
    }),
    ("covid-19", "covid-19", {
        "en": "Covid-19", "fr": "Covid-19", "es": "Covid-19", "it": "Covid-19",
        "pt": "Covid-19", "uk": "Covid-19", "de": "Covid-19",
    }),
    ("youth", "youth", {
        "en": "Youth", "fr": "Jeunesse", "es": "Juventud", "it": "Giovani", "pt": "Juventude",
        "uk": "Молодь", "de": "Jugend",
    }),
]  # fmt: skip


def themes_ensure(theme_model: Any) -> None:
    """Create or update the themes above (idempotent). ``theme_model``: the ``Theme`` model, or
    its historical version in a migration."""
    for position, (slug, event_themes, names) in enumerate(THEMES):
        values = {f"name_{lang}": name for lang, name in names.items()}
        theme_model.objects.update_or_create(
            slug=slug,
            defaults={"name": names["en"], "position": position, "event_themes": event_themes,
                      **values},
        )  # fmt: skip
