"""Demonstration content of the knowledge base, written for this platform.

The good practices and news below are INVENTED for the demo (every record is marked
``is_demo`` and shown with a "demo" badge): the cities are real members named in the
programme's 2020 annual report, what they are said to have done is not. The publications are
the facts of Annexe II of the 2020 annual report (titles, types, languages, dates as the report
gives them); their links are left empty.
"""

from __future__ import annotations

# slug, place slug, language, other languages, title, summary, description (HTML), results,
# (start, end), areas, themes
PRACTICES: list[dict[str, object]] = [
    {
        "slug": "bilbao-neighbourhood-welcome-walks", "place": "bilbao", "lang": "es",
        "languages": ["en"],
        "title": "Paseos de bienvenida por los barrios",
        "summary": "Vecinas y vecinos voluntarios acompañan a las personas recién llegadas a "
        "descubrir los servicios, comercios y asociaciones de su barrio.",
        "description": "<p>Cada mes, un grupo de voluntarios de la asociación vecinal recorre "
        "el barrio con las familias recién llegadas: el centro de salud, la escuela, el "
        "mercado, la biblioteca y los locales de las asociaciones.</p><p>El paseo termina con "
        "un café en un comercio local, donde se reparte una guía en seis idiomas.</p>",
        "results": "Unas 40 familias acompañadas al año; la mitad participa después en una "
        "asociación del barrio.",
        "period": (2018, None), "areas": ["welcoming", "neighbourhoods"], "themes": ["refugees"],
    },
    {
        "slug": "getxo-anti-rumour-agents", "place": "getxo", "lang": "es", "languages": ["en"],
        "title": "Red de agentes antirrumores",
        "summary": "Una red de personas formadas para responder a los rumores sobre la "
        "diversidad en su entorno cotidiano.",
        "description": "<p>El ayuntamiento forma cada año a vecinas, comerciantes, "
        "profesorado y personal municipal para identificar los rumores más frecuentes y "
        "responder con datos y empatía.</p><p>Los agentes organizan actividades en las fiestas "
        "del municipio y en los centros escolares.</p>",
        "results": "Más de 300 agentes formados; una encuesta muestra menos acuerdo con los "
        "rumores más extendidos entre quienes participaron en las actividades.",
        "period": (2014, None), "areas": ["anti_discrimination", "media"],
        "themes": ["anti-rumours"],
    },
    {
        "slug": "barakaldo-intercultural-school-yards", "place": "barakaldo", "lang": "es",
        "languages": [],
        "title": "Patios escolares interculturales",
        "summary": "Los patios de los colegios se rediseñan con el alumnado para que todos los "
        "grupos los usen y se mezclen.",
        "description": "<p>Alumnado de todos los orígenes observa quién usa el patio y cómo, y "
        "propone cambios: zonas de juego tranquilas, juegos del mundo, bancos en círculo.</p>"
        "<p>Las familias participan en la obra un sábado al mes.</p>",
        "results": "Seis patios transformados; menos conflictos registrados en el recreo.",
        "period": (2019, 2020), "areas": ["education", "public_space"], "themes": ["youth"],
    },
    {
        "slug": "tenerife-intercultural-mediators-health", "place": "tenerife", "lang": "es",
        "languages": ["en"],
        "title": "Mediación intercultural en los centros de salud",
        "summary": "Mediadoras interculturales ayudan a pacientes y personal sanitario a "
        "entenderse durante la pandemia.",
        "description": "<p>Durante la crisis de la covid-19, un equipo de mediadoras con "
        "formación sanitaria atiende por teléfono y en persona a pacientes que no hablan "
        "español, explica las medidas y acompaña las citas.</p>",
        "results": "Más de 2.000 consultas acompañadas en 2020.",
        "period": (2020, None), "areas": ["public_services", "mediation"],
        "themes": ["covid-19"],
    },
    {
        "slug": "cartagena-diversity-in-local-business", "place": "cartagena", "lang": "es",
        "languages": [],
        "title": "Diversidad en el comercio local",
        "summary": "Un programa de mentoría une a comerciantes veteranos con emprendedores de "
        "origen migrante.",
        "description": "<p>La cámara de comercio y el ayuntamiento emparejan a comerciantes con "
        "experiencia y a personas que abren su primer negocio. Las parejas se reúnen cada "
        "quince días durante seis meses.</p>",
        "results": "25 negocios abiertos; 20 siguen activos un año después.",
        "period": (2017, None), "areas": ["business"], "themes": [],
    },
    {
        "slug": "reggio-emilia-neighbourhood-mediators", "place": "reggio-emilia", "lang": "it",
        "languages": ["en"],
        "title": "Mediatori di quartiere",
        "summary": "Mediatori formati aiutano a risolvere i conflitti di vicinato prima che "
        "diventino tensioni tra comunità.",
        "description": "<p>Il comune forma abitanti di diverse origini alla mediazione dei "
        "conflitti. Intervengono su rumore, spazi comuni e parcheggi, sempre in coppia.</p>"
        "<p>Un numero di telefono unico raccoglie le richieste.</p>",
        "results": "Circa 150 mediazioni all'anno, due su tre concluse con un accordo.",
        "period": (2016, None), "areas": ["mediation", "neighbourhoods"], "themes": [],
    },
    {
        "slug": "ravenna-religious-communities-table", "place": "ravenna", "lang": "it",
        "languages": ["en"],
        "title": "Tavolo delle comunità religiose",
        "summary": "Le comunità religiose della città si incontrano ogni mese con il comune "
        "per progetti comuni.",
        "description": "<p>Il tavolo riunisce parrocchie, moschee, chiese ortodosse ed "
        "evangeliche e la comunità ebraica. Organizza visite aperte ai luoghi di culto e una "
        "settimana del dialogo.</p>",
        "results": "Dodici comunità partecipanti; durante la pandemia il tavolo ha distribuito "
        "aiuti alimentari insieme.",
        "period": (2015, None), "areas": ["interaction", "cultural_social"],
        "themes": ["religious-communities"],
    },
    {
        "slug": "novellara-intercultural-library", "place": "novellara", "lang": "it",
        "languages": [],
        "title": "Biblioteca interculturale",
        "summary": "La biblioteca offre libri in dodici lingue e letture bilingui per bambini.",
        "description": "<p>Genitori volontari leggono storie nella loro lingua e in italiano il "
        "sabato mattina; la biblioteca acquista libri su proposta delle comunità.</p>",
        "results": "Il prestito di libri in altre lingue è triplicato in tre anni.",
        "period": (2017, None), "areas": ["language", "cultural_social"], "themes": [],
    },
    {
        "slug": "loures-participatory-budget-diversity", "place": "loures", "lang": "pt",
        "languages": ["en"],
        "title": "Orçamento participativo para todos",
        "summary": "O orçamento participativo procura ativamente propostas de residentes de "
        "origem imigrante.",
        "description": "<p>Sessões nos bairros, com interpretação, ajudam os residentes a "
        "apresentar propostas. Os votos podem ser dados por residentes estrangeiros.</p>",
        "results": "Um terço das propostas vencedoras veio de bairros com muitos imigrantes.",
        "period": (2018, None), "areas": ["participation", "leadership"], "themes": [],
    },
    {
        "slug": "melitopol-intercultural-city-festival", "place": "melitopol", "lang": "uk",
        "languages": ["en"],
        "title": "Фестиваль міжкультурного міста",
        "summary": "Щорічний фестиваль, на якому національні громади міста готують спільну "
        "програму.",
        "description": "<p>Громади міста разом готують концерти, кухню та майстер-класи. "
        "У 2020 році фестиваль пройшов онлайн.</p>",
        "results": "Понад 20 громад беруть участь щороку.",
        "period": (2017, None), "areas": ["cultural_social", "interaction"], "themes": [],
    },
    {
        "slug": "lutsk-welcome-centre-displaced-people", "place": "lutsk", "lang": "uk",
        "languages": [],
        "title": "Центр підтримки внутрішньо переміщених осіб",
        "summary": "Єдине вікно для переміщених осіб: житло, робота, школа та консультації.",
        "description": "<p>Центр об'єднує працівників міських служб і громадських "
        "організацій, які допомагають новоприбулим з документами та пошуком житла.</p>",
        "results": "Понад 1 000 звернень на рік.",
        "period": (2019, None), "areas": ["welcoming", "public_services"],
        "themes": ["refugees"],
    },
    {
        "slug": "bergen-city-of-welcome-volunteers", "place": "bergen", "lang": "en",
        "languages": [],
        "title": "Language friends for newcomers",
        "summary": "Volunteers meet newcomers weekly to practise Norwegian in everyday "
        "situations.",
        "description": "<p>Pairs meet in libraries, cafés and sports clubs. The city trains "
        "the volunteers and matches pairs by interests.</p>",
        "results": "About 200 pairs a year; many continue to meet after the programme.",
        "period": (2016, None), "areas": ["language", "welcoming"], "themes": ["refugees"],
    },
    {
        "slug": "botkyrka-anti-discrimination-testing", "place": "botkyrka", "lang": "en",
        "languages": [],
        "title": "Situation testing in housing",
        "summary": "The municipality tests how landlords answer applicants with different "
        "names, and acts on the results.",
        "description": "<p>Pairs of fictitious applicants with equal profiles and different "
        "names answer flat advertisements. Results are discussed with landlords, who sign a "
        "charter.</p>",
        "results": "Gaps in answers narrowed in the second round of tests.",
        "period": (2019, 2020), "areas": ["anti_discrimination", "neighbourhoods"],
        "themes": ["systemic-discrimination"],
    },
    {
        "slug": "neumarkt-intercultural-competence-staff", "place": "neumarkt", "lang": "de",
        "languages": ["en"],
        "title": "Interkulturelle Kompetenz für die Stadtverwaltung",
        "summary": "Alle Beschäftigten mit Publikumsverkehr nehmen an einer zweitägigen "
        "Schulung teil.",
        "description": "<p>Die Schulung verbindet Rollenspiele, Erfahrungsberichte von "
        "Bürgerinnen und Bürgern und einfache Sprache in Formularen.</p>",
        "results": "Über 250 Beschäftigte geschult; Formulare in einfacher Sprache überarbeitet.",
        "period": (2018, None), "areas": ["intelligence", "public_services"],
        "themes": ["intercultural-competence"],
    },
    {
        "slug": "limassol-migrant-council", "place": "limassol", "lang": "en", "languages": [],
        "title": "A migrant and refugee advisory council",
        "summary": "Elected representatives of migrant communities advise the city council.",
        "description": "<p>The council meets every two months and gives opinions on the city's "
        "plans; its chair attends council committees.</p>",
        "results": "Eight opinions given in its first year; two changed a city plan.",
        "period": (2019, None), "areas": ["participation", "leadership"], "themes": ["refugees"],
    },
    {
        "slug": "ioannina-welcoming-refugee-students", "place": "ioannina", "lang": "en",
        "languages": [],
        "title": "Welcoming refugee students at school",
        "summary": "Schools and the university pair refugee pupils with student mentors.",
        "description": "<p>University students help refugee children with homework twice a week "
        "and organise sports and music activities with local pupils.</p>",
        "results": "About 80 children followed each school year.",
        "period": (2017, None), "areas": ["education", "welcoming"], "themes": ["refugees"],
    },
    {
        "slug": "strasbourg-lgbti-inclusive-services", "place": "strasbourg", "lang": "fr",
        "languages": ["en"],
        "title": "Des services municipaux inclusifs pour les personnes LGBTI",
        "summary": "Formation des agents et accueil adapté des personnes LGBTI, y compris "
        "migrantes.",
        "description": "<p>La ville forme les agents d'accueil et des centres sociaux, et "
        "travaille avec les associations qui accompagnent les personnes LGBTI exilées.</p>",
        "results": "Un guide d'accueil diffusé à tous les services.",
        "period": (2019, None), "areas": ["anti_discrimination", "public_services"],
        "themes": ["lgbti-inclusion"],
    },
    {
        "slug": "neuchatel-citizenship-ceremonies", "place": "neuchatel", "lang": "fr",
        "languages": ["de"],
        "title": "Cérémonies d'accueil des nouveaux citoyens et citoyennes",
        "summary": "Une fête civique réunit chaque année les personnes naturalisées et les "
        "nouveaux habitants.",
        "description": "<p>Les élus accueillent les nouveaux habitants, présentent les droits "
        "politiques des étrangers au niveau communal et les associations locales.</p>",
        "results": "Plusieurs centaines de participants chaque année.",
        "period": (2015, None), "areas": ["welcoming", "leadership"], "themes": [],
    },
    {
        "slug": "montreal-algorithm-audit", "place": "montreal", "lang": "fr",
        "languages": ["en"],
        "title": "Vérifier les biais des algorithmes municipaux",
        "summary": "Un comité examine les outils numériques de la ville pour éviter les "
        "discriminations.",
        "description": "<p>Avant leur mise en service, les outils qui trient des demandes ou "
        "des dossiers sont examinés par un comité qui réunit informaticiens, juristes et "
        "associations.</p>",
        "results": "Deux outils modifiés avant leur mise en service.",
        "period": (2020, None), "areas": ["anti_discrimination", "public_services"],
        "themes": ["artificial-intelligence", "systemic-discrimination"],
    },
    {
        "slug": "hamamatsu-multilingual-disaster-information", "place": "hamamatsu", "lang": "en",
        "languages": [],
        "title": "Multilingual disaster and health information",
        "summary": "A multilingual team translates emergency and health information within "
        "hours.",
        "description": "<p>The city's intercultural centre keeps a network of volunteer "
        "translators who publish alerts in easy Japanese, Portuguese, English and other "
        "languages on the web and social media.</p>",
        "results": "Covid-19 information published in ten languages in 2020.",
        "period": (2011, None), "areas": ["media", "public_services"], "themes": ["covid-19"],
    },
]  # fmt: skip


# (slug, language, title, summary, body, series)
NEWS: list[dict[str, str]] = [
    {
        "slug": "world-refugee-day-mayors-messages", "lang": "en", "series": "mayors-refugee-day",
        "title": "Mayors share messages of welcome on World Refugee Day",
        "summary": "Mayors of member cities around the world recorded short messages in favour "
        "of welcoming refugees.",
        "body": "<p>For World Refugee Day, mayors of intercultural cities shared messages of "
        "welcome. This demo item stands for the campaign run with member cities.</p>",
    },
    {
        "slug": "migrants-day-residents-speak", "lang": "en", "series": "city-testimonies",
        "title": "International Migrants Day: residents of intercultural cities speak",
        "summary": "Proud residents of intercultural cities tell what their city means to them.",
        "body": "<p>For International Migrants Day the floor was given to residents of member "
        "cities. This demo item introduces the series of testimonies.</p>",
    },
    {
        "slug": "testimony-bilbao-resident", "lang": "es", "series": "city-testimonies",
        "title": "Testimonio: «En Bilbao encontré un barrio»",
        "summary": "Una vecina cuenta su llegada a la ciudad (testimonio de demostración).",
        "body": "<p>Testimonio inventado para la demostración de la plataforma.</p>",
    },
    {
        "slug": "testimony-reggio-emilia-resident", "lang": "it", "series": "city-testimonies",
        "title": "Testimonianza: «Reggio Emilia è la mia città»",
        "summary": "Un abitante racconta il suo percorso (testimonianza dimostrativa).",
        "body": "<p>Testimonianza inventata per la dimostrazione della piattaforma.</p>",
    },
    {
        "slug": "day-against-racial-discrimination-2020", "lang": "fr", "series": "",
        "title": "Journée internationale pour l'élimination de la discrimination raciale",
        "summary": "Le programme publie une édition spéciale consacrée à la lutte contre les "
        "discriminations.",
        "body": "<p>Actualité de démonstration rédigée pour la plateforme.</p>",
    },
    {
        "slug": "world-day-cultural-diversity-2020", "lang": "en", "series": "",
        "title": "World Day for Cultural Diversity for Dialogue and Development",
        "summary": "A special publication for the World Day for Cultural Diversity.",
        "body": "<p>Demo news item written for the platform.</p>",
    },
    {
        "slug": "covid-19-intercultural-responses", "lang": "en", "series": "",
        "title": "How intercultural cities respond to Covid-19",
        "summary": "Member cities share how they keep every resident informed and supported.",
        "body": "<p>Demo news item written for the platform.</p>",
    },
    {
        "slug": "gentrification-policy-brief-published", "lang": "es", "series": "",
        "title": "Publicada la nota sobre la gestión de la gentrificación",
        "summary": "La nota de orientación ya está disponible en español.",
        "body": "<p>Actualidad de demostración redactada para la plataforma.</p>",
    },
]  # fmt: skip

SERIES = {
    "city-testimonies": {
        "en": "Intercultural cities: residents' testimonies",
        "fr": "Cités interculturelles : témoignages d'habitants",
    },
    "mayors-refugee-day": {
        "en": "Mayors' messages for World Refugee Day",
        "fr": "Messages de maires pour la Journée mondiale des réfugiés",
    },
}

# Annexe II of the 2020 annual report, "Publications ICC - 2020" (facts). Fields: slug, kind,
# date (ISO, or "2020" when the report gives only the year or nothing), precision, languages
# (the report's own language first), themes, French title as the report gives it, English title.
WELCOME = ["fr", "en", "es", "it", "uk"]
PUBLICATIONS: list[tuple[str, str, str, list[str], list[str], str, str]] = [
    ("ai-discrimination-local-services", "policy_brief", "2020-10", ["fr"],
     ["artificial-intelligence"],
     "Prévention des effets discriminatoires potentiels de l'utilisation de l'intelligence "
     "artificielle dans les services locaux",
     "Preventing the potential discriminatory effects of the use of artificial intelligence in "
     "local services"),
    ("systemic-discrimination-policy-brief", "policy_brief", "2020-10", ["fr"],
     ["systemic-discrimination"],
     "Détecter et prévenir la discrimination systémique au niveau local",
     "Detecting and preventing systemic discrimination at the local level"),
    ("managing-gentrification-policy-brief", "policy_brief", "2020-06", ["fr", "es"],
     ["gentrification"],
     "Maîtriser la gentrification", "Managing gentrification"),
    ("lgbti-inclusion-initiatives", "policy_brief", "2020-05", ["fr"], ["lgbti-inclusion"],
     "Initiatives de la Cité interculturelle pour l'inclusion et l'égalité des personnes LGBTI",
     "Intercultural city initiatives for the inclusion and equality of LGBTI people"),
    ("coordinators-mission", "welcome_pack", "2020", WELCOME, [],
     "Description de la mission des coordinateurs et coordinatrices ICC",
     "Mission description of ICC coordinators"),
    ("information-for-policy-makers", "welcome_pack", "2020", WELCOME, [],
     "Informations générales pour les décideurs et décideuses politiques",
     "General information for policy makers"),
    ("icc-glossary", "glossary", "2020", WELCOME, [],
     "Précis de terminologie du programme ICC",
     "ICC glossary"),
    ("information-pack-practitioners", "welcome_pack", "2020", WELCOME, [],
     "Dossier d'information pour les praticien-ne-s : toutes les ressources ICC en une seule "
     "page !",
     "Information pack for practitioners: all ICC resources on one page"),
    ("intercultural-cities-brochure", "welcome_pack", "2020", WELCOME, [],
     "Brochure des Cités interculturelles", "Intercultural Cities brochure"),
    ("icc-factsheet", "welcome_pack", "2020", WELCOME, [],
     "Fiche de présentation ICC", "ICC factsheet"),
    ("creative-bureaucracy", "study", "2020-10", ["en"], [],
     "The Creative Bureaucracy: What, why and how", "The Creative Bureaucracy: What, why and how"),
    ("intercultural-citizenship-test", "guide", "2020", ["fr", "it", "uk"], [],
     "Test de citoyenneté interculturelle", "Intercultural citizenship test"),
    ("intercultural-competences-guide", "guide", "2020-11", ["en", "es"],
     ["intercultural-competence"],
     "Guide sur les compétences interculturelles", "Intercultural competences guide"),
    ("intercultural-competences-public-projects", "guide", "2020", ["en", "es"],
     ["intercultural-competence"],
     "Guide sur les compétences interculturelles appliquées au développement de projets de "
     "l'administration publique",
     "Manual on intercultural competences applied to project development in public "
     "administration"),
    ("intercultural-competences-public-projects-video", "video_tutorial", "2020", ["en"],
     ["intercultural-competence"],
     "Compétences interculturelles appliquées au développement de projets de l'administration "
     "publique – vidéo-tutoriel",
     "Intercultural competences applied to project development in public administration – "
     "video tutorial"),
    ("intercultural-competence-development-impact", "study", "2020-11", ["en"],
     ["intercultural-competence"],
     "Intercultural Competence Development: Introducing and Engaging Diversity Globally - "
     "Project Impact Analysis",
     "Intercultural Competence Development: Introducing and Engaging Diversity Globally - "
     "Project Impact Analysis"),
    ("systemic-discrimination-video", "video_tutorial", "2020", ["en"],
     ["systemic-discrimination"],
     "Détecter et prévenir la discrimination systémique au niveau local – vidéo-tutoriel",
     "Detecting and preventing systemic discrimination at the local level – video tutorial"),
    ("religious-communities-manual", "manual", "2020", ["fr", "ar", "it"],
     ["religious-communities"],
     "Manuel « Valoriser les communautés religieuses en tant qu'acteurs clés de la cohésion "
     "sociale »",
     "Manual: Valuing religious communities as key actors of social cohesion"),
    ("anti-rumours-diagnosis-guide", "guide", "2020-12", ["en"], ["anti-rumours"],
     "Step-by-step guide to conduct an Anti-rumours diagnosis",
     "Step-by-step guide to conduct an Anti-rumours diagnosis"),
    ("anti-rumours-youth-guide", "guide", "2020", ["en", "es"], ["anti-rumours", "youth"],
     "Guide « Anti-rumeur et jeunesse : clés pour travailler le contenu anti-rumeurs avec les "
     "jeunes »",
     "Anti-rumours and youth: keys to working on anti-rumour content with young people"),
    ("anti-rumours-education-guide", "guide", "2020", ["en", "it", "es"], ["anti-rumours"],
     "An Antirumours' Guide for the Educational Field",
     "An Antirumours' Guide for the Educational Field"),
    ("managing-gentrification-study", "study", "2020-05", ["en"], ["gentrification"],
     "Maîtriser la gentrification - Étude politique des Cités interculturelles",
     "Managing gentrification - Intercultural Cities policy study"),
    ("covid-19-summary-report", "report", "2020", ["fr", "it"], ["covid-19"],
     "Covid-19 : défis et opportunités pour les autorités locales interculturelles - Rapport "
     "sommaire",
     "Covid-19: challenges and opportunities for intercultural local authorities - Summary "
     "report"),
    ("how-to-fill-in-the-questionnaire", "video_tutorial", "2020", ["fr"], [],
     "Comment remplir le questionnaire ? Vidéo (sous-titres en français)",
     "How to fill in the questionnaire? Video (French subtitles)"),
    ("icc-index-charts", "report", "2020", ["en"], [],
     "Graphiques de l'index ICC", "ICC index charts"),
    ("brand-pack", "brand_pack", "2020", ["fr"], [], "Pack image de marque", "Brand pack"),
    ("intercultural-dialogue-social-cohesion", "study", "2020", ["en", "tr"], [],
     "Cités interculturelles : Un dialogue interculturel comme outil de cohésion sociale",
     "Intercultural Cities: intercultural dialogue as a tool for social cohesion"),
    ("programme-implementation-survey-2020", "report", "2020", ["en"], [],
     "Enquête sur la mise en œuvre du programme et des outils de la CPI - janvier-février 2020",
     "Survey on the implementation of the ICC programme and tools - January-February 2020"),
]  # fmt: skip
