"""Demo programme year 2020, from the ICC annual report 2020 (seed ``icc-annual-report-2020``).

What is a fact of the report: the grants' projects and places, the two virtual expert visits
(Rochester, Loures), the support examples, the new tools, the networks' highlights, the
operational expenditure of EUR 436,642.14 (one line: the report gives no breakdown) and which
events were regional. What is made up, and marked: the days of the visits and grants
(``is_demo_date`` / ``is_demo``); the report gives no amount per grant, so none is stored.
Idempotent: records are matched by their natural keys.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.http import Http404

from icc.events.selectors import public_events
from icc.knowledge.selectors import publication_get
from icc.network.models import Network, Place
from icc.programme.models import (
    CitySupport,
    EventSection,
    Expense,
    ExpenseCategory,
    ExpertVisit,
    Grant,
    GrantOutput,
    GrantStatus,
    NetworkReport,
    OutputKind,
    ReportedEvent,
    SupportKind,
    ToolHighlight,
    VisitMode,
    VisitPurpose,
    YearText,
)

if TYPE_CHECKING:
    from icc.knowledge.models import Publication

YEAR = 2020
TOTAL_2020 = Decimal("436642.14")

# Demo texts written for this project (the secretariat writes the real ones each year); the
# facts they mention come from the 2020 annual report.
FOREWORD = {
    "en": (
        "[Demo text] For the network, 2020 was the year of the pandemic: meetings moved online, "
        "cities faced new inequalities among their residents, and the debate on systemic racism "
        "reached European streets too.\n\n"
        "Member cities kept working on inclusion all the same, and many of them shared what they "
        "tried. This report counts what the network did during the year, from the platform's "
        "own records."
    ),
    "fr": (
        "[Texte de démonstration] Pour le réseau, 2020 a été l'année de la pandémie : les "
        "rencontres sont passées en ligne, les villes ont vu se creuser de nouvelles inégalités "
        "entre leurs habitant·e·s, et le débat sur le racisme systémique a gagné aussi les rues "
        "européennes.\n\n"
        "Les villes membres ont malgré tout poursuivi leur travail pour l'inclusion, et beaucoup "
        "ont partagé ce qu'elles ont essayé. Ce rapport dénombre ce que le réseau a fait dans "
        "l'année, à partir des données de la plateforme."
    ),
}
INTRODUCTION = {
    "en": (
        "[Demo text] Intercultural Cities helps local authorities design, carry out and "
        "evaluate integration policies built on diversity, equality and interaction.\n\n"
        "In 2020 the programme offered more services tailored to each city (a welcome pack, a "
        "brand pack, a new format for index reports, thematic surveys, the ICC charts, "
        "translations) and changed how it works: grants for work between cities, meetings of "
        "the national networks' coordinators and webinars."
    ),
    "fr": (
        "[Texte de démonstration] Cités interculturelles aide les collectivités locales à "
        "concevoir, mener et évaluer des politiques d'intégration fondées sur la diversité, "
        "l'égalité et l'interaction.\n\n"
        "En 2020, le programme a proposé davantage de services adaptés à chaque ville (dossier "
        "de bienvenue, pack image de marque, nouveau format des rapports de l'index, enquêtes "
        "thématiques, Chartes ICC, traductions) et a changé ses façons de travailler : aides au "
        "travail entre villes, réunions des coordinateurs et coordinatrices des réseaux "
        "nationaux, webinaires."
    ),
}

GRANTS: list[dict[str, Any]] = [
    {
        "title": {
            "en": "Intercultural twinning: cultural diversity for inclusive growth",
            "fr": "Jumelage interculturel : Diversité culturelle pour une croissance inclusive",
        },
        "lead": "limassol",
        "partners": ["ioannina"],
        "objectives": {
            "en": "Promote cultural diversity as an asset for inclusive growth after the "
            "pandemic, through information and public consultation actions.",
            "fr": "Promouvoir la diversité culturelle comme un atout pour une croissance "
            "inclusive en période post-pandémique, par des actions d'information et de "
            "consultation publique.",
        },
        "outputs": [
            (
                OutputKind.OTHER,
                {
                    "en": "Joint declaration: Cultural diversity, an asset for economic "
                    "development and social cohesion",
                    "fr": "Déclaration commune : La diversité culturelle, un atout pour le "
                    "développement économique et la cohésion sociale",
                },
                "",
            )
        ],
    },
    {
        "title": {
            "en": "Introducing and Engaging Diversity Globally",
            "fr": "Introducing and Engaging Diversity Globally",
        },
        "lead": "melitopol",
        "partners": [
            "ballarat",
            "lutsk",
            "odesa",
            "pavlohrad",
            "vinnytsia",
            "sumy",
            "maribyrnong",
            "melton",
            "hamamatsu",
        ],
        "objectives": {
            "en": "Improve the intercultural competence of municipal staff, police, media, "
            "minority and religious representatives and displaced people through workshops led "
            "by local trainers (Adelaide, Bacchus Marsh and Melbourne also took part).",
            "fr": "Améliorer les compétences interculturelles des administrations municipales, "
            "de la police, des médias, des représentant-e-s des minorités et des personnes "
            "déplacées par des ateliers animés par des formateurs locaux (Adélaïde, "
            "Bacchus-Marsh et Melbourne y ont aussi participé).",
        },
        "outputs": [
            (
                OutputKind.PUBLICATION,
                {
                    "en": "Intercultural Competence Development: Introducing and Engaging "
                    "Diversity Globally - Project Impact Analysis",
                    "fr": "Intercultural Competence Development: Introducing and Engaging "
                    "Diversity Globally - Project Impact Analysis",
                },
                "intercultural-competence-development-impact",
            )
        ],
    },
    {
        "title": {
            "en": "Valuing religious communities as key actors of social cohesion",
            "fr": "Valoriser les communautés religieuses en tant qu'acteurs clés de la "
            "cohésion sociale",
        },
        "lead": "reggio-emilia",
        "partners": ["novellara"],
        "objectives": {
            "en": "Help public administrations manage local contexts where religious "
            "pluralism is a core part of intercultural dialogue.",
            "fr": "Aider les administrations publiques à gérer des contextes locaux où le "
            "pluralisme religieux est un aspect fondamental du dialogue interculturel.",
        },
        "outputs": [
            (
                OutputKind.PUBLICATION,
                {
                    "en": "Handbook: Valuing religious communities as key actors of social "
                    "cohesion",
                    "fr": "Manuel « Valoriser les communautés religieuses en tant qu'acteurs "
                    "clés de la cohésion sociale »",
                },
                "religious-communities-manual",
            )
        ],
    },
    {
        "title": {
            "en": "Intercultural competence development of public administration staff",
            "fr": "Le développement des compétences interculturelles du personnel de "
            "l'administration publique",
        },
        "lead": "bilbao",
        "partners": ["castello-de-la-plana", "donostia-san-sebastian", "tenerife"],
        "objectives": {
            "en": "Needs assessment, training modules and materials, focused on public "
            "procurement and public grants.",
            "fr": "Évaluation des besoins, modules et supports de formation, avec un accent "
            "sur les appels d'offres publics et l'attribution d'aides publiques.",
        },
        "outputs": [
            (
                OutputKind.PUBLICATION,
                {
                    "en": "Guide on intercultural competence applied to public administration "
                    "projects",
                    "fr": "Guide sur les compétences interculturelles appliquées au "
                    "développement de projets de l'administration publique",
                },
                "intercultural-competences-public-projects",
            ),
            (
                OutputKind.TOOL,
                {"en": "Video tutorial", "fr": "Vidéo-tutoriel"},
                "intercultural-competences-public-projects-video",
            ),
        ],
    },
]

VISITS = [("rochester", dt.date(2020, 10, 15)), ("loures", dt.date(2020, 11, 19))]

SUPPORT: list[dict[str, Any]] = [
    {
        "title": {
            "en": "A board game on diversity and non-discrimination",
            "fr": "Un jeu de société sur la diversité et la non-discrimination",
        },
        "places": ["neuchatel"],
        "kind": SupportKind.EXPERTISE,
        "start": dt.date(2020, 1, 1),
        "demo": True,
        "description": {
            "en": "Support for the research and preparation of a board game, to be produced "
            "for the 30th anniversary of the Canton's integration policy, in a format other "
            "members can reuse.",
            "fr": "Soutien aux travaux de recherche et de préparation d'un jeu de société, "
            "produit pour le 30e anniversaire de la politique d'intégration du Canton, dans un "
            "format transposable aux autres membres.",
        },
    },
    {
        "title": {
            "en": "First steps towards an anti-rumours strategy",
            "fr": "Premiers pas vers une stratégie anti-rumeurs",
        },
        "places": ["limassol"],
        "kind": SupportKind.ADVICE,
        "start": dt.date(2020, 1, 1),
        "demo": True,
        "description": {
            "en": "Advice on a tailored anti-rumours strategy planned for 2021 within the "
            "city's intercultural strategy.",
            "fr": "Accompagnement vers une stratégie anti-rumeurs sur mesure prévue en 2021 "
            "dans le cadre de la stratégie interculturelle de la ville.",
        },
    },
    {
        "title": {
            "en": "Australia–Japan online exchange",
            "fr": "Échange en ligne Australie–Japon",
        },
        "places": ["ballarat", "melton", "hamamatsu", "kobe", "maribyrnong"],
        "kind": SupportKind.EXCHANGE,
        "start": dt.date(2020, 1, 1),
        "demo": True,
        "description": {
            "en": "Municipal officials and students of Ballarat and Melton met students of "
            "Meiji University (Tokyo) online, with observers from Hamamatsu, Kobe and "
            "Maribyrnong.",
            "fr": "Des fonctionnaires et étudiant-e-s de Ballarat et de Melton ont échangé en "
            "ligne avec des étudiant-e-s de l'Université Meiji (Tokyo), avec des observateurs "
            "de Hamamatsu, Kobe et Maribyrnong.",
        },
    },
    {
        "title": {
            "en": "Kobe's study meeting to prepare joining the programme",
            "fr": "Réunion d'étude de Kobe pour préparer son adhésion",
        },
        "places": ["kobe"],
        "kind": SupportKind.ACCESSION,
        "start": dt.date(2020, 9, 1),
        "demo": False,
        "description": {
            "en": "Kobe, Hyogo prefecture, Hamamatsu, local associations and the ICC team met "
            "on 1 September 2020.",
            "fr": "Kobe, la préfecture de Hyogo, Hamamatsu, des associations locales et "
            "l'équipe ICC se sont réunis le 1er septembre 2020.",
        },
    },
    {
        "title": {
            "en": "Malta: an intercultural perspective in the national plan against racism",
            "fr": "Malte : la perspective interculturelle dans le plan national contre le racisme",
        },
        "places": [],
        "kind": SupportKind.NATIONAL_POLICY,
        "start": dt.date(2020, 1, 1),
        "demo": True,
        "description": {
            "en": "Expert work with the national government of Malta on its future national "
            "plan against racism and xenophobia.",
            "fr": "Travaux d'expert-e-s avec le gouvernement national de Malte sur son futur "
            "plan national contre le racisme et la xénophobie.",
        },
    },
]

TOOLS = [
    (
        {"en": "Intercultural citizenship test", "fr": "Test de citoyenneté interculturelle"},
        {
            "en": "Finalised and launched in 2020: an online test to understand what being an "
            "intercultural citizen means, with a facilitator's guide.",
            "fr": "Finalisé et lancé en 2020 : un test en ligne pour comprendre ce que signifie "
            "être un-e citoyen-ne interculturel-le, accompagné d'un guide de l'animateur.",
        },
    ),
    (
        {
            "en": "Working group on intercultural communication and alternative narratives",
            "fr": "Groupe de travail sur la communication interculturelle et les récits "
            "alternatifs",
        },
        {
            "en": "Four ICC experts and the ICC team prepared an ICC Academy on intercultural "
            "communication and alternative narratives.",
            "fr": "Quatre expert-e-s ICC et l'équipe ICC ont préparé une Académie ICC sur la "
            "communication interculturelle et les récits alternatifs.",
        },
    ),
    (
        {"en": "Social trust barometer", "fr": "Baromètre de la confiance sociale"},
        {
            "en": "A pilot to measure the effects of intercultural action; Botkyrka (Sweden) "
            "ran a first test.",
            "fr": "Un projet pilote pour mesurer les effets des actions interculturelles ; "
            "Botkyrka (Suède) a réalisé un premier test.",
        },
    ),
]

NETWORK_HIGHLIGHTS = {
    "australasia": {
        "en": "Cities of Australia, Japan and South Korea organised themselves as a regional "
        "network and work on a common intercultural strategy and its governance.",
        "fr": "Les villes d'Australie, du Japon et de Corée du Sud se sont organisées en réseau "
        "régional et travaillent à une stratégie interculturelle commune et à sa gouvernance.",
    },
    "citta-del-dialogo": {
        "en": "Launch of the ITACA project (Italian cities against discrimination), policy "
        "changes in member cities and a social-media campaign.",
        "fr": "Lancement du projet ITACA (Villes italiennes contre la discrimination), "
        "changements de politique dans des villes membres et campagne sur les médias sociaux.",
    },
    "norwegian-network": {
        "en": "Active for ten years, a forum of consultation and cooperation between Norwegian "
        "cities.",
        "fr": "En activité depuis dix ans, un forum de consultation et de coopération entre "
        "villes norvégiennes.",
    },
    "nordic": {
        "en": "Klaksvík proposed an informal platform of Nordic cities; the work on a common "
        "mandate continues.",
        "fr": "Klaksvik a proposé une plateforme informelle de villes nordiques ; la "
        "définition d'un mandat commun se poursuit.",
    },
    "reci": {
        "en": "First thematic working groups: intercultural competence, welcoming policies, "
        "intercultural narratives.",
        "fr": "Premiers groupes de travail thématiques : compétences interculturelles, "
        "politiques d'accueil, récits interculturels.",
    },
    "rpci": {
        "en": "An online course, The intercultural city step by step, and the Welcoming cities "
        "project.",
        "fr": "Un cours en ligne, La cité interculturelle pas à pas, et le projet « Villes "
        "d'accueil ».",
    },
    "icc-ua": {
        "en": "National events postponed to 2021; online meetings brought in partners from "
        "abroad; Melitopol's intercultural competence project.",
        "fr": "Événements nationaux reportés à 2021 ; les réunions en ligne ont associé des "
        "partenaires étrangers ; projet de Melitopol sur les compétences interculturelles.",
    },
    "remiri": {
        "en": "Not yet an ICC network: cities of Québec restructure their network to join the "
        "programme formally.",
        "fr": "Pas encore un réseau ICC : les villes du Québec restructurent leur réseau pour "
        "intégrer officiellement le programme.",
    },
}

REGIONAL_EVENTS = (
    "european-pact-for-integration-launch-2020",
    "intercultural-integration-academy-morocco-2020",
    "intercultural-regions-online-meeting-2020-03",
    "intercultural-regions-webinar-2020-06",
    "intercultural-regions-online-meeting-2020-11",
    "youth-summit-against-rumours-2020",
)


def _i18n(field: str, values: dict[str, str]) -> dict[str, str]:
    return {f"{field}_{lang}": text for lang, text in values.items()}


def _publication(slug: str) -> Publication | None:
    """The knowledge base's publication ``slug`` (its demo loads before this one), if any."""
    if not slug:
        return None
    try:
        return publication_get(slug=slug)
    except Http404:
        return None


def _places(slugs: list[str]) -> list[Place]:
    return list(Place.objects.filter(slug__in=slugs))


@transaction.atomic
def programme_demo_load() -> list[str]:
    """Record the demo year 2020 (see the module docstring); idempotent."""
    YearText.objects.update_or_create(
        year=YEAR, defaults={**_i18n("foreword", FOREWORD), **_i18n("introduction", INTRODUCTION)}
    )
    for row in GRANTS:
        lead = Place.objects.filter(slug=row["lead"]).first()
        if lead is None:
            continue
        grant, _ = Grant.objects.update_or_create(
            title_en=row["title"]["en"],
            defaults={
                **_i18n("title", row["title"]),
                **_i18n("objectives", row["objectives"]),
                "lead_place": lead,
                "start": dt.date(YEAR, 1, 1),
                "end": dt.date(YEAR, 12, 31),
                "status": GrantStatus.COMPLETED,
                "is_demo": True,
            },
        )
        grant.partner_places.set(_places(row["partners"]))
        grant.outputs.all().delete()
        for kind, title, slug in row["outputs"]:
            GrantOutput.objects.create(
                grant=grant, kind=kind, publication=_publication(slug), **_i18n("title", title)
            )
    for slug, day in VISITS:
        place = Place.objects.filter(slug=slug).first()
        if place is None:
            continue
        name_en = getattr(place, "name_en", None) or place.name
        name_fr = getattr(place, "name_fr", None) or name_en
        ExpertVisit.objects.update_or_create(
            place=place,
            date__year=YEAR,
            defaults={
                "date": day,
                "is_demo_date": True,
                "mode": VisitMode.VIRTUAL,
                "purpose": VisitPurpose.CONFIRM_INDEX,
                "experts": "ICC experts (demo)",
                "secretariat": "ICC team (demo)",
                "profile_title_en": f"{name_en}: intercultural profile",
                "profile_title_fr": f"{name_fr} : profil interculturel",
            },
        )
    for row in SUPPORT:
        support, _ = CitySupport.objects.update_or_create(
            title_en=row["title"]["en"],
            defaults={
                **_i18n("title", row["title"]),
                **_i18n("description", row["description"]),
                "kind": row["kind"],
                "start": row["start"],
                "is_demo_date": row["demo"],
            },
        )
        support.places.set(_places(row["places"]))
    for position, (title, description) in enumerate(TOOLS):
        ToolHighlight.objects.update_or_create(
            year=YEAR,
            title_en=title["en"],
            defaults={
                **_i18n("title", title),
                **_i18n("description", description),
                "position": position,
            },
        )
    for slug, highlights in NETWORK_HIGHLIGHTS.items():
        network = Network.objects.filter(slug=slug).first()
        if network is not None:
            NetworkReport.objects.update_or_create(
                network=network, year=YEAR, defaults=_i18n("highlights", highlights)
            )
    if not Expense.objects.filter(year=YEAR).exists():
        Expense.objects.create(
            year=YEAR,
            activity_en="Implementation of the ICC programme (activities; staff and office "
            "costs excluded)",
            activity_fr="Mise en œuvre du programme ICC (activités, hors dépenses de personnel "
            "et frais de bureau)",
            category=ExpenseCategory.OPERATIONAL,
            amount_eur=TOTAL_2020,
        )
    for event in public_events().filter(slug__in=REGIONAL_EVENTS):
        ReportedEvent.objects.update_or_create(
            event=event, defaults={"section": EventSection.REGIONAL}
        )
    lines = Expense.objects.filter(year=YEAR)
    total = sum((line.amount_eur for line in lines), Decimal("0"))
    return [
        f"Programme {YEAR}: {Grant.objects.count()} grants, {ExpertVisit.objects.count()} expert "
        f"visits, {lines.count()} expenditure line(s) totalling EUR {total:,}."
    ]
