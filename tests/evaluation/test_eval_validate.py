"""The validator catches each class of malformed record."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from triangulate.evaluation import validate_record, validate_records

TEXT = "„Wir schicken 10.000 Soldaten“, sagte Kim. Nordkorea schickt Soldaten nach Russland."
#       0         1         2         3         4         5         6         7         8


def valid() -> dict[str, Any]:
    return {
        "doc_id": "v-1",
        "language": "de",
        "published": "2024-11-06",
        "genre": "report",
        "actors": [
            {
                "id": "kim",
                "name": "Kim Jong-un",
                "type": "person",
                "code": "PRKGOV",
                "mentions": [[38, 41]],
            },
            {
                "id": "prk",
                "name": "Nordkorea",
                "type": "country",
                "code": "PRK",
                "mentions": [[43, 52]],
            },
        ],  # fmt: skip
        "events": [
            {
                "source": "PRK",
                "target": "RUS",
                "source_text": "Nordkorea",
                "target_text": "Russland",
                "cameo": "062",
                "root": "06",
                "plover": "COOPERATE",
                "goldstein": 7.4,
                "status": "asserted",
                "attributed_to": None,
                "date": "2024-10",
                "date_precision": "month",
                "location": None,
                "sentence": [43, 84],
                "trigger": [53, 60],
            }  # fmt: skip
        ],
        "claims": [
            {
                "item": "soldiers",
                "value": 10000,
                "value_max": None,
                "approximate": False,
                "unit": "persons",
                "about": ["PRKMIL"],
                "predicate": "sent",
                "asserted_by": "PRKGOV",
                "date": None,
                "status": "attributed",
                "text": [14, 20],
                "sentence": [0, 42],
            }  # fmt: skip
        ],
        "quotes": [
            {"speaker": "Kim", "speaker_code": "PRKGOV", "text": [1, 29], "sentence": [0, 42]}
        ],
    }


def test_the_base_record_is_valid() -> None:
    assert TEXT[1:29] == "Wir schicken 10.000 Soldaten"
    assert TEXT[43:84] == "Nordkorea schickt Soldaten nach Russland."
    assert validate_record(valid(), text=TEXT) == []


def set_(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    def mutate(rec: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = rec
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        if value is DELETE:
            del node[int(last) if last.isdigit() else last]
        else:
            node[int(last) if last.isdigit() else last] = value

    return mutate


DELETE = object()

CASES: list[tuple[str, str, object, str]] = [
    # (id, path, new value, expected fragment of the problem)
    ("missing top key", "quotes", DELETE, "missing key(s) quotes"),
    ("empty doc_id", "doc_id", "", "doc_id '' is not a non-empty string"),
    ("bad genre", "genre", "news", "unknown genre 'news'"),
    ("bad published", "published", "06.11.2024", "published '06.11.2024'"),
    ("published range", "published", "2024-11-01/2024-11-06", "published is a range"),
    ("items not a list", "events", {}, "events is not a list"),
    ("item not an object", "claims.0", 5, "claims[0]: not a JSON object"),
    ("missing event key", "events.0.trigger", DELETE, "events[0]: missing key(s) trigger"),
    ("span of three", "events.0.sentence", [1, 2, 3], "sentence [1, 2, 3] is not a [start, end]"),
    ("span of strings", "events.0.trigger", ["53", "60"], "is not a [start, end] pair"),
    ("span of bools", "events.0.trigger", [True, 60], "is not a [start, end] pair"),
    ("span as dict", "claims.0.text", {"start": 1}, "is not a [start, end] pair"),
    ("start > end", "events.0.trigger", [60, 53], "has start > end"),
    ("empty span", "events.0.trigger", [53, 53], "is empty"),
    ("negative span", "actors.0.mentions.0", [-1, 3], "starts before 0"),
    ("root mismatch", "events.0.root", "07", "root '07' != cameo[:2] '06'"),
    ("bad cameo", "events.0.cameo", "62", "root '06' != cameo[:2] '62'"),
    ("cameo not digits", "events.0.cameo", "06a", "not a string of 2 to 4 digits"),
    ("cameo too long", "events.0.cameo", "06211", "not a string of 2 to 4 digits"),
    ("cameo root out of range", "events.0.cameo", "21", "has no root 01..20"),
    ("unknown plover", "events.0.plover", "DEMAND", "unknown plover 'DEMAND'"),
    ("unknown status", "events.0.status", "alleged", "unknown status 'alleged'"),
    ("unknown claim status", "claims.0.status", "fact", "unknown status 'fact'"),
    ("goldstein range", "events.0.goldstein", 12, "goldstein 12 is not a number in -10..10"),
    ("goldstein type", "events.0.goldstein", "7.4", "goldstein '7.4'"),
    ("bad source code", "events.0.source", "prk", "source: code 'prk' is not a country code"),
    ("unknown role", "events.0.target", "RUSXYZ", "unknown role code(s) XYZ"),
    ("short code", "actors.0.code", "PR", "code 'PR' is not a country code"),
    ("null actor code", "actors.0.code", None, "missing code"),
    ("bad about code", "claims.0.about", ["PRKMIL", "Nordkorea"], "about[1]: code 'Nordkorea'"),
    ("about not list", "claims.0.about", "PRKMIL", "about is not a list"),
    ("actor type", "actors.1.type", "state", "unknown type 'state'"),
    ("duplicate actor id", "actors.1.id", "kim", "duplicate actor id(s) kim"),
    ("duplicate mention", "actors.0.mentions", [[38, 41], [38, 41]], "listed twice"),
    ("trigger outside", "events.0.trigger", [10, 20], "trigger lies outside its sentence"),
    ("claim text outside", "claims.0.text", [50, 55], "text lies outside its sentence"),
    ("quote outside", "quotes.0.sentence", [43, 84], "text does not overlap its sentence"),
    ("value not number", "claims.0.value", "10000", "value '10000' is not a number"),
    ("value bool", "claims.0.value", True, "value True is not a number"),
    ("value_max below", "claims.0.value_max", 10, "value_max 10 < value 10000"),
    ("approximate", "claims.0.approximate", "yes", "approximate 'yes' is not true/false"),
    ("unit", "claims.0.unit", "Persons", "unit 'Persons' not in"),
    ("unit kg", "claims.0.unit", "kg", "unit 'kg' not in"),
    ("claim date", "claims.0.date", "Oktober 2024", "date 'Oktober 2024'"),
    ("empty speaker", "quotes.0.speaker", " ", "speaker ' ' is not a non-empty string"),
    ("speaker code", "quotes.0.speaker_code", "Kim", "speaker_code: code 'Kim'"),
    ("location type", "events.0.location", 5, "location 5 is neither"),
    ("day precision, month date", "events.0.date_precision", "day", "'2024-10' does not fit precision 'day'"),
    ("bad month", "events.0.date", "2024-13", "'2024-13' does not fit precision 'month'"),
    ("week precision", "events.0.date_precision", "week", "unknown date_precision 'week'"),
    ("null date with precision", "events.0.date", None, "date is null but date_precision is 'month'"),
    ("date with unknown", "events.0.date_precision", "unknown", "given but date_precision is 'unknown'"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("path", "value", "fragment"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_malformation_is_reported(path: str, value: object, fragment: str) -> None:
    rec = valid()
    set_(path, value)(rec)
    problems = validate_record(rec)
    assert any(fragment in p for p in problems), problems
    assert all(p.startswith(("v-1: ", "record: ")) for p in problems)


@pytest.mark.parametrize(
    ("date", "precision", "ok"),
    [
        ("2024-10-28", "day", True),
        ("2024-02-30", "day", False),
        ("2024", "year", True),
        ("24", "year", False),
        ("2024-10-28/2024-11-03", "range", True),
        ("2024-11-03/2024-10-28", "range", False),
        ("2024-10/2024-11", "range", False),
        ("2024-10-28", "range", False),
        (None, "unknown", True),
    ],
)
def test_event_date_formats(date: str | None, precision: str, ok: bool) -> None:
    rec = valid()
    rec["events"][0].update(date=date, date_precision=precision)
    assert (validate_record(rec) == []) is ok


@pytest.mark.parametrize(
    "unit", ["persons", "count", "percent", "km", "factor", "tonnes", "USD", "EUR"]
)
def test_allowed_units(unit: str) -> None:
    rec = valid()
    rec["claims"][0]["unit"] = unit
    assert validate_record(rec) == []


def test_plover_rules_from_records_md() -> None:
    rec = valid()
    rec["events"][0].update(cameo="010", root="01", plover="CONSULT")
    assert any("root 01 (must be null)" in p for p in validate_record(rec))
    rec["events"][0].update(cameo="100", root="10", plover="ACCUSE")
    assert any("must be REQUEST" in p for p in validate_record(rec))
    rec["events"][0].update(cameo="1054", root="10", plover="REQUEST")
    assert validate_record(rec) == []


def test_extra_keys_are_allowed() -> None:
    rec = valid()
    rec["annotator"] = "A"
    rec["events"][0]["note"] = "a decision"
    assert validate_record(rec) == []


def test_spans_past_the_text_end() -> None:
    rec = valid()
    rec["events"][0]["sentence"] = [43, 400]
    assert validate_record(rec) == []
    assert any("ends past the text" in p for p in validate_record(rec, text=TEXT))


def test_quote_must_sit_inside_quotation_marks() -> None:
    rec = valid()
    rec["quotes"][0]["text"] = [2, 29]
    assert validate_record(rec) == []
    assert any("not directly inside quotation marks" in p for p in validate_record(rec, text=TEXT))


def test_not_a_mapping() -> None:
    not_a_record: Any = [1, 2]
    assert validate_record(not_a_record) == ["record: not a JSON object (list)"]


def test_file_level_checks() -> None:
    a, b = valid(), copy.deepcopy(valid())
    c = valid()
    c["doc_id"] = "v-2"
    problems = validate_records([a, b, c], docs={"v-1": TEXT}, source="gold.jsonl")
    assert "gold.jsonl: v-1: duplicate doc_id (records 1 and 2)" in problems
    assert "gold.jsonl: v-2: no document text for this doc_id" in problems
    assert validate_records([a, c]) == []
