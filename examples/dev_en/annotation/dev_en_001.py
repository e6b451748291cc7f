"""dev-en-001: suspected ship-to-ship fuel transfer, US blacklisting (published Wed 2025-03-12)."""

from common import C, E, Q

DOC_ID = "dev-en-001"
PUBLISHED = "2025-03-12"
GENRE = "report"

ACTORS = [
    ("jpn", "Japan", "country", "JPN", [r"Japan(?!'s Defence)"]),
    ("jpn_mil", "Japanese Defence Ministry", "organisation", "JPNMIL", [r"Japan's Defence Ministry"]),
    ("nakatani", "Gen Nakatani", "person", "JPNMIL", [r"Defence Minister Gen Nakatani", r"he(?= added)"]),
    ("jpn_gov", "Tokyo (Japanese government)", "organisation", "JPNGOV", [r"(?<!in )Tokyo", r"officials(?= said\.)"]),
    ("prk", "North Korea", "country", "PRK", [r"North Korea"]),
    ("prk_tanker", "North Korean tanker", "organisation", "PRKBUS", [r"North Korean tanker"]),
    ("prk_gov", "Pyongyang", "organisation", "PRKGOV", [r"Pyongyang"]),
    ("usa", "United States", "country", "USA", [r"The United States", r"US"]),
    ("usa_gov", "Washington / Treasury", "organisation", "USAGOV",
     [r"Washington", r"The Treasury Department", r"a senior Treasury official", r"The official"]),
    ("chn", "China", "country", "CHN", [r"(?<!East )China(?! Sea)"]),
    ("chn_gov", "Beijing", "organisation", "CHNGOV", [r"Beijing"]),
    ("lin", "Lin Jian", "person", "CHNGOV", [r"foreign ministry spokesperson Lin Jian", r"Lin(?= said)"]),
    ("chn_bus", "Chinese vessel / shipping companies", "group", "CHNBUS",
     [r"a Chinese-flagged vessel", r"two Chinese shipping companies", r"Chinese firms"]),
    ("uno", "United Nations / Security Council", "organisation", "IGOUNO",
     [r"United Nations", r"UN(?! sanctions monitors)", r"Security Council"]),
    ("un_monitors", "UN sanctions monitors", "group", "IGOUNO", [r"UN sanctions monitors"]),
    ("kor", "South Korea", "country", "KOR", [r"South Korea"]),
    ("kor_gov", "South Korean foreign ministry", "organisation", "KORGOV", [r"Seoul's foreign ministry"]),
    ("rus", "Russia", "country", "RUS", [r"Russia"]),
    ("rus_gov", "Moscow / Russian diplomats", "organisation", "RUSGOV",
     [r"Moscow", r"a Russian diplomat", r"the Russian embassy in Tokyo"]),
    ("kim_minji", "Kim Min-ji", "person", "KORELI", [r"Kim Min-ji"]),
]

S_HEAD = "Japan spots suspected"
S_JMOD = "Japan's Defence Ministry said on Tuesday"
S_UN = "Tokyo has reported the sighting"
S_BL = "The United States on Wednesday blacklisted"
S_TR = "The Treasury Department said"
S_Q1 = "These networks keep"
S_REJ = "Beijing rejected the accusations."
S_LIN = "China has always implemented"
S_LIN2 = "Lin said Beijing"
S_KOR = "South Korea welcomed"
S_KOR2 = "Seoul's foreign ministry said"
S_PANEL = "A confidential report"
S_MOS = "Moscow has shipped"
S_VETO = "Russia vetoed the renewal"
S_KIM = "Without the panel"
S_DES = "Japan plans to send"
S_IF = "If North Korea continued"

EVENTS = [
    E(S_HEAD, "fuel transfer", "CHNBUS", "PRKBUS", None, "North Korean tanker", "070",
      "attributed", "JPN", note="headline; supplier from the next sentence; 'suspected' with Japan as source -> attributed; vessels coded BUS"),
    E(S_JMOD, "said", "JPNMIL", "PRKBUS", "Japan's Defence Ministry", "North Korean tanker", "010",
      date="2025-03-11", note="official statement about the tanker"),
    E(S_JMOD, "taking on fuel", "CHNBUS", "PRKBUS", "a Chinese-flagged vessel", "North Korean tanker", "070",
      "attributed", "JPNMIL", date="2025-03-09", loc="East China Sea",
      note="fuel delivery = 070; 'on Sunday' read as the Sunday before publication (past tense)"),
    E(S_UN, "reported", "JPNGOV", "IGOUNO", "Tokyo", "United Nations", "010", "attributed", "JPNGOV"),
    E(S_BL, "blacklisted", "USA", "CHNBUS", "The United States", "two Chinese shipping companies", "163",
      date="2025-03-12", note="the six tankers have no nationality; only the Chinese firms are coded"),
    E(S_BL, "accused", "USA", "CHNBUS", "it", "which", "112", date="2025-03-12"),
    E(S_BL, "ferrying", "CHNBUS", "PRK", "which", "North Korea", "070", "attributed", "USA"),
    E(S_TR, "said", "USAGOV", "PRK", "The Treasury Department", None, "010",
      note="statement about deliveries to North Korea (previous sentence)"),
    E(S_TR, "delivered", "CHNBUS", "PRK", "the vessels", None, "070", "attributed", "USAGOV",
      date="2024-09-01/2025-03-12", note="'since last autumn' -> from 1 Sept 2024; vessels resolved to the blacklisted Chinese firms"),
    E(S_TR, "set", "IGOUNO", "PRK", "the Security Council", None, "163", date="2017",
      note="the UN oil cap on North Korea = sanction"),
    E(S_Q1, "told", "USAGOV", "PRKGOV", "a senior Treasury official", "Pyongyang", "010"),
    E(S_REJ, "rejected", "CHNGOV", "USA", "Beijing", None, "120", note="rejects the US accusation"),
    E(S_REJ, "accusations", "CHNBUS", "PRK", None, None, "070", "denied", "CHNGOV",
      note="denied copy of the alleged deliveries (rule 12)"),
    E(S_LIN, "should stop", "CHNGOV", "USAGOV", "foreign ministry spokesperson Lin Jian", "Washington", "100",
      note="demand; the 'told' speech act is not coded separately"),
    E(S_LIN2, "supplied", "CHNGOV", "PRK", "Beijing", "North Korea", "070", "denied", "Lin Jian"),
    E(S_KOR, "welcomed", "KOR", "USA", "South Korea", "US", "051"),
    E(S_KOR2, "coordinate", "KORGOV", "USAGOV", "Seoul's foreign ministry", "Washington", "030", "planned"),
    E(S_KOR2, "coordinate", "KORGOV", "JPNGOV", "Seoul's foreign ministry", "Tokyo", "030", "planned"),
    E(S_PANEL, "called", "RUSGOV", "IGOUNO", "a Russian diplomat", "UN sanctions monitors", "120",
      note="rejecting the monitors' estimates"),
    E(S_MOS, "shipped", "RUSGOV", "PRKGOV", "Moscow", "Pyongyang", "070", "attributed", "IGOUNO",
      date="2024-03-01/2025-03-12", note="oil = 070; 'the report' of the UN monitors"),
    E(S_MOS, "dismissed", "RUSGOV", "IGOUNO", "the Russian embassy in Tokyo", None, "120"),
    E(S_MOS, "allegation", "RUSGOV", "PRKGOV", "Moscow", "Pyongyang", "070", "denied", "RUSGOV",
      date="2024-03-01/2025-03-12", note="denied copy in the same sentence"),
    E(S_VETO, "vetoed", "RUS", "IGOUNO", "Russia", "UN", "129", date="2024"),
    E(S_VETO, "block", "RUSGOV", "IGOUNO", "Moscow", "Security Council", "129", "hypothetical", "analysts"),
    E(S_DES, "send", "JPN", "PRK", "Japan", None, "150", "planned", "Gen Nakatani", date="2025-04",
      note="destroyer for surveillance of the transfers = force posture towards NK (target from context)"),
    E(S_IF, "impose", "JPNGOV", "PRK", "Tokyo", "North Korea", "163", "hypothetical", "Gen Nakatani",
      note="conditional penalties; shipowners have no nationality, target = the condition's subject"),
]

CLAIMS = [
    C(S_HEAD, "six", "vessels blacklisted", 6, "count", ["USA"], "vessels blacklisted by the US", "author", "2025-03-12"),
    C(S_BL, "six", "tankers blacklisted", 6, "count", ["USA"], "tankers blacklisted by the US", "author", "2025-03-12"),
    C(S_BL, "two", "shipping companies blacklisted", 2, "count", ["USA", "CHNBUS"],
      "Chinese shipping companies blacklisted by the US", "author", "2025-03-12"),
    C(S_TR, "at least 1.2 million", "barrels of refined petroleum", 1200000, "count", ["CHNBUS", "PRK"],
      "at least, delivered to North Korea by the blacklisted vessels", "USAGOV", "2024-09-01/2025-03-12",
      "attributed", approx=True),
    C(S_TR, "double", "ratio of deliveries to the UN annual cap", 2, "factor", ["PRK", "IGOUNO"],
      "roughly double the annual ceiling", "USAGOV", "2024-09-01/2025-03-12", "attributed", approx=True),
    C(S_TR, "500,000", "barrels of refined petroleum", 500000, "count", ["IGOUNO", "PRK"],
      "annual UN ceiling on North Korean refined-petroleum imports", "author", "2017"),
    C(S_PANEL, "around 1.5 million", "barrels of refined petroleum", 1500000, "count", ["PRK"],
      "North Korea's illicit imports last year", "IGOUNO", "2024", "attributed", approx=True),
    C(S_MOS, "more than one million", "barrels of oil", 1000000, "count", ["RUSGOV", "PRKGOV"],
      "more than, shipped by Russia to North Korea since March 2024", "IGOUNO", "2024-03-01/2025-03-12",
      "attributed", approx=True),
]

QUOTES = [
    Q(S_Q1, "These networks", "senior Treasury official", "USAGOV"),
    Q(S_LIN, "China has always", "Lin Jian", "CHNGOV"),
    Q(S_LIN, "slandering", "Lin Jian", "CHNGOV"),
    Q(S_PANEL, "fabricated", "Russian diplomat", "RUSGOV"),
    Q(S_MOS, "Western propaganda", "Russian embassy in Tokyo", "RUSGOV"),
    Q(S_KIM, "Without the panel", "Kim Min-ji", "KORELI"),
]
