"""Publication dates: declared-date normalisation and dateline detection."""

from __future__ import annotations

import datetime as dt

import pytest

from triangulate.readers import read_bytes
from triangulate.readers.dates import DateValue, find_dateline, parse_date

from .read_helpers import GERMAN, seed_texts, split

TODAY = dt.date(2025, 12, 31)
BODY = (
    "Die Bundesregierung hat am Montag neue Sanktionen angekündigt, wie ein Sprecher "
    "in Berlin vor Journalisten bestätigte und dabei weitere Schritte in Aussicht stellte."
)

DATELINES = [
    # (text, expected ISO date or None)
    ("Jürgen Meyer\nIZ 23.07. 25\n" + BODY, "2025-07-23"),
    ("23.07.2025\n" + BODY, "2025-07-23"),
    ("Berlin, 5. März 2024\n" + BODY, "2024-03-05"),
    ("Berlin, 5. Maerz 2024\n" + BODY, "2024-03-05"),
    ("Wien, 12. Dez. 2023\n" + BODY, "2023-12-12"),
    ("London, 5 March 2024\n" + BODY, "2024-03-05"),
    ("WASHINGTON, March 5, 2024\n" + BODY, "2024-03-05"),
    ("Published on Sept. 30, 2024 at 10:15 EST\n" + BODY, "2024-09-30"),
    ("2024-03-05\n" + BODY, "2024-03-05"),
    (BODY + "\nStand: 05.03.2024, 14:30 Uhr", "2024-03-05"),
    (BODY + "\n\nAktualisiert am 1.2.24 um 09:00 Uhr\n", "2024-02-01"),
    ("Montag, 4. November 2024\n" + BODY, "2024-11-04"),
    ("Moskau (dpa) – 6. Nov. 2024\n" + BODY, "2024-11-06"),
    ("The 5th March 2024\n" + BODY, "2024-03-05"),
    # negatives
    (BODY, None),
    ("Die Partei wurde am 9. September 1948 gegründet.\n" + BODY, None),
    ("Er kam am 5. März 2024 in Berlin an.\n" + BODY, None),
    (
        "Titel\n" + BODY + " Die Wahl fand am 5. März 2024 statt, wie alle wussten.\n" + BODY,
        None,
    ),
    ("31.02.2024\n" + BODY, None),  # no such day
    ("IZ 23.07. 99\n" + BODY, None),  # 2099 is in the future
    ("Tel. 030 12.34.56\n" + BODY, None),
    ("Version 1.2.3\n" + BODY, None),
    ("Seite 12\n" + BODY, None),
    ("Berlin, 5. März\n" + BODY, None),  # no year
    ("March 2024\n" + BODY, None),  # a month is no dateline
    ("\n".join(["Kopf"] * 4) + "\n" + "x" * 70 + " 5. März 2024\n" + BODY, None),
]


@pytest.mark.parametrize(("text", "expected"), DATELINES)
def test_find_dateline(text: str, expected: str | None) -> None:
    found = find_dateline(text, today=TODAY)
    assert (found.iso if found else None) == expected
    if found:
        assert found.precision == "day"


def test_dateline_table_is_large_enough() -> None:
    assert len(DATELINES) >= 20
    assert sum(1 for _, e in DATELINES if e is None) >= 8


def test_seed_001_dateline() -> None:
    found = find_dateline(seed_texts()[1], today=TODAY)
    assert found is not None and found.iso == "2025-07-23"


def test_seed_004_body_date_is_not_a_dateline() -> None:
    assert "9. September 1948" in seed_texts()[4]
    assert find_dateline(seed_texts()[4], today=TODAY) is None


@pytest.mark.parametrize(
    ("value", "iso", "precision"),
    [
        ("2024-11-06", "2024-11-06", "day"),
        ("2024-11-06T23:30:00-05:00", "2024-11-06", "day"),
        ("Tue, 05 Mar 2024 00:30:00 +0100", "2024-03-05", "day"),
        ("06.11.2024", "2024-11-06", "day"),
        ("6. November 2024", "2024-11-06", "day"),
        ("November 6, 2024", "2024-11-06", "day"),
        ("2024-11", "2024-11", "month"),
        ("März 2024", "2024-03", "month"),
        ("2024", "2024", "year"),
        (2024, "2024", "year"),
        (dt.date(2024, 1, 2), "2024-01-02", "day"),
        (dt.datetime(2024, 1, 2, 3, 4), "2024-01-02", "day"),
    ],
)
def test_parse_date(value: object, iso: str, precision: str) -> None:
    assert parse_date(value) == DateValue(iso, precision)


@pytest.mark.parametrize(
    "value", ["", "irgendwann", "2024-13-01", "31.02.2024", None, True, [2024]]
)
def test_parse_date_rejects(value: object) -> None:
    assert parse_date(value) is None


def test_given_precision_is_kept() -> None:
    value = parse_date("2024-11-06", "week")
    assert value is not None and (value.iso, value.precision) == ("2024-11-06", "week")
    other = parse_date("2024-11-06", "fortnight")
    assert other is not None and other.precision == "day"


def test_dateline_is_used_only_without_metadata() -> None:
    data = ("Berlin, 5. März 2024\n" + GERMAN).encode()
    (doc,), _ = split(list(read_bytes(data, "d.txt")))
    assert (doc.published, doc.published_source) == ("2024-03-05", "dateline")
    data = ("date: 2024-01-01\n---\nBerlin, 5. März 2024\n" + GERMAN).encode()
    (doc,), _ = split(list(read_bytes(data, "d.txt")))
    assert (doc.published, doc.published_source) == ("2024-01-01", "metadata")
