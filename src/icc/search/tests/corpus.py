"""A fixed multilingual corpus for the search's tests, written for them: 36 short items on 18
city policies, each policy told twice in two different languages (en, fr, es, it, de), and one
query per policy in a third language. Places and facts are invented (demo)."""

from __future__ import annotations

# (topic, language, title, summary, area, theme, country)
ITEMS: list[tuple[str, str, str, str, str, str, str]] = [
    (
        "rumours",
        "en",
        "Anti-rumours agents in the neighbourhoods",
        "Trained volunteers answer stereotypes and false rumours about migrants in everyday "
        "conversations, with facts and empathy.",
        "mediation",
        "anti-rumours",
        "ES",
    ),
    (
        "rumours",
        "it",
        "Una campagna contro le dicerie sugli immigrati",
        "La città forma volontari che smontano i pregiudizi e le voci false sugli stranieri "
        "nei bar, nei mercati e sui social.",
        "mediation",
        "anti-rumours",
        "IT",
    ),
    (
        "housing",
        "fr",
        "Des logements abordables dans tous les quartiers",
        "La ville réserve une part des logements sociaux neufs aux quartiers aisés pour éviter "
        "la ségrégation des familles immigrées.",
        "neighbourhoods",
        "gentrification",
        "FR",
    ),
    (
        "housing",
        "de",
        "Bezahlbarer Wohnraum gegen Segregation",
        "Die Stadt verteilt Sozialwohnungen auf alle Stadtteile, damit zugewanderte Familien "
        "nicht in wenigen Vierteln wohnen.",
        "neighbourhoods",
        "gentrification",
        "DE",
    ),
    (
        "health",
        "es",
        "Mediadores interculturales en los hospitales",
        "Mediadores que hablan las lenguas de los pacientes acompañan a las familias migrantes "
        "en las consultas médicas y las urgencias.",
        "public services",
        "health",
        "ES",
    ),
    (
        "health",
        "en",
        "Health mediators for migrant patients",
        "Interpreters and cultural mediators help doctors and nurses understand patients who "
        "speak little of the local language.",
        "public services",
        "health",
        "NO",
    ),
    (
        "language",
        "de",
        "Kostenlose Sprachkurse für Neuankömmlinge",
        "Neu zugezogene Erwachsene lernen die Landessprache in kostenlosen Abendkursen, mit "
        "Kinderbetreuung während des Unterrichts.",
        "language",
        "welcome",
        "DE",
    ),
    (
        "language",
        "es",
        "Clases de idioma gratuitas para recién llegados",
        "Los adultos recién llegados aprenden la lengua local en cursos nocturnos gratuitos "
        "con guardería para sus hijos.",
        "language",
        "welcome",
        "ES",
    ),
    (
        "libraries",
        "it",
        "Biblioteche come luoghi d'incontro interculturale",
        "Le biblioteche comunali organizzano club di conversazione, libri in molte lingue e "
        "serate di racconti dal mondo.",
        "cultural life",
        "libraries",
        "IT",
    ),
    (
        "libraries",
        "fr",
        "La bibliothèque, lieu de rencontre entre cultures",
        "Les bibliothèques municipales proposent des livres dans plusieurs langues et des "
        "cafés-conversation entre habitants de toutes origines.",
        "cultural life",
        "libraries",
        "FR",
    ),
    (
        "schools",
        "en",
        "Mother tongue lessons in primary schools",
        "Children of migrant families can learn their parents' language at school, which helps "
        "them learn to read in both languages.",
        "education",
        "multilingualism",
        "SE",
    ),
    (
        "schools",
        "de",
        "Herkunftssprachlicher Unterricht an Grundschulen",
        "Kinder aus zugewanderten Familien lernen in der Schule die Sprache ihrer Eltern und "
        "werden so zweisprachig.",
        "education",
        "multilingualism",
        "DE",
    ),
    (
        "hiring",
        "fr",
        "Diversifier le recrutement de l'administration municipale",
        "La mairie anonymise les candidatures et forme les jurys pour que le personnel "
        "municipal ressemble à la population.",
        "public services",
        "employment",
        "FR",
    ),
    (
        "hiring",
        "it",
        "Assunzioni più diverse nel personale comunale",
        "Il comune usa curricula anonimi e commissioni formate per assumere dipendenti di "
        "origine straniera.",
        "public services",
        "employment",
        "IT",
    ),
    (
        "council",
        "es",
        "Consejo consultivo de residentes extranjeros",
        "Los residentes sin nacionalidad eligen un consejo que asesora al ayuntamiento sobre "
        "las decisiones que les afectan.",
        "governance",
        "participation",
        "ES",
    ),
    (
        "council",
        "en",
        "An advisory council of foreign residents",
        "Residents without citizenship elect a council that advises the city government on "
        "decisions that concern them.",
        "governance",
        "participation",
        "PT",
    ),
    (
        "police",
        "de",
        "Bürgernahe Polizei und Antidiskriminierungstraining",
        "Polizistinnen und Polizisten besuchen Moscheen und Vereine und lernen, Racial "
        "Profiling zu vermeiden.",
        "anti-discrimination",
        "policing",
        "DE",
    ),
    (
        "police",
        "fr",
        "Police de proximité et lutte contre le profilage",
        "Les policiers municipaux suivent une formation contre les contrôles au faciès et "
        "rencontrent les associations des quartiers.",
        "anti-discrimination",
        "policing",
        "FR",
    ),
    (
        "sport",
        "it",
        "Lo sport come strumento di inclusione",
        "Le società sportive del quartiere accolgono gratuitamente ragazzi rifugiati nelle "
        "squadre di calcio e basket.",
        "cultural life",
        "sport",
        "IT",
    ),
    (
        "sport",
        "es",
        "El deporte como herramienta de inclusión",
        "Los clubes deportivos del barrio acogen gratis a jóvenes refugiados en sus equipos de "
        "fútbol y baloncesto.",
        "cultural life",
        "sport",
        "ES",
    ),
    (
        "business",
        "en",
        "Support for migrant entrepreneurs",
        "A business advice desk helps migrants start a company: permits, bank loans, "
        "accounting and a network of mentors.",
        "business",
        "entrepreneurship",
        "IE",
    ),
    (
        "business",
        "fr",
        "Accompagner les entrepreneurs immigrés",
        "Un guichet aide les personnes immigrées à créer leur entreprise : démarches, prêts "
        "bancaires et mentorat.",
        "business",
        "entrepreneurship",
        "FR",
    ),
    (
        "refugees",
        "de",
        "Patenschaften für geflüchtete Familien",
        "Freiwillige Paten begleiten geflüchtete Familien in den ersten Monaten bei Behörden, "
        "Schule und Wohnungssuche.",
        "welcoming",
        "refugees",
        "DE",
    ),
    (
        "refugees",
        "it",
        "Tutor volontari per famiglie rifugiate",
        "Volontari accompagnano le famiglie rifugiate nei primi mesi: uffici pubblici, scuola e "
        "ricerca di una casa.",
        "welcoming",
        "refugees",
        "IT",
    ),
    (
        "faith",
        "fr",
        "Un conseil des communautés religieuses",
        "Responsables chrétiens, musulmans, juifs et bouddhistes se réunissent avec la ville "
        "pour un dialogue interreligieux.",
        "governance",
        "religious communities",
        "FR",
    ),
    (
        "faith",
        "es",
        "Mesa de diálogo interreligioso",
        "Representantes de iglesias, mezquitas, sinagogas y templos dialogan con el "
        "ayuntamiento sobre la convivencia religiosa.",
        "governance",
        "religious communities",
        "ES",
    ),
    (
        "lgbti",
        "en",
        "Safe spaces for LGBTI refugees",
        "The city funds a shelter and counselling for lesbian, gay, bisexual, trans and "
        "intersex people who fled persecution.",
        "anti-discrimination",
        "LGBTI inclusion",
        "NL",
    ),
    (
        "lgbti",
        "de",
        "Schutzräume für LGBTI-Geflüchtete",
        "Die Stadt finanziert Unterkunft und Beratung für queere Menschen, die vor Verfolgung "
        "geflohen sind.",
        "anti-discrimination",
        "LGBTI inclusion",
        "DE",
    ),
    (
        "festival",
        "es",
        "Un festival intercultural en la plaza mayor",
        "Cada verano, asociaciones de todas las comunidades ofrecen música, danza y comida en "
        "la plaza durante un fin de semana.",
        "public space",
        "festivals",
        "ES",
    ),
    (
        "festival",
        "it",
        "Festa interculturale in piazza",
        "Ogni estate le associazioni delle comunità offrono musica, danze e cucina in piazza "
        "per un fine settimana.",
        "public space",
        "festivals",
        "IT",
    ),
    (
        "ai",
        "en",
        "Checking city algorithms for bias",
        "Before using an algorithm to allocate benefits, the city audits it for discrimination "
        "against ethnic minorities.",
        "anti-discrimination",
        "artificial intelligence",
        "NL",
    ),
    (
        "ai",
        "fr",
        "Contrôler les algorithmes publics contre les biais",
        "Avant d'utiliser l'intelligence artificielle pour attribuer des aides, la ville vérifie "
        "qu'elle ne discrimine pas les minorités.",
        "anti-discrimination",
        "artificial intelligence",
        "FR",
    ),
    (
        "media",
        "it",
        "Giornalisti di origine straniera nei media locali",
        "Un corso forma giovani di origine migrante al giornalismo per dare voce alla diversità "
        "nei giornali della città.",
        "media",
        "media",
        "IT",
    ),
    (
        "media",
        "en",
        "Newcomers in the local newsroom",
        "A training scheme brings young people of migrant background into local newspapers "
        "and radio to report on a diverse city.",
        "media",
        "media",
        "GB",
    ),
    (
        "elders",
        "de",
        "Interkulturelle Altenpflege",
        "Pflegeheime stellen mehrsprachiges Personal ein und bieten Speisen und Feste aus den "
        "Herkunftsländern der älteren Migranten.",
        "public services",
        "ageing",
        "DE",
    ),
    (
        "elders",
        "fr",
        "Des maisons de retraite interculturelles",
        "Les maisons de retraite recrutent du personnel multilingue et adaptent repas et fêtes "
        "aux résidents âgés immigrés.",
        "public services",
        "ageing",
        "FR",
    ),
]

# (language, query, topic): each query is in a language that at least one item of its topic
# is not written in
QUERIES: list[tuple[str, str, str]] = [
    ("fr", "lutter contre les rumeurs et les préjugés sur les migrants", "rumours"),
    ("en", "affordable social housing to prevent segregation", "housing"),
    ("it", "mediatori culturali per pazienti stranieri in ospedale", "health"),
    ("fr", "cours de langue gratuits pour les nouveaux arrivants", "language"),
    ("es", "bibliotecas como espacio de encuentro intercultural", "libraries"),
    ("it", "insegnamento della lingua materna nella scuola primaria", "schools"),
    ("en", "diverse recruitment of municipal staff with anonymous applications", "hiring"),
    ("de", "Beirat der ausländischen Einwohner", "council"),
    ("en", "police training against racial profiling", "police"),
    ("fr", "le sport pour l'inclusion des jeunes réfugiés", "sport"),
    ("es", "ayuda a emprendedores inmigrantes para crear empresas", "business"),
    ("en", "volunteer mentors for refugee families", "refugees"),
    ("it", "dialogo interreligioso tra comunità religiose", "faith"),
    ("es", "refugio para personas LGBTI refugiadas", "lgbti"),
    ("de", "interkulturelles Fest auf dem Platz mit Musik und Essen", "festival"),
    ("es", "algoritmos discriminatorios en los servicios públicos", "ai"),
    ("fr", "former des jeunes issus de l'immigration au journalisme", "media"),
    ("it", "case di riposo per anziani immigrati", "elders"),
]
