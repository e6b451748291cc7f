"""dev-en-005: planned Xi-Kim summit, China-North Korea trade (published Wed 2026-04-15)."""

from common import C, E, Q

DOC_ID = "dev-en-005"
PUBLISHED = "2026-04-15"
GENRE = "analysis"

NEXT_WEEK = "2026-04-20/2026-04-26"

ACTORS = [
    ("xi", "Xi Jinping", "person", "CHNGOV", [r"Chinese President Xi Jinping", r"Xi(?! Jinping)"]),
    ("kim", "Kim Jong Un", "person", "PRKGOV", [r"North Korean leader Kim Jong Un", r"Kim(?! Jong)"]),
    ("chn", "China", "country", "CHN", [r"China(?!'s customs)"]),
    ("chn_gov", "Beijing / Chinese officials", "organisation", "CHNGOV",
     [r"(?<!in )Beijing", r"China's customs agency", r"Chinese officials"]),
    ("xinhua", "Xinhua", "organisation", "CHNMED", [r"the state news agency Xinhua"]),
    ("chn_bus", "Chinese companies", "group", "CHNBUS", [r"Chinese companies"]),
    ("prk", "North Korea", "country", "PRK", [r"North Korea(?!'s state|n)"]),
    ("prk_gov", "Pyongyang", "organisation", "PRKGOV", [r"Pyongyang"]),
    ("prk_med", "North Korean state media", "organisation", "PRKMED", [r"North Korea's state media"]),
    ("rus", "Russia", "country", "RUS", [r"Russia"]),
    ("rus_gov", "Moscow", "organisation", "RUSGOV", [r"Moscow"]),
    ("putin", "Vladimir Putin", "person", "RUSGOV", [r"Putin"]),
    ("usa_gov", "Washington / State Department", "organisation", "USAGOV",
     [r"Washington", r"The US State Department"]),
    ("uno", "United Nations", "organisation", "IGOUNO", [r"UN"]),
    ("kor_gov", "South Korean government agencies", "organisation", "KORGOV",
     [r"The Korea Trade-Investment Promotion Agency in Seoul", r"South Korea's unification ministry",
      r"Seoul(?='s estimates)"]),
    ("lee_jm", "Lee Jae-myung", "person", "KORGOV", [r"South Korea's president Lee Jae-myung"]),
    ("jpn_dip", "senior Japanese diplomat", "person", "JPNGOV", [r"a senior Japanese diplomat"]),
    ("zhao", "Zhao Tong", "person", "CHNELI", [r"Zhao Tong"]),
]

S_HEAD = "Xi to host Kim"
S_REC = "Xi Jinping will receive"
S_VIS = "The visit comes"
S_CUS = "China's customs agency said"
S_BUY = "North Korea bought"
S_KOTRA = "unrecorded trade"
S_REJ = "Chinese officials reject"
S_ARM = "arm's length"
S_SEP = "That changed last September"
S_DEL = "exchanged at least four"
S_SIGN = "Xi and Kim are expected"
S_AID = "China could also pledge"
S_SD = "The US State Department said"
S_DENY = "China has denied"
S_JPN = "If Beijing can persuade"
S_LEE = "Lee Jae-myung said on Tuesday"
S_OIL = "Russia supplied North Korea"
S_TRIP = "did not confirm the trip"
S_LAST = "Kim last travelled"

EVENTS = [
    E(S_HEAD, "host", "CHNGOV", "PRKGOV", "Xi", "Kim", "043", "planned", loc="Beijing"),
    E(S_REC, "receive", "CHNGOV", "PRKGOV", "Chinese President Xi Jinping", "North Korean leader Kim Jong Un",
      "043", "planned", "CHNMED", date=NEXT_WEEK, loc="Beijing",
      note="host is subject -> 043; 'their first summit' is the same mention"),
    E(S_VIS, "visit", "PRKGOV", "CHNGOV", None, None, "042", "planned", date=NEXT_WEEK,
      note="anaphoric nominal; trade recovery is a relation state, not coded"),
    E(S_CUS, "said", "CHNGOV", "PRK", "China's customs agency", None, "010"),
    E(S_BUY, "bought", "PRK", "CHN", "North Korea", None, "061", date="2026-01-01/2026-03-31",
      note="trade = economic cooperation, buyer as source; first quarter from the previous sentence"),
    E(S_BUY, "imported", "CHN", "PRK", "China", None, "061", date="2026-01-01/2026-03-31"),
    E(S_REJ, "reject", "CHNGOV", "KORGOV", "Chinese officials", None, "120"),
    E(S_ARM, "kept Pyongyang at arm's length", "CHNGOV", "PRKGOV", "Beijing", "Pyongyang", "160", date="2024"),
    E(S_ARM, "deepened", "PRKGOV", "RUSGOV", "Kim", "Putin", "062", date="2024",
      note="deepening a military alliance coded as military cooperation (cf. seed-000)"),
    E(S_SEP, "stood beside", "PRKGOV", "CHNGOV", "Kim", "Xi", "042", date="2025-09", loc="Beijing",
      note="as seed-003: host Xi -> 042, Putin -> 044"),
    E(S_SEP, "stood beside", "PRKGOV", "RUSGOV", "Kim", "Putin", "044", date="2025-09", loc="Beijing"),
    E(S_DEL, "exchanged", "CHNGOV", "PRKGOV", "the two governments", None, "042", "attributed", "KORGOV",
      date="2025-09-01/2026-04-15", note="reciprocal visits, 04x symmetric: one entry"),
    E(S_SIGN, "sign", "CHNGOV", "PRKGOV", "Xi", "Kim", "057", "planned", "diplomats"),
    E(S_SIGN, "discuss", "CHNGOV", "PRKGOV", "Xi", "Kim", "040", "planned", "diplomats"),
    E(S_AID, "pledge", "CHN", "PRK", "China", "North Korea", "0333", "hypothetical",
      "two people familiar with the talks"),
    E(S_AID, "requested", "PRK", "CHN", "North Korea", "China", "0233", "attributed",
      "two people familiar with the talks"),
    E(S_SD, "urged", "USAGOV", "CHN", "The US State Department", "China", "020",
      note="content (enforce UN sanctions) not coded"),
    E(S_SD, "warned", "USAGOV", "CHNBUS", "The US State Department", "Chinese companies", "1312"),
    E(S_DENY, "denied", "CHN", "USAGOV", "China", None, "120", note="accuser from the sentence before"),
    E(S_DENY, "imports", "CHN", "PRK", "China", "North Korea", "061", "denied", "CHN"),
    E(S_JPN, "persuade", "CHNGOV", "PRKGOV", "Beijing", "Kim", "026", "hypothetical", "senior Japanese diplomat"),
    E(S_JPN, "welcome", "JPNGOV", "CHNGOV", "we", None, "051", "hypothetical", "senior Japanese diplomat"),
    E(S_LEE, "said", "KORGOV", "CHNGOV", "South Korea's president Lee Jae-myung", "Xi", "020", date="2026-04-14",
      note="expressed hope addressed at Xi = appeal"),
    E(S_OIL, "supplied", "RUS", "PRK", "Russia", "North Korea", "070", "attributed", "KORGOV", date="2025"),
    E(S_OIL, "supplied", "CHN", "PRK", "China", "North Korea", "070", "attributed", "KORGOV", date="2025",
      note="elliptical 'more than China': China supplied less"),
    E(S_TRIP, "trip", "PRKGOV", "CHNGOV", None, None, "042", "planned",
      note="anaphoric nominal; 'did not confirm' itself has no second actor"),
    E(S_LAST, "travelled", "PRKGOV", "CHNGOV", "Kim", None, "042", date="2025-09",
      note="'abroad' = the September trip to Beijing"),
]

CLAIMS = [
    C(S_CUS, "18 percent", "rise in bilateral trade", 18, "percent", ["CHN", "PRK"],
      "growth of China-North Korea trade in the first quarter", "CHNGOV", "2026-01-01/2026-03-31", "attributed"),
    C(S_CUS, "$620 million", "bilateral trade", 620000000, "USD", ["CHN", "PRK"],
      "China-North Korea trade in the first quarter", "CHNGOV", "2026-01-01/2026-03-31", "attributed"),
    C(S_BUY, "about $95 million", "Chinese imports of wigs and false eyelashes", 95000000, "USD", ["CHN", "PRK"],
      "value of wigs and false eyelashes imported from North Korea", "author", "2026-01-01/2026-03-31",
      approx=True),
    C(S_KOTRA, "30 percent", "unrecorded trade", 30, "percent", ["CHN", "PRK"],
      "unrecorded trade on top of the official total", "KORGOV", "2026-01-01/2026-03-31", "hypothetical"),
    C(S_DEL, "at least four", "high-level delegations", 4, "count", ["CHNGOV", "PRKGOV"],
      "at least, delegations exchanged since September 2025", "KORGOV", "2025-09-01/2026-04-15",
      "attributed", approx=True),
    C(S_OIL, "about 1 million", "barrels of oil", 1000000, "count", ["RUS", "PRK"],
      "supplied by Russia to North Korea last year", "KORGOV", "2025", "attributed", approx=True),
]

QUOTES = [
    Q(S_SD, "fully and without", "US State Department", "USAGOV"),
    Q(S_JPN, "If Beijing can", "senior Japanese diplomat", "JPNGOV"),
    Q("Beijing does not want", "Beijing does not want", "Zhao Tong", "CHNELI"),
]
