"""Hand-made cases for each matching rule of docs/records.md "Scoring"."""

from __future__ import annotations

from typing import Any

import pytest

from triangulate.errors import EvaluationError
from triangulate.evaluation import score
from triangulate.evaluation.scorer import max_matching

SENT = [0, 100]


def event(
    source: str | None,
    target: str | None,
    cameo: str = "062",
    *,
    sentence: list[int] | None = None,
    status: str = "asserted",
    date: str | None = None,
    precision: str = "unknown",
) -> dict[str, Any]:
    return {
        "source": source,
        "target": target,
        "source_text": None,
        "target_text": None,
        "cameo": cameo,
        "root": cameo[:2],
        "plover": None,
        "goldstein": None,
        "status": status,
        "attributed_to": None,
        "date": date,
        "date_precision": precision,
        "location": None,
        "sentence": sentence or SENT,
        "trigger": [(sentence or SENT)[0], (sentence or SENT)[0] + 3],
    }


def claim(
    value: float, unit: str = "persons", *, sentence: list[int] | None = None
) -> dict[str, Any]:
    sentence = sentence or SENT
    return {
        "item": "soldiers",
        "value": value,
        "value_max": None,
        "approximate": False,
        "unit": unit,
        "about": ["PRKMIL"],
        "predicate": None,
        "asserted_by": "author",
        "date": None,
        "status": "asserted",
        "text": [sentence[0], sentence[0] + 5],
        "sentence": sentence,
    }


def quote(
    speaker: str | None, text: list[int], *, sentence: list[int] | None = None
) -> dict[str, Any]:
    return {"speaker": speaker, "speaker_code": None, "text": text, "sentence": sentence or SENT}


def actor(code: str | None, *mentions: list[int], aid: str = "a") -> dict[str, Any]:
    return {"id": aid, "name": aid, "type": "group", "code": code, "mentions": list(mentions)}


def record(doc_id: str = "d1", **items: list[dict[str, Any]]) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "doc_id": doc_id,
        "language": "de",
        "published": "2024-11-06",
        "genre": "report",
        "actors": [],
        "events": [],
        "claims": [],
        "quotes": [],
    }
    rec.update(items)
    return rec


def counts(level: str, gold: dict[str, Any], pred: dict[str, Any]) -> tuple[int, int, int]:
    c = score([gold], [pred]).levels[level]
    return (c.tp, c.fp, c.fn)


def ev_levels(g: dict[str, Any], p: dict[str, Any]) -> dict[str, int]:
    s = score([record(events=[g])], [record(events=[p])])
    return {level: s.levels[level].tp for level in s.levels if level.startswith("events.")}


# -- events: dyad and root ---------------------------------------------------


@pytest.mark.parametrize("cameo", ["040", "042", "043", "0431", "050", "057"])
def test_symmetric_roots_ignore_order(cameo: str) -> None:
    assert ev_levels(event("RUSGOV", "PRKGOV", cameo), event("PRKGOV", "RUSGOV", cameo)) == {
        "events.dyad_root": 1,
        "events.status": 1,
        "events.date": 1,
        "events.roles": 1,
    }


@pytest.mark.parametrize("cameo", ["030", "062", "072", "111", "190"])
def test_other_roots_need_the_order(cameo: str) -> None:
    levels = ev_levels(event("RUSGOV", "PRKGOV", cameo), event("PRKGOV", "RUSGOV", cameo))
    assert set(levels.values()) == {0}


def test_symmetric_roles_compare_in_the_matching_orientation() -> None:
    g, p = event("RUSGOV", "PRKMIL", "042"), event("PRKMIL", "RUSGOV", "040")
    assert ev_levels(g, p)["events.roles"] == 1
    assert ev_levels(g, event("PRKGOV", "RUSMIL", "040"))["events.roles"] == 0


def test_root_must_agree_not_the_full_code() -> None:
    assert (
        ev_levels(event("PRK", "RUS", "062"), event("PRK", "RUS", "061"))["events.dyad_root"] == 1
    )
    assert (
        ev_levels(event("PRK", "RUS", "062"), event("PRK", "RUS", "072"))["events.dyad_root"] == 0
    )


def test_sentences_must_overlap() -> None:
    g = event("PRK", "RUS", sentence=[0, 50])
    assert ev_levels(g, event("PRK", "RUS", sentence=[49, 80]))["events.dyad_root"] == 1
    assert ev_levels(g, event("PRK", "RUS", sentence=[50, 80]))["events.dyad_root"] == 0


def test_role_mismatch_counts_only_at_roles_level() -> None:
    levels = ev_levels(event("PRK", "RUSGOV"), event("PRKGOV", "RUSMIL"))
    assert levels == {
        "events.dyad_root": 1,
        "events.status": 1,
        "events.date": 1,
        "events.roles": 0,
    }


def test_igo_codes_are_all_country() -> None:
    assert ev_levels(event("IGOUNO", "PRK", "163"), event("IGOUNO", "PRKGOV", "163")) == {
        "events.dyad_root": 1,
        "events.status": 1,
        "events.date": 1,
        "events.roles": 0,
    }
    # IGOUNO and IGONAT share the first three letters but are different countries.
    assert (
        ev_levels(event("IGOUNO", "PRK", "163"), event("IGONAT", "PRK", "163"))["events.dyad_root"]
        == 0
    )


def test_missing_codes_never_match() -> None:
    assert ev_levels(event(None, "RUS"), event(None, "RUS"))["events.dyad_root"] == 0
    assert ev_levels(event("", "RUS"), event("", "RUS"))["events.dyad_root"] == 0


def test_status_level() -> None:
    levels = ev_levels(
        event("PRK", "RUS", status="attributed"), event("PRK", "RUS", status="asserted")
    )
    assert levels == {
        "events.dyad_root": 1,
        "events.status": 0,
        "events.date": 1,
        "events.roles": 1,
    }


# -- events: dates -----------------------------------------------------------


def date_tp(gold: tuple[str | None, str], pred: tuple[str | None, str]) -> int:
    g = event("PRK", "RUS", date=gold[0], precision=gold[1])
    p = event("PRK", "RUS", date=pred[0], precision=pred[1])
    levels = ev_levels(g, p)
    assert levels["events.dyad_root"] == 1
    return levels["events.date"]


@pytest.mark.parametrize(
    ("gold", "pred", "tp"),
    [
        (("2024-10", "month"), ("2024-10-28", "day"), 1),
        (("2024-10", "month"), ("2024-10", "month"), 1),
        (("2024-10", "month"), ("2024-11-02", "day"), 0),
        (("2024-10", "month"), ("2024", "year"), 0),
        (("2024-10", "month"), ("2024-10-01/2024-10-31", "range"), 1),
        (("2024-10", "month"), ("2024-10-28/2024-11-03", "range"), 0),
        (("2024", "year"), ("2024-03-05", "day"), 1),
        (("2024", "year"), ("2023-12", "month"), 0),
        (("2024-10-28", "day"), ("2024-10-28", "day"), 1),
        (("2024-10-28", "day"), ("2024-10-29", "day"), 0),
        (("2024-10-28", "day"), ("2024-10", "month"), 0),
        (("2024-10-28/2024-11-03", "range"), ("2024-10-28/2024-11-03", "range"), 1),
        (("2024-10-28/2024-11-03", "range"), ("2024-10-28/2024-11-02", "range"), 0),
        (("2024-10-28/2024-11-03", "range"), ("2024-10-28", "day"), 0),
        ((None, "unknown"), (None, "unknown"), 1),
        ((None, "unknown"), ("2024-11-06", "day"), 0),
        ((None, "unknown"), ("2024-11-06", "unknown"), 1),
        (("2024-10", "month"), (None, "unknown"), 0),
    ],
)
def test_date_at_gold_precision(
    gold: tuple[str | None, str], pred: tuple[str | None, str], tp: int
) -> None:
    assert date_tp(gold, pred) == tp


# -- one-to-one ----------------------------------------------------------------


def test_two_predictions_for_one_gold_give_one_tp_one_fp() -> None:
    g = record(events=[event("PRK", "RUS")])
    p = record(events=[event("PRK", "RUS"), event("PRKMIL", "RUS")])
    assert counts("events.dyad_root", g, p) == (1, 1, 0)


def test_one_prediction_for_two_gold_gives_one_tp_one_fn() -> None:
    g = record(events=[event("PRK", "RUS"), event("PRK", "RUS")])
    p = record(events=[event("PRK", "RUS")])
    assert counts("events.dyad_root", g, p) == (1, 0, 1)


def test_matching_is_maximum_not_greedy() -> None:
    # p0 matches g0 and g1, p1 only g0: greedy p0->g0 would leave p1 unmatched.
    g = record(claims=[claim(100, sentence=[0, 50]), claim(100, sentence=[40, 90])])
    p = record(claims=[claim(100, sentence=[30, 60]), claim(100, sentence=[0, 20])])
    assert counts("claims", g, p) == (2, 0, 0)


def test_max_matching_finds_augmenting_paths() -> None:
    assert max_matching([[0, 1], [0]], 2) == [1, 0]
    assert max_matching([[0], [0], [0, 1, 2]], 3).count(-1) == 1
    assert max_matching([[], []], 0) == [-1, -1]


# -- claims --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "pred", "tp"),
    [(10000, 10000, 1), (10000, 10100, 1), (10000, 9900, 1), (10000, 10101, 0),
     (10000, 9899, 0), (33.33, 33.3, 1), (0, 0, 1), (0, 0.001, 0)],
)  # fmt: skip
def test_claim_value_within_one_percent(gold: float, pred: float, tp: int) -> None:
    assert counts("claims", record(claims=[claim(gold)]), record(claims=[claim(pred)]))[0] == tp


def test_claim_unit_must_agree() -> None:
    g = record(claims=[claim(90, "percent")])
    assert counts("claims", g, record(claims=[claim(90, "count")])) == (0, 1, 1)
    assert counts("claims", g, record(claims=[claim(90, "percent", sentence=[200, 300])])) == (
        0,
        1,
        1,
    )


# -- quotes --------------------------------------------------------------------


def test_quote_half_overlap_of_the_longer_span() -> None:
    g = record(quotes=[quote("Sung-Yoon Lee", [10, 30])])
    assert counts("quotes", g, record(quotes=[quote("Lee", [20, 30])])) == (1, 0, 0)
    assert counts("quotes", g, record(quotes=[quote("Lee", [21, 30])])) == (0, 1, 1)
    assert counts("quotes", g, record(quotes=[quote("Lee", [20, 40])])) == (1, 0, 0)
    assert counts("quotes", g, record(quotes=[quote("Lee", [5, 45])])) == (1, 0, 0)
    assert counts("quotes", g, record(quotes=[quote("Lee", [0, 41])])) == (0, 1, 1)


@pytest.mark.parametrize(
    ("gold", "pred", "tp"),
    [
        ("Sung-Yoon Lee", "Lee", 1),
        ("Sung-Yoon Lee", "sung-yoon lee", 1),
        ("Pentagon-Sprecherin", "Pentagon-Sprecherin", 1),
        ("Selenskyj", "Sélenskyj", 1),
        ("Wolodymyr Selenskyj", "SELENSKYJ", 1),
        ("Kim Jong-un", "Kim Jong Un", 1),
        ("Xi Jinping", "Xi", 1),
        ("Sprecher des chinesischen Außenministeriums", "Aussenministeriums", 1),
        ("Sung-Yoon Lee", "Kim Jong-un", 0),
        ("Xi Jinping", "Putin", 0),
        ("Kreml", "", 0),
    ],
)
def test_quote_speaker_names(gold: str, pred: str, tp: int) -> None:
    g = record(quotes=[quote(gold, [10, 30])])
    assert counts("quotes", g, record(quotes=[quote(pred, [10, 30])]))[0] == tp


def test_quote_without_speaker_never_matches() -> None:
    g = record(quotes=[quote("Lee", [10, 30])])
    assert counts("quotes", g, record(quotes=[quote(None, [10, 30])])) == (0, 1, 1)


# -- actors --------------------------------------------------------------------


def test_actor_mentions_country_and_role() -> None:
    g = record(actors=[actor("PRKMIL", [0, 18], [40, 50])])
    p = record(actors=[actor("PRKGOV", [2, 10]), actor("PRKMIL", [40, 45], aid="b")])
    assert counts("actors.country", g, p) == (2, 0, 0)
    assert counts("actors.role", g, p) == (1, 1, 1)


def test_actor_mentions_igo_and_one_to_one() -> None:
    g = record(actors=[actor("IGOUNO", [0, 10])])
    p = record(actors=[actor("IGOUNO", [0, 5]), actor("IGONAT", [0, 10], aid="b")])
    assert counts("actors.country", g, p) == (1, 1, 0)
    assert counts("actors.role", g, p) == (1, 1, 0)


# -- documents -------------------------------------------------------------------


def test_empty_predictions_score_zero_without_errors() -> None:
    g = record(events=[event("PRK", "RUS")], claims=[claim(1)], quotes=[quote("Lee", [0, 5])],
               actors=[actor("PRK", [0, 3])])  # fmt: skip
    scores = score([g], [record()])
    for level, c in scores.levels.items():
        assert (c.precision, c.recall, c.f1) == (0.0, 0.0, 0.0), level
        assert c.tp == c.fp == 0 and c.fn == 1
    nothing = score([record()], [record()])
    assert all((c.precision, c.recall, c.f1) == (0.0, 0.0, 0.0) for c in nothing.levels.values())
    assert score([], []).levels["claims"].f1 == 0.0


def test_docs_missing_from_predictions_are_false_negatives() -> None:
    g1 = record("d1", events=[event("PRK", "RUS")])
    g2 = record("d2", events=[event("CHN", "PRK"), event("RUS", "UKR", "190")])
    scores = score([g1, g2], [record("d1", events=[event("PRK", "RUS")]), record("x9")])
    assert scores.missing_docs == ["d2"]
    assert scores.extra_docs == ["x9"]
    c = scores.levels["events.dyad_root"]
    assert (c.tp, c.fp, c.fn) == (1, 0, 2)
    assert scores.per_doc["d2"]["events.dyad_root"].fn == 2
    assert "x9" not in scores.per_doc
    assert [(e.doc_id, e.index) for e in scores.false_negatives["events.dyad_root"]] == [
        ("d2", 0),
        ("d2", 1),
    ]


def test_micro_average_over_documents() -> None:
    g = [record("a", claims=[claim(1)]), record("b", claims=[claim(i) for i in range(1, 4)])]
    p = [record("a", claims=[claim(1)]), record("b", claims=[claim(5)])]
    c = score(g, p).levels["claims"]
    assert (c.tp, c.fp, c.fn) == (1, 1, 3)
    assert c.precision == 0.5 and c.recall == 0.25
    assert c.f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)


def test_error_items_name_what_was_missed() -> None:
    g = record(events=[event("PRK", "RUS")])
    p = record(events=[event("CHN", "RUS")])
    s = score([g], [p])
    (fn,) = s.false_negatives["events.dyad_root"]
    (fp,) = s.false_positives["events.dyad_root"]
    assert (fn.kind, fn.item["source"], fn.span) == ("fn", "PRK", (0, 100))
    assert (fp.kind, fp.item["source"]) == ("fp", "CHN")


def test_duplicate_doc_ids_are_refused() -> None:
    with pytest.raises(EvaluationError, match="duplicate doc_id 'd1'"):
        score([record("d1"), record("d1")], [])
    with pytest.raises(EvaluationError, match="doc_id"):
        score([{"events": []}], [])


def test_metric_lookup() -> None:
    s = score([record(claims=[claim(1)])], [record(claims=[claim(1)])])
    assert s.metric("claims.f1") == 1.0
    assert s.metric("events.dyad_root.recall") == 0.0
    assert set(s.metrics()) >= {"claims.f1", "actors.country.precision"}
    with pytest.raises(KeyError):
        s.metric("claims.accuracy")
