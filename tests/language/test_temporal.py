"""Tests for triangulate.language.temporal: a case table, the seed articles, the
gold dates, and properties (hypothesis)."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triangulate.language import temporal
from triangulate.language.temporal import TimeExpression, find_times, resolve_weekday

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "examples" / "seeds"
GOLD = ROOT / "examples" / "eval" / "gold.jsonl"

Expected = list[tuple[str, str | None, str]]

# (lang, anchor, tense, sentence, [(text, value, precision), ...])
CASES: list[tuple[str, str | None, str | None, str, Expected]] = [
    # -- German: absolute ------------------------------------------------------
    ("de", "2025-09-04", None, "Die Republik wurde am 9. September 1948 gegründet.", [("am 9. September 1948", "1948-09-09", "day")]),
    ("de", "2025-09-04", None, "Am 9.9.1948 wurde sie ausgerufen.", [("Am 9.9.1948", "1948-09-09", "day")]),
    ("de", "2025-09-04", None, "Brief vom 23.07.25 an die Redaktion", [("vom 23.07.25", "2025-07-23", "day")]),
    ("de", "2025-09-04", None, "Jürgen Meyer\nIZ 23.07. 25\nEigentlich", [("23.07. 25", "2025-07-23", "day")]),
    ("de", "2025-09-04", "past", "Am 23. Juli traf er Kim.", [("Am 23. Juli", "2025-07-23", "day")]),
    ("de", "2025-09-04", "future", "Am 23. Juli wird er Kim treffen.", [("Am 23. Juli", "2026-07-23", "day")]),
    ("de", "2025-09-04", None, "Die Gespräche begannen im Juni 2019.", [("im Juni 2019", "2019-06", "month")]),
    ("de", "2025-09-04", None, "Juni 2019: erste Gespräche", [("Juni 2019", "2019-06", "month")]),
    ("de", "2025-09-04", None, "Das Treffen fand 2019 in Pjöngjang statt.", [("2019", "2019", "year")]),
    ("de", "2025-09-04", None, "Im Jahr 2014 begann der Konflikt.", [("Im Jahr 2014", "2014", "year")]),
    ("de", "2025-09-04", None, "Der Krieg dauerte von 1950 bis 1953.", [("von 1950 bis 1953", "1950-01-01/1953-12-31", "range")]),
    ("de", "2025-09-04", None, "1950 bis 1953 tobte der Krieg.", [("1950 bis 1953", "1950-01-01/1953-12-31", "range")]),
    ("de", "2025-09-04", None, "Sie trafen sich zwischen 2017 und 2021 mehrmals.", [("zwischen 2017 und 2021", "2017-01-01/2021-12-31", "range")]),
    ("de", "2025-09-04", None, "Der Korea-Krieg (1950–1953) forderte Millionen Opfer.", [("Korea-Krieg", "1950-06-25/1953-07-27", "range"), ("1950–1953", "1950-01-01/1953-12-31", "range")]),
    ("de", "2025-09-04", None, "im Winter 2022/23 fror Europa", [("im Winter 2022/23", "2022-12-01/2023-02-28", "range")]),
    ("de", "2025-09-04", None, "Am 5. Okt. 2024 war Wahl.", [("Am 5. Okt. 2024", "2024-10-05", "day")]),
    ("de", "2025-09-04", None, "Seit dem 1. Jänner 2024 gilt das Gesetz.", [("Seit dem 1. Jänner 2024", "2024-01-01/2025-09-04", "range")]),
    ("de", "2025-09-04", "past", "Ende Jänner reiste er ab.", [("Ende Jänner", "2025-01", "month")]),
    ("de", "2025-09-04", None, "Das Forum fand vom 3. bis 5. September 2023 statt.", [("vom 3. bis 5. September 2023", "2023-09-03/2023-09-05", "range")]),
    ("de", "2025-09-04", None, "Die Ausstellung lief von Juni bis August 2023.", [("von Juni bis August 2023", "2023-06-01/2023-08-31", "range")]),
    ("de", "2025-09-04", None, "am Montag, dem 11. September 2023, landete er", [("am Montag, dem 11. September 2023", "2023-09-11", "day")]),
    ("de", "2025-09-04", None, "Stand: 2024-03-05", [("2024-03-05", "2024-03-05", "day")]),
    ("de", "2025-09-04", None, "Im März 2020 schloss Nordkorea die Grenzen.", [("Im März 2020", "2020-03", "month")]),
    ("de", "2025-09-04", None, "Im ersten Quartal 2024 stieg der Handel.", [("Im ersten Quartal 2024", "2024-01-01/2024-03-31", "range")]),
    # -- German: partial ---------------------------------------------------------
    ("de", "2025-09-04", "past", "Im Juni reiste er nach Moskau.", [("Im Juni", "2025-06", "month")]),
    ("de", "2025-09-04", "past", "Im Dezember traf er Xi.", [("Im Dezember", "2024-12", "month")]),
    ("de", "2025-09-04", "future", "Im Dezember wird er Xi treffen.", [("Im Dezember", "2025-12", "month")]),
    ("de", "2025-09-04", "future", "Im Juni will er wieder reisen.", [("Im Juni", "2026-06", "month")]),
    ("de", "2025-07-23", None, "Als Wang Yi Anfang Juli in Brüssel Kallas traf", [("Anfang Juli", "2025-07", "month")]),
    ("de", "2025-09-04", None, "Mitte August kam es zu Gefechten.", [("Mitte August", "2025-08", "month")]),
    ("de", "2025-09-04", None, "Ende 2024 lief der Vertrag aus.", [("Ende 2024", "2024", "year")]),
    ("de", "2025-09-04", None, "Anfang des Jahres stiegen die Preise.", [("Anfang des Jahres", "2025", "year")]),
    ("de", "2025-09-04", "past", "Im Frühjahr gab es Manöver.", [("Im Frühjahr", "2025-03-01/2025-05-31", "range")]),
    ("de", "2025-09-04", "future", "Im Sommer soll die Brücke fertig sein.", [("Im Sommer", "2026-06-01/2026-08-31", "range")]),
    ("de", "2025-09-04", None, "Im Herbst beginnt die Sitzung.", [("Im Herbst", "2025-09-01/2025-11-30", "range")]),
    ("de", "2025-09-04", None, "Seit Juni wird verhandelt.", [("Seit Juni", "2025-06-01/2025-09-04", "range")]),
    # -- German: relative --------------------------------------------------------
    ("de", "2025-09-04", "past", "Gestern traf Xi Kim.", [("Gestern", "2025-09-03", "day")]),
    ("de", "2025-09-04", "past", "Heute traf Xi Kim in Peking.", [("Heute", "2025-09-04", "day")]),
    ("de", "2025-09-04", "present", "Heute ist China der wichtigste Partner.", [("Heute", "2025-09", "month")]),
    ("de", "2025-09-04", "future", "Morgen reist er ab, übermorgen folgt die Delegation.", [("Morgen", "2025-09-05", "day"), ("übermorgen", "2025-09-06", "day")]),
    ("de", "2025-09-04", "past", "Vorgestern am Abend und gestern Abend gab es Alarm.", [("Vorgestern", "2025-09-02", "day"), ("gestern Abend", "2025-09-03", "day")]),
    ("de", "2025-09-04", None, "Das erklärte vergangene Woche ein Sprecher.", [("vergangene Woche", "2025-08-25/2025-08-31", "range")]),
    ("de", "2025-09-04", None, "Letzte Woche und nächste Woche", [("Letzte Woche", "2025-08-25/2025-08-31", "range"), ("nächste Woche", "2025-09-08/2025-09-14", "range")]),
    ("de", "2025-09-04", None, "Kommende Woche beginnt der Gipfel.", [("Kommende Woche", "2025-09-08/2025-09-14", "range")]),
    ("de", "2025-09-11", None, "Er reist nicht schon diese Woche.", [("diese Woche", "2025-09-08/2025-09-14", "range")]),
    ("de", "2025-09-04", None, "In der vergangenen Woche kamen 500 Soldaten an.", [("In der vergangenen Woche", "2025-08-25/2025-08-31", "range")]),
    ("de", "2025-09-04", None, "Im vergangenen Jahr schickte Kim Soldaten.", [("Im vergangenen Jahr", "2024", "year")]),
    ("de", "2025-09-04", None, "Im letzten Jahr und im nächsten Jahr", [("Im letzten Jahr", "2024", "year"), ("im nächsten Jahr", "2026", "year")]),
    ("de", "2025-09-04", None, "Vergangenen Monat stiegen die Exporte.", [("Vergangenen Monat", "2025-08", "month")]),
    ("de", "2023-09-11", None, "Vor fünf Jahren soll Moskau Arbeiter ausgewiesen haben.", [("Vor fünf Jahren", "2018", "year")]),
    ("de", "2025-09-04", None, "Vor drei Tagen explodierte eine Mine.", [("Vor drei Tagen", "2025-09-01", "day")]),
    ("de", "2023-09-11", None, "Schon vor einem Jahr zitierte die Zeitung Quellen.", [("vor einem Jahr", "2022-09", "month")]),
    ("de", "2024-11-06", None, "Als Xi sich vor wenigen Wochen bedankte", [("vor wenigen Wochen", "2024-10", "month")]),
    ("de", "2025-09-04", None, "Vor einem halben Jahr begann die Offensive.", [("Vor einem halben Jahr", "2025-03", "month")]),
    ("de", "2025-09-04", None, "Seit 2022 tobt der Krieg.", [("Seit 2022", "2022-01-01/2025-09-04", "range")]),
    ("de", "2025-07-23", None, "Sie kommt seit Monaten langsam vorwärts.", [("seit Monaten", "2025-07", "month")]),
    ("de", "2025-09-04", None, "Seit fünf Jahren und seit einem Jahr", [("Seit fünf Jahren", "2020-09-04/2025-09-04", "range"), ("seit einem Jahr", "2024-09-04/2025-09-04", "range")]),
    ("de", "2025-09-04", None, "Seit vergangener Woche wird gestreikt.", [("Seit vergangener Woche", "2025-08-25/2025-09-04", "range")]),
    ("de", "2023-09-11", None, "Bereits in den kommenden Tagen soll es so weit sein.", [("in den kommenden Tagen", "2023-09-12/2023-09-18", "range")]),
    ("de", "2024-11-06", None, "die wahrscheinlich in den nächsten Wochen verstärken werden", [("in den nächsten Wochen", "2024-11", "month")]),
    ("de", "2023-08-16", None, "Allein in den letzten Tagen gab es 540 Verluste.", [("in den letzten Tagen", "2023-08-09/2023-08-16", "range")]),
    ("de", "2025-09-04", None, "In den vergangenen drei Jahren wuchs der Handel.", [("In den vergangenen drei Jahren", "2022-09-04/2025-09-04", "range")]),
    ("de", "2025-09-04", None, "In zwei Wochen beginnt die Konferenz.", [("In zwei Wochen", "2025-09-15/2025-09-21", "range")]),
    ("de", "2025-09-04", None, "Das soll bis Ende des Jahres geschehen.", [("bis Ende des Jahres", "2025", "year")]),
    ("de", "2025-09-04", None, "Im Vorjahr waren es weniger, heuer mehr.", [("Im Vorjahr", "2024", "year"), ("heuer", "2025", "year")]),
    ("de", "2025-09-04", None, "Ende vergangenen Jahres und im Juni vergangenen Jahres", [("Ende vergangenen Jahres", "2024", "year"), ("im Juni vergangenen Jahres", "2024-06", "month")]),
    ("de", "2025-09-04", None, "Dieses Jahr und Ende des Monats", [("Dieses Jahr", "2025", "year"), ("Ende des Monats", "2025-09", "month")]),
    # -- German: weekdays and weekends (2025-09-04 is a Thursday) ------------------
    ("de", "2025-09-04", "past", "Das sagte Xi am Donnerstag in Peking.", [("am Donnerstag", "2025-09-04", "day")]),
    ("de", "2025-09-04", "past", "Kim war am Dienstag eingetroffen.", [("am Dienstag", "2025-09-02", "day")]),
    ("de", "2025-09-04", "past", "Am Montagabend kam es zu Explosionen.", [("Am Montagabend", "2025-09-01", "day")]),
    ("de", "2025-09-04", None, "Am vergangenen Freitag und am kommenden Montag", [("Am vergangenen Freitag", "2025-08-29", "day"), ("am kommenden Montag", "2025-09-08", "day")]),
    ("de", "2025-09-04", "future", "Am Samstag wird er nach Moskau reisen.", [("Am Samstag", "2025-09-06", "day")]),
    ("de", "2025-09-04", "past", "Am Samstag reiste er nach Moskau.", [("Am Samstag", "2025-08-30", "day")]),
    ("de", "2025-09-04", None, "Am Samstag Parade in Pjöngjang", [("Am Samstag", "2025-09-06", "day")]),
    ("de", "2025-09-04", None, "Donnerstag traf Xi Kim.", [("Donnerstag", "2025-09-04", "day")]),
    ("de", "2025-09-04", None, "am Montag vergangener Woche", [("am Montag vergangener Woche", "2025-08-25", "day")]),
    ("de", "2023-09-11", "past", "Das Forum hat am Sonntag begonnen.", [("am Sonntag", "2023-09-10", "day")]),
    ("de", "2023-09-11", "present", "Es dauert bis Mittwoch.", [("bis Mittwoch", "2023-09-13", "day")]),
    ("de", "2023-09-11", "past", "Die Berichterstattung war am Wochenende ausführlich.", [("am Wochenende", "2023-09-09/2023-09-10", "range")]),
    ("de", "2025-09-04", None, "Am Wochenende wird gewählt.", [("Am Wochenende", "2025-09-06/2025-09-07", "range")]),
    ("de", "2025-09-04", "past", "In der Nacht zum Montag griffen Drohnen an.", [("In der Nacht zum Montag", "2025-09-01", "day")]),
    ("de", "2025-09-04", "past", "Vom Montag bis Mittwoch tagte der Rat.", [("Vom Montag bis Mittwoch", "2025-09-01/2025-09-03", "range")]),
    # -- German: present, vague recency, weak words --------------------------------
    ("de", "2025-09-04", None, "Derzeit ist die Lage ruhig, mittlerweile auch im Osten.", [("Derzeit", "2025-09", "month"), ("mittlerweile", "2025-09", "month")]),
    ("de", "2024-11-06", "present", "Davon will man nun nichts mehr wissen.", [("nun", "2024-11", "month")]),
    ("de", "2023-09-11", None, "Das hat Nordkorea dieser Tage zu bieten.", [("dieser Tage", "2023-09", "month")]),
    ("de", "2025-07-23", None, "Die Ukraine schlägt schon jetzt Alarm.", [("schon jetzt", "2025-07", "month")]),
    ("de", "2024-11-06", "past", "sagte unlängst eine Pentagon-Sprecherin", [("unlängst", "2024-10", "month")]),
    ("de", "2025-09-20", "past", "sagte unlängst eine Sprecherin", [("unlängst", "2025-09", "month")]),
    ("de", "2023-08-16", "past", "So meldete der Generalstab jüngst neue Zahlen.", [("jüngst", "2023-08", "month")]),
    ("de", "2025-09-04", "past", "zeigte sich Trump zuletzt mehrfach bereit", [("zuletzt", "2025", "year")]),
    ("de", "2025-09-04", None, "Nicht zuletzt, weil China verbunden ist.", []),
    ("de", "2025-09-04", "past", "hatte bereits 2014 begonnen", [("2014", "2014", "year")]),
    ("de", "2025-09-04", "past", "Xi und Kim hatten sich zuletzt im Juni 2019 getroffen.", [("im Juni 2019", "2019-06", "month")]),
    ("de", "2023-09-11", "past", "Kim ist nach Medienberichten bereits abgereist.", [("bereits", "2023-09", "month")]),
    ("de", "2024-11-06", "past", "vermied er es erstmals seit Jahren", []),
    ("de", "2025-09-04", None, "Es war das bislang letzte Treffen.", []),
    ("de", "2023-09-11", None, "Bis heute hat Nordkorea nur einen Handelspartner.", [("Bis heute", "2023-09", "month")]),
    # -- German: named periods and days --------------------------------------------
    ("de", "2024-11-06", None, "Mao hatte Soldaten im Koreakrieg verheizt.", [("im Koreakrieg", "1950-06-25/1953-07-27", "range")]),
    ("de", "2025-09-04", None, "Sie sind seit dem Korea-Krieg eng verbunden.", [("seit dem Korea-Krieg", "1950-06-25/2025-09-04", "range")]),
    ("de", "2025-09-04", None, "zum 80. Jahrestag der Niederlage im Zweiten Weltkrieg", [("im Zweiten Weltkrieg", "1939-09-01/1945-09-02", "range")]),
    ("de", "2025-09-04", None, "ein Staat, der nach dem Zweiten Weltkrieg gegründet wurde", [("nach dem Zweiten Weltkrieg", None, "unknown")]),
    ("de", "2025-09-04", None, "Kim hatte Trump in dessen erster Amtszeit dreimal getroffen.", [("in dessen erster Amtszeit", "2017-01-20/2021-01-20", "range")]),
    ("de", "2025-09-04", None, "In Trumps erster Amtszeit gab es drei Gipfel.", [("In Trumps erster Amtszeit", "2017-01-20/2021-01-20", "range")]),
    ("de", "2023-08-16", "past", "zum Nationalen Befreiungstag Nordkoreas gratulierte Putin", [("zum Nationalen Befreiungstag", "2023-08-15", "day")]),
    ("de", "2025-09-04", None, "Der Tag der Befreiung wird am 8. Mai gefeiert.", [("am 8. Mai", "2025-05-08", "day")]),
    ("de", "2025-09-04", None, "Waffensysteme aus dem Kalten Krieg", [("Kalten Krieg", None, "unknown")]),
    ("de", "2025-09-04", None, "Der Mauerfall veränderte Europa.", [("Mauerfall", "1989-11-09", "day")]),
    ("de", "2025-09-04", None, "Er kam an Weihnachten und blieb bis Silvester.", [("an Weihnachten", "2025-12-24/2025-12-26", "range"), ("bis Silvester", "2025-12-31", "day")]),
    # -- German: decades and centuries ---------------------------------------------
    ("de", "2025-09-04", None, "In den 1990er Jahren hungerte das Land.", [("In den 1990er Jahren", "1990-01-01/1999-12-31", "range")]),
    ("de", "2025-09-04", None, "Die Hungersnot der 90er Jahre", [("der 90er Jahre", "1990-01-01/1999-12-31", "range")]),
    ("de", "2025-09-04", None, "in den Neunzigerjahren und Anfang der 2000er", [("in den Neunzigerjahren", "1990-01-01/1999-12-31", "range"), ("Anfang der 2000er", "2000-01-01/2009-12-31", "range")]),
    ("de", "2025-09-04", None, "Im 20. Jahrhundert", [("Im 20. Jahrhundert", "1900-01-01/1999-12-31", "range")]),
    # -- German: anaphora -------------------------------------------------------
    ("de", "2024-11-06", None, "zuletzt im Juni 2019 in Pjöngjang. Putin und Kim seien sich seitdem dreimal begegnet.", [("im Juni 2019", "2019-06", "month"), ("seitdem", "2019-06-01/2024-11-06", "range")]),
    ("de", "2025-07-23", None, "Nachdem Putin im Juni 2024 Pjöngjang besucht hatte, waren in den Monaten danach Minister zu Gast.", [("im Juni 2024", "2024-06", "month"), ("in den Monaten danach", "2024-06-01/2025-07-23", "range")]),
    ("de", "2025-09-04", None, "im Juni 2019 in Pjöngjang. Ein halbes Jahr später schloss Nordkorea die Grenzen.", [("im Juni 2019", "2019-06", "month"), ("Ein halbes Jahr später", "2019-12", "month")]),
    ("de", "2023-08-16", "past", "Die Exporte waren im Juni achtmal höher als ein Jahr zuvor.", [("im Juni", "2023-06", "month"), ("ein Jahr zuvor", "2022-06", "month")]),
    ("de", "2025-09-04", None, "1961 wurde der Vertrag geschlossen, im Jahr darauf ratifiziert.", [("1961", "1961", "year"), ("im Jahr darauf", "1962", "year")]),
    ("de", "2025-09-04", None, "Seitdem ist alles anders.", [("Seitdem", None, "unknown")]),
    # -- German: durations, sets, bounds -------------------------------------------
    ("de", "2024-11-06", None, "Es ist mehr als fünf Jahre her, dass sie sich trafen.", [("mehr als fünf Jahre her", None, "unknown")]),
    ("de", "2025-09-04", None, "Die Blockade dauerte drei Jahre lang.", [("drei Jahre lang", None, "unknown")]),
    ("de", "2025-09-04", None, "Die Zeitung erscheint montags, die Beilage täglich.", [("montags", None, "unknown"), ("täglich", None, "unknown")]),
    ("de", "2025-09-04", None, "Nach 2019 und vor 2030 nicht.", [("Nach 2019", None, "unknown"), ("vor 2030", None, "unknown")]),
    # -- German: no anchor ---------------------------------------------------------
    ("de", None, None, "Am 9. September 1948 und gestern und im Juni", [("Am 9. September 1948", "1948-09-09", "day"), ("gestern", None, "unknown"), ("im Juni", None, "unknown")]),
    # -- German: not time expressions ------------------------------------------------
    ("de", "2025-09-04", None, "2 Milliarden Menschen, 10.000 Soldaten, Nr. 1, G20, F-16, Kim Jong-un", []),
    ("de", "2025-09-04", None, "Die Märzrevolution und der Maifeiertag", []),
    ("de", "2025-09-04", None, "Insgesamt etwa 2000 nordkoreanische Soldaten sind gefallen.", []),
    ("de", "2025-09-04", None, "Er schickte 2000 Soldaten und 1800 Panzer.", []),
    ("de", "2025-09-04", None, "eine mehr als 1400 Kilometer lange Grenze", []),
    ("de", "2025-09-04", None, "Die Resolution 2087 des Sicherheitsrats", []),
    ("de", "2025-09-04", None, "254.920 Soldaten, 4.313 Panzer und 30’000 Gastarbeiter", []),
    ("de", "2025-09-04", None, "Herr Mai sagte, der August sei heiß.", []),
    ("de", "2025-09-04", None, "Am Morgen rief er: Guten Morgen!", []),
    ("de", "2025-09-04", None, "Sie teilen die Welt in zwei Blöcke.", []),
    ("de", "2025-09-04", None, "in der Vergangenheit, einst, früher oder später, zunächst, bald", []),
    ("de", "2025-09-04", None, "Die Rakete Hwasong-18.\nJuli Zeh und August Diehl lasen vor.", []),
    ("de", "2025-09-04", None, "Die Welt von morgen kostet um 2000 Euro.", []),
    ("de", "2025-09-04", None, "In den 2000 Dörfern gab es Strom.", []),
    ("de", "2025-09-04", None, "die 2014 annektierte Krim", [("2014", "2014", "year")]),
    ("de", "2025-09-04", None, "Der Schwarze Freitag und die Märzwahl", []),
    ("de", "2025-09-04", "past", "Kiew meldete in der Nacht zum Montag Angriffe.", [("in der Nacht zum Montag", "2025-09-01", "day")]),
    ("de", "2025-09-04", None, "Der Angriff begann am 24. Februar 2022, genauer am 24.2.2022.", [("am 24. Februar 2022", "2022-02-24", "day"), ("am 24.2.2022", "2022-02-24", "day")]),
    ("de", "2025-09-04", None, "Seit Anfang des Jahres und seit Anfang Juli", [("Seit Anfang des Jahres", "2025-01-01/2025-09-04", "range"), ("seit Anfang Juli", "2025-07-01/2025-09-04", "range")]),
    ("de", "2025-09-04", None, "Im Laufe der Woche soll entschieden werden.", [("Im Laufe der Woche", "2025-09-01/2025-09-07", "range")]),
    # -- English -----------------------------------------------------------------
    ("en", "2025-09-04", "past", "Xi said on Thursday that ties were strong.", [("on Thursday", "2025-09-04", "day")]),
    ("en", "2025-09-04", None, "A spokesman said last week that talks would resume.", [("last week", "2025-08-25/2025-08-31", "range")]),
    ("en", "2025-09-04", None, "They last met in June 2019.", [("in June 2019", "2019-06", "month")]),
    ("en", "2025-09-04", None, "Since 2022 the war has escalated.", [("Since 2022", "2022-01-01/2025-09-04", "range")]),
    ("en", "2023-09-11", None, "Five years ago Moscow expelled workers.", [("Five years ago", "2018", "year")]),
    ("en", "2023-09-11", None, "A year ago the paper cited officials.", [("A year ago", "2022-09", "month")]),
    ("en", "2025-09-04", None, "The visit is expected in the coming days.", [("in the coming days", "2025-09-05/2025-09-11", "range")]),
    ("en", "2025-09-04", "past", "In early July and mid-August the talks stalled.", [("In early July", "2025-07", "month"), ("mid-August", "2025-08", "month")]),
    ("en", "2025-09-04", None, "The deal expired at the end of 2024.", [("at the end of 2024", "2024", "year")]),
    ("en", "2025-09-04", None, "China fought in the Korean War.", [("in the Korean War", "1950-06-25/1953-07-27", "range")]),
    ("en", "2025-09-04", None, "Last year Kim sent troops.", [("Last year", "2024", "year")]),
    ("en", "2025-09-04", None, "On September 9, 1948, the state was founded; on 9 September 1948 indeed.", [("On September 9, 1948", "1948-09-09", "day"), ("on 9 September 1948", "1948-09-09", "day")]),
    ("en", "2025-09-04", "past", "He arrived on Sept. 9.", [("on Sept. 9", "2024-09-09", "day")]),
    ("en", "2025-09-04", "past", "In May he met Putin; May 2019 was earlier.", [("In May", "2025-05", "month"), ("May 2019", "2019-05", "month")]),
    ("en", "2025-09-04", None, "Theresa May said you may go to the March rally.", []),
    ("en", "2025-09-04", None, "In 2019 troops moved; 2,000 soldiers and 2000 soldiers stayed.", [("In 2019", "2019", "year")]),
    ("en", "2025-09-04", None, "The 2017 test came in 2017, when Xi hosted BRICS.", [("2017", "2017", "year"), ("in 2017", "2017", "year")]),
    ("en", "2025-09-04", None, "the famine of the 1990s, the '90s, in his twenties", [("the 1990s", "1990-01-01/1999-12-31", "range"), ("the '90s", "1990-01-01/1999-12-31", "range")]),
    ("en", "2025-09-04", None, "The war lasted from 1950 to 1953.", [("from 1950 to 1953", "1950-01-01/1953-12-31", "range")]),
    ("en", "2025-09-04", None, "They met three times between 2017 and 2021.", [("between 2017 and 2021", "2017-01-01/2021-12-31", "range")]),
    ("en", "2025-09-04", "past", "Yesterday he met Xi; today he met Putin.", [("Yesterday", "2025-09-03", "day"), ("today", "2025-09-04", "day")]),
    ("en", "2025-09-04", "present", "Today China is the main partner.", [("Today", "2025-09", "month")]),
    ("en", "2025-09-04", "future", "Tomorrow he will leave.", [("Tomorrow", "2025-09-05", "day")]),
    ("en", "2025-09-04", None, "A few weeks ago and recently", [("A few weeks ago", "2025-08", "month"), ("recently", "2025-08", "month")]),
    ("en", "2025-09-04", None, "Russia currently needs shells and has for months.", [("currently", "2025-09", "month"), ("for months", "2025-09", "month")]),
    ("en", "2025-09-04", None, "He ruled for five years.", [("for five years", None, "unknown")]),
    ("en", "2025-09-04", None, "Losses mounted in recent days.", [("in recent days", "2025-08-28/2025-09-04", "range")]),
    ("en", "2025-09-04", "past", "Parades were held over the weekend.", [("over the weekend", "2025-08-30/2025-08-31", "range")]),
    ("en", "2025-09-04", None, "Last Friday and next Monday", [("Last Friday", "2025-08-29", "day"), ("next Monday", "2025-09-08", "day")]),
    ("en", "2025-09-04", None, "The Sunday Times said Friday Prayers were held.", []),
    ("en", "2025-09-04", None, "during World War II and the Cold War", [("during World War II", "1939-09-01/1945-09-02", "range"), ("the Cold War", None, "unknown")]),
    ("en", "2025-09-04", None, "Kim met Trump three times during Trump's first term.", [("during Trump's first term", "2017-01-20/2021-01-20", "range")]),
    ("en", "2023-08-16", "past", "Putin congratulated Kim on Liberation Day in North Korea.", [("on Liberation Day", "2023-08-15", "day")]),
    ("en", "2025-09-04", None, "Trade rose in the first quarter of 2024 and in Q3 2024.", [("in the first quarter of 2024", "2024-01-01/2024-03-31", "range"), ("in Q3 2024", "2024-07-01/2024-09-30", "range")]),
    ("en", "2024-11-06", None, "They last met in June 2019. Since then, Putin and Kim met three times.", [("in June 2019", "2019-06", "month"), ("Since then", "2019-06-01/2024-11-06", "range")]),
    ("en", "2025-09-04", None, "The treaty was signed in 1961 and renewed two years later.", [("in 1961", "1961", "year"), ("two years later", "1963", "year")]),
    ("en", "2025-09-04", None, "The state was founded after the Second World War.", [("after the Second World War", None, "unknown")]),
    ("en", "2025-09-04", None, "in the summer of 2024, last summer, the fall of Kabul", [("in the summer of 2024", "2024-06-01/2024-08-31", "range"), ("last summer", "2025-06-01/2025-08-31", "range")]),
    ("en", "2025-09-04", None, "He spoke earlier this year and will return later this month.", [("earlier this year", "2025", "year"), ("later this month", "2025-09", "month")]),
    ("en", "2025-09-04", None, "Talks are held every year, daily and on Mondays.", [("every year", None, "unknown"), ("daily", None, "unknown"), ("on Mondays", None, "unknown")]),
    ("en", "2025-09-04", None, "In the 2024 election Trump won.", [("2024", "2024", "year")]),
    ("en", "2025-09-04", None, "Black Friday sales, Mr. Friday and the Sunday Times", []),
    ("en", "2025-09-04", None, "Reuters reported Friday that Kim met Putin.", [("Friday", "2025-09-05", "day")]),
    ("en", "2025-09-04", None, "The summit on Sept 5-7, 2023 ended.", [("on Sept 5-7, 2023", "2023-09-05/2023-09-07", "range")]),
    ("en", "2025-09-04", None, "The goal is to be met by the end of the year.", [("by the end of the year", "2025", "year")]),
]


def _triples(found: list[TimeExpression]) -> Expected:
    return [(t.text, t.value, t.precision) for t in found]


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@pytest.mark.parametrize(("lang", "anchor", "tense", "sentence", "expected"), CASES, ids=[c[3][:40] for c in CASES])
def test_case_table(lang: str, anchor: str | None, tense: str | None, sentence: str, expected: Expected) -> None:
    assert _triples(find_times(sentence, lang, _date(anchor), tense=tense)) == expected


def test_case_table_is_large() -> None:
    assert len(CASES) >= 100


# -- the five seed articles, clause by clause ---------------------------------------

# doc -> [(clause as it stands in the text, tense of its verb, expected)].  Every time
# expression of the article is listed (test_seed_tables_are_complete checks it).
SEED_TABLE: dict[str, list[tuple[str, str | None, Expected]]] = {
    "seed-000": [
        ("die wahrscheinlich in den nächsten Wochen die russischen Streitkräfte in der Nähe der Ukraine verstärken werden“, sagte unlängst eine Pentagon-Sprecherin.",
         "past", [("in den nächsten Wochen", "2024-11", "month"), ("unlängst", "2024-10", "month")]),
        ("erklärte vergangene Woche ein Sprecher des chinesischen Außenministeriums.", "past",
         [("vergangene Woche", "2024-10-28/2024-11-03", "range")]),
        ("Davon will man nun nichts mehr wissen in Peking.", "present", [("nun", "2024-11", "month")]),
        ("Japan und Südkorea kooperieren militärisch schon jetzt eng mit den USA", "present", [("schon jetzt", "2024-11", "month")]),
        ("Kim Jong-un und Xi Jinping 2019 in Pjöngjang\n", None, [("2019", "2019", "year")]),
        ("Kim Jong-un und Xi Jinping 2019 in Pjöngjang: Es war das bislang letzte Treffen der beiden Staatsoberhäupter.", "past",
         [("2019", "2019", "year")]),
        ("Seinen sechsten Atomtest beispielsweise führte Nordkorea 2017 ausgerechnet an jenem Tag durch", "past", [("2017", "2017", "year")]),
        ("„Es ist mehr als fünf Jahre her, dass sich Xi und Kim das letzte Mal getroffen haben, zuletzt im Juni 2019 in Pjöngjang“", "past",
         [("mehr als fünf Jahre her", None, "unknown"), ("im Juni 2019", "2019-06", "month")]),
        ("Putin und Kim hingegen seien sich seitdem dreimal begegnet.", "past", [("seitdem", "2019-06-01/2024-11-06", "range")]),
        ("Hunderttausende Soldaten im Koreakrieg verheizt.", "past", [("im Koreakrieg", "1950-06-25/1953-07-27", "range")]),
        ("Heute scheint Peking vorsichtig auf Abstand zu Pjöngjang zu gehen.", "present", [("Heute", "2024-11", "month")]),
        ("Als Xi sich vor wenigen Wochen für Kims Glückwünsche zum 75. Jahrestag der Gründung der Volksrepublik bedankte", "past",
         [("vor wenigen Wochen", "2024-10", "month")]),
        ("das derzeit Pjöngjang begünstigt", "present", [("derzeit", "2024-11", "month")]),
    ],
    "seed-001": [
        ("IZ 23.07. 25", None, [("23.07. 25", "2025-07-23", "day")]),
        ("in einem größeren historischen Kontext seit 1989 der wahre Aggressor", "present", [("seit 1989", "1989-01-01/2025-07-23", "range")]),
        ("Der Ukrainekrieg hatte als Bürgerkrieg und Stellvertreterkrieg der USA bereits 2014 nach dem von den USA gesteuerten pro-faschistischen Putsch auf dem Maidan begonnen.",
         "past", [("2014", "2014", "year")]),
        ("Als Wang Yi Anfang Juli in Brüssel die kriegslüsterne EU-Außenbeauftragte Kaja Kallas traf", "past", [("Anfang Juli", "2025-07", "month")]),
        ("So deutlich äußerte sich China selten seit Beginn der russischen Militärinitiative von 2022.", "past", [("von 2022", "2022", "year")]),
        ("wurde eigentlich schon bei der ersten Präsidentschaft von Trump salonfähig gemacht und beachtet.", "past",
         [("bei der ersten Präsidentschaft von Trump", "2017-01-20/2021-01-20", "range")]),
        ("Nachdem Putin im Juni 2024 Pjöngjang besucht hatte, waren in den Monaten danach etwa Verteidigungsminister", "past",
         [("im Juni 2024", "2024-06", "month"), ("in den Monaten danach", "2024-06-01/2025-07-23", "range")]),
        ("es verfügt vor allem über Waffensysteme aus dem Kalten Krieg.", "present", [("Kalten Krieg", None, "unknown")]),
        ("Wie die staatliche Nachrichtenagentur KCNA im Juni berichtete", "past", [("im Juni", "2025-06", "month")]),
        ("Danach schickte Kim im vergangenen Jahr etwa 14.000 nordkoreanische Soldaten in die russische Provinz Kursk", "past",
         [("im vergangenen Jahr", "2024", "year")]),
        ("dass Kims Truppen nunmehr primär für den Schutz militärischer Infrastruktur in Russland eingesetzt würden.", "present",
         [("nunmehr", "2025-07", "month")]),
        ("Im Juni erklärte die russische Militärführung, dass Nordkorea weitere 6.000 Soldaten nach Russland schicken wird.", "past",
         [("Im Juni", "2025-06", "month")]),
        # "Seither" is 800 characters after the last date ("Im Juni"): too far to resolve.
        ("Seither wurden wiederholt Fotos öffentlich", "past", [("Seither", None, "unknown")]),
        ("Die Ukraine schlägt schon jetzt Alarm.", "present", [("schon jetzt", "2025-07", "month")]),
        ("Zwar kommt sie seit Monaten im Osten der Ukraine langsam vorwärts und die Einnahme größerer Städte wie Prokrowsk als Schlüssel für die Eroberung von Kramotorsk und Slawjanak ist derzeit bereits in Sicht.",
         "present", [("seit Monaten", "2025-07", "month"), ("derzeit bereits", "2025-07", "month")]),
        ("Um die strategisch wichtige Stadt Prokowsk tobt derzeit ein heftiger Krieg", "present", [("derzeit", "2025-07", "month")]),
    ],
    "seed-002": [
        ("In einer Glückwunschbotschaft an Staatschef Kim Jong Un zum Nationalen Befreiungstag Nordkoreas erklärte der Kreml-Despot", "past",
         [("zum Nationalen Befreiungstag", "2023-08-15", "day")]),
        ("Bereits bei der Siegesfeier im Juli hielt sich eine russische Delegation", "past", [("im Juli", "2023-07", "month")]),
        ("seit der Kreml Truppen in die Ukraine entsandt und im vergangenen Jahr umfangreiche Kampfhandlungen begonnen hat.", "past",
         [("im vergangenen Jahr", "2022", "year")]),
        ("dass genau dort im November 2022 aus Nordkorea eine Lieferung", "past", [("im November 2022", "2022-11", "month")]),
        ("Schoigu hielt sich im Juli in Nordkoreas Hauptstadt auf – offiziell „nur“ um den 70. Jahrestag vom Ende des Korea-Krieges zu feiern.",
         "past", [("im Juli", "2023-07", "month"), ("Korea-Krieges", "1950-06-25/1953-07-27", "range")]),
        ("So meldete Generalstab der ukrainischen Streitkräfte jüngst", "past", [("jüngst", "2023-08", "month")]),
        ("Allein in den letzten Tagen hätten die russischen Streitkräfte 540 Verluste erlitten.", "past",
         [("in den letzten Tagen", "2023-08-09/2023-08-16", "range")]),
        ("Die chinesischen Exporte nach Nordkorea waren im Juni achtmal höher als ein Jahr zuvor.", "past",
         [("im Juni", "2023-06", "month"), ("ein Jahr zuvor", "2022-06", "month")]),
    ],
    "seed-003": [
        ("Für Nordkorea ist derzeit allerdings ein anderes Land wichtiger als China.", "present", [("derzeit", "2025-09", "month")]),
        ("Das sagte Chinas Staats- und Parteichef Xi Jinping am Donnerstag bei einem Treffen", "past", [("am Donnerstag", "2025-09-04", "day")]),
        ("Kim war am Dienstag mit dem Zug in Peking eingetroffen", "past", [("am Dienstag", "2025-09-02", "day")]),
        ("Am Mittwoch nahm er an der Militärparade zum 80. Jahrestag der japanischen Niederlage im Zweiten Weltkrieg teil", "past",
         [("Am Mittwoch", "2025-09-03", "day"), ("im Zweiten Weltkrieg", "1939-09-01/1945-09-02", "range")]),
        ("Xi Jinping und Kim Jong-un hatten sich zuletzt im Juni 2019 in Pjöngjang getroffen.", "past", [("im Juni 2019", "2019-06", "month")]),
        ("Ein halbes Jahr später machte Nordkorea mit Ausbruch der Coronapandemie seine Grenzen dicht, bis zu einer Russland-Reise im September 2023 verließ Kim das Land nicht",
         "past", [("Ein halbes Jahr später", "2019-12", "month"), ("Coronapandemie", None, "unknown"), ("im September 2023", "2023-09", "month")]),
        ("Kim hatte Donald Trump in dessen erster Amtszeit dreimal getroffen", "past",
         [("in dessen erster Amtszeit", "2017-01-20/2021-01-20", "range")]),
        ("zeigte sich Trump zuletzt mehrfach zu einem erneuten Treffen mit Kim bereit.", "past", [("zuletzt", "2025", "year")]),
        ("Ob Kim darüber nun auch mit Xi sprach, ist nicht bekannt.", "past", [("nun", "2025-09", "month")]),
        ("und sind seit dem Korea-Krieg, in dem chinesische „Freiwillige“ auf der Seite des Nordens kämpften, auch politisch eng verbunden.",
         "present", [("seit dem Korea-Krieg", "1950-06-25/2025-09-04", "range")]),
        ("1961 unterzeichneten beide Länder einen Verteidigungsvertrag – den bislang einzigen der Volksrepublik China.", "past",
         [("1961", "1961", "year")]),
        ("So zeigte sich Peking erbost über den ersten nordkoreanischen Atomtest 2006", "past", [("2006", "2006", "year")]),
        ("Heute verfügt das Kim-Regime Schätzungen zufolge über mehrere Dutzend Sprengkörper", "present", [("Heute", "2025-09", "month")]),
        ("Bei dem Treffen mit Kim in Peking sagte Xi nun, sein Land sei", "past", [("nun", "2025-09", "month")]),
        ("Am Mittwoch hatte sich Kim zu einem Gespräch mit dem russischen Präsidenten getroffen.", "past", [("Am Mittwoch", "2025-09-03", "day")]),
        ("Laut dem südkoreanischen Geheimdienst sind bislang etwa 2000 nordkoreanische Soldaten im Ukraine-Krieg ums Leben gekommen", "past",
         [("bislang", "2025-09", "month")]),
        ("trat Kim zuletzt mehrfach öffentlich bei Gedenkveranstaltungen für tote nordkoreanische Soldaten auf.", "past",
         [("zuletzt", "2025", "year")]),
        ("dass die Allianz mit Kim für Wladimir Putin derzeit zwar wichtig sei", "present", [("derzeit", "2025-09", "month")]),
        ("Auch deshalb sei Kim nun nach China gereist", "past", [("nun", "2025-09", "month")]),
    ],
    "seed-004": [
        ("Die Festberichterstattung der Staatsmedien in Nordkorea war am Wochenende wieder sehr ausführlich.", "past",
         [("am Wochenende", "2023-09-09/2023-09-10", "range")]),
        ("dass die Parteidiktatur auch 75 Jahre nach ihrer Gründung am 9. September 1948 noch bei Kräften ist.", "present",
         [("am 9. September 1948", "1948-09-09", "day")]),
        ("Das also hat Nordkorea dieser Tage zu bieten", "present", [("dieser Tage", "2023-09", "month")]),
        ("seit die «New York Times» vergangene Woche amerikanische Geheimdienstinformationen öffentlich machte", "past",
         [("vergangene Woche", "2023-09-04/2023-09-10", "range")]),
        ("Bereits «in den kommenden Tagen» soll es so weit sein.", "future", [("in den kommenden Tagen", "2023-09-12/2023-09-18", "range")]),
        ("Das bestätigte der Kreml am Montag auf seiner offiziellen Website.", "past", [("am Montag", "2023-09-11", "day")]),
        ("Nordkoreas Machthaber Kim Jong-un ist nach Medienberichten bereits zu dem Treffen mit Putin ins Nachbarland abgereist.", "past",
         [("bereits", "2023-09", "month")]),
        ("Das Ost-Wirtschaftsforum hat am Sonntag begonnen", "past", [("am Sonntag", "2023-09-10", "day")]),
        ("und dauert bis Mittwoch.", "present", [("bis Mittwoch", "2023-09-13", "day")]),
        ("dass Kim so kurz nach der 75-Jahr-Feier nicht schon diese Woche nach Wladiwostok reist.", "present",
         [("diese Woche", "2023-09-11/2023-09-17", "range")]),
        ("seit er Kim Jong-un im April 2019 in Wladiwostok zum letzten Mal traf.", "past", [("im April 2019", "2019-04", "month")]),
        ("der nach dem Zweiten Weltkrieg auf sowjetisch besetztem Gebiet gegründet wurde.", "past", [("nach dem Zweiten Weltkrieg", None, "unknown")]),
        ("Die Sowjetunion war 1948 das erste Land", "past", [("1948", "1948", "year")]),
        ("Sie half Nordkorea und China im Korea-Krieg gegen den Süden", "past", [("im Korea-Krieg", "1950-06-25/1953-07-27", "range")]),
        ("Als die Sowjetunion 1991 zerfallen war", "past", [("1991", "1991", "year")]),
        ("Bis heute hat Nordkorea praktisch nur einen grossen Handelspartner: China.", "present", [("Bis heute", "2023-09", "month")]),
        ("dass Nordkorea die Abschottung wegen der Pandemie überlebte.", "past", [("Pandemie", None, "unknown")]),
        ("Russland braucht Nordkorea nicht – zumindest war das bisher so.", "past", [("bisher", "2023-09", "month")]),
        ("das nicht nur die annektierte Krim 2014 als russisches Territorium anerkannt hat, sondern 2022 auch die Separatistenregionen", "past",
         [("2014", "2014", "year"), ("2022", "2022", "year")]),
        ("Und mittlerweile hat das aufgerüstete Nordkorea anscheinend doch Produkte", "present", [("mittlerweile", "2023-09", "month")]),
        ("Schon vor einem Jahr zitierte die «New York Times» Geheimdienstinformationen", "past", [("vor einem Jahr", "2022-09", "month")]),
        ("Vor fünf Jahren soll Moskau zwei Drittel seiner über 30’000 nordkoreanischen Gastarbeiter aus dem Land geschickt haben.", "past",
         [("Vor fünf Jahren", "2018", "year")]),
        ("Der Kreml reagierte damit offenbar auf UNO-Sanktionen gegen Pyongyang nach einem Atombombentest 2017.", "past", [("2017", "2017", "year")]),
        ("Jetzt aber fordern mehrere kremlnahe Experten", "present", [("Jetzt", "2023-09", "month")]),
        ("Fehler gefunden?Jetzt melden.", None, [("Jetzt", "2023-09", "month")]),
    ],
}


def _seeds() -> dict[str, tuple[str, dt.date]]:
    out = {}
    for line in (SEEDS / "metadata.jsonl").read_text("utf-8").splitlines():
        meta = json.loads(line)
        text = (SEEDS / meta["file"]).read_text("utf-8")
        out[meta["doc_id"]] = (text, dt.date.fromisoformat(meta["published"]))
    return out


SEED_ROWS = [(doc, *row) for doc, rows in SEED_TABLE.items() for row in rows]


@pytest.mark.parametrize(("doc", "clause", "tense", "expected"), SEED_ROWS, ids=[f"{r[0]}:{r[1][:30]}" for r in SEED_ROWS])
def test_seed_clauses(doc: str, clause: str, tense: str | None, expected: Expected) -> None:
    text, anchor = _seeds()[doc]
    assert text.count(clause) == 1, "the clause must occur exactly once"
    start = text.index(clause)
    found = find_times(text, "de", anchor, start, start + len(clause), tense=tense)
    assert _triples(found) == expected
    assert all(start <= t.start and t.end <= start + len(clause) for t in found)


@pytest.mark.parametrize("doc", sorted(SEED_TABLE))
def test_seed_tables_are_complete(doc: str) -> None:
    """Every expression found in the whole article is one listed in its table."""
    text, anchor = _seeds()[doc]
    whole = {(t.start, t.end) for t in find_times(text, "de", anchor)}
    listed = set()
    for clause, tense, _ in SEED_TABLE[doc]:
        start = text.index(clause)
        listed |= {(t.start, t.end) for t in find_times(text, "de", anchor, start, start + len(clause), tense=tense)}
    assert whole == listed, sorted(text[s:e] for s, e in whole ^ listed)


# -- the gold dates ------------------------------------------------------------------

# Dated gold events whose own sentence holds a time expression that does not give the
# gold date.  (Events whose sentence has no time expression take their date from an
# adjacent sentence or from world knowledge; that is the event dater's job.)
GOLD_DISAGREEMENTS = {
    ("seed-002", "Beide Regime haben sich einander angenäh", "2022-01-01/2023-08-16"):
        "'seit <clause with im vergangenen Jahr>': the resolver gives 'im vergangenen Jahr' = 2022 "
        "(the gold's date for the other event of the sentence), not the seit-range",
    ("seed-003", "Ob Kim darüber nun auch mit Xi sprach, i", "2025-09-04"):
        "'nun' is a present word -> 2025-09; the gold uses the day of the meeting",
    ("seed-003", "China und Nordkorea teilen eine mehr als", "1950-06-25/1953-07-27"):
        "'seit dem Korea-Krieg' is a since-range to the publication date; the gold dates the "
        "fighting in the relative clause with the war itself",
    ("seed-003", "Bei dem Treffen mit Kim in Peking sagte ", "2025-09-04"):
        "'nun' -> 2025-09; the gold uses the day of the meeting ('am Donnerstag', far before)",
    ("seed-003", "Auch deshalb sei Kim nun nach China gere", "2025-09-02/2025-09-04"):
        "'nun' -> 2025-09; the gold gives the span of the trip from context",
    ("seed-004", "Das also hat Nordkorea dieser Tage zu bi", "2023-09-09/2023-09-10"):
        "'dieser Tage' is a present word -> 2023-09 (gold rule 23); the gold uses the weekend "
        "of the celebrations from context",
    ("seed-004", "Die Frage ist aktueller denn je, seit di", "2023-09-10/2023-09-13"):
        "'vergangene Woche' dates the NYT report (2023-09-04/2023-09-10); the gold dates the "
        "planned meeting by the forum's dates given later in the text",
}

_WIDTH = {"day": 10, "month": 7, "year": 4}


def _agrees(gold: str, precision: str, value: str | None) -> bool:
    """The scorer's rule: equal strings for ranges, otherwise inside the gold's unit."""
    if value is None:
        return False
    if precision not in _WIDTH:
        return value == gold
    width = _WIDTH[precision]
    ends = value.split("/", 1) if "/" in value else [value, value]
    return all(len(end) >= width and end[:width] == gold[:width] for end in ends)


def test_gold_dates() -> None:
    seeds = _seeds()
    mismatches = set()
    for line in GOLD.read_text("utf-8").splitlines():
        record = json.loads(line)
        text, anchor = seeds[record["doc_id"]]
        for event in record["events"]:
            if event["date"] is None:
                continue
            start, end = event["sentence"]
            readings = [find_times(text, "de", anchor, start, end, tense=tense) for tense in (None, "past", "present")]
            if not readings[0]:
                continue  # no time expression in the sentence: dated from context
            if any(_agrees(event["date"], event["date_precision"], t.value) for found in readings for t in found):
                continue
            mismatches.add((record["doc_id"], text[start : start + 40], event["date"]))
    assert mismatches == set(GOLD_DISAGREEMENTS)


# -- details -------------------------------------------------------------------------


def test_fields_of_an_expression() -> None:
    text = "Kim war am Dienstag in Peking eingetroffen."
    (t,) = find_times(text, "de", dt.date(2025, 9, 4), tense="past")
    assert t == TimeExpression(8, 19, "am Dienstag", "2025-09-02", "day", "weekday", "past")
    (s,) = find_times("Seit 2022 tobt der Krieg.", "de", dt.date(2025, 9, 4))
    assert (s.kind, s.direction) == ("relative", "past")
    (a,) = find_times("im Juni 2019", "de", dt.date(2025, 9, 4))
    assert (a.kind, a.direction) == ("absolute", None)
    (f,) = find_times("am kommenden Montag", "de", dt.date(2025, 9, 4))
    assert (f.kind, f.direction) == ("weekday", "future")
    (p,) = find_times("derzeit", "de", dt.date(2025, 9, 4))
    assert (p.kind, p.direction) == ("present", None)


def test_start_end_window_and_lookback() -> None:
    text = "Sie trafen sich im Juni 2019 in Pjöngjang. Seitdem nicht mehr. Am Montag kam er."
    anchor = dt.date(2024, 11, 6)
    lo = text.index("Seitdem")
    hi = text.index("Am Montag")
    found = find_times(text, "de", anchor, lo, hi)
    assert _triples(found) == [("Seitdem", "2019-06-01/2024-11-06", "range")]
    assert find_times(text, "de", anchor, 0, 5) == []
    # a preposition before the window stays outside
    assert _triples(find_times("seit 2022", "de", anchor, 5)) == [("2022", "2022", "year")]


def test_tense_choices_for_weekdays() -> None:
    monday = dt.date(2023, 9, 11)
    assert resolve_weekday(6, monday, "past") == dt.date(2023, 9, 10)
    assert resolve_weekday(6, monday, "future") == dt.date(2023, 9, 17)
    assert resolve_weekday(6, monday, None) == dt.date(2023, 9, 17)
    assert resolve_weekday(0, monday, "past") == monday
    assert resolve_weekday(2, monday, "present") == dt.date(2023, 9, 13)
    assert resolve_weekday(4, dt.date(2025, 9, 4), "past") == dt.date(2025, 8, 29)
    assert resolve_weekday(4, dt.date(2025, 9, 4), "bogus") == dt.date(2025, 9, 5)
    with pytest.raises(ValueError):
        resolve_weekday(7, monday, None)


def test_languages_and_bad_inputs() -> None:
    anchor = dt.date(2025, 9, 4)
    assert _triples(find_times("am 9. Mai 2024", "de-AT", anchor)) == [("am 9. Mai 2024", "2024-05-09", "day")]
    assert _triples(find_times("on May 9, 2024", "en_GB", anchor)) == [("on May 9, 2024", "2024-05-09", "day")]
    assert _triples(find_times("am 9. Mai 2024 / on May 9, 2024", "fr", anchor)) == [
        ("am 9. Mai 2024", "2024-05-09", "day"),
        ("on May 9, 2024", "2024-05-09", "day"),
    ]
    assert _triples(find_times("gestern", "de", dt.datetime(2025, 9, 4, 23, 59))) == [("gestern", "2025-09-03", "day")]
    assert find_times("", "de", anchor) == []
    assert find_times(None, "de", anchor) == []  # type: ignore[arg-type]
    # an impossible day falls back to its month
    assert _triples(find_times("am 31. Februar 2024", "de", anchor)) == [("Februar 2024", "2024-02", "month")]
    assert find_times("am 9. Mai 2024", "de", anchor, 50, 10) == []
    assert _triples(find_times("gestern", "de", "2025-09-04")) == [("gestern", None, "unknown")]  # type: ignore[arg-type]
    # ranges and shifts that would leave the calendar stay unresolved instead of failing
    edge = temporal._find("am 31. Dezember 9999. Am nächsten Tag, zwei Jahre später", "de", anchor)
    assert _triples(edge) == [
        ("am 31. Dezember 9999", "9999-12-31", "day"),
        ("Am nächsten Tag", None, "unknown"),
        ("zwei Jahre später", None, "unknown"),
    ]
    assert _triples(temporal._find("von Dezember bis 1. Januar 0001", "de", anchor)) == [
        ("von Dezember", "2025-12", "month"),
        ("bis 1. Januar 0001", "0001-01-01", "day"),
    ]


def test_speed() -> None:
    text = "\n\n".join(_seeds()[doc][0] for doc in sorted(SEED_TABLE)) * 4
    began = time.perf_counter()
    find_times(text, "de", dt.date(2024, 11, 6))
    elapsed = time.perf_counter() - began
    assert len(text) / elapsed > 50_000  # about 700 000 characters/s on a laptop


# -- properties ----------------------------------------------------------------------

_VOCABULARY = [
    'am', 'im', 'vom', 'bis', 'seit', 'zum', 'von', 'zwischen', 'und', 'vor', 'nach', 'in', 'den',
    'der', 'des', 'dem', 'Jahr', 'Jahren', 'Jahre', 'Woche', 'Wochen', 'Tagen', 'Monaten', 'Monat',
    'Anfang', 'Mitte', 'Ende', 'vergangene', 'vergangenen', 'letzten', 'nächsten', 'kommenden',
    'diese', 'heute', 'gestern', 'morgen', 'Montag', 'Donnerstag', 'Wochenende', 'Juni', 'Jänner',
    'März', 'Mai', 'Sommer', 'Winter', '1948', '2019', '2022', '2100', '1800', '99', '9.', '23.',
    '23.07.', '25', '1.2.', '2022/23', '1950–53', 'fünf', 'einem', 'wenigen', 'halben', '90er',
    '1990er', 'Jahrhundert', 'derzeit', 'bereits', 'nun', 'zuletzt', 'unlängst', 'seitdem',
    'später', 'zuvor', 'danach', 'Koreakrieg', 'Zweiten', 'Weltkrieg', 'Trump', 'erster',
    'Amtszeit', 'Befreiungstag', 'Nordkorea', 'on', 'last', 'next', 'since', 'ago', 'the', 'of',
    'early', 'mid-', 'late', 'weeks', 'years', 'Monday', 'June', 'May', '2024-03-05', 'Q3',
    'quarter', 'first', ',', '.', '–', '-', ';', '«', '»', '„', '“', '\n',
    '9999', '0001', '1.', '31.', 'Januar', 'Dezember', 'Zwei', 'Jahre', 'nächsten Tag', 'Ein Jahr',
    'later', 'two years', 'Jahr darauf', 'im Jahr',
]

_texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(_VOCABULARY), max_size=40).map(" ".join),
    st.lists(st.sampled_from(_VOCABULARY), max_size=40).map("".join),
)
_anchors = st.one_of(st.none(), st.dates(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
_tenses = st.sampled_from([None, "past", "present", "future", "pluperfect"])
_langs = st.sampled_from(["de", "en", "xx", "", "DE-at"])


def _check_value(value: str, precision: str) -> None:
    if precision == "day":
        dt.date.fromisoformat(value)
    elif precision == "month":
        assert re.fullmatch(r"\d{4}-\d{2}", value)
        dt.date.fromisoformat(value + "-01")
    elif precision == "year":
        assert re.fullmatch(r"\d{4}", value)
    else:
        assert precision == "range"
        first, last = value.split("/")
        assert dt.date.fromisoformat(first) <= dt.date.fromisoformat(last)


@settings(max_examples=400, deadline=None)
@given(_texts, _langs, _anchors, _tenses, st.integers(-5, 250), st.one_of(st.none(), st.integers(-5, 250)))
def test_properties(text: str, lang: str, anchor: dt.date | None, tense: str | None, start: int, end: int | None) -> None:
    found = temporal._find(text, lang, anchor, start, end, tense)  # the unguarded version: a bug raises
    lo = min(max(start, 0), len(text))
    hi = len(text) if end is None else min(max(end, lo), len(text))
    previous_end = lo
    for t in found:
        assert lo <= t.start < t.end <= hi
        assert t.start >= previous_end
        previous_end = t.end
        assert text[t.start : t.end] == t.text
        assert t.kind in ("absolute", "relative", "weekday", "partial", "named", "present", "vague", "duration", "set")
        assert t.direction in (None, "past", "future")
        if t.value is None:
            assert t.precision == "unknown"
        else:
            _check_value(t.value, t.precision)
    assert temporal._find(text, lang, anchor, start, end, tense) == found  # deterministic


_MONATE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date(1000, 1, 1)), _anchors, _tenses, st.booleans())
def test_full_dates_round_trip(day: dt.date, anchor: dt.date | None, tense: str | None, jaenner: bool) -> None:
    monat = "Jänner" if jaenner and day.month == 1 else _MONATE[day.month - 1]
    german = f"Es geschah am {day.day}. {monat} {day.year:04d} in Pjöngjang."
    (t,) = find_times(german, "de", anchor, tense=tense)
    assert (t.text, t.value, t.precision) == (f"am {day.day}. {monat} {day.year:04d}", day.isoformat(), "day")
    english = f"It happened on {_MONTHS[day.month - 1]} {day.day}, {day.year:04d} in Pyongyang."
    (e,) = find_times(english, "en", anchor, tense=tense)
    assert (e.value, e.precision) == (day.isoformat(), "day")


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)), st.sampled_from([None, "past", "present", "future"]))
def test_weekdays_stay_close(anchor: dt.date, tense: str | None) -> None:
    for weekday in range(7):
        day = resolve_weekday(weekday, anchor, tense)
        assert day.weekday() == weekday
        assert abs((day - anchor).days) <= 6
        if tense == "past":
            assert day <= anchor
        elif tense == "future":
            assert day >= anchor
        else:
            assert day.isocalendar()[:2] == anchor.isocalendar()[:2]
