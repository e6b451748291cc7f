"""dev-en-003: Russian veto of a UN draft, Chinese abstention (published Wed 2025-10-08)."""

from common import C, E, Q

DOC_ID = "dev-en-003"
PUBLISHED = "2025-10-08"
GENRE = "report"

ACTORS = [
    ("rus", "Russia", "country", "RUS", [r"Russia"]),
    ("rus_gov", "Moscow / Russian envoy", "organisation", "RUSGOV", [r"Moscow"]),
    ("nebenzia", "Vassily Nebenzia", "person", "RUSGOV",
     [r"Russian envoy Vassily Nebenzia", r"(?<!Vassily )Nebenzia", r"he(?= told members)"]),
    ("rus_bus", "Russian entities / shipping firms", "group", "RUSBUS",
     [r"three Russian entities", r"Russian shipping firms"]),
    ("prk", "North Korea", "country", "PRK", [r"North Korea(?!'s mission|n)"]),
    ("prk_gov", "Pyongyang / North Korean mission", "organisation", "PRKGOV",
     [r"Pyongyang", r"North Korea's mission to the UN", r"it(?= would take)", r"North Korean officials"]),
    ("prk_med", "KCNA", "organisation", "PRKMED", [r"KCNA"]),
    ("chn", "China", "country", "CHN", [r"China(?!'s ambassador)"]),
    ("chn_gov", "Beijing / Chinese ambassador", "organisation", "CHNGOV", [r"(?<!in )Beijing"]),
    ("fu", "Fu Cong", "person", "CHNGOV", [r"China's ambassador Fu Cong", r"He(?= gave)"]),
    ("chn_bus", "Chinese banks", "group", "CHNBUS", [r"Chinese banks"]),
    ("usa", "United States", "country", "USA", [r"the United States"]),
    ("usa_gov", "Washington / State Department", "organisation", "USAGOV",
     [r"Washington", r"The State Department"]),
    ("waltz", "Mike Waltz", "person", "USAGOV", [r"US Ambassador Mike Waltz"]),
    ("jpn", "Japan", "country", "JPN", [r"Japan(?!'s Prime)"]),
    ("ishiba", "Shigeru Ishiba", "person", "JPNGOV", [r"Japan's Prime Minister Shigeru Ishiba"]),
    ("kor", "South Korea", "country", "KOR", [r"South Korea(?!'s foreign)"]),
    ("cho", "Cho Hyun", "person", "KORGOV", [r"South Korea's foreign minister Cho Hyun"]),
    ("kor_gov", "Seoul", "organisation", "KORGOV", [r"Seoul"]),
    ("uno", "UN Security Council", "organisation", "IGOUNO",
     [r"UN", r"Security Council", r"[Tt]he council"]),
    ("eu", "European Union", "organisation", "IGOEUR",
     [r"The European Union", r"the bloc", r"EU diplomats"]),
    ("kallas", "Kaja Kallas", "person", "IGOEUR", [r"EU foreign policy chief Kaja Kallas"]),
]

S_HEAD = "Russia vetoes UN text"
S_VETO = "Russia on Tuesday vetoed"
S_13 = "Thirteen of the council"
S_ABS = "China abstained, diplomats said"
S_DRAFT = "The draft, put forward"
S_WALTZ = "US Ambassador Mike Waltz said"
S_NEB = "Russian envoy Vassily Nebenzia dismissed"
S_NEBQ = "We will not allow"
S_NEBD = "Nebenzia denied"
S_PRKM = "North Korea's mission to the UN also"
S_FU = "China's ambassador Fu Cong said"
S_SD = "The State Department said"
S_EU = "The European Union also condemned"
S_KAL = "EU foreign policy chief"
S_NOV = "EU diplomats expect"
S_ISH = "Shigeru Ishiba called"
S_IF = "If Russia shared"
S_EUR = "Beijing abstained, it did not"
S_PY = "Pyongyang warned on Wednesday"
S_2006 = "Since 2006"

EVENTS = [
    E(S_HEAD, "vetoes", "RUS", "IGOUNO", "Russia", "UN", "129"),
    E(S_HEAD, "arms transfers", "PRK", "RUS", "North Korea", "Russia", "072",
      note="headline nominal; author's voice names the transfers without hedge"),
    E(S_VETO, "vetoed", "RUS", "IGOUNO", "Russia", "Security Council", "129", date="2025-10-07"),
    E(S_VETO, "condemned", "IGOUNO", "PRK", "Security Council", "North Korea", "111", "hypothetical",
      note="counterfactual 'would have' -> hypothetical; one entry per condemned party"),
    E(S_VETO, "condemned", "IGOUNO", "RUS", "Security Council", "Russia", "111", "hypothetical"),
    E(S_VETO, "arms transfers", "PRK", "RUS", "North Korea", "Russia", "072",
      note="'between' = reciprocal with a non-symmetric code: one entry per direction"),
    E(S_VETO, "arms transfers", "RUS", "PRK", "Russia", "North Korea", "072"),
    E(S_VETO, "sanctions", "IGOUNO", "PRKGOV", "UN", "Pyongyang", "163", note="existing UN sanctions (nominal)"),
    E(S_ABS, "has not sided", "CHNGOV", "RUSGOV", "Beijing", "Moscow", "051", "negated", "diplomats",
      note="the abstention itself has no CAMEO code; 'not sided with' = negated endorsement"),
    E(S_DRAFT, "accused", "USA", "PRKGOV", "the United States", "Pyongyang", "112",
      note="the draft's sponsors accuse; one entry per sponsor"),
    E(S_DRAFT, "accused", "JPN", "PRKGOV", "Japan", "Pyongyang", "112"),
    E(S_DRAFT, "accused", "KOR", "PRKGOV", "South Korea", "Pyongyang", "112"),
    E(S_DRAFT, "supplying", "PRKGOV", "RUS", "Pyongyang", "Russia", "072", "attributed", "USA"),
    E(S_WALTZ, "said", "USAGOV", "PRK", "US Ambassador Mike Waltz", "North Korea", "010"),
    E(S_WALTZ, "delivered", "PRK", "RUS", "North Korea", "Russia", "072", "attributed", "Mike Waltz",
      date="2023-08-01/2025-10-08"),
    E(S_NEB, "dismissed", "RUSGOV", "IGOUNO", "Russian envoy Vassily Nebenzia", "the text", "120",
      note="rejecting the UN draft"),
    E(S_NEBQ, "will not allow", "RUSGOV", "IGOUNO", "We", "the council", "120", "planned", "Vassily Nebenzia",
      note="conflictual intention inside a quote -> action code + planned"),
    E(S_NEBD, "denied", "RUSGOV", "USAGOV", "Nebenzia", None, "120",
      note="rejecting the accusation of the US ambassador (two sentences back)"),
    E(S_NEBD, "received", "PRK", "RUSGOV", "North Korea", "Moscow", "072", "denied", "Vassily Nebenzia"),
    E(S_PRKM, "rejected", "PRKGOV", "IGOUNO", "North Korea's mission to the UN", "the draft", "120",
      note="'its military cooperation with Russia' is a background relation noun, not coded"),
    E(S_FU, "called on", "CHNGOV", "USAGOV", "China's ambassador Fu Cong", "Washington", "026",
      note="'opposed unilateral sanctions' names no target, not coded"),
    E(S_FU, "called on", "CHNGOV", "PRKGOV", "China's ambassador Fu Cong", "Pyongyang", "026"),
    E(S_SD, "blacklist", "USAGOV", "RUSBUS", "The State Department", "three Russian entities", "163", "planned"),
    E(S_SD, "accused", "USAGOV", "RUSBUS", "it", "that", "112"),
    E(S_SD, "warned", "USAGOV", "CHNBUS", "it", "Chinese banks", "1312", note="threat to sanction"),
    E(S_EU, "condemned", "IGOEUR", "RUS", "The European Union", None, "111", note="the veto's author from context"),
    E(S_KAL, "restrictive measures", "IGOEUR", "PRKGOV", "the bloc", "North Korean officials", "163", "planned",
      "Kaja Kallas"),
    E(S_KAL, "restrictive measures", "IGOEUR", "RUSBUS", "the bloc", "Russian shipping firms", "163", "planned",
      "Kaja Kallas"),
    E(S_NOV, "adopted", "IGOEUR", "PRKGOV", "EU diplomats", None, "163", "planned", "EU diplomats", date="2025-11",
      note="insiders announce their own side's plan -> planned"),
    E(S_NOV, "adopted", "IGOEUR", "RUSBUS", "EU diplomats", None, "163", "planned", "EU diplomats", date="2025-11"),
    E(S_ISH, "called", "JPNGOV", "RUS", "Japan's Prime Minister Shigeru Ishiba", None, "111"),
    E(S_IF, "shared", "RUS", "PRK", "Russia", "North Korea", "072", "hypothetical", "Asian diplomat"),
    E(S_IF, "distance", "CHN", "RUSGOV", "China", "Moscow", "160", "hypothetical", "Asian diplomat"),
    E(S_EUR, "did not vote against", "CHNGOV", "RUS", "Beijing", "Russia", "111", "negated", "European diplomat",
      note="voting against Russia = disapproval; negated inside a quote"),
    E(S_PY, "warned", "PRKGOV", "USAGOV", "Pyongyang", None, "130", "attributed", "PRKMED", date="2025-10-08",
      note="conditional threat against those planning new sanctions (US, EU; from context)"),
    E(S_PY, "warned", "PRKGOV", "IGOEUR", "Pyongyang", None, "130", "attributed", "PRKMED", date="2025-10-08"),
    E(S_2006, "adopted", "IGOUNO", "PRK", "the council", "North Korea", "163", date="2006-01-01/2025-10-08"),
]

CLAIMS = [
    C(S_13, "Thirteen", "council members voting in favour", 13, "count", ["IGOUNO"],
      "members of the Security Council that voted for the draft", "author", "2025-10-07"),
    C(S_WALTZ, "more than 20,000", "containers of munitions", 20000, "count", ["PRK", "RUS"],
      "more than, delivered by North Korea to Russia since August 2023", "Mike Waltz",
      "2023-08-01/2025-10-08", "attributed", approx=True),
    C(S_SD, "three", "Russian entities to be blacklisted", 3, "count", ["USAGOV", "RUSBUS"],
      "Russian entities the US will blacklist", "USAGOV", None, "planned"),
    C(S_2006, "nine", "sanctions resolutions", 9, "count", ["IGOUNO", "PRK"],
      "UN sanctions resolutions against North Korea since 2006", "author", "2006-01-01/2025-10-08"),
]

QUOTES = [
    Q(S_NEB, "a political show", "Vassily Nebenzia", "RUSGOV"),
    Q(S_NEBQ, "We will not allow", "Vassily Nebenzia", "RUSGOV"),
    Q(S_PRKM, "fully legitimate", "North Korea's mission to the UN", "PRKGOV"),
    Q(S_ISH, "deeply regrettable", "Shigeru Ishiba", "JPNGOV"),
    Q(S_EUR, "Beijing abstained", "European diplomat", None),
    Q(S_PY, "corresponding measures", "Pyongyang", "PRKGOV"),
]
