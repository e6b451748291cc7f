"""A table of German and English sentences: which quotes, which speakers.

Each case gives the text and the expected ``(quoted text, speaker)`` pairs in
text order; ``[]`` means nothing may be extracted (scare quotes, media titles,
apostrophes, unbalanced marks).  None of these sentences is from the dev set.
"""

from __future__ import annotations

import pytest

from triangulate.extract import extract_quotes
from triangulate.language import sentences

Case = tuple[str, str, list[tuple[str, str]]]

# fmt: off
CASES: list[Case] = [
    # --- German: the reporting verb after the quotation
    ("de", "„Wir sind bereit“, betonte Regierungssprecher Steffen Hebestreit.", [("Wir sind bereit", "Steffen Hebestreit")]),
    ("de", "„Das ist ein Fehler“, sagte Außenministerin Annalena Baerbock am Montag in Berlin.", [("Das ist ein Fehler", "Annalena Baerbock")]),
    ("de", "„Die Lage ist ernst“, warnte ein Sprecher der Bundesregierung.", [("Die Lage ist ernst", "Sprecher der Bundesregierung")]),
    ("de", "„Wir werden nicht nachgeben“, so Selenskyj.", [("Wir werden nicht nachgeben", "Selenskyj")]),
    ("de", "„Das war zu erwarten“, kommentiert etwa Ursula von der Leyen von der EU-Kommission.", [("Das war zu erwarten", "Ursula von der Leyen")]),
    ("de", "„Russland hat kein Interesse an Verhandlungen“, gibt die Osteuropa-Expertin Sabine Fischer zu bedenken.", [("Russland hat kein Interesse an Verhandlungen", "Sabine Fischer")]),
    ("de", "„Wir prüfen das“, erklärte das Auswärtige Amt.", [("Wir prüfen das", "Auswärtige Amt")]),
    ("de", "„Warum sollten wir?“, fragte der Kremlsprecher Dmitri Peskow.", [("Warum sollten wir?", "Dmitri Peskow")]),
    ("de", "„Das ist Propaganda“ – so reagierte der Kreml auf den Bericht.", [("Das ist Propaganda", "Kreml")]),
    ("de", "„Das ist Erpressung“, heißt es in einer Erklärung des Außenministeriums.", [("Das ist Erpressung", "Außenministerium")]),
    ("de", "„Niemand will Krieg“, sagte Putin Journalisten in Moskau.", [("Niemand will Krieg", "Putin")]),
    ("de", "„Wir beobachten die Lage genau“, teilte ein Sprecher des Pentagons mit.", [("Wir beobachten die Lage genau", "Sprecher des Pentagons")]),
    ("de", "Sie sei „tief besorgt“, sagte die Außenbeauftragte Kaja Kallas.", [("tief besorgt", "Kaja Kallas")]),
    ("de", "„Die Sanktionen wirken“, sagt Janis Kluge von der Stiftung Wissenschaft und Politik (SWP).", [("Die Sanktionen wirken", "Janis Kluge")]),
    ("de", "„Gefährlich“, urteilt der Sicherheitsexperte Carlo Masala.", [("Gefährlich", "Carlo Masala")]),
    ("de", "„Die Lage ist dramatisch“, sagte der ukrainische Präsident Wolodymyr Selenskyj in seiner abendlichen Videoansprache.", [("Die Lage ist dramatisch", "Wolodymyr Selenskyj")]),
    ("de", "„Wir sind ein Bollwerk gegen den Westen“ – das sagte Lukaschenko am Freitag.", [("Wir sind ein Bollwerk gegen den Westen", "Lukaschenko")]),
    ("de", "China und Nordkorea seien „Brüder“, schrieb die Parteizeitung „Rodong Sinmun“.", [("Brüder", "Parteizeitung Rodong Sinmun")]),
    # --- German: the reporting verb before the quotation, colon introductions
    ("de", "Scholz sagte: „Wir stehen an der Seite der Ukraine.“", [("Wir stehen an der Seite der Ukraine.", "Scholz")]),
    ("de", "Der Experte: „Das ist ein Spiel mit dem Feuer.“", [("Das ist ein Spiel mit dem Feuer.", "Experte")]),
    ("de", "Lukaschenko: „Wir sind bereit.“", [("Wir sind bereit.", "Lukaschenko")]),
    ("de", "Putin sprach von einer „militärischen Spezialoperation“.", [("militärischen Spezialoperation", "Putin")]),
    ("de", "Nato-Generalsekretär Mark Rutte warnte vor einer „gefährlichen Eskalation“.", [("gefährlichen Eskalation", "Mark Rutte")]),
    ("de", "Am Dienstag erklärte das Verteidigungsministerium, die Truppen seien „vollständig abgezogen“ worden.", [("vollständig abgezogen", "Verteidigungsministerium")]),
    ("de", "Wie die Nachrichtenagentur Tass berichtete, sagte Lawrow, man sei „offen für Gespräche“.", [("offen für Gespräche", "Lawrow")]),
    ("de", "Trump nannte den Deal „großartig“ und „historisch“.", [("großartig", "Trump"), ("historisch", "Trump")]),
    ("de", "Die chinesische Regierung bezeichnete die Vorwürfe als „haltlos“.", [("haltlos", "chinesische Regierung")]),
    ("de", "Der Kreml wies die Vorwürfe als „absurd“ zurück.", [("absurd", "Kreml")]),
    ("de", "Ein ranghoher Diplomat sagte unserer Redaktion, die Gespräche seien „festgefahren“.", [("festgefahren", "ranghoher Diplomat")]),
    ("de", "Experten warnen vor einer „neuen Achse des Bösen“.", [("neuen Achse des Bösen", "Experten")]),
    ("de", "Die Opposition spricht von „Wahlbetrug“.", [("Wahlbetrug", "Opposition")]),
    ("de", "Russland bezeichnete den Angriff als „Terrorakt“.", [("Terrorakt", "Russland")]),
    ("de", "Die Ukraine spricht von „Kriegsverbrechen“.", [("Kriegsverbrechen", "Ukraine")]),
    ("de", "Nordkoreas Machthaber sprach von einer „heiligen Pflicht“.", [("heiligen Pflicht", "Nordkoreas Machthaber")]),
    ("de", "Außenminister Lawrow bezeichnete die Vorwürfe am Dienstag als „Unsinn“ und „Lüge“.", [("Unsinn", "Lawrow"), ("Lüge", "Lawrow")]),
    ("de", "Die Agentur zitierte Kim mit den Worten: „Wir sind unbesiegbar.“", [("Wir sind unbesiegbar.", "Kim")]),
    ("de", "Pacheco Pardo vom Londoner King‘s College sagte, China habe „großen Einfluss“.", [("großen Einfluss", "Pacheco Pardo")]),
    ("de", "In einem Interview mit der „Bild“ sagte Scholz, er sei „zuversichtlich“.", [("zuversichtlich", "Scholz")]),
    ("de", "Kim sagte demnach, „die Freundschaft ist unzerstörbar“.", [("die Freundschaft ist unzerstörbar", "Kim")]),
    ("de", "Der russische Präsident Wladimir Putin hatte den Einmarsch eine „Spezialoperation“ genannt.", [("Spezialoperation", "Wladimir Putin")]),
    ("de", "Kim, der die Beziehungen als „unzerstörbar“ bezeichnete, reiste am Abend ab.", [("unzerstörbar", "Kim")]),
    # --- German: laut, zufolge, nach Angaben, aus ... hieß es
    ("de", "Dem Kreml zufolge sind die Gespräche „konstruktiv“ verlaufen.", [("konstruktiv", "Kreml")]),
    ("de", "Laut Außenminister Wang Yi war das Treffen „sehr produktiv“.", [("sehr produktiv", "Wang Yi")]),
    ("de", "Nach Angaben des ukrainischen Generalstabs wurden die Angriffe „erfolgreich abgewehrt“.", [("erfolgreich abgewehrt", "ukrainischen Generalstab")]),
    ("de", "Wie es aus Regierungskreisen hieß, sei der Besuch „gut vorbereitet“.", [("gut vorbereitet", "Regierungskreisen")]),
    # --- German: continuation, Konjunktiv I, demnach, "Das sagte ..."
    ("de", "„Wir kommen wieder“, sagte Kim. „Und wir bleiben.“", [("Wir kommen wieder", "Kim"), ("Und wir bleiben.", "Kim")]),
    ("de", "„Dieser Krieg muss enden“, schrieb Selenskyj auf X. „Und zwar bald.“", [("Dieser Krieg muss enden", "Selenskyj"), ("Und zwar bald.", "Selenskyj")]),
    ("de", "„Wir sind bereit“, sagte Kim und fügte hinzu: „Wir werden siegen.“", [("Wir sind bereit", "Kim"), ("Wir werden siegen.", "Kim")]),
    ("de", "Lawrow sagte, Moskau sei zu Gesprächen bereit. Die Bedingungen seien aber „nicht verhandelbar“.", [("nicht verhandelbar", "Lawrow")]),
    ("de", "Das Staatsfernsehen zeigte Bilder vom Besuch. Kim habe demnach von einem „historischen Tag“ gesprochen.", [("historischen Tag", "Kim")]),
    ("de", "Die Staatsmedien berichteten ausführlich. Demnach gab es eine „Volksparade“ in der Hauptstadt.", [("Volksparade", "Staatsmedien")]),
    ("de", "Die Waffen sollen „noch in diesem Monat“ geliefert werden. Das kündigte Verteidigungsminister Boris Pistorius an.", [("noch in diesem Monat", "Boris Pistorius")]),
    # --- German: pronouns and descriptions resolved to names; pull quotes
    ("de", "Der Politologe Gerhard Mangott äußerte sich skeptisch. „Das wird nicht funktionieren“, sagte er.", [("Das wird nicht funktionieren", "Gerhard Mangott")]),
    ("de", "Das sagte US-Präsident Joe Biden in Washington. Die USA seien „fest entschlossen“, zitierte die Agentur Reuters den Präsidenten.", [("fest entschlossen", "Joe Biden")]),
    ("de", "Außenministerin Annalena Baerbock reiste nach Kiew. „Wir helfen“, sagte die Grünen-Politikerin.", [("Wir helfen", "Annalena Baerbock")]),
    ("de", "„Gute Nachbarn“: Xi lobt Kim\nXi sagte, beide Länder seien „gute Nachbarn“.", [("Gute Nachbarn", "Xi"), ("gute Nachbarn", "Xi")]),
    ("de", "„Wir geben nicht auf“\n\nDer Minister sprach lange. „Wir geben nicht auf“, sagte Minister Olexij Resnikow.", [("Wir geben nicht auf", "Olexij Resnikow"), ("Wir geben nicht auf", "Olexij Resnikow")]),
    # --- German: scare quotes without a speaker, media titles, avoided words
    ("de", "Schoigu hielt sich in Pjöngjang auf – offiziell „nur“ zur Feier.", []),
    ("de", "Die sogenannten „Freiwilligen“ kämpften auf der Seite des Nordens.", []),
    ("de", "Als „Paria“ hat das Regime wenig zu verlieren.", []),
    ("de", "Das Regime feierte die „Siegesparade“ mit Panzern.", []),
    ("de", "Das Wort „Krieg“ ist in Russland verboten.", []),
    ("de", "Medienberichten zufolge soll Kim „in Kürze“ reisen.", []),
    ("de", "Die Welt sollte wissen, dass das Land „stark“ ist.", []),
    ("de", "Das berichtete die Zeitung „Kommersant“ am Montag.", []),
    ("de", "Wie die «Neue Zürcher Zeitung» schreibt, ist der Plan gescheitert.", []),
    ("de", "Laut der „Washington Post“ ist der Besuch geplant.", []),
    ("de", "Er vermied es, Nordkorea als „Verbündeten“ zu bezeichnen.", []),
    # --- German: marks, nesting, several sentences, unbalanced marks
    ("de", "»Wir haben keine Wahl«, sagte Baerbock.", [("Wir haben keine Wahl", "Baerbock")]),
    ("de", "‚Niemals‘, sagte der Minister.", [("Niemals", "Minister")]),
    ("de", "›Niemals‹, sagte die Ministerin.", [("Niemals", "Ministerin")]),
    ("de", '"Das ist inakzeptabel", sagte Pistorius.', [("Das ist inakzeptabel", "Pistorius")]),
    ("de", "„Er sagte mir ‚niemals‘, und das glaube ich“, erzählte Lee.", [("Er sagte mir ‚niemals‘, und das glaube ich", "Lee")]),
    ("de", "„Wir kommen. Wir bleiben. Wir siegen“, sagte Kim.", [("Wir kommen. Wir bleiben. Wir siegen", "Kim")]),
    ("de", "Kim sagte: „Wir kommen. Wir bleiben.“ Dann reiste er ab.", [("Wir kommen. Wir bleiben.", "Kim")]),
    ("de", "„Wir kommen, sagte Kim. Dann reiste er ab. Niemand weiß mehr.", []),
    # --- English: verbs after and before the quotation
    ("en", '"We will not back down," Zelensky said.', [("We will not back down,", "Zelensky")]),
    ("en", '"We will not back down," said Ukrainian President Volodymyr Zelensky.', [("We will not back down,", "Volodymyr Zelensky")]),
    ("en", '"The door remains open," U.S. Secretary of State Antony Blinken said.', [("The door remains open,", "Antony Blinken")]),
    ("en", '"We are ready," the spokesman for the Chinese foreign ministry said.', [("We are ready,", "spokesman for the Chinese foreign ministry")]),
    ("en", "“We will respond,” said a spokesperson for the ministry.", [("We will respond,", "spokesperson for the ministry")]),
    ("en", "‘This is unacceptable,’ the minister told parliament on Tuesday.", [("This is unacceptable,", "minister")]),
    ("en", '"This is a turning point," says Victor Cha of the Center for Strategic and International Studies.', [("This is a turning point,", "Victor Cha")]),
    ("en", '"We don\'t want war," Kim told KCNA on Monday.', [("We don't want war,", "Kim")]),
    ("en", '"Never," she said.', [("Never,", "she")]),
    ("en", '"We came. We saw," Peskov said.', [("We came. We saw,", "Peskov")]),
    ("en", 'Kremlin spokesman Dmitry Peskov told reporters: "There is no such plan."', [("There is no such plan.", "Dmitry Peskov")]),
    ("en", 'Asked about the visit, Peskov said: "We have nothing to add."', [("We have nothing to add.", "Peskov")]),
    ("en", 'The Russian foreign ministry called the report "fake news".', [("fake news", "Russian foreign ministry")]),
    ("en", "Russia's defence ministry said the strikes were 'precise'.", [("precise", "Russia's defence ministry")]),
    ("en", 'Blinken warned that any deal would be "a serious mistake."', [("a serious mistake.", "Blinken")]),
    ("en", 'Zelensky, speaking in Kyiv, called it "an act of terror".', [("an act of terror", "Zelensky")]),
    ("en", 'Peskov, the Kremlin spokesman, said the visit was "very important".', [("very important", "Peskov")]),
    ("en", 'In a statement, the ministry said the claims were "baseless".', [("baseless", "ministry")]),
    ("en", 'Officials in Seoul described the launch as "a grave provocation".', [("a grave provocation", "Officials in Seoul")]),
    ("en", 'He has called the war a "special military operation" since 2022.', [("special military operation", "He")]),
    ("en", "It's the 'axis of upheaval', as some analysts call it.", [("axis of upheaval", "analysts")]),
    ("en", 'North Korea\'s state media said Kim had inspected the "new weapon system".', [("new weapon system", "North Korea's state media")]),
    ("en", 'Xi Jinping\'s spokesman said the two countries were "good neighbours".', [("good neighbours", "Xi Jinping's spokesman")]),
    ("en", 'Moscow insists the troops are "volunteers".', [("volunteers", "Moscow")]),
    ("en", 'Experts say the so-called "axis of evil" never existed.', [("axis of evil", "Experts")]),
    ("en", 'Kim hailed the "invincible friendship" with Russia, state media reported.', [("invincible friendship", "Kim")]),
    ("en", 'Kim promised to back Russia "unconditionally", state media reported.', [("unconditionally", "Kim")]),
    # --- English: according to, continuation, pronouns, nesting
    ("en", 'According to Peskov, the talks were "useful and constructive".', [("useful and constructive", "Peskov")]),
    ("en", '"We are ready to talk," Lavrov added, "but not at any price."', [("We are ready to talk,", "Lavrov"), ("but not at any price.", "Lavrov")]),
    ("en", '"It\'s a disaster," a senior US official told Reuters. "We don\'t know what comes next."', [("It's a disaster,", "senior US official"), ("We don't know what comes next.", "senior US official")]),
    ("en", '"Our friendship is invincible," Kim said, according to KCNA. "We stand together."', [("Our friendship is invincible,", "Kim"), ("We stand together.", "Kim")]),
    ("en", 'Sung-Yoon Lee spoke to the paper. "Kim is very happy," he said.', [("Kim is very happy,", "Sung-Yoon Lee")]),
    ("en", 'The Kremlin\'s spokesman, Dmitry Peskov, said the talks were "substantive".', [("substantive", "Dmitry Peskov")]),
    ("en", '"He told me \'never\', and I believe him," she said after meeting Lee.', [("He told me 'never', and I believe him,", "she")]),
    ("en", 'The two leaders signed what Putin called a "breakthrough document".', [("breakthrough document", "Putin")]),
    # --- English: apostrophes, scare quotes, media titles
    ("en", "Russia's army and the Russians' allies don't say much about it.", []),
    ("en", 'The so-called "volunteers" fought in Korea.', []),
    ("en", "The word 'war' is banned in Russia.", []),
    ("en", "The film 'Top Gun' was popular in the 1980s.", []),
    ("en", 'The "New York Times" reported that Kim would travel.', []),
    ("en", 'Biden told the "Financial Times" that he was worried.', []),
    # --- a later batch, written after the rules above (German and English)
    ('de', '„Wir werden jeden Zentimeter verteidigen“, versprach der Präsident am Abend.', [('Wir werden jeden Zentimeter verteidigen', 'Präsident')]),
    ('de', 'Die Nato sei „hirntot“, hatte Macron einst gesagt.', [('hirntot', 'Macron')]),
    ('de', 'Peking reagierte scharf. Man verbitte sich jede „Einmischung in innere Angelegenheiten“, erklärte das Außenministerium.', [('Einmischung in innere Angelegenheiten', 'Außenministerium')]),
    ('de', '„Es gibt keine Alternative“, meint auch CDU-Chef Friedrich Merz.', [('Es gibt keine Alternative', 'Friedrich Merz')]),
    ('de', 'Selenskyj dankte den Partnern. „Ohne euch hätten wir das nicht geschafft“, schrieb er auf Telegram.', [('Ohne euch hätten wir das nicht geschafft', 'Selenskyj')]),
    ('de', 'Der Sender zeigte die sogenannte „Siegesparade“ live.', []),
    ('de', 'Laut Pentagon handelt es sich um eine „erhebliche Bedrohung“.', [('erhebliche Bedrohung', 'Pentagon')]),
    ('de', 'Russische Militärblogger sprechen von „schweren Verlusten“.', [('schweren Verlusten', 'Russische Militärblogger')]),
    ('en', '"We have no plans to send troops," Defense Secretary Lloyd Austin told reporters at the Pentagon.', [('We have no plans to send troops,', 'Lloyd Austin')]),
    ('en', 'Beijing has urged "restraint" from all sides.', [('restraint', 'Beijing')]),
    ('en', '"This is not a game," warned Josep Borrell, the EU\'s foreign policy chief.', [('This is not a game,', 'Josep Borrell')]),
    ('en', 'The agreement, which Pyongyang described as "historic", was signed on Wednesday.', [('historic', 'Pyongyang')]),
    ('en', 'A Kremlin spokesman said Moscow was "ready for dialogue" but would not "bow to pressure".', [('ready for dialogue', 'Kremlin spokesman'), ('bow to pressure', 'Kremlin spokesman')]),
    ('en', 'The report, titled "North Korea\'s Nuclear Future", was published in May.', []),
    ('en', '"I\'m not going to speculate," Kirby said. "But we\'re watching closely."', [("I'm not going to speculate,", 'Kirby'), ("But we're watching closely.", 'Kirby')]),
    ('en', 'Putin told Kim that Russia would "never forget" his support.', [('never forget', 'Putin')]),
]
# fmt: on


def _extract(lang: str, text: str) -> list[tuple[str, str | None]]:
    quotes = extract_quotes(text, sentences(text, lang), lang)
    return [(text[q.text[0] : q.text[1]], q.speaker) for q in quotes]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=[c[1][:50] for c in CASES])
def test_quotes_and_speakers(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert _extract(lang, text) == expected


def test_the_table_is_broad() -> None:
    assert len(CASES) >= 40
    assert sum(lang == "en" for lang, _, _ in CASES) >= 20
    assert sum(not expected for _, _, expected in CASES) >= 10


def test_sentence_span_of_a_quote_the_splitter_cuts() -> None:
    text = "Kim sagte: „Wir kommen. Wir bleiben.“ Dann reiste er ab."
    (quote,) = extract_quotes(text, sentences(text, "de"), "de")
    spans = [s.span for s in sentences(text, "de")]
    assert len(spans) == 3  # the splitter cuts inside the quotation
    assert quote.sentence == (spans[0][0], spans[1][1])  # the union of the sentences it spans


def test_quote_text_excludes_marks_and_blanks() -> None:
    text = "„ Wir kommen“, sagte Kim."
    (quote,) = extract_quotes(text, sentences(text, "de"), "de")
    assert text[quote.text[0] : quote.text[1]] == "Wir kommen"
    assert quote.sentence == (0, len(text))


def test_sentences_are_split_when_none_are_given() -> None:
    text = "Er schwieg. „Wir kommen“, sagte Kim."
    (quote,) = extract_quotes(text, [], "de")
    assert quote.speaker == "Kim" and quote.sentence == (12, len(text))


def test_other_languages_use_both_word_lists() -> None:
    text = '"Nous venons," said Macron. „Wir kommen“, sagte Kim.'
    assert [q.speaker for q in extract_quotes(text, [], "fr")] == ["Macron", "Kim"]
