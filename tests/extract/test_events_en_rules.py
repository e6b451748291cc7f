"""English event rules: the curated overrides (``lang/en/event_lexicon_overrides.yaml``:
drop rules for noisy converted CAMEO forms, frames tried first; German untouched) and the
English argument rules (expert speakers, agentless passives, whole-word object nouns)."""

from __future__ import annotations

import pytest

from triangulate.extract.event_lexicon import _apply_drops, _drops, lexicon

from .test_events_cases import events_of


def _codes(form: str, lang: str = "en") -> set[str]:
    return {e.code for e in lexicon(lang).entries if e.pattern.fullmatch(form)}


def test_drop_removes_forms_for_listed_codes_only() -> None:
    drops = _drops({"drop": [{"forms": ["Added"], "codes": ["1722"]}, {"forms": ["patrol"]}]})
    shared = ["add", "added", "patrol"]
    raw = {"code": "1722", "forms": shared}
    assert _apply_drops(raw, drops)["forms"] == ["add"]
    assert shared == ["add", "added", "patrol"]  # a shared YAML anchor is not mutated
    assert _apply_drops({"code": "163", "forms": shared}, drops)["forms"] == ["add", "added"]


@pytest.mark.parametrize(
    ("form", "bad"),
    [
        ("suspected", "1121"),
        ("patrol", "150"),
        ("parade", "150"),
        ("adding", "1722"),
        ("added", "1722"),
        ("distance", "016"),
        ("preparing", "036"),
        ("monitor", "030"),
        ("remains", "110"),
        ("wants", "138"),
        ("shells", "190"),
        ("allies", "0311"),
    ],
)
def test_noisy_converted_codes_are_gone(form: str, bad: str) -> None:
    assert bad not in _codes(form)


def test_german_lexicon_has_no_overrides() -> None:
    # German has no overrides file: its lexicon loads unchanged
    assert lexicon("de").entries


@pytest.mark.parametrize(
    "text",
    [
        "Greece sent a patrol boat after Turkey staged a military parade.",
        "Freight trains carry grain from Ukraine to Poland.",
        "Spain said its allies remain committed, adding that the talks would continue.",
        "Chile wants to distance itself from the dispute.",
        "Chinese shipping companies met Syrian officials.",
        "Iran and Iraq plan to build a new railway.",
    ],
)
def test_no_noise_events(text: str) -> None:
    codes = {e.cameo for e in events_of("en", text)}
    assert not codes & {"150", "1722", "016", "0311", "190", "138", "036", "039"}


def test_expert_speaker_has_no_statement() -> None:
    text = "“Iran is arming Syria,” said Li Wei, a researcher at the Fudan Institute in Beijing."
    assert not [e for e in events_of("en", text) if e.root == "01"]


def test_shipping_companies_are_no_delivery() -> None:
    text = "Britain fined two Greek shipping companies for carrying Iranian oil."
    assert not [e for e in events_of("en", text) if e.cameo == "072"]


def test_weapon_words_are_whole_words() -> None:
    # "tanker" is no "tank": a fuel transfer is no arms transfer
    text = "Greece reported a fuel transfer from Turkey to an Iranian tanker."
    assert not [e for e in events_of("en", text) if e.cameo == "072"]


def test_agentless_passive_has_no_speaker_as_source() -> None:
    text = "Ukraine said 300 Russian soldiers had been killed near Bakhmut."
    assert not [e for e in events_of("en", text) if e.root in ("18", "19", "20")]
