"""A table of numbers in context: what is a claim, its value and unit, who asserts it, how.

Each row is a short text (one or two sentences) and the claims expected from it, in
text order, as ``(value, unit, approximate, asserted_by, status)``; ``value_max`` is
checked where a row gives it as a sixth element.  The sentences are written for this
table (none is taken from the dev set), in the style of German and English news.
"""

from __future__ import annotations

import pytest

from triangulate.extract.claims import extract_claims
from triangulate.language import sentences

A, AT, H, P, N, D = "asserted", "attributed", "hypothetical", "planned", "negated", "denied"
Row = tuple[str, list[tuple]]

GERMAN: list[Row] = [
    # --- exact, approximate, bounds, ranges, vague plurals
    (
        "Nordkorea hat 10.000 Soldaten nach Russland geschickt.",
        [(10000, "persons", False, "author", A)],
    ),
    (
        "Nordkorea hat etwa 10.000 Soldaten nach Russland geschickt.",
        [(10000, "persons", True, "author", A)],
    ),
    (
        "Mehr als 100 Menschen wurden bei dem Angriff verletzt.",
        [(100, "persons", True, "author", A)],
    ),
    ("Mindestens 88 Rebellen wurden festgenommen.", [(88, "persons", True, "author", A)]),
    (
        "Die Drohnen haben eine Reichweite von bis zu 2500 Kilometern.",
        [(2500, "km", True, "author", A)],
    ),
    (
        "Zwischen 10.000 und 12.000 Soldaten sind im Einsatz.",
        [(10000, "persons", False, "author", A, 12000)],
    ),
    ("Rund 1,5 Millionen Menschen sind geflohen.", [(1500000, "persons", True, "author", A)]),
    ("Hunderttausende Menschen flohen aus der Stadt.", [(200000, "persons", True, "author", A)]),
    ("Dutzende Drohnen griffen Kiew an.", [(24, "count", True, "author", A)]),
    ("Tausende demonstrierten in Seoul.", [(2000, "persons", True, "author", A)]),
    (
        "Die Armee verschoss geschätzt zwölf Millionen Artilleriegranaten.",
        [(12000000, "count", True, "author", A)],
    ),
    # --- percent, percentage points, fractions, factors, money, distance
    ("Rund 90 Prozent aller Importe stammen aus China.", [(90, "percent", True, "author", A)]),
    (
        "Die Arbeitslosenquote sank um 0,3 Prozentpunkte auf 5,7 Prozent.",
        [(0.3, "percent", False, "author", A), (5.7, "percent", False, "author", A)],
    ),
    ("Zwei Drittel der Befragten lehnen den Krieg ab.", [(66.67, "percent", False, "author", A)]),
    ("Etwa jeder zehnte Einwohner hat das Land verlassen.", [(10, "percent", True, "author", A)]),
    ("Die Hälfte der Flüchtlinge sind Kinder.", [(50, "percent", False, "author", A)]),
    (
        "Die Exporte nach Nordkorea waren im Juni achtmal höher als ein Jahr zuvor.",
        [(8, "factor", False, "author", A)],
    ),
    ("Russland hat die Munitionsproduktion verdreifacht.", [(3, "factor", False, "author", A)]),
    (
        "Die EU stellt 50 Milliarden Euro für die Ukraine bereit.",
        [(50e9, "EUR", False, "author", A)],
    ),
    ("China kaufte Öl im Wert von 2 Mrd. US-Dollar.", [(2e9, "USD", False, "author", A)]),
    ("Die Entschädigung beläuft sich auf 225 000 Mark.", [(225000, "DEM", False, "author", A)]),
    ("Die Grenze ist mehr als 1400 Kilometer lang.", [(1400, "km", True, "author", A)]),
    ("Putin und Kim haben sich seitdem dreimal getroffen.", [(3, "count", False, "author", A)]),
    ("Die Zahl der Toten stieg auf 540.", [(540, "persons", False, "author", A)]),
    (
        "Die Armee schoss 40 von 45 Drohnen ab.",
        [(40, "count", False, "author", A), (45, "count", False, "author", A)],
    ),
    # --- who asserts it
    (
        "Laut Pentagon sind rund 10.000 nordkoreanische Soldaten in Russland.",
        [(10000, "persons", True, "Pentagon", AT)],
    ),
    (
        "Nach Angaben Kiews sind es bereits 12.000 Soldaten.",
        [(12000, "persons", False, "Kiews", AT)],
    ),
    (
        "Dem Pentagon zufolge sind rund 8000 Soldaten in der Region Kursk.",
        [(8000, "persons", True, "Pentagon", AT)],
    ),
    (
        "Schätzungen zufolge leben in Nordkorea rund 26 Millionen Menschen.",
        [(26e6, "persons", True, "unspecified estimates", AT)],
    ),
    (
        "Nach Schätzungen von Experten starben 300 Zivilisten.",
        [(300, "persons", True, "unnamed experts", AT)],
    ),
    (
        "Der südkoreanische Geheimdienst schätzt, dass 1000 Soldaten getötet wurden.",
        [(1000, "persons", True, "südkoreanische Geheimdienst", AT)],
    ),
    (
        "„Wir haben etwa 3000 Soldaten verloren“, sagte der Kommandeur.",
        [(3000, "persons", True, "Kommandeur", AT)],
    ),
    (
        "Der Sprecher sagte, Russland habe 500 Panzer verloren.",
        [(500, "count", False, "Sprecher", AT)],
    ),
    (
        "Im Juni erklärte die russische Militärführung, dass Nordkorea weitere 6.000 Soldaten schicken wird.",
        [(6000, "persons", False, "russische Militärführung", P)],
    ),
    (
        "Die Agentur Yonhap berichtete unter Berufung auf den Geheimdienst, dass 300 Soldaten getötet worden seien.",
        [(300, "persons", False, "Geheimdienst", AT)],
    ),
    (
        "So meldete der Generalstab jüngst 254.920 getötete Soldaten. Außerdem habe Russland 4.313 Panzer verloren.",
        [(254920, "persons", False, "Generalstab", AT), (4313, "count", False, "Generalstab", AT)],
    ),
    (
        "Laut einer Studie des Gaidar-Instituts fehlen jedem dritten Unternehmen Mitarbeiter.",
        [(33.33, "percent", False, "Gaidar-Instituts", AT)],
    ),
    (
        "Der Iran lieferte 400 Drohnen, hieß es aus Kreisen der Regierung.",
        [(400, "count", False, "Kreisen der Regierung", AT)],
    ),
    (
        "Russland soll 500 Panzer verloren haben.",
        [(500, "count", False, "unspecified reports", AT)],
    ),
    (
        "Berichten zufolge sollen darunter auch 1.000 Spezialisten sein.",
        [(1000, "persons", False, "unspecified reports", AT)],
    ),
    (
        "Der Schaden wird auf 1,5 Milliarden Euro geschätzt.",
        [(1.5e9, "EUR", True, "unspecified estimates", AT)],
    ),
    (
        "Wie die Agentur KCNA berichtete, nahmen 20.000 Menschen an der Parade teil.",
        [(20000, "persons", False, "Agentur KCNA", AT)],
    ),
    (
        "Nach Angaben der Polizei wurden 12 Menschen verletzt, drei davon schwer.",
        [(12, "persons", False, "Polizei", AT), (3, "persons", False, "Polizei", AT)],
    ),
    (
        "Sechs Menschen wurden getötet, teilte die Polizei mit.",
        [(6, "persons", False, "Polizei", AT)],
    ),
    (
        "Die israelische Armee hat nach eigenen Angaben mehr als 200 Raketen abgefangen.",
        [(200, "count", True, "israelische Armee", AT)],
    ),
    (
        "Die Regierung will 50 Millionen Euro bereitstellen. Das kündigte Ministerin Baerbock am Montag an.",
        [(50e6, "EUR", False, "Ministerin Baerbock", P)],
    ),
    (
        "Das von der Hamas kontrollierte Gesundheitsministerium meldete 30 Tote.",
        [(30, "persons", False, "von der Hamas kontrollierte Gesundheitsministerium", AT)],
    ),
    (
        "Israel meldet Hunderte Angriffe – Hamas spricht von 30 Toten",
        [(200, "count", True, "Israel", AT), (30, "persons", False, "Hamas", AT)],
    ),
    # --- status on the event scale
    (
        "Laut Einschätzungen des Geheimdienstes könnte Nordkorea bis zu 30.000 weitere Soldaten entsenden.",
        [(30000, "persons", True, "Geheimdienstes", H)],
    ),
    (
        "30.000 nordkoreanische Soldaten womöglich bald in der Ukraine?",
        [(30000, "persons", False, "author", H)],
    ),
    ("Millionen Flüchtlinge würden nach China strömen.", [(2e6, "persons", True, "author", H)]),
    ("Offenbar sind 500 Soldaten gefallen.", [(500, "persons", False, "author", H)]),
    (
        "Im nächsten Jahr sollen 5000 weitere Soldaten geschickt werden.",
        [(5000, "persons", False, "author", P)],
    ),
    (
        "Nordkorea wird 2000 Arbeiter nach Russland schicken.",
        [(2000, "persons", False, "author", P)],
    ),
    ("Die Ukraine hat nicht 100 Drohnen abgeschossen.", [(100, "count", False, "author", N)]),
    (
        "Moskau bestreitet, dass 10.000 nordkoreanische Soldaten in Kursk kämpfen.",
        [(10000, "persons", False, "Moskau", D)],  # the denier states the figure
    ),
    (
        "Rund 90 Prozent aller Importe bezieht Nordkorea aus China, Peking könnte den Handel unterbinden.",
        [(90, "percent", True, "author", A)],
    ),
    # --- not claims: years, dates, ordinals, durations, ages, labels, referential numbers
    ("Beide Staaten unterzeichneten 1961 einen Beistandsvertrag.", []),
    ("Die zwei Koreas sind seit 1953 geteilt.", []),
    ("Russland und China seien zwei souveräne Staaten.", []),
    ("Die Welt drohe in zwei Blöcke zu zerfallen.", []),
    ("Es ist der sechste Atomtest seit 2006.", []),
    ("Zum 75. Jahrestag der Gründung kam Kim nach Peking.", []),
    ("Der Gipfel findet am 9. September statt.", []),
    ("Der Krieg dauert seit mehr als zwei Jahren.", []),
    ("Kim ist 40 Jahre alt.", []),
    ("Der 40-jährige Kim regiert seit 2011.", []),
    ("Artikel 5 des Nato-Vertrags regelt die Beistandspflicht.", []),
    ("Erstmals nahm Kim an einem multilateralen Gipfel teil.", []),
    ("Nordkorea ist eines der wenigen Länder, die mehrfach gewarnt wurden.", []),
    ("Seit 2000 ist das Land Nato-Mitglied.", []),
    ("1832 verkaufte der Staat das Kloster.", []),
    ("Die Reparatur hat sechs zusätzliche Tage gedauert.", []),
]

ENGLISH: list[Row] = [
    (
        "North Korea has sent about 10,000 soldiers to Russia, the Pentagon said.",
        [(10000, "persons", True, "Pentagon", AT)],
    ),
    (
        "According to Kyiv, 12,000 North Korean troops are in Kursk.",
        [(12000, "persons", False, "Kyiv", AT)],
    ),
    (
        "Up to 30,000 more troops could follow, a letter said.",
        [(30000, "persons", True, "letter", H)],
    ),
    (
        '"We have delivered 5,000 missiles," Shoigu told reporters.',
        [(5000, "count", False, "Shoigu", AT)],
    ),
    (
        "South Korea's spy agency estimated that at least 1,000 soldiers had been killed.",
        [(1000, "persons", True, "South Korea's spy agency", AT)],
    ),
    (
        "Yonhap reported, citing the National Intelligence Service, that 1,500 soldiers were wounded.",
        [(1500, "persons", False, "National Intelligence Service", AT)],
    ),
    ("Russia reportedly lost 500 tanks.", [(500, "count", False, "unspecified reports", AT)]),
    (
        "North Korea is believed to have 50 nuclear warheads.",
        [(50, "count", False, "unspecified reports", AT)],
    ),
    (
        "The damage is estimated at $1.5 billion.",
        [(1.5e9, "USD", True, "unspecified estimates", AT)],
    ),
    (
        "North Korea will send 2,000 workers to Russia next year.",
        [(2000, "persons", False, "author", P)],
    ),
    (
        "Moscow denied that 10,000 North Korean soldiers were fighting in Kursk.",
        [(10000, "persons", False, "Moscow", D)],
    ),
    ("Russia did not send 100 drones.", [(100, "count", False, "author", N)]),
    ("The death toll rose to 540.", [(540, "persons", False, "author", A)]),
    (
        "Police said 12 people were injured, three of them seriously.",
        [(12, "persons", False, "Police", AT), (3, "persons", False, "Police", AT)],
    ),
    (
        "Trade fell by 90 percent last year, data showed.",
        [(90, "percent", False, "unspecified reports", AT)],
    ),
    ("He said 300 soldiers had died.", [(300, "persons", False, "He", AT)]),
    (
        "The soldiers would number up to 30,000 by next year.",
        [(30000, "persons", True, "author", H)],
    ),
    (
        "Hundreds of thousands of Russians have fled the country.",
        [(200000, "persons", True, "author", A)],
    ),
    ("Dozens of drones attacked Kyiv overnight.", [(24, "count", True, "author", A)]),
    (
        "Inflation rose 2.5 percentage points to 9 percent.",
        [(2.5, "percent", False, "author", A), (9, "percent", False, "author", A)],
    ),
    (
        "About 90 percent of North Korea's imports come from China.",
        [(90, "percent", True, "author", A)],
    ),
    ("Two-thirds of respondents oppose the war.", [(66.67, "percent", False, "author", A)]),
    ("One in five Russians has left the country.", [(20, "percent", False, "author", A)]),
    (
        "Exports to North Korea were eight times higher than a year earlier.",
        [(8, "factor", False, "author", A)],
    ),
    ("The EU pledged €50 billion for Ukraine.", [(50e9, "EUR", False, "EU", P)]),
    ("The missile flew 1,000 kilometres.", [(1000, "km", False, "author", A)]),
    (
        "Between 10,000 and 12,000 soldiers are deployed.",
        [(10000, "persons", False, "author", A, 12000)],
    ),
    ("Putin and Kim have met three times.", [(3, "count", False, "author", A)]),
    (
        "The winners get prizes of 12,000, 8,000 and 5,000 dollars.",
        [
            (12000, "USD", False, "author", A),
            (8000, "USD", False, "author", A),
            (5000, "USD", False, "author", A),
        ],
    ),
    ("Both countries signed a treaty in 2024.", []),
    ("The two Koreas remain divided.", []),
    ("It was his third visit this year.", []),
    ("The 40-year-old leader has ruled since 2011.", []),
    ("See page 5 for details.", []),
    ("The war has lasted more than two years.", []),
    ("This is one example of what happens.", []),
]


def _check(lang: str, text: str, expected: list[tuple]) -> None:
    claims = extract_claims(text, sentences(text, lang), lang, "2024-11-06")
    got = [(c.value, c.unit, c.approximate, c.asserted_by, c.status, c.value_max) for c in claims]
    assert len(claims) == len(expected), f"{text!r}: {got}"
    for claim, exp in zip(claims, expected, strict=True):
        value, unit, approx, asserter, status = exp[:5]
        assert claim.value == pytest.approx(value, rel=0.01), (text, got)
        assert (claim.unit, claim.approximate, claim.asserted_by, claim.status) == (
            unit, approx, asserter, status,
        ), (text, got)  # fmt: skip
        if len(exp) > 5:
            assert claim.value_max == pytest.approx(exp[5]), (text, got)
        assert text[claim.text[0] : claim.text[1]].strip(), text
        assert claim.sentence[0] <= claim.text[0] < claim.text[1] <= claim.sentence[1]


@pytest.mark.parametrize(("text", "expected"), GERMAN, ids=[t[:40] for t, _ in GERMAN])
def test_german(text: str, expected: list[tuple]) -> None:
    _check("de", text, expected)


@pytest.mark.parametrize(("text", "expected"), ENGLISH, ids=[t[:40] for t, _ in ENGLISH])
def test_english(text: str, expected: list[tuple]) -> None:
    _check("en", text, expected)


def test_table_size() -> None:
    assert len(GERMAN) >= 40 and len(ENGLISH) >= 20
