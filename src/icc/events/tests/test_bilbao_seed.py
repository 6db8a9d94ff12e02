# ruff: noqa: E501 -- the seed's text is copied verbatim, one programme item per line.
"""Acceptance: the Bilbao 2023 programme on the platform is the published one, item by item, in
French and in English, and its calendar holds one event per session at Europe/Madrid times.

The table below is copied by hand from ``shared/seeds/bilbao-2023-coordinators-meeting-
programme.fr.md`` (French as published; English is the platform's translation).
"""

import datetime as dt
import html
import re
import zoneinfo
from typing import Any

import icalendar
import pytest
from django.test import Client

MADRID = zoneinfo.ZoneInfo("Europe/Madrid")
EVENT = "/{lang}/events/coordinators-meeting-bilbao-2023/"

# Each time slot of the seed, in order: French time as printed, part, and what it holds:
# a break (label fr, en) or sessions (title fr, title en, [(person, role)]).
KONTXI = "Kontxi Claver Zurro"
THORSTEN = "Thorsten Afflerbach"
GIULIA = "Giulia Bianchini"
GEMMA = "Gemma Pinyol-Jiménez"
GEORGES = "Georges Belinga"
CLAUDIA = "Claudia Emmanuel Laredo"
EKAIN = "Ekain Larrinaga Muguruza"
JULIA = "Julia Shershneva"
DANIEL = "Daniel De Torres"

PARTS: list[tuple[str, str, dt.date]] = [
    ("14 novembre 2023 - Partie 1", "14 November 2023 - Part 1", dt.date(2023, 11, 14)),
    ("14 novembre 2023 - Partie 2", "14 November 2023 - Part 2", dt.date(2023, 11, 14)),
    ("15 novembre - Partie 3", "15 November - Part 3", dt.date(2023, 11, 15)),
    ("15 novembre - Partie 4", "15 November - Part 4", dt.date(2023, 11, 15)),
]
SEED: list[tuple[int, str, str, Any]] = [
    (0, "9h", "9:00", [("Arrivée et inscription des participant-e-s", "Arrival and registration of participants", [])]),
    (0, "9h30 – 11h", "9:30 – 11:00", [
        ("Ouverture de la réunion et mots de bienvenue", "Opening of the meeting and words of welcome",
         [(KONTXI, "speaker"), (THORSTEN, "speaker")]),
        ("Bilan de l'année écoulée", "Review of the past year", [(THORSTEN, "moderator"), (GIULIA, "moderator")]),
        ("Compte rendu de la première réunion du groupe consultatif",
         "Report on the first meeting of the Advisory Group", [(GEMMA, "moderator")]),
    ]),
    (0, "11h – 11h30", "11:00 – 11:30", ("Pause-café", "Coffee break")),
    (0, "11h30 – 12h30", "11:30 – 12:30", [
        ("Perspectives futures", "Future prospects", [(THORSTEN, "moderator"), (GIULIA, "moderator")]),
    ]),
    (0, "12h30 – 14h30", "12:30 – 14:30", ("Pause déjeuner", "Lunch break")),
    (1, "14h30 – 16h30", "14:30 – 16:30", [
        ("Visite des quartiers de San Francisco, Bilbao La Vieja et Zabala avec le projet DIVERSITOURS",
         "Visit of the San Francisco, Bilbao La Vieja and Zabala neighbourhoods with the DIVERSITOURS project", []),
    ]),
    (1, "19h", "19:00", [
        ("Visite de AZKUNA ZENTROA : explorer l'atrium des cultures. La visite sera suivie d'un moment de convivialité",
         "Visit of AZKUNA ZENTROA: exploring the atrium of cultures. The visit will be followed by a social moment", []),
    ]),
    (1, "20h30", "20:30", [("Dîner au Restaurant Txio", "Dinner at Restaurant Txio", [])]),
    (2, "9h30 – 11h", "9:30 – 11:00", [
        ("Débriefing des visites à Bilbao", "Debriefing of the visits in Bilbao",
         [(GEORGES, "moderator"), (CLAUDIA, "support"), (EKAIN, "support")]),
    ]),
    (2, "11h – 11h30", "11:00 – 11:30", ("Pause-café", "Coffee break")),
    (2, "11h30 – 12h30", "11:30 – 12:30", [
        ("Présentation de Bilbao sur : La reconnaissance des femmes migrantes et le Conseil local de l'immigration",
         "Presentation by Bilbao on: the recognition of migrant women and the Local Immigration Council",
         [(CLAUDIA, "presenter")]),
        ("Présentation de l'Observatoire basque de l'immigration", "Presentation of the Basque Immigration Observatory",
         [(JULIA, "presenter")]),
    ]),
    (2, "12h30 – 14h30", "12:30 – 14:30", ("Pause déjeuner", "Lunch break")),
    (3, "14h30 – 16h30", "14:30 – 16:30", [
        ("Formation à la compétence interculturelle", "Training in intercultural competence", [(DANIEL, "moderator")]),
    ]),
    (3, "16h30", "16:30", [("Conclusion par le Secrétariat ICC", "Conclusion by the ICC Secretariat", [])]),
    (3, "16h35", "16:35", [("Fin de la réunion", "End of the meeting", [])]),
]  # fmt: skip
# People with the title the seed prints at their first mention.
BYLINES_FR = {
    KONTXI: "Kontxi Claver Zurro, Conseillère pour l'égalité, le vivre ensemble, la coopération et l'immigration",
    THORSTEN: "Thorsten Afflerbach, Chef de Division, Programmes d'inclusion et d'anti-discrimination",
    GEMMA: "Gemma Pinyol-Jiménez, Membre du groupe consultatif",
    GEORGES: "Georges Belinga, Directeur de KOOPS SF34",
    JULIA: "Julia Shershneva, Directrice de IKUSPEGI",
}  # fmt: skip
TRAINING_ITEMS_FR = [
    "Présentation des ressources disponibles sur les compétences interculturelles et de la manière de développer une formation dans ce domaine",
    "Témoignages de villes ayant déjà organisé une formation à la compétence interculturelle",
    "Séance de questions-réponses",
    "Les défis du point de vue des formateur·trice·s",
    "Discussion en groupe et questions-réponses",
]  # fmt: skip
SESSIONS = [s for _, _, _, content in SEED if isinstance(content, list) for s in content]


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _sessions(page: str) -> list[dict[str, str]]:
    """Each session article of the page: its title and the text of each people line."""
    found = []
    for article in re.findall(r'<article class="session".*?</article>', page, re.S):
        title = re.search(r'<h4 class="session-title">(.*?)(?:<a |</h4>)', article, re.S)
        entry = {"title": _text(title.group(1)), "html": article}
        for role, tag in (
            ("speaker", "ul"),
            ("moderator", "p"),
            ("presenter", "p"),
            ("support", "p"),
        ):
            cls = (
                "speakers"
                if role == "speaker"
                else "moderators"
                if role == "moderator"
                else ("presenters" if role == "presenter" else "support")
            )
            match = re.search(rf'<{tag} class="people {cls}">(.*?)</{tag}>', article, re.S)
            entry[role] = _text(match.group(1)) if match else ""
        found.append(entry)
    return found


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_programme_page_has_every_item_in_order(bilbao, lang):
    page = Client().get(EVENT.format(lang=lang)).content.decode()
    fr = lang == "fr"
    # time slots: the printed times, in order (open-ended slots show their start only)
    times = [_text(t) for t in re.findall(r'<div class="slot-time">(.*?)</div>', page, re.S)]
    assert times == [s[1] if fr else s[2] for s in SEED]
    # parts, breaks, session titles and names: all there, in the seed's order
    expected: list[str] = []
    for index, (part, fr_time, en_time, content) in enumerate(SEED):
        if index == 0 or SEED[index - 1][0] != part:
            expected.append(PARTS[part][0] if fr else PARTS[part][1])
        expected.append(fr_time if fr else en_time)
        if isinstance(content, tuple):
            expected.append(content[0 if fr else 1])
            continue
        for title_fr, title_en, people in content:
            expected.append(title_fr if fr else title_en)
            expected.extend(name for name, _ in people)
    text, position = _text(page), 0
    for needle in expected:
        found = text.find(needle, position)
        assert found >= 0, f"{needle!r} is missing or out of order"
        position = found + len(needle)
    # each session with its people in their roles
    sessions = _sessions(page)
    assert [s["title"] for s in sessions] == [s[0 if fr else 1] for s in SESSIONS]
    for shown, (_, _, people) in zip(sessions, SESSIONS, strict=True):
        for role in ("speaker", "moderator", "presenter", "support"):
            names = [name for name, r in people if r == role]
            line = shown[role]
            assert all(name in line for name in names), (shown["title"], role, line)
            assert bool(line) == bool(names), (shown["title"], role, line)


def test_french_page_reproduces_the_seed_wording(bilbao):
    page = Client().get(EVENT.format(lang="fr")).content.decode()
    text = _text(page)
    for byline in BYLINES_FR.values():  # titles as printed, at each person's first mention
        assert byline in text
    for item in TRAINING_ITEMS_FR:
        assert f"<li>{html.escape(item)}</li>" in page or f"<li>{item}</li>" in page
    assert "Bilbao (Espagne), 14-15 novembre 2023" in text
    assert "Réunion annuelle des coordinateurs et coordinatrices des Cités interculturelles" in text
    assert (
        "La réunion des coordinateur-trice-s des Cités interculturelles (ICC) est le rassemblement "
        "annuel des coordinateur-trice-s des membres du réseau international ICC"
    ) in text
    assert (
        "coordinateur-trice-s des villes membres du réseau international ICC et "
        "coordinateur-trice-s des réseaux nationaux ICC."
    ) in text
    assert "Bizkaia Aretoa-UPV/EHU" in text
    assert "Abandoibarra Etorb., 3, 48009 Bilbao, Bizkaia" in text
    assert "Salle Oteiza, Université du Pays basque, Bilbao, Espagne" in text
    languages = re.search(r'<dd class="languages">(.*?)</dd>', page, re.S).group(1)
    assert "Anglais" in languages and "français" in languages
    assert "8 novembre 2023" in text  # publication date of the programme
    assert (
        "Discussion en groupe et questions-réponses." in text
        and "Résumé préliminaire de la deuxième réunion (13 novembre)" in text
    )


def test_language_switcher_links_the_other_language(bilbao):
    page = Client().get(EVENT.format(lang="fr")).content.decode()
    assert 'href="/en/events/coordinators-meeting-bilbao-2023/"' in page
    english = Client().get(EVENT.format(lang="en")).content.decode()
    assert 'href="/fr/events/coordinators-meeting-bilbao-2023/"' in english


def test_api_programme_matches_the_seed(bilbao):
    data = Client().get("/api/v1/events/coordinators-meeting-bilbao-2023/programme?lang=fr").json()
    assert [p["title"] for p in data["parts"]] == [p[0] for p in PARTS]
    slots = [slot for part in data["parts"] for slot in part["slots"]]
    assert len(slots) == len(SEED)
    sessions = [s for slot in slots for s in slot["sessions"]]
    assert [s["title"] for s in sessions] == [s[0] for s in SESSIONS]
    for shown, (_, _, people) in zip(sessions, SESSIONS, strict=True):
        assert [(p["name"], p["role"]) for p in shown["people"]] == people
    georges = sessions[8]["people"][0]
    assert georges == {
        "name": GEORGES,
        "role": "moderator",
        "title": "Directeur de KOOPS SF34",
        "organisation": "KOOPS SF34",
    }
    assert slots[1]["start"] == "2023-11-14T09:30:00+01:00"
    assert slots[1]["end"] == "2023-11-14T11:00:00+01:00"
    assert [s["title"] for s in slots if s["is_break"]] == [
        "Pause-café", "Pause déjeuner", "Pause-café", "Pause déjeuner"
    ]  # fmt: skip
    english = Client().get("/api/v1/events/coordinators-meeting-bilbao-2023/programme?lang=en")
    assert [
        s["title"] for p in english.json()["parts"] for sl in p["slots"] for s in sl["sessions"]
    ] == [s[1] for s in SESSIONS]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/events/coordinators-meeting-bilbao-2023/calendar.ics",
        "/fr/events/coordinators-meeting-bilbao-2023/calendar.ics",
    ],
)
def test_calendar_has_one_event_per_session_at_madrid_times(bilbao, url):
    response = Client().get(url)
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == len(SESSIONS) == 14
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Madrid"]
    expected_starts = []
    for part, _, en_time, content in SEED:
        if isinstance(content, list):
            hour, minute = map(int, en_time.split(" ")[0].split(":"))
            start = dt.datetime.combine(PARTS[part][2], dt.time(hour, minute), tzinfo=MADRID)
            expected_starts.extend([start] * len(content))
    for vevent, start in zip(events, expected_starts, strict=True):
        dtstart = vevent["DTSTART"]
        assert dtstart.params["TZID"] == "Europe/Madrid"
        assert dtstart.dt == start
        assert dtstart.dt.utcoffset() == dt.timedelta(hours=1)  # CET in November
        assert "DTSTAMP" in vevent and vevent["URL"].startswith("http")
    uids = [str(v["UID"]) for v in events]
    assert len(set(uids)) == len(uids)
    raw = response.content.decode()
    assert "DTSTART;TZID=Europe/Madrid:20231114T093000" in raw
    opening = events[1]
    assert opening["DTEND"].dt == dt.datetime(2023, 11, 14, 11, 0, tzinfo=MADRID)
    assert str(opening["LOCATION"]).startswith("Bizkaia Aretoa-UPV/EHU")
    summaries = [str(v["SUMMARY"]) for v in events]
    french = "/fr/" in url
    assert summaries == [s[0] if french else s[1] for s in SESSIONS]
    # open-ended slots last until the next slot of their part
    assert events[0]["DTEND"].dt == dt.datetime(2023, 11, 14, 9, 30, tzinfo=MADRID)
    # calendars are stable: same data, same bytes
    assert Client().get(url).content == response.content
