"""The claims ledger: intervals, windows, agreement, contradiction, update, sources."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triangulate.analysis.ledger import build_ledger, interval


def row(value, asserted_by="author", *, doc="d1", item="soldiers", about=("PRKMIL", "RUS"), date=None,
        published="2024-11-06", predicate="sent", approximate=False, value_max=None, status="attributed",
        start=0):  # fmt: skip
    return {
        "doc_id": doc, "item": item, "value": value, "value_max": value_max, "unit": "persons",
        "approximate": approximate, "about": list(about), "predicate": predicate,
        "asserted_by": asserted_by, "date": date, "status": status, "published": published,
        "text_start": start, "text_end": start + 5, "evidence": "…",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("value", "value_max", "approximate", "predicate", "expected"),
    [
        (10_000, None, False, "sent", (10_000, 10_000)),
        (10_000, None, True, "sent (approximately)", (9_000, 11_000)),
        (10_000, None, True, "sent (at least)", (10_000, math.inf)),
        (10_000, None, True, "sent (more than)", (10_000, math.inf)),
        (30_000, None, True, "sent (up to)", (0, 30_000)),
        (10_000, 12_000, False, "sent", (10_000, 12_000)),
        (200_000, None, True, "sacrificed (vague plural: minimal reading)", (200_000, math.inf)),
    ],
)
def test_interval(value, value_max, approximate, predicate, expected):
    low, high = interval(value, value_max, approximate, predicate)
    assert low == pytest.approx(expected[0]) and high == pytest.approx(expected[1])


def test_disjoint_figures_from_two_sources_contradict():
    (w,) = build_ledger([row(10_000, "USAMIL", approximate=True, predicate="sent (approximately)"),
                         row(12_000, "UKRGOV", doc="d2")])  # fmt: skip
    assert [r.kind for r in w.relations] == ["contradict"] and w.contradicted


def test_overlapping_figures_agree():
    (w,) = build_ledger([row(10_000, "USAMIL", approximate=True, predicate="sent (approximately)"),
                         row(10_000, "KORSPY", doc="d2", predicate="sent (at least)", approximate=True)])  # fmt: skip
    assert [r.kind for r in w.relations] == ["agree"] and not w.contradicted


def test_same_asserter_later_figure_is_an_update():
    (w,) = build_ledger(
        [row(10_000, "KORSPY", date="2024-10"), row(11_000, "KORSPY", doc="d2", date="2024-12")]
    )
    assert [r.kind for r in w.relations] == ["update"]


def test_sources_are_counted_by_root_asserter():
    rows = [row(10_000, "USAMIL", doc=f"outlet-{i}", start=i) for i in range(5)] + [
        row(12_000, "UKRGOV", doc="kyiv")
    ]
    (w,) = build_ledger(rows)
    assert sorted(w.sources) == ["UKRGOV", "USAMIL"] and len(w.claims) == 6


def test_hypothetical_and_planned_figures_are_listed_not_compared():
    (w,) = build_ledger([row(10_000, "USAMIL"), row(30_000, "UKRSPY", doc="d2", status="hypothetical"),
                         row(6_000, "RUSMIL", doc="d3", status="planned")])  # fmt: skip
    assert len(w.claims) == 3 and w.relations == []


def test_windows_split_far_apart_dates_and_join_a_year_with_its_months():
    rows = [row(200_000, date="1950-06-25/1953-07-27"), row(14_000, "letter", date="2024"),
            row(10_000, "USAMIL", doc="d2", date="2024-10"), row(6_000, "RUSMIL", doc="d3", date="2025-06")]  # fmt: skip
    windows = build_ledger(rows)
    assert [len(w.claims) for w in windows] == [1, 2, 1]
    assert windows[1].start == "2024" and windows[1].end == "2024-10"


def test_variables_keep_items_countries_and_verbs_apart():
    rows = [row(10_000, "USAMIL"), row(10_000, "USAMIL", item="artillery shells"),
            row(254_920, "UKRMIL", about=("RUSMIL", "UKR"), predicate="lost"),
            row(500, "UKRMIL", predicate="lost")]  # fmt: skip
    assert len(build_ledger(rows)) == 4


def test_filters_by_item_and_about():
    rows = [row(10_000, "USAMIL"), row(5, "author", item="meetings", about=("RUSGOV", "PRKGOV")),
            row(254_920, "UKRMIL", about=("RUSMIL", "UKR"))]  # fmt: skip
    assert [w.item for w in build_ledger(rows, item="soldier")] == ["soldiers", "soldiers"]
    assert {w.item for w in build_ledger(rows, about=["PRK"])} == {"soldiers", "meetings"}
    assert build_ledger(rows, about=["JPN"]) == []


@given(st.lists(st.tuples(st.integers(1, 10**6), st.sampled_from(["A", "B", "C"]),
                          st.sampled_from([None, "2024", "2024-10", "2025-01-05"])), max_size=12))  # fmt: skip
def test_ledger_keeps_every_claim_once(items):
    rows = [row(v, who, doc=f"d{i}", date=d, start=i) for i, (v, who, d) in enumerate(items)]
    windows = build_ledger(rows)
    assert sum(len(w.claims) for w in windows) == len(rows)
    for w in windows:
        for r in w.relations:
            assert 0 <= r.a < r.b < len(w.claims)
