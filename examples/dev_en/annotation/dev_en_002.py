"""dev-en-002: Shoigu in Pyongyang, troop rotation in Kursk (published Thu 2025-06-19)."""

from common import C, E, Q

DOC_ID = "dev-en-002"
PUBLISHED = "2025-06-19"
GENRE = "report"

ACTORS = [
    ("shoigu", "Sergei Shoigu", "person", "RUSGOV",
     [r"Russian Security Council Secretary Sergei Shoigu", r"(?<!Sergei )Shoigu", r"he(?= said, had helped)"]),
    ("kim", "Kim Jong Un", "person", "PRKGOV", [r"North Korean leader Kim Jong Un", r"Kim(?! Jong)"]),
    ("putin", "Vladimir Putin", "person", "RUSGOV", [r"President Vladimir Putin", r"Putin(?= is expected)"]),
    ("prk", "North Korea", "country", "PRK", [r"North Korea(?!n)", r"it(?= confirmed)"]),
    ("prk_gov", "Pyongyang", "organisation", "PRKGOV", [r"(?<!in )Pyongyang"]),
    ("prk_mil", "North Korean soldiers", "group", "PRKMIL",
     [r"North Korean soldiers", r"(?<=rotating )troops", r"its troops", r"fresh soldiers",
      r"North Koreans", r"its soldiers", r"deminers", r"military construction workers"]),
    ("prk_med", "North Korean state media (KCNA)", "organisation", "PRKMED",
     [r"state media", r"the Korean Central News Agency", r"KCNA"]),
    ("rus", "Russia", "country", "RUS", [r"Russia"]),
    ("rus_gov", "Moscow / Kremlin", "organisation", "RUSGOV",
     [r"(?<!to )Moscow", r"The Kremlin", r"a Kremlin aide"]),
    ("kor_spy", "National Intelligence Service", "organisation", "KORSPY",
     [r"South Korea's National Intelligence Service", r"NIS(?! official)", r"the agency"]),
    ("kor_gov", "Seoul / South Korean foreign ministry", "organisation", "KORGOV",
     [r"Seoul", r"a spokesperson for the South Korean foreign ministry"]),
    ("kor_leg", "South Korean lawmakers", "group", "KORLEG", [r"lawmakers"]),
    ("ukr_mil", "Ukrainian forces", "group", "UKRMIL", [r"Ukrainian forces"]),
    ("ukr_spy", "Ukrainian military intelligence", "organisation", "UKRSPY", [r"Ukraine's military intelligence"]),
    ("ukr_gov", "Kyiv", "organisation", "UKRGOV", [r"Kyiv", r"it(?= accuses)"]),
    ("jpn_gov", "Tokyo", "organisation", "JPNGOV", [r"Tokyo"]),
    ("usa_gov", "Washington", "organisation", "USAGOV", [r"Washington"]),
    ("uno", "UN Security Council", "organisation", "IGOUNO", [r"(?<!Russian )Security Council"]),
    ("chn", "China", "country", "CHN", [r"China"]),
    ("chn_gov", "Chinese foreign ministry", "organisation", "CHNGOV", [r"a foreign ministry spokesperson in Beijing"]),
    ("lee", "Lee Sung-hoon", "person", "KORELI", [r"Lee Sung-hoon", r"He(?= warned)"]),
]

S_HEAD = "Shoigu holds talks"
S_MET = "Sergei Shoigu met"
S_REC = "Kim received Shoigu"
S_AGR = "the two sides agreed"
S_PRA = "Shoigu praised"
S_NIS = "told lawmakers on Wednesday"
S_ARR = "About 3,000 fresh soldiers"
S_EST = "The NIS estimated"
S_KYIV = "Kyiv says"
S_CON = "Seoul condemned"
S_Q = "Sending more North Koreans"
S_TW = "Tokyo and Washington also"
S_NODENY = "North Korea did not deny"
S_APR = "In April it confirmed"
S_VIS = "Putin is expected to visit"
S_AN = "Analysts say the two leaders"
S_DIST = "China kept its distance."
S_BJ = "Asked about the agreement"
S_LEE = "Russia is paying"
S_LEE2 = "He warned that Moscow"

EVENTS = [
    E(S_HEAD, "holds talks", "RUSGOV", "PRKGOV", "Shoigu", None, "042", loc="Pyongyang",
      note="headline; host from the place 'in Pyongyang' (not a mention)"),
    E(S_HEAD, "says", "KORGOV", "PRK", "Seoul", "North Korea", "010"),
    E(S_HEAD, "rotating troops", "PRK", "RUS", "North Korea", None, "062", "attributed", "KORGOV",
      loc="Kursk", note="troop rotation = deployment 062; Russia from 'in Kursk'"),
    E(S_MET, "met", "RUSGOV", "PRKGOV", "Russian Security Council Secretary Sergei Shoigu",
      "North Korean leader Kim Jong Un", "042", "attributed", "PRKMED", date="2025-06-17", loc="Pyongyang",
      note="visitor is subject -> 042; 'his second visit' is the same mention, not coded again"),
    E(S_REC, "received", "PRKGOV", "RUSGOV", "Kim", "Shoigu", "043", "attributed", "PRKMED",
      date="2025-06-17", loc="headquarters of the ruling Workers' Party", note="date from the previous sentence"),
    E(S_AGR, "agreed", "RUSGOV", "PRKGOV", "the two sides", None, "030", "planned", "PRKMED", date="2025-06-17",
      note="agreed future cooperation without treaty -> 030 planned, one entry per direction"),
    E(S_AGR, "agreed", "PRKGOV", "RUSGOV", "the two sides", None, "030", "planned", "PRKMED", date="2025-06-17"),
    E(S_AGR, "send", "PRK", "RUS", "North Korea", "Russia", "062", "planned", "PRKMED", loc="Kursk region"),
    E(S_PRA, "praised", "RUSGOV", "PRKMIL", "Shoigu", "North Korean soldiers", "051"),
    E(S_PRA, "helped", "PRKMIL", "RUS", "North Korean soldiers", None, "062", "attributed", "Sergei Shoigu",
      date="2025"),
    E(S_PRA, "expel", "PRKMIL", "UKRMIL", "North Korean soldiers", "Ukrainian forces", "190", "attributed",
      "Sergei Shoigu", date="2025", note="'from the region' names no place"),
    E(S_NIS, "told", "KORSPY", "PRKGOV", "South Korea's National Intelligence Service", "Pyongyang", "010",
      date="2025-06-18"),
    E(S_NIS, "rotating", "PRKGOV", "RUS", "Pyongyang", None, "062", "attributed", "KORSPY", loc="Kursk"),
    E(S_ARR, "arrived", "PRKMIL", "RUS", "fresh soldiers", None, "062", "attributed", "KORSPY", date="2025-05"),
    E(S_EST, "deployment", "PRK", "RUS", None, None, "062", "attributed", "KORSPY", date="2024-10",
      note="nominal; casualties are claims, no 190 event without a named attacker"),
    E(S_KYIV, "says", "UKRGOV", "PRKMIL", "Kyiv", "North Koreans", "010"),
    E(S_KYIV, "accuses", "UKRGOV", "RUSGOV", "it", "Moscow", "112"),
    E(S_CON, "condemned", "KORGOV", "RUSGOV", "Seoul", None, "111", note="the agreement of both parties: one entry each"),
    E(S_CON, "condemned", "KORGOV", "PRKGOV", "Seoul", None, "111"),
    E(S_Q, "Sending", "PRK", "RUS", None, "Russia", "062", "attributed",
      "spokesperson for the South Korean foreign ministry", note="inside the quote; the condemnation is coded in the sentence before"),
    E(S_TW, "criticised", "JPNGOV", "RUSGOV", "Tokyo", None, "111"),
    E(S_TW, "criticised", "JPNGOV", "PRKGOV", "Tokyo", None, "111"),
    E(S_TW, "criticised", "USAGOV", "RUSGOV", "Washington", None, "111"),
    E(S_TW, "criticised", "USAGOV", "PRKGOV", "Washington", None, "111"),
    E(S_NODENY, "deployment", "PRK", "RUS", "North Korea", None, "062",
      note="presupposed fact; 'did not deny' has no accuser and is not coded itself"),
    E(S_APR, "confirmed", "PRK", "RUS", "it", "Russia", "015", date="2025-04",
      note="acknowledging the deployment = 015"),
    E(S_APR, "stationed", "PRKMIL", "RUS", "its soldiers", "Russia", "062", "attributed", "PRK", loc="Russia"),
    E(S_APR, "signed", "PRKGOV", "RUSGOV", "Kim", "President Vladimir Putin", "057", date="2024-06"),
    E(S_VIS, "visit", "RUSGOV", "PRK", "Putin", "North Korea", "042", "planned", "RUSGOV", date="2025",
      note="announced trip by the Kremlin aide -> planned, 'later this year' -> year"),
    E(S_VIS, "accepted an invitation", "PRKGOV", "RUSGOV", "Kim", None, "036", "planned",
      note="accepting an invitation = intent to meet"),
    E(S_VIS, "travel", "PRKGOV", "RUSGOV", "Kim", None, "042", "planned", loc="Moscow"),
    E(S_AN, "sign", "RUSGOV", "PRKGOV", "the two leaders", None, "057", "hypothetical", "analysts"),
    E(S_DIST, "kept its distance", "CHN", "RUSGOV", "China", None, "160", note="symbolic distancing from both parties"),
    E(S_DIST, "kept its distance", "CHN", "PRKGOV", "China", None, "160"),
    E(S_BJ, "said", "CHNGOV", "RUSGOV", "a foreign ministry spokesperson in Beijing", "Moscow", "010"),
    E(S_BJ, "said", "CHNGOV", "PRKGOV", "a foreign ministry spokesperson in Beijing", "Pyongyang", "010"),
    E(S_BJ, "urged", "CHNGOV", "RUS", "a foreign ministry spokesperson in Beijing", "all parties", "027",
      note="'all parties' to the war in Ukraine resolved to Russia and Ukraine"),
    E(S_BJ, "urged", "CHNGOV", "UKR", "a foreign ministry spokesperson in Beijing", "all parties", "027"),
    E(S_LEE, "paying", "RUS", "PRK", "Russia", None, "070", "attributed", "Lee Sung-hoon",
      note="expert's content inside quote; oil/food/technology = 070"),
    E(S_LEE2, "transfer", "RUSGOV", "PRKGOV", "Moscow", "Pyongyang", "072", "hypothetical", "Lee Sung-hoon"),
]

CLAIMS = [
    C(S_AGR, "1,000", "deminers", 1000, "persons", ["PRKMIL", "RUS"],
      "to be sent by North Korea to the Kursk region", "PRKMED", "2025-06-17", "planned"),
    C(S_AGR, "5,000", "military construction workers", 5000, "persons", ["PRKMIL", "RUS"],
      "to be sent by North Korea to the Kursk region", "PRKMED", "2025-06-17", "planned"),
    C(S_ARR, "About 3,000", "soldiers", 3000, "persons", ["PRKMIL", "RUS"],
      "fresh North Korean soldiers who arrived in Kursk in May", "KORSPY", "2025-05", "attributed", approx=True),
    C(S_EST, "some 4,700", "soldiers killed or wounded", 4700, "persons", ["PRKMIL"],
      "North Korean casualties since the deployment began", "KORSPY", "2024-10-01/2025-06-19",
      "attributed", approx=True),
    C(S_KYIV, "at least 6,000", "soldiers killed or injured", 6000, "persons", ["PRKMIL"],
      "at least, North Korean casualties", "UKRGOV", "2025-06", "attributed", approx=True),
]

QUOTES = [
    Q(S_PRA, "heroism", "Sergei Shoigu", "RUSGOV"),
    Q(S_KYIV, "cannon fodder", "Kyiv", "UKRGOV"),
    Q(S_Q, "Sending more", "spokesperson for the South Korean foreign ministry", "KORGOV"),
    Q(S_BJ, "a matter for", "foreign ministry spokesperson in Beijing", "CHNGOV"),
    Q(S_LEE, "Russia is paying", "Lee Sung-hoon", "KORELI"),
]
