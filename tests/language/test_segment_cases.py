"""Table tests: input text -> expected sentence strings, German and English."""

from __future__ import annotations

import pytest

from triangulate.language import sentences, split_sentences
from triangulate.model import Sentence

Case = tuple[str, list[str]]

GERMAN: list[Case] = [
    # --- plain sentences, question and exclamation marks
    (
        "Kim reist nach Moskau. Putin empfängt ihn.",
        ["Kim reist nach Moskau.", "Putin empfängt ihn."],
    ),
    ("Was will Putin? Waffen!", ["Was will Putin?", "Waffen!"]),
    ("Wirklich?! Das ist neu.", ["Wirklich?!", "Das ist neu."]),
    ("Schwer zu sagen!!! Oder doch?", ["Schwer zu sagen!!!", "Oder doch?"]),
    ("Einziger Satz ohne Punkt", ["Einziger Satz ohne Punkt"]),
    ("   Leerraum ringsum.   ", ["Leerraum ringsum."]),
    # --- headlines, breadcrumbs, bylines, datelines, captions
    (
        "Nordkorea-Soldaten in Russland: China blickt hilflos auf die neue Allianz\n\n"
        "  1. Startseite\n  2. Politik\n\nKommentare\n\nIm Krieg hat sich China gestellt.",
        [
            "Nordkorea-Soldaten in Russland: China blickt hilflos auf die neue Allianz",
            "1. Startseite",
            "2. Politik",
            "Kommentare",
            "Im Krieg hat sich China gestellt.",
        ],
    ),
    (
        "Von: mk\nMoskau/Pjöngjang – Putin steckt in der Klemme.",
        ["Von: mk", "Moskau/Pjöngjang – Putin steckt in der Klemme."],
    ),
    (
        "Jürgen Meyer\nIZ 23.07. 25\nEigentlich war es klar.",
        ["Jürgen Meyer", "IZ 23.07. 25", "Eigentlich war es klar."],
    ),
    (
        "BERLIN (dpa) - Die Regierung hat beschlossen.",
        ["BERLIN (dpa) - Die Regierung hat beschlossen."],
    ),
    (
        "Berlin. Die Bundesregierung plant neue Hilfen.",
        ["Berlin.", "Die Bundesregierung plant neue Hilfen."],
    ),
    (
        "Kim und Xi 2019 in Pjöngjang\nKim und Xi 2019 in Pjöngjang: Es war das letzte Treffen. © KCNA/AFP\n",
        [
            "Kim und Xi 2019 in Pjöngjang",
            "Kim und Xi 2019 in Pjöngjang: Es war das letzte Treffen.",
            "© KCNA/AFP",
        ],
    ),
    (
        "Beide Länder suchen Freunde\nDas Forum hat begonnen.",
        ["Beide Länder suchen Freunde", "Das Forum hat begonnen."],
    ),
    ("Auch interessant\n\nKommentare", ["Auch interessant", "Kommentare"]),
    (
        "Foto: Imago/Sven Simon\nDer Gipfel beginnt heute.",
        ["Foto: Imago/Sven Simon", "Der Gipfel beginnt heute."],
    ),
    # --- abbreviations
    (
        "Ostasien-Experte Prof. Alexander Görlach hat analysiert.",
        ["Ostasien-Experte Prof. Alexander Görlach hat analysiert."],
    ),
    (
        "Russland kauft Granaten bzw. Raketen von Nordkorea.",
        ["Russland kauft Granaten bzw. Raketen von Nordkorea."],
    ),
    ("Medien wie ARD, BILD u.a.nicht oder kaum.", ["Medien wie ARD, BILD u.a.nicht oder kaum."]),
    ("Dazu zählen z. B. Drohnen und z.B. Panzer.", ["Dazu zählen z. B. Drohnen und z.B. Panzer."]),
    ("Das Gesetz Nr. 5 gilt ab sofort.", ["Das Gesetz Nr. 5 gilt ab sofort."]),
    (
        "Dr. Müller und St. Petersburg sind gemeint.",
        ["Dr. Müller und St. Petersburg sind gemeint."],
    ),
    (
        "Es geht um ca. 10.000 Soldaten, vgl. Tabelle 2.",
        ["Es geht um ca. 10.000 Soldaten, vgl. Tabelle 2."],
    ),
    (
        "Die Kosten liegen bei 5 Mio. Euro und 2 Mrd. Dollar.",
        ["Die Kosten liegen bei 5 Mio. Euro und 2 Mrd. Dollar."],
    ),
    (
        "Der Bau stammt aus dem 19. Jh. und ist gut erhalten.",
        ["Der Bau stammt aus dem 19. Jh. und ist gut erhalten."],
    ),
    (
        "Sie liefern Öl, Gas usw. Die Preise steigen.",
        ["Sie liefern Öl, Gas usw.", "Die Preise steigen."],
    ),
    (
        "Geliefert wurden Panzer, Drohnen etc. Das bestätigte Kiew.",
        ["Geliefert wurden Panzer, Drohnen etc.", "Das bestätigte Kiew."],
    ),
    ("Laut Art. 5 des Vertrags hilft man sich.", ["Laut Art. 5 des Vertrags hilft man sich."]),
    (
        "Das ist eine eigene Art. Die Kritik bleibt.",
        ["Das ist eine eigene Art.", "Die Kritik bleibt."],
    ),
    (
        "Er ist Generalsekretär a. D. und lebt in Bonn.",
        ["Er ist Generalsekretär a. D. und lebt in Bonn."],
    ),
    (
        "Die Gespräche laufen, d. h. Ergebnisse fehlen noch.",
        ["Die Gespräche laufen, d. h. Ergebnisse fehlen noch."],
    ),
    # --- ordinals and dates
    (
        "Die Partei wurde am 9. September 1948 gegründet.",
        ["Die Partei wurde am 9. September 1948 gegründet."],
    ),
    ("Am 3. Oktober feiert man die Einheit.", ["Am 3. Oktober feiert man die Einheit."]),
    ("Nach dem 2. Weltkrieg wurde Korea geteilt.", ["Nach dem 2. Weltkrieg wurde Korea geteilt."]),
    (
        "Er gratulierte zum 75. Jahrestag der Gründung.",
        ["Er gratulierte zum 75. Jahrestag der Gründung."],
    ),
    ("Bayern steht auf Platz 1. der Tabelle.", ["Bayern steht auf Platz 1. der Tabelle."]),
    (
        "Das Treffen war am 12.09.2023 in Wladiwostok.",
        ["Das Treffen war am 12.09.2023 in Wladiwostok."],
    ),
    ("Seit dem 1. Jan. 2024 gilt das Gesetz.", ["Seit dem 1. Jan. 2024 gilt das Gesetz."]),
    ("Es geschah im 21. Jahrhundert.", ["Es geschah im 21. Jahrhundert."]),
    # --- years and numbers before a capitalised word
    (
        "So deutlich äußerte sich China selten seit Beginn der Initiative von 2022. Im schlimmsten Fall droht Krieg.",
        [
            "So deutlich äußerte sich China selten seit Beginn der Initiative von 2022.",
            "Im schlimmsten Fall droht Krieg.",
        ],
    ),
    (
        "Der Kreml reagierte auf Sanktionen nach einem Atomtest 2017. Jetzt aber fordern Experten mehr.",
        [
            "Der Kreml reagierte auf Sanktionen nach einem Atomtest 2017.",
            "Jetzt aber fordern Experten mehr.",
        ],
    ),
    (
        "Der Vertrag stammt aus dem Jahr 1961. Russland hält daran fest.",
        ["Der Vertrag stammt aus dem Jahr 1961.", "Russland hält daran fest."],
    ),
    (
        "Die Zahl der Toten stieg auf 540. 30 weitere werden vermisst.",
        ["Die Zahl der Toten stieg auf 540.", "30 weitere werden vermisst."],
    ),
    # --- numbers with decimal points and thousands separators
    (
        "Die Wirtschaft wuchs um 3.5 Prozent auf 1.000.000 Euro.",
        ["Die Wirtschaft wuchs um 3.5 Prozent auf 1.000.000 Euro."],
    ),
    (
        "Russland verlor 4.313 Panzer und 8.370 Fahrzeuge.",
        ["Russland verlor 4.313 Panzer und 8.370 Fahrzeuge."],
    ),
    (
        "Die Quote liegt bei 2,5 Prozent. Das ist wenig.",
        ["Die Quote liegt bei 2,5 Prozent.", "Das ist wenig."],
    ),
    # --- quotes spanning and ending sentences
    (
        "„Wir gehen davon aus, dass Nordkorea Soldaten geschickt hat. Sie werden die Truppen verstärken“, sagte eine Sprecherin. Peking schweigt.",
        [
            "„Wir gehen davon aus, dass Nordkorea Soldaten geschickt hat. Sie werden die Truppen verstärken“, sagte eine Sprecherin.",
            "Peking schweigt.",
        ],
    ),
    (
        "„Immer wenn sich Nordkorea entfernt hat, waren die Chinesen entrüstet“, sagt Lee. „Aber fast immer haben sie die Hilfe erhöht.“ Es ist ein Dilemma.",
        [
            "„Immer wenn sich Nordkorea entfernt hat, waren die Chinesen entrüstet“, sagt Lee.",
            "„Aber fast immer haben sie die Hilfe erhöht.“",
            "Es ist ein Dilemma.",
        ],
    ),
    ("„Warum?“, fragte er. Niemand antwortete.", ["„Warum?“, fragte er.", "Niemand antwortete."]),
    (
        "«Wir haben Nordkorea vorgeschlagen», sagte er der Zeitung «Wedomosti».",
        ["«Wir haben Nordkorea vorgeschlagen», sagte er der Zeitung «Wedomosti»."],
    ),
    (
        "»Das ist gut. Das bleibt so«, sagte Kim. Dann ging er.",
        ["»Das ist gut. Das bleibt so«, sagte Kim.", "Dann ging er."],
    ),
    (
        "Nordkorea und China seien „gute Freunde“. Kim sagte das.",
        ["Nordkorea und China seien „gute Freunde“.", "Kim sagte das."],
    ),
    (
        "Er sagte: „Wir kommen. Wir bleiben.“ Dann ging er.",
        ["Er sagte: „Wir kommen.", "Wir bleiben.“", "Dann ging er."],
    ),
    ("Sie fragte: „Kommt ihr?“ Er nickte.", ["Sie fragte: „Kommt ihr?“", "Er nickte."]),
    ("„Nein!“ – so reagierte der Kreml.", ["„Nein!“ – so reagierte der Kreml."]),
    (
        "Er nannte es ‚Unsinn. Völligen Unsinn‘, und ging.",
        ["Er nannte es ‚Unsinn. Völligen Unsinn‘, und ging."],
    ),
    (
        "„Immer wenn sich Nordkorea entfernt, waren die Chinesen entrüstet“\n\nStaatsgründer Mao sprach von Lippen.",
        [
            "„Immer wenn sich Nordkorea entfernt, waren die Chinesen entrüstet“",
            "Staatsgründer Mao sprach von Lippen.",
        ],
    ),
    (
        "Ein Fan von King‘s College sagte das. Dann ging er.",
        ["Ein Fan von King‘s College sagte das.", "Dann ging er."],
    ),
    # --- ellipses, brackets
    (
        "Man werde „die Maßnahmen […] auch in Zukunft unterstützen“. Das ist klar.",
        ["Man werde „die Maßnahmen […] auch in Zukunft unterstützen“.", "Das ist klar."],
    ),
    ("Es war still… Dann fielen Schüsse.", ["Es war still…", "Dann fielen Schüsse."]),
    ("Und dann... Nichts mehr.", ["Und dann...", "Nichts mehr."]),
    ("Wir gehen … Nordkorea bleibt stabil.", ["Wir gehen … Nordkorea bleibt stabil."]),
    ("Er nannte das (!) eine Lösung.", ["Er nannte das (!) eine Lösung."]),
    ("Die Lage (so der Kreml.) ist ruhig.", ["Die Lage (so der Kreml.) ist ruhig."]),
    # --- colons, dashes, bullets
    ("Das bedeutet: China liefert keine Waffen.", ["Das bedeutet: China liefert keine Waffen."]),
    (
        "Russland braucht Nordkorea nicht – zumindest war das so. Nun ändert es sich.",
        ["Russland braucht Nordkorea nicht – zumindest war das so.", "Nun ändert es sich."],
    ),
    (
        "Drei Punkte:\n- Waffen\n- Öl\n• Arbeiter",
        ["Drei Punkte:", "- Waffen", "- Öl", "• Arbeiter"],
    ),
    ("Die Liste:\n1. Panzer\n2. Drohnen", ["Die Liste:", "1. Panzer", "2. Drohnen"]),
    # --- URLs and e-mails
    (
        "Mehr unter www.example.de/nordkorea. Dort gibt es Karten.",
        ["Mehr unter www.example.de/nordkorea.", "Dort gibt es Karten."],
    ),
    (
        "Schreiben Sie an redaktion@zeitung.de. Wir antworten.",
        ["Schreiben Sie an redaktion@zeitung.de.", "Wir antworten."],
    ),
    (
        "Die Seite https://www.tagesschau.de/ausland/asien.html meldet das.",
        ["Die Seite https://www.tagesschau.de/ausland/asien.html meldet das."],
    ),
    (
        "Das sagte Lee IPPEN.MEDIA. Dann schwieg er.",
        ["Das sagte Lee IPPEN.MEDIA.", "Dann schwieg er."],
    ),
    # --- initials
    ("J. R. R. Tolkien schrieb Romane.", ["J. R. R. Tolkien schrieb Romane."]),
    ("Der Diktator Kim J. Un reiste ab.", ["Der Diktator Kim J. Un reiste ab."]),
    (
        "Am Ende blieb nur Plan B. Das war riskant.",
        ["Am Ende blieb nur Plan B.", "Das war riskant."],
    ),
    # --- glued words from scraping
    (
        "Neue PartnerschaftKim reist nach Russland – was zu erwarten ist",
        ["Neue PartnerschaftKim reist nach Russland – was zu erwarten ist"],
    ),
    ("Fehler gefunden?Jetzt melden.", ["Fehler gefunden?", "Jetzt melden."]),
    ("Das war der Plan.Die Umsetzung folgt.", ["Das war der Plan.", "Die Umsetzung folgt."]),
    # --- line breaks
    ("Die Regierung hat\nbeschlossen, zu helfen.", ["Die Regierung hat\nbeschlossen, zu helfen."]),
    ("Die Bundes-\nregierung hilft.", ["Die Bundes-\nregierung hilft."]),
    (
        "Erster Absatz endet hier.\nZweiter Absatz beginnt.",
        ["Erster Absatz endet hier.", "Zweiter Absatz beginnt."],
    ),
    (
        "Die Bundesregierung in Berlin hat am Montag beschlossen, der\n"
        "Ukraine weitere Waffen zu liefern und die Hilfe deutlich zu\n"
        "verstärken. Das sagte ein Sprecher des Ministeriums in Berlin\n"
        "am Abend.",
        [
            "Die Bundesregierung in Berlin hat am Montag beschlossen, der\n"
            "Ukraine weitere Waffen zu liefern und die Hilfe deutlich zu\n"
            "verstärken.",
            "Das sagte ein Sprecher des Ministeriums in Berlin\nam Abend.",
        ],
    ),
]

ENGLISH: list[Case] = [
    (
        "Kim travelled to Moscow. Putin welcomed him.",
        ["Kim travelled to Moscow.", "Putin welcomed him."],
    ),
    ("What does Putin want? Weapons!", ["What does Putin want?", "Weapons!"]),
    ("Mr. Smith met Mrs. Jones and Dr. Lee.", ["Mr. Smith met Mrs. Jones and Dr. Lee."]),
    ("The U.S. Army confirmed it.", ["The U.S. Army confirmed it."]),
    (
        "He imposed sanctions on the U.S. The move angered Washington.",
        ["He imposed sanctions on the U.S.", "The move angered Washington."],
    ),
    (
        "The U.N. Security Council met on Jan. 5 in New York.",
        ["The U.N. Security Council met on Jan. 5 in New York."],
    ),
    (
        "They met at 5 p.m. The talks lasted an hour.",
        ["They met at 5 p.m.", "The talks lasted an hour."],
    ),
    (
        "Shares of Apple Inc. rose, e.g. by 3.5 percent.",
        ["Shares of Apple Inc. rose, e.g. by 3.5 percent."],
    ),
    ("He lives at No. 10 Downing St. in London.", ["He lives at No. 10 Downing St. in London."]),
    ("Tanks, drones, etc. They all arrived.", ["Tanks, drones, etc.", "They all arrived."]),
    ("J. R. R. Tolkien wrote novels.", ["J. R. R. Tolkien wrote novels."]),
    ("George W. Bush visited Seoul.", ["George W. Bush visited Seoul."]),
    (
        '"We will come. We will stay," he said. Then he left.',
        ['"We will come. We will stay," he said.', "Then he left."],
    ),
    ('He said: "We will come." Then he left.', ['He said: "We will come."', "Then he left."]),
    (
        "“We are ready,” Kim said. “We will help.” Russia agreed.",
        ["“We are ready,” Kim said.", "“We will help.”", "Russia agreed."],
    ),
    ("The war began in 2022. Russia denies it.", ["The war began in 2022.", "Russia denies it."]),
    ("Growth was 3.5 percent, or $1,000,000.", ["Growth was 3.5 percent, or $1,000,000."]),
    (
        "Visit https://example.com/news. It has maps.",
        ["Visit https://example.com/news.", "It has maps."],
    ),
    ("Write to desk@example.com. We reply.", ["Write to desk@example.com.", "We reply."]),
    ("It was quiet... Then shots rang out.", ["It was quiet...", "Then shots rang out."]),
    (
        "North Korea sent troops\n\nBy Jane Doe\nSEOUL (Reuters) - North Korea has sent troops.",
        [
            "North Korea sent troops",
            "By Jane Doe",
            "SEOUL (Reuters) - North Korea has sent troops.",
        ],
    ),
    ("Why now?, he asked. Nobody knew.", ["Why now?, he asked.", "Nobody knew."]),
    (
        "The deal - signed in Beijing - matters. Really.",
        ["The deal - signed in Beijing - matters.", "Really."],
    ),
    (
        "She met Gen. Smith and Sen. Warren in Austin, Tex. The talks went well.",
        ["She met Gen. Smith and Sen. Warren in Austin, Tex.", "The talks went well."],
    ),
    ("He was ill. Doctors were called.", ["He was ill.", "Doctors were called."]),
    ("Key points:\n- troops\n- shells", ["Key points:", "- troops", "- shells"]),
]


def _split(text: str, lang: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, lang)]


def test_table_sizes() -> None:
    assert len(GERMAN) >= 50
    assert len(ENGLISH) >= 20


@pytest.mark.parametrize(("text", "expected"), GERMAN, ids=[c[0][:40] for c in GERMAN])
def test_german(text: str, expected: list[str]) -> None:
    assert _split(text, "de") == expected


@pytest.mark.parametrize(("text", "expected"), ENGLISH, ids=[c[0][:40] for c in ENGLISH])
def test_english(text: str, expected: list[str]) -> None:
    assert _split(text, "en") == expected


def test_sentences_records() -> None:
    text = "Überschrift\nKim reist ab. Putin wartet."
    got = sentences(text, "de")
    assert got == [
        Sentence(index=0, start=0, end=11, text="Überschrift"),
        Sentence(index=1, start=12, end=25, text="Kim reist ab."),
        Sentence(index=2, start=26, end=39, text="Putin wartet."),
    ]
    assert all(s.tokens == [] for s in got)


def test_start_and_end_are_absolute() -> None:
    text = "Kopfzeile\n\nErster Satz. Zweiter Satz. Dritter Satz."
    body = text.index("Erster")
    spans = split_sentences(text, "de", start=body)
    assert [text[s:e] for s, e in spans] == ["Erster Satz.", "Zweiter Satz.", "Dritter Satz."]
    end = text.index(" Dritter")
    assert [text[s:e] for s, e in split_sentences(text, "de", body, end)] == [
        "Erster Satz.",
        "Zweiter Satz.",
    ]
    assert [s.index for s in sentences(text, "de", start=body)] == [0, 1, 2]


@pytest.mark.parametrize(
    ("start", "end"), [(-5, None), (0, 10_000), (30, 10), (10_000, None), (5, 5)]
)
def test_out_of_range_offsets_are_clamped(start: int, end: int | None) -> None:
    text = "Ein Satz. Noch einer."
    for s, e in split_sentences(text, "de", start, end):
        assert 0 <= s < e <= len(text)


def test_language_codes() -> None:
    text = "Sie kam mit Dr. Lee. Er blieb."
    expected = ["Sie kam mit Dr. Lee.", "Er blieb."]
    assert _split(text, "de-DE") == expected
    assert _split(text, "EN") == expected
    assert _split(text, "fr") == expected  # neutral default: German + English data
    assert _split(text, "") == expected


def test_empty_and_blank() -> None:
    assert split_sentences("", "de") == []
    assert split_sentences(" \n\t\u00a0\n", "de") == []
