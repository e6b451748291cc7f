"""dev-en-004: rail shipments of shells, Kim's threats, pressure on China (published Thu 2026-01-22)."""

from common import C, E, Q

DOC_ID = "dev-en-004"
PUBLISHED = "2026-01-22"
GENRE = "report"

ACTORS = [
    ("prk", "North Korea", "country", "PRK", [r"North Korea(?!n)"]),
    ("prk_gov", "Pyongyang", "organisation", "PRKGOV", [r"Pyongyang", r"it(?= modernise)"]),
    ("kim", "Kim Jong Un", "person", "PRKGOV", [r"Kim Jong Un", r"Kim(?! Jong)", r"He(?= also ordered)"]),
    ("prk_mil", "North Korean army", "group", "PRKMIL", [r"his army"]),
    ("prk_med", "KCNA", "organisation", "PRKMED", [r"KCNA"]),
    ("rus", "Russia", "country", "RUS", [r"Russia"]),
    ("rus_gov", "Moscow / Kremlin", "organisation", "RUSGOV", [r"Moscow"]),
    ("peskov", "Dmitry Peskov", "person", "RUSGOV", [r"Kremlin spokesman Dmitry Peskov"]),
    ("rus_mil", "Russian engineers", "group", "RUSMIL", [r"Russian engineers"]),
    ("kor", "South Korea", "country", "KOR", [r"South Korea(?!'s military)"]),
    ("kor_mil", "South Korean military / JCS", "organisation", "KORMIL",
     [r"South Korea's military", r"The Joint Chiefs of Staff", r"the South Korean military",
      r"South Korean(?= or US troops)"]),
    ("ahn", "Ahn Gyu-back", "person", "KORMIL", [r"Defence Minister Ahn Gyu-back"]),
    ("kor_gov", "Seoul", "organisation", "KORGOV", [r"Seoul"]),
    ("kor_leg", "South Korean lawmaker", "person", "KORLEG", [r"a lawmaker on the parliamentary intelligence committee"]),
    ("ukr_mil", "Ukrainian defence official", "person", "UKRMIL", [r"A Ukrainian defence official"]),
    ("rusi", "Royal United Services Institute", "organisation", "GBRELI", [r"the Royal United Services Institute in London"]),
    ("usa", "United States", "country", "USA", [r"[Tt]he United States"]),
    ("usa_gov", "Washington / US officials", "organisation", "USAGOV", [r"officials in Washington", r"Washington's"]),
    ("rubio", "Marco Rubio", "person", "USAGOV", [r"US Secretary of State Marco Rubio"]),
    ("usa_mil", "US troops", "group", "USAMIL", [r"US troops"]),
    ("chn", "China", "country", "CHN", [r"China(?!'s foreign)"]),
    ("chn_gov", "Beijing / Chinese foreign ministry", "organisation", "CHNGOV",
     [r"Beijing", r"China's foreign ministry"]),
    ("mao", "Mao Ning", "person", "CHNGOV", [r"Spokesperson Mao Ning"]),
    ("chn_bus", "Chinese ports / firms", "group", "CHNBUS", [r"Chinese ports", r"Chinese firms"]),
]

S_HEAD = "Freight trains carry"
S_SHIP = "North Korea has shipped"
S_JCS = "The Joint Chiefs of Staff estimated"
S_UKR = "A Ukrainian defence official"
S_DEN = "Moscow denies receiving"
S_PES = "Kremlin spokesman Dmitry Peskov"
S_RET = "In return, Russia is supplying"
S_ENG = "Russian engineers have"
S_KIM = "Kim Jong Un, meanwhile"
S_FAC = "Speaking at a munitions factory"
S_TRI = "He also ordered"
S_BRU = "Seoul brushed off"
S_AHN = "We will respond overwhelmingly"
S_PRESS = "its allies are pressing"
S_RUB = "US Secretary of State Marco Rubio urged"
S_TRAIN = "The trains run on Russian tracks"
S_REB = "China's foreign ministry rebuffed"
S_MAO = "Spokesperson Mao Ning said"
S_BRI = "plan to open a road bridge"

EVENTS = [
    E(S_HEAD, "carry", "PRK", "RUS", None, "Russia", "072",
      note="headline; supplier from the adjective 'North Korean shells'"),
    E(S_HEAD, "threatens", "PRKGOV", "KORGOV", "Kim", "Seoul", "130"),
    E(S_SHIP, "shipped", "PRK", "RUS", "North Korea", "Russia", "072", "attributed", "KORMIL", loc="Tumangang"),
    E(S_SHIP, "said", "KORMIL", "PRK", "South Korea's military", "North Korea", "010", date="2026-01-22"),
    E(S_JCS, "delivered", "PRKGOV", "RUS", "Pyongyang", None, "072", "attributed", "KORMIL",
      date="2023-06-01/2026-01-22", note="'since the summer of 2023' -> from 1 June 2023"),
    E(S_DEN, "denies", "RUSGOV", "KORMIL", "Moscow", None, "120", note="rejecting the South Korean military's account"),
    E(S_DEN, "receiving", "PRK", "RUSGOV", None, "Moscow", "072", "denied", "RUSGOV"),
    E(S_PES, "said", "RUSGOV", "KORMIL", "Kremlin spokesman Dmitry Peskov", None, "120", date="2026-01-19",
      note="calling the reports groundless = rejection"),
    E(S_PES, "arms deliveries", "PRK", "RUS", None, None, "072", "denied", "Dmitry Peskov", date=None),
    E(S_PES, "accused", "RUSGOV", "KORGOV", "Kremlin spokesman Dmitry Peskov", "Seoul", "112", date="2026-01-19"),
    E(S_RET, "supplying", "RUS", "PRK", "Russia", "North Korea", "072", "attributed", "KORMIL"),
    E(S_RET, "helping", "RUS", "PRK", "Russia", "it", "062", "attributed", "KORMIL",
      note="help to modernise fighter jets = military cooperation"),
    E(S_ENG, "stationed", "RUSMIL", "PRK", "Russian engineers", None, "062", "attributed", "KORLEG",
      date="2025-12-01/2026-01-22", loc="Sohae launch site", note="engineers coded MIL (military-technical help)"),
    E(S_KIM, "warned", "PRKGOV", "KOR", "Kim Jong Un", "South Korea", "138"),
    E(S_FAC, "said", "PRKGOV", "KORMIL", "Kim", "South Korean", "138", "attributed", "PRKMED", date="2026-01-20",
      loc="munitions factory", note="conditional threat; one entry per threatened force"),
    E(S_FAC, "said", "PRKGOV", "USAMIL", "Kim", "US troops", "138", "attributed", "PRKMED", date="2026-01-20",
      loc="munitions factory"),
    E(S_FAC, "annihilate", "PRKMIL", "KORMIL", "his army", "South Korean", "190", "hypothetical", "Kim Jong Un"),
    E(S_FAC, "annihilate", "PRKMIL", "USAMIL", "his army", "US troops", "190", "hypothetical", "Kim Jong Un"),
    E(S_BRU, "brushed off", "KORGOV", "PRKGOV", "Seoul", None, "120"),
    E(S_AHN, "respond", "KORMIL", "PRKGOV", "We", None, "138", "attributed", "Ahn Gyu-back",
      note="counter-threat inside a quote"),
    E(S_AHN, "hold joint drills", "KOR", "USA", "South Korea", "the United States", "062", "planned",
      "Ahn Gyu-back", date="2026-03", note="joint drills; 062 is not symmetric: one entry per direction"),
    E(S_AHN, "hold joint drills", "USA", "KOR", "the United States", "South Korea", "062", "planned",
      "Ahn Gyu-back", date="2026-03"),
    E(S_PRESS, "pressing", "USA", "CHN", "The United States", "China", "100"),
    E(S_RUB, "urged", "USAGOV", "CHNGOV", "US Secretary of State Marco Rubio", "Beijing", "020", date="2026-01-21",
      note="the content of the appeal is not coded"),
    E(S_TRAIN, "supply", "CHNBUS", "RUS", "Chinese firms", None, "070", "attributed", "USAGOV",
      note="spare parts for the Russian-run trains: dual use -> 070, target Russia"),
    E(S_REB, "rebuffed", "CHNGOV", "USAGOV", "China's foreign ministry", None, "120"),
    E(S_MAO, "provides", "CHN", "RUS", "China", "any side", "072", "denied", "Mao Ning",
      note="'never provides ... to any side' = denial; one entry per side"),
    E(S_MAO, "provides", "CHN", "UKR", "China", "any side", "072", "denied", "Mao Ning"),
    E(S_BRI, "open", "RUS", "PRK", "Russia", "North Korea", "061", "planned", date="2026-06-01/2026-08-31",
      loc="Tumen River", note="joint infrastructure; one entry per direction"),
    E(S_BRI, "open", "PRK", "RUS", "North Korea", "Russia", "061", "planned", date="2026-06-01/2026-08-31",
      loc="Tumen River"),
]

CLAIMS = [
    C(S_SHIP, "millions", "artillery shells", 2000000, "count", ["PRK", "RUS"],
      "millions (minimal reading), shipped by North Korea to Russia by rail", "KORMIL", None, "attributed",
      approx=True),
    C(S_JCS, "about 12 million", "artillery shells", 12000000, "count", ["PRKGOV", "RUS"],
      "delivered to Russia since summer 2023", "KORMIL", "2023-06-01/2026-01-22", "attributed", approx=True),
    C(S_JCS, "250", "short-range ballistic missiles", 250, "count", ["PRKGOV", "RUS"],
      "delivered to Russia since summer 2023", "KORMIL", "2023-06-01/2026-01-22", "attributed"),
    C(S_UKR, "9 million", "artillery shells", 9000000, "count", ["PRK", "RUS"],
      "Ukrainian estimate of North Korean shells delivered to Russia", "UKRMIL", "2026-01-12/2026-01-18",
      "attributed", approx=True),
    C(S_UKR, "more than 28,000", "containers", 28000, "count", ["PRK", "RUS"],
      "more than, containers shipped from North Korea to Russia", "GBRELI", None, "attributed", approx=True),
    C(S_TRI, "triple", "shell production", 3, "factor", ["PRKGOV"],
      "ordered increase of shell production this year", "PRKMED", "2026", "planned"),
]

QUOTES = [
    Q(S_KIM, "merciless", "Kim Jong Un", "PRKGOV"),
    Q(S_PES, "groundless speculation", "Dmitry Peskov", "RUSGOV"),
    Q(S_PES, "lies on Washington", "Dmitry Peskov", "RUSGOV"),
    Q(S_FAC, "annihilate", "Kim Jong Un", "PRKGOV"),
    Q(S_AHN, "We will respond", "Ahn Gyu-back", "KORMIL"),
    Q(S_MAO, "is not a party", "Mao Ning", "CHNGOV"),
]
