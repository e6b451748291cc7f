"""One event, many mentions: grouping across sentences and articles."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from triangulate.analysis.grouping import Mention, dates_compatible, group_events, group_mentions
from triangulate.pipeline import ingest, process
from triangulate.store import EventFilter, open_store

from ..conftest import SEEDS

XI_KIM_A = "Xi Jinping und Kim Jong-un hatten sich zuletzt im Juni 2019 in Pjöngjang getroffen."
XI_KIM_B = "Zuletzt hatten sich Xi und Kim im Juni 2019 in Pjöngjang getroffen, sagte der Experte."


def m(i, source, target, root, date, evidence, doc="d1", location=None):
    return Mention(i, doc, source, target, root, date, location, evidence)


def test_dates_compatible():
    assert dates_compatible("2019-06", "2019-06-20")
    assert dates_compatible("2019", "2019-06")
    assert dates_compatible(None, "2019-06")
    assert dates_compatible("2019-06-01/2024-11-06", "2023-09")
    assert not dates_compatible("2019-06", "2019-07")
    assert not dates_compatible("2019-04", "2019-06-01/2024-11-06")


def test_same_meeting_in_two_articles_is_one_group_either_order():
    g = group_mentions([m(1, "CHNGOV", "PRKGOV", "04", "2019-06", XI_KIM_A, "a"),
                        m(2, "PRKGOV", "CHNGOV", "04", "2019-06", XI_KIM_B, "b")])  # fmt: skip
    assert g[1] == g[2]


def test_different_months_roots_or_directions_stay_apart():
    base = m(1, "CHNGOV", "PRKGOV", "04", "2019-06", XI_KIM_A)
    others = [
        m(2, "CHNGOV", "PRKGOV", "04", "2018-03", XI_KIM_B, "b"),  # another meeting
        m(3, "CHNGOV", "PRKGOV", "11", "2019-06", XI_KIM_B, "c"),  # another root
        m(4, "PRKMIL", "RUS", "06", "2024-10", "Nordkorea schickte Soldaten nach Russland.", "d"),
        m(5, "RUS", "PRKMIL", "06", "2024-10", "Russland schickte Soldaten nach Nordkorea.", "e"),
    ]
    g = group_mentions([base, *others])
    assert len({g[1], g[2], g[3]}) == 3 and g[4] != g[5]


def test_unrelated_sentences_of_a_dyad_are_not_merged():
    g = group_mentions([
        m(1, "PRKMIL", "RUS", "06", None, "Nordkorea schickte 10.000 Soldaten zur Ausbildung nach Ostrussland."),
        m(2, "PRKMIL", "RUS", "06", None, "Pjöngjang verkauft Artilleriegranaten an Moskau.", "b"),
    ])  # fmt: skip
    assert g[1] != g[2]


def test_conflicting_locations_stay_apart():
    g = group_mentions([m(1, "RUSGOV", "PRKGOV", "04", "2023-09", "Putin traf Kim in Wladiwostok.", location="Wladiwostok"),
                        m(2, "RUSGOV", "PRKGOV", "04", "2023-09", "Putin traf Kim in Moskau.", "b", location="Moskau")])  # fmt: skip
    assert g[1] != g[2]


@given(st.lists(st.tuples(st.sampled_from(["PRK", "RUS", "CHN"]), st.sampled_from(["RUS", "PRK", "USA"]),
                          st.sampled_from(["04", "06", "19"]), st.sampled_from([None, "2024", "2024-10", "2024-10-03"]),
                          st.sampled_from(["Kim traf Putin", "Soldaten nach Russland", "Krieg gegen die Ukraine"])),
                max_size=25))  # fmt: skip
def test_every_mention_gets_a_group_and_groups_are_consistent(rows):
    mentions = [m(i, s, t, r, d, e, doc=f"d{i % 4}") for i, (s, t, r, d, e) in enumerate(rows)]
    g = group_mentions(mentions)
    assert set(g) == {x.id for x in mentions}
    for a in mentions:
        for b in mentions:
            if g[a.id] == g[b.id]:
                assert a.root == b.root


def test_processing_assigns_groups_and_counts_sources(tmp_path):
    store = open_store(tmp_path / "g.db")
    ingest([SEEDS], store)
    rep = process(store)
    assert rep.event_groups and rep.event_groups <= store.stats()["events"]
    rows = store.events()
    assert all(r["event_group"] for r in rows if r["source"] and r["target"])
    assert any(r["group_sources"] >= 2 for r in store.events(EventFilter(limit=10_000)))
    assert group_events(store) == rep.event_groups  # deterministic
    store.close()
