"""Properties of the scorer (hypothesis)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from triangulate.evaluation import LEVELS, load_records, score
from triangulate.evaluation.scorer import mention_items

GOLD = load_records(Path(__file__).resolve().parents[2] / "examples" / "eval" / "gold.jsonl")
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

CODES = ["PRK", "PRKGOV", "RUS", "RUSMIL", "CHN", "IGOUNO", "IGONAT", "UKR", "", None]
CAMEOS = ["010", "042", "057", "062", "072", "111", "190"]


def spans(limit: int = 300) -> st.SearchStrategy[list[int]]:
    return st.tuples(st.integers(0, limit), st.integers(1, 60)).map(lambda t: [t[0], t[0] + t[1]])


EVENTS = st.fixed_dictionaries(
    {
        "source": st.sampled_from(CODES),
        "target": st.sampled_from(CODES),
        "cameo": st.sampled_from(CAMEOS),
        "status": st.sampled_from(["asserted", "attributed", "planned"]),
        "date": st.sampled_from([None, "2024", "2024-10", "2024-10-28", "2024-10-28/2024-11-03"]),
        "date_precision": st.sampled_from(["unknown", "year", "month", "day", "range"]),
        "sentence": spans(),
    }
)
CLAIMS = st.fixed_dictionaries(
    {
        "value": st.one_of(st.integers(0, 200), st.floats(-1e6, 1e6, allow_nan=False)),
        "unit": st.sampled_from(["persons", "count", "percent"]),
        "sentence": spans(),
    }
)
QUOTES = st.fixed_dictionaries(
    {
        "speaker": st.sampled_from(["Lee", "Sung-Yoon Lee", "Kim Jong-un", "", None, "Xi"]),
        "text": spans(),
        "sentence": spans(),
    }
)
ACTORS = st.fixed_dictionaries(
    {"code": st.sampled_from(CODES), "mentions": st.lists(spans(), max_size=4)}
)


def records(doc_ids: list[str]) -> st.SearchStrategy[list[dict[str, Any]]]:
    one = st.fixed_dictionaries(
        {
            "doc_id": st.sampled_from(doc_ids),
            "events": st.lists(EVENTS, max_size=6),
            "claims": st.lists(CLAIMS, max_size=4),
            "quotes": st.lists(QUOTES, max_size=4),
            "actors": st.lists(ACTORS, max_size=4),
        }
    )
    return st.lists(one, max_size=4, unique_by=lambda r: r["doc_id"])


def sizes(recs: list[dict[str, Any]], level: str) -> int:
    if level.startswith("actors."):
        return sum(len(mention_items(r)) for r in recs)
    key = level.split(".")[0]
    return sum(len(r.get(key, [])) for r in recs)


@SETTINGS
@given(gold=records(["a", "b", "c"]), pred=records(["a", "b", "x"]))
def test_scores_are_bounded_and_counts_add_up(
    gold: list[dict[str, Any]], pred: list[dict[str, Any]]
) -> None:
    scores = score(gold, pred)
    scored_pred = [r for r in pred if r["doc_id"] in {g["doc_id"] for g in gold}]
    for level in LEVELS:
        c = scores.levels[level]
        for value in (c.precision, c.recall, c.f1):
            assert 0.0 <= value <= 1.0
        assert c.tp + c.fn == sizes(gold, level)
        assert c.tp + c.fp == sizes(scored_pred, level)
        assert len(scores.false_negatives[level]) == c.fn
        assert len(scores.false_positives[level]) == c.fp
        # levels that add a condition to the dyad never match more
        if level.startswith("events.") and level != "events.dyad_root":
            assert c.tp <= scores.levels["events.dyad_root"].tp


@st.composite
def gold_subsets(draw: st.DrawFn) -> list[dict[str, Any]]:
    subset = []
    for record in GOLD:
        if not draw(st.booleans()) and draw(st.booleans()):
            continue  # drop the document (about a quarter of the time)
        keep: dict[str, Any] = {"doc_id": record["doc_id"]}
        for key in ("events", "claims", "quotes", "actors"):
            items = record[key]
            mask = draw(st.lists(st.booleans(), min_size=len(items), max_size=len(items)))
            keep[key] = [item for item, kept in zip(items, mask, strict=True) if kept]
        thinned = []
        for actor in keep["actors"]:
            m = actor["mentions"]
            mask = draw(st.lists(st.booleans(), min_size=len(m), max_size=len(m)))
            thinned.append(
                {**actor, "mentions": [s for s, kept in zip(m, mask, strict=True) if kept]}
            )
        keep["actors"] = thinned
        draw(st.randoms()).shuffle(keep["events"])
        subset.append(keep)
    return subset


@SETTINGS
@given(subset=gold_subsets())
def test_a_subset_of_gold_has_perfect_precision(subset: list[dict[str, Any]]) -> None:
    scores = score(GOLD, subset)
    for level in LEVELS:
        c = scores.levels[level]
        assert c.fp == 0, level
        assert c.tp == sizes(subset, level), level
        if c.tp:
            assert c.precision == 1.0
        assert c.recall <= 1.0


@SETTINGS
@given(pred=records(["seed-000", "seed-003"]))
def test_scoring_never_raises_on_odd_items(pred: list[dict[str, Any]]) -> None:
    scores = score(GOLD, pred)
    assert set(scores.per_doc) == {r["doc_id"] for r in GOLD}
