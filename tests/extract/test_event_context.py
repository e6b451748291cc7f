"""Context rules of the event coder (:mod:`triangulate.extract.event_context`).

Every sentence here is made up for the test (none is taken from the dev documents).
Expected events use the notation of ``data/events_<lang>.tsv``:
``SRC>TGT:ROOT[:cameo=..][:status=..]`` with country codes only; ``absent`` lists
events that must NOT be produced.
"""

from __future__ import annotations

import pytest

from triangulate.extract.event_args import country
from triangulate.extract.event_context import context_rules, war_deployments
from triangulate.extract.event_dates import location
from triangulate.extract.event_lexicon import lexicon
from triangulate.model import Event

from .test_events_cases import _matches, events_of, run_case

GERMAN = [
    # genitive attributes are not subjects or objects
    (
        "Laut Einschätzungen des ukrainischen Geheimdienstes könnte Iran weitere Drohnen an Russland liefern.",
        "IRN>RUS:07:status=hypothetical",
        ["UKR>RUS:07"],
    ),
    (
        "Der Angriff Russlands auf die Ukraine begann im Februar 2022.",
        "RUS>UKR:19:date=2022-02",
        [],
    ),
    # ... but the genitive of a subject noun that is no actor stands for it
    ("Die Führung Russlands kritisierte die Ukraine.", "RUS>UKR:11", ["UKR>RUS:11"]),
    ("Heute kritisierte die Führung Russlands die Ukraine.", "RUS>UKR:11", ["UKR>RUS:11"]),
    (
        "Iran und Russland haben sich ohne die Zustimmung Washingtons angenähert.",
        "IRN>RUS:05",
        ["IRN>USA:05", "RUS>USA:05"],
    ),
    # a verb-first clause continues the subject of the main clause before it
    (
        "Indien kauft kein Öl aus Iran, unterstützt Teheran aber diplomatisch.",
        "IND>IRN:05:cameo=050",
        ["IRN>IND:07"],
    ),
    # ... but not after a subordinate clause (the subject follows the verb)
    ("Wenn Russland angreift, unterstützt Polen die Ukraine.", "POL>UKR:07", ["RUS>UKR:07"]),
    # "Beide" = the two actors named before; a conflictual intention is planned
    (
        "Iran und Russland stehen unter Druck. Beide wollen ein Zeichen setzen gegen die USA.",
        "IRN>USA:13:cameo=130:status=planned;RUS>USA:13:cameo=130:status=planned",
        [],
    ),
    ("Iran will Israel angreifen.", "IRN>ISR:19:status=planned", []),
    # "gemeinsam mit": a second source
    (
        "Der russische Außenminister reiste gemeinsam mit dem iranischen Außenminister nach Peking.",
        "RUS>CHN:04:cameo=042;IRN>CHN:04:cameo=042",
        [],
    ),
    # an event noun takes its source from the sentence or, by a pronoun, the one before
    (
        "Putin reiste nach Indien. Ob ihm das gelungen ist, blieb nach dem Treffen mit Modi offen.",
        "RUS>IND:04:cameo=042;RUS>IND:04:cameo=040",
        [],
    ),
    (
        "Irans Linie ist klar: keine offene Kritik, doch eine deutliche Parteinahme für Russland.",
        "IRN>RUS:05:cameo=051",
        [],
    ),
    # guests and their host
    (
        "Die Feier fand in Peking statt. Zu den geladenen Gästen gehörten der iranische Präsident "
        "und der Premierminister von Vietnam.",
        "IRN>CHN:04:cameo=042;VNM>CHN:04:cameo=042",
        [],
    ),
    (
        "Gäste aus Laos und aus Kambodscha waren zur Parade in Hanoi eingeladen.",
        "VNM>LAO:04:cameo=043;VNM>KHM:04:cameo=043",
        [],
    ),
    (
        "Im Juli besuchte Lula Peking. Danach waren auch Premierminister Modi und Präsident Erdoğan zu Gast.",
        "BRA>CHN:04;IND>CHN:04:cameo=042;TUR>CHN:04:cameo=042",
        [],
    ),
    (
        "Das hat Vietnam dieser Tage zu bieten: Paraden, Gäste aus Laos, Gäste aus Kuba.",
        "LAO>VNM:04:cameo=042;CUB>VNM:04:cameo=042",
        [],
    ),
    # new frames of the lexicon
    ("Russland erhält von Iran Drohnen und Raketen.", "IRN>RUS:07:cameo=072", ["RUS>IRN:07"]),
    (
        "Als Gegenleistung dürfte Belarus von Russland Unterstützung für sein Raketenprogramm erhalten.",
        "RUS>BLR:07:cameo=072:status=hypothetical",
        ["BLR>RUS:07"],
    ),
    (
        "Polen hat russische Diplomaten aus dem Land geschickt.",
        "POL>RUS:17:cameo=174",
        ["POL>RUS:06"],
    ),
    (
        "Ob Indien und Russland ins Geschäft kommen, ist offen.",
        "IND>RUS:06:cameo=061:status=hypothetical",
        [],
    ),
    ("Moskau versucht, Indien auf seine Seite zu ziehen.", "RUS>IND:02:cameo=022", []),
    ("Serbien zeigt sich Seite an Seite mit Russland.", "SRB>RUS:05:cameo=050", []),
    ("Lukaschenko nahm an der Seite von Putin an der Parade teil.", "BLR>RUS:04", []),
    (
        "Russland wandte sich damals lieber Indien zu statt Pakistan.",
        "RUS>IND:05:status=asserted;RUS>PAK:05:status=negated",
        [],
    ),
    ("Großbritannien beteiligte sich am Irak-Krieg gegen den Irak.", "GBR>IRQ:19", []),
    # the second conjunct after a preposition, the first being no actor
    ("Großbritannien kämpfte im Falklandkrieg gegen die Junta und Argentinien.", "GBR>ARG:19", []),
    # appearing "an der Seite von X und Y" at an occasion (not fighting on X's side)
    (
        "Putin kam nach Peking. Am Mittwoch nahm er an der Parade teil, an der Seite von Xi "
        "und dem Präsidenten Irans.",
        "RUS>CHN:04:cameo=040;RUS>IRN:04:cameo=040",
        [],
    ),
    (
        "Nordkoreanische Soldaten kämpfen an der Seite Russlands.",
        "PRK>RUS:06:cameo=062",
        ["PRK>RUS:04"],
    ),
    # a compound war name is a bare frame unless its adversary follows it
    (
        "Im Ukrainekrieg stellt sich China auf die Seite Russlands und gegen die Ukraine.",
        "CHN>RUS:05:cameo=051",
        ["CHN>UKR:19"],
    ),
    # troops sent into the state that the partner fights (GOLD rule 13)
    (
        "Russland greift die Ukraine an. Belarus hat Soldaten nach Russland geschickt. "
        "Bald könnten belarussische Soldaten auch in die Ukraine geschickt werden.",
        "RUS>UKR:19;BLR>RUS:06:cameo=062;BLR>UKR:19:status=hypothetical",
        ["BLR>UKR:06"],
    ),
    # a city as a destination stands for its country (travel only)
    ("Modi ist unterwegs nach Wladiwostok.", "IND>RUS:04:cameo=042", []),
    ("Deutschland schickt Waffen nach Odessa.", "-", []),
    # the partner of "bilateral" and the recipient "das Land" are named before
    (
        "Lula traf Xi in Peking. Brasilien sei bereit, die bilateralen Beziehungen zu vertiefen.",
        "BRA>CHN:04;BRA>CHN:03:status=planned",
        [],
    ),
    (
        "Putin braucht Munition. Nordkorea versorgt das Land mit Granaten.",
        "PRK>RUS:07:cameo=072",
        [],
    ),
]

ENGLISH = [
    ("Russia received drones and missiles from Iran.", "IRN>RUS:07:cameo=072", ["RUS>IRN:07"]),
    ("Poland sent Russian diplomats out of the country.", "POL>RUS:17:cameo=174", []),
    ("India does business with Russia.", "IND>RUS:06:cameo=061", []),
    ("Moscow is trying to pull India to its side.", "RUS>IND:02:cameo=022", []),
    ("Serbia stood side by side with Russia.", "SRB>RUS:05:cameo=050", []),
    ("Lukashenko attended the parade alongside Putin.", "BLR>RUS:04", []),
    (
        "India buys no oil from Iran, but supports Tehran diplomatically.",
        "IND>IRN:07",
        ["IRN>IND:07"],
    ),
    (
        "The Russian foreign minister travelled to Beijing together with the Iranian foreign minister.",
        "RUS>CHN:04:cameo=042;IRN>CHN:04:cameo=042",
        [],
    ),
    (
        "The ceremony took place in Beijing. Among the guests were the Iranian president and "
        "the prime minister of Vietnam.",
        "IRN>CHN:04:cameo=042;VNM>CHN:04:cameo=042",
        [],
    ),
    (
        "Guests from Laos and Cambodia were invited to the parade in Hanoi.",
        "VNM>LAO:04:cameo=043;VNM>KHM:04:cameo=043",
        [],
    ),
    ("Modi is on his way to Vladivostok.", "IND>RUS:04:cameo=042", []),
    ("Modi travelled to Vladivostok.", "IND>RUS:04:cameo=042", []),
    (
        "Lula met Xi in Beijing. Brazil is ready to deepen bilateral relations.",
        "BRA>CHN:04;BRA>CHN:03:status=planned",
        [],
    ),
    ("Putin needs ammunition. North Korea supplies the country with shells.", "PRK>RUS:07", []),
    ("Iran wants to attack Israel.", "IRN>ISR:19:status=planned", []),
    (
        "Russia attacked Ukraine. Belarus sent soldiers to Russia. Soon Belarusian soldiers "
        "could also be sent into Ukraine.",
        "RUS>UKR:19;BLR>RUS:06;BLR>UKR:19:status=hypothetical",
        ["BLR>UKR:06"],
    ),
    (
        "Russia turned to India instead of Pakistan.",
        "RUS>IND:05:status=asserted;RUS>PAK:05:status=negated",
        [],
    ),
    ("Britain took part in the Iraq War against Iraq.", "GBR>IRQ:19", []),
    ("Britain fought against the junta and Argentina.", "GBR>ARG:19", []),
    (
        "Putin came to Beijing. On Wednesday he attended the parade, alongside Xi and the "
        "Iranian president.",
        "RUS>CHN:04:cameo=040;RUS>IRN:04:cameo=040",
        [],
    ),
    (
        "Iran has supported Russia since Russia invaded Ukraine in 2022.",
        "IRN>RUS:07:date=2022-01-01/2024-11-06;RUS>UKR:19:date=2022",
        ["IRN>UKR:19"],
    ),
    (
        "Xi said on Tuesday at a meeting with Kim in Beijing that China wants to expand relations.",
        "CHN>PRK:03:status=planned:date=2024-11-05",
        [],
    ),
]


def _check(lang: str, text: str, expected: str, absent: list[str]) -> list[str]:
    problems = run_case(lang, text, expected)
    evs = events_of(lang, text)
    problems += [f"unexpected {spec}" for spec in absent if any(_matches(e, spec) for e in evs)]
    return problems


@pytest.mark.parametrize(("text", "expected", "absent"), GERMAN)
def test_german_context(text: str, expected: str, absent: list[str]) -> None:
    assert _check("de", text, expected, absent) == []


@pytest.mark.parametrize(("text", "expected", "absent"), ENGLISH)
def test_english_context(text: str, expected: str, absent: list[str]) -> None:
    assert _check("en", text, expected, absent) == []


def test_a_meeting_with_another_person_is_another_event() -> None:
    evs = events_of("de", "Putin kennt Nordkorea gut. Er traf Kim Jong-il, er traf Kim Jong-un.")
    meetings = [e for e in evs if e.root == "04" and country(e.target) == "PRK"]
    assert len(meetings) == 2
    # the same person met twice in one sentence stays one event
    evs = events_of("de", "Putin traf Kim am Montag und sprach mit Kim über Waffen.")
    assert len([e for e in evs if e.root == "04"]) == 1


def test_destination_cities_do_not_become_actors_after_nach_ende() -> None:
    evs = events_of("de", "Nach Ende der Gespräche reiste Modi nach Hause.")
    assert all(country(e.target) != "IDN" for e in evs)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Mao schickte im Koreakrieg Hunderttausende Soldaten.", None),
        ("Die Armee kämpft im Ukrainekrieg an vielen Fronten.", None),
        ("Das sagte er im Vorfeld der Gespräche.", None),
        ("Das stand in Medienberichten.", None),
        ("Die Minister trafen sich in Wladiwostok.", "Wladiwostok"),
        ("The ministers met in Vladivostok.", "Vladivostok"),
        ("They met in the Security Council.", None),
    ],
)
def test_locations_are_places(text: str, place: str | None) -> None:
    lang = "en" if text.startswith(("The", "They")) else "de"
    assert location(text, lang, 0, len(text)) == place


def test_war_deployments_recode_only_into_the_fought_state() -> None:
    def ev(src: str, tgt: str, cameo: str, sent: tuple[int, int]) -> Event:
        return Event(source=src, target=tgt, cameo=cameo, sentence=sent, trigger=sent)

    out = war_deployments(
        [
            ev("RUS", "UKR", "190", (0, 10)),
            ev("BLR", "RUS", "062", (11, 20)),
            ev("BLR", "RUS", "062", (21, 30)),
            ev("BLRMIL", "UKR", "062", (31, 40)),
            ev("USA", "POL", "062", (41, 50)),
        ]
    )
    assert [(e.source, e.target, e.cameo) for e in out] == [
        ("RUS", "UKR", "190"),
        ("BLR", "RUS", "062"),
        ("BLR", "RUS", "062"),
        ("BLRMIL", "UKR", "190"),
        ("USA", "POL", "062"),
    ]


def test_context_data_loads_for_both_languages() -> None:
    for lang in ("de", "en"):
        rules = context_rules(lang)
        assert rules.guest_nouns.pattern != r"(?!x)x"
        assert rules.co_agent.search("gemeinsam mit" if lang == "de" else "together with")


def test_stem_prefilter_keeps_regex_entries_reachable() -> None:
    lex = lexicon("de")
    found = lex.candidates({"schickte", "soldaten"})
    assert any(e.code == "062" for e in found)
    assert not any("verheiz" in e.pattern.pattern for e in lex.candidates({"xyz"}))
