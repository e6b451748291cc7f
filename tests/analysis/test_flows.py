"""Flows: who gives what to whom, from events and claims."""

from __future__ import annotations

from triangulate.analysis.flows import build_flows, categories, event_category


def ev(source, target, cameo, evidence, status="asserted", date=None, doc="d1"):
    return {"doc_id": doc, "source": source, "target": target, "cameo": cameo, "status": status,
            "date": date, "evidence": evidence, "attributed_to": None}  # fmt: skip


def cl(
    value, item, about, predicate, asserted_by="author", status="attributed", date=None, doc="d1"
):
    return {"doc_id": doc, "item": item, "value": value, "value_max": None, "unit": "persons",
            "approximate": False, "about": about, "predicate": predicate, "asserted_by": asserted_by,
            "date": date, "status": status, "published": "2024-11-06", "text_start": 0, "text_end": 3,
            "evidence": "…"}  # fmt: skip


def test_categories_load_from_data():
    names = [c.name for c in categories()]
    assert "soldiers" in names and "munitions and weapons" in names and "energy" in names


def test_event_category_by_sentence_words_then_code_default():
    assert event_category("062", "Nordkorea schickte 10.000 Soldaten nach Russland.") == "soldiers"
    assert event_category("072", "Pjöngjang liefert Granaten an Moskau.") == "munitions and weapons"
    assert (
        event_category("072", "Nordkorea unterstützt Russland militärisch.") == "military support"
    )
    assert event_category("070", "China liefert Öl an Nordkorea.") == "energy"
    assert event_category("190", "Soldaten kämpfen in der Ukraine.") is None
    sentence = "Nordkorea schickt Soldaten und liefert Raketen an Russland."
    assert (
        event_category("072", sentence, focus="und liefert Raketen an") == "munitions and weapons"
    )
    assert event_category("042", "Kim besuchte Putin.") is None


def test_events_and_claims_make_flows_with_quantities():
    events = [
        ev(
            "PRKMIL",
            "RUS",
            "062",
            "Nordkorea hat Soldaten nach Russland geschickt.",
            "attributed",
            "2024-10",
        ),
        ev(
            "PRKGOV", "RUSGOV", "072", "Nordkorea liefert Artilleriegranaten an Russland.", doc="d2"
        ),
        ev(
            "RUSGOV",
            "PRKGOV",
            "070",
            "Russland hilft Nordkorea mit Technologie für Satelliten.",
            doc="d3",
        ),
        ev("PRKMIL", "UKR", "190", "Nordkoreanische Soldaten kämpfen gegen die Ukraine."),
    ]
    claims = [
        cl(10_000, "soldiers", ["PRKMIL"], "sent (approximately)", "USAMIL", date="2024-10"),
        cl(12_000, "soldiers", ["RUS", "PRKMIL"], "sent", "UKRGOV", doc="d4"),
        cl(254_920, "soldiers", ["RUSMIL", "UKR"], "lost", "UKRMIL"),
        cl(90, "share of imports", ["PRK", "CHN"], "obtains (approximately)", "author", "asserted"),
    ]
    flows = {(f.giver, f.receiver, f.category): f for f in build_flows(events, claims)}
    soldiers = flows[("PRK", "RUS", "soldiers")]
    assert len(soldiers.events) == 1 and sorted(q.value for q in soldiers.quantities) == [
        10_000,
        12_000,
    ]
    assert {q.source for q in soldiers.quantities} == {"USAMIL", "UKRGOV"}
    assert ("PRK", "RUS", "munitions and weapons") in flows
    assert ("RUS", "PRK", "technology") in flows
    assert ("CHN", "PRK", "money and trade") in flows  # "obtains" reverses the direction
    assert not any(k[1] == "UKR" for k in flows)  # fighting and losses are no flows
    assert soldiers.statuses == {"attributed": 1} and soldiers.dates == ("2024-10", "2024-11-06")


def test_filters():
    events = [ev("PRKMIL", "RUS", "062", "Soldaten"), ev("RUSGOV", "PRKGOV", "070", "Technologie")]
    assert [f.giver for f in build_flows(events, [], giver="prk")] == ["PRK"]
    assert [f.receiver for f in build_flows(events, [], receiver="PRK")] == ["PRK"]
    assert [f.category for f in build_flows(events, [], category="tech")] == ["technology"]
    assert build_flows([ev("RUS", "RUSMIL", "062", "Soldaten")], []) == []  # domestic
