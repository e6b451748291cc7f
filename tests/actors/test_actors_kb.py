"""The knowledge base: data files, word forms, dated roles, offices and user actor files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from triangulate.actors import ActorDataError, ActorLinker, inflect, load_knowledge_base
from triangulate.actors.gazetteer import gazetteer_for, tokenize
from triangulate.actors.kb import DATA_DIR, ROLES, document_day, split_code
from triangulate.errors import TriangulateError

from .test_actors_gold import _sentences

KB = load_knowledge_base(use_env=False)


def lookup(form: str, lang: str = "de") -> set[tuple[str, str]]:
    gaz = gazetteer_for(KB, lang)
    toks = tokenize(form)
    n, entries = gaz.longest(toks, 0, len(toks))
    return {(e.kind, e.target) for e in entries} if n == len(toks) else set()


# -- the data ----------------------------------------------------------------------------------


def test_countries_cover_the_world_and_the_special_cases() -> None:
    assert len(KB.countries) >= 200
    for code in ("PRK", "KOR", "CHN", "RUS", "UKR", "USA", "TWN", "XKX", "PSE", "SUN", "VAT"):
        assert code in KB.countries
    for country in KB.countries.values():
        assert country.names["de"] and country.names["en"]


def test_every_code_is_well_formed() -> None:
    pattern = re.compile(r"^(?:IGO[A-Z]{3}|[A-Z]{3})(?:[A-Z]{3})*$")
    for entity in KB.entities.values():
        codes = [entity.code, *(r.code for r in entity.roles)]
        for code in codes:
            assert pattern.match(code), (entity.id, code)
            country, roles = split_code(code)
            assert country.startswith("IGO") or country in KB.countries, (entity.id, code)
            assert all(roles[i : i + 3] in ROLES for i in range(0, len(roles), 3)), (
                entity.id,
                code,
            )


def test_igo_codes() -> None:
    expected = {
        "un": "IGOUNO",
        "un_sc": "IGOUNO",
        "nato": "IGONAT",
        "eu": "IGOEUR",
        "brics": "IGOBRC",
        "sco": "IGOSCO",
        "iaea": "IGOIAE",
        "g7": "IGOGOS",
        "g20": "IGOGTW",
        "asean": "IGOASN",
        "osce": "IGOOSC",
        "who": "IGOWHO",
        "imf": "IGOIMF",
        "world_bank": "IGOWBK",
        "wto": "IGOWTO",
        "african_union": "IGOAFU",
        "arab_league": "IGOARL",
    }
    for eid, code in expected.items():
        assert KB.entities[eid].code == code


def test_wikidata_ids_are_well_formed() -> None:
    qids = {e.id: e.qid for e in KB.entities.values() if e.qid}
    assert qids["putin"] == "Q7747" and qids["xi_jinping"] == "Q15031"
    assert all(re.match(r"^Q[1-9]\d*$", q) for q in qids.values())


def test_attribution_files_ship_with_the_data() -> None:
    assert "MIT License" in (DATA_DIR / "LICENSE.petrarch2.MIT.txt").read_text(encoding="utf-8")
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert "PETRARCH2" in readme and "countries.tsv" in readme
    assert "PETRARCH2" in (DATA_DIR / "agents_phoenix_en.tsv").read_text(encoding="utf-8")[:400]


# -- word forms --------------------------------------------------------------------------------


def test_german_adjective_forms_by_rule() -> None:
    assert inflect.german_adjective_forms("nordkoreanisch") == [
        "nordkoreanisch",
        "nordkoreanische",
        "nordkoreanischen",
        "nordkoreanischer",
        "nordkoreanisches",
        "nordkoreanischem",
    ]
    assert inflect.german_adjective_forms("Pekinger") == ["Pekinger"]


def test_german_demonym_and_noun_forms() -> None:
    assert set(inflect.german_demonym_forms("Nordkoreaner")) >= {
        "Nordkoreanern",
        "Nordkoreanerin",
        "Nordkoreanerinnen",
    }
    assert set(inflect.german_demonym_forms("Russe")) >= {"Russen", "Russin", "Russinnen"}
    assert set(inflect.german_demonym_forms("Deutsche*")) >= {"Deutscher", "Deutschen"}
    assert set(inflect.german_noun_forms("Sprecher", person=True)) >= {
        "Sprechers",
        "Sprecherin",
        "Sprecherinnen",
    }
    assert set(inflect.german_noun_forms("Soldat", person=True)) >= {"Soldaten", "Soldatin"}
    assert set(inflect.german_noun_forms("Außenministerium")) >= {
        "Außenministeriums",
        "Außenministerien",
    }
    assert set(inflect.german_noun_forms("Beauftragte", adjectival=True)) >= {
        "Beauftragter",
        "Beauftragten",
    }
    assert inflect.german_genitive_forms("Russland") == ["Russlands", "Russlandes"]
    assert inflect.german_genitive_forms("Kim Jong-un") == ["Kim Jong-uns", "Kim Jong-unes"]


def test_english_forms_and_variants() -> None:
    assert inflect.english_plural("spokesman") == "spokesmen"
    assert inflect.english_plural("militia") == "militias"
    assert inflect.english_plural("company") == "companies"
    assert inflect.english_demonym_forms("North Korean") == ["North Korean", "North Koreans"]
    assert inflect.english_demonym_forms("Chinese") == ["Chinese"]
    assert inflect.expand_optional("Vereinte(n) Nationen") == [
        "Vereinte Nationen",
        "Vereinten Nationen",
    ]
    assert "Kim Jong Un" in inflect.name_variants("Kim Jong-un")


@pytest.mark.parametrize(
    ("form", "lang", "expected"),
    [
        ("Nordkoreas", "de", ("name", "prk")),
        ("nordkoreanischem", "de", ("adj", "PRK")),
        ("Nordkoreanerinnen", "de", ("dem", "PRK")),
        ("Kiews", "de", ("name", "ukr_gov")),
        ("Kyjiw", "de", ("name", "ukr_gov")),
        ("Weißen Hauses", "de", ("name", "usa_gov")),
        ("Vereinten Nationen", "de", ("name", "un")),
        ("DPRK", "en", ("name", "prk")),
        ("North Koreans", "en", ("dem", "PRK")),
        ("Beijing", "en", ("name", "chn_gov")),
    ],
)
def test_gazetteer_knows_the_forms(form: str, lang: str, expected: tuple[str, str]) -> None:
    assert expected in lookup(form, lang)


def test_acronyms_match_only_in_capitals() -> None:
    assert ("name", "who") in lookup("WHO", "en")
    assert lookup("Who", "en") == set()
    assert ("name", "usa") not in lookup("us", "en")


# -- dates, roles, offices ---------------------------------------------------------------------


def test_document_day() -> None:
    assert document_day("2024-11-06") == "2024-11-06"
    assert document_day("2024-11") == "2024-11-15"
    assert document_day("2024") == "2024-07-01"
    assert document_day(None) is None and document_day("soon") is None


@pytest.mark.parametrize(
    ("person", "day", "code"),
    [
        ("shoigu", "2023-08-16", "RUSMIL"),
        ("shoigu", "2024-05-11", "RUSMIL"),
        ("shoigu", "2024-05-12", "RUSGOV"),
        ("shoigu", "2025-07-23", "RUSGOV"),
        ("belousov", "2023-08-16", "RUSGOV"),
        ("belousov", "2025-07-23", "RUSMIL"),
        ("trump", "2018-06-12", "USAGOV"),
        ("trump", "2022-06-01", "USAOPP"),
        ("trump", "2025-01-20", "USAGOV"),
        ("kallas", "2023-01-01", "ESTGOV"),
        ("kallas", "2025-07-01", "IGOEUR"),
        ("stalin", "2020-01-01", "SUNGOV"),
        ("trump", None, "USAGOV"),
    ],
)
def test_codes_by_date(person: str, day: str | None, code: str) -> None:
    assert KB.entities[person].code_at(day) == code


@pytest.mark.parametrize(
    ("country", "office", "day", "holder"),
    [
        ("RUS", "defence_minister", "2023-08-16", "shoigu"),
        ("RUS", "defence_minister", "2025-07-23", "belousov"),
        ("CHN", "foreign_minister", "2023-05-01", "qin_gang"),
        ("CHN", "foreign_minister", "2025-07-23", "wang_yi"),
        ("USA", "head_of_state", "2022-01-01", "biden"),
        ("USA", "head_of_state", "2025-03-01", "trump"),
        ("PRK", "leader", "2024-01-01", "kim_jong_un"),
        ("PRK", "leader", "2005-01-01", "kim_jong_il"),
        ("IGONAT", "secretary_general", "2023-01-01", "stoltenberg"),
        ("IGONAT", "secretary_general", "2025-01-01", "rutte"),
        ("KOR", "head_of_state", "2025-05-01", None),
    ],
)
def test_office_holders(country: str, office: str, day: str, holder: str | None) -> None:
    assert KB.holder(country, office, day) == holder


# -- user actor files --------------------------------------------------------------------------

USER_FILE = """\
actors:
  - id: acme_arms
    type: organisation
    code: USABUS
    name: ACME Arms
    names:
      de: [ACME Arms, ACME-Konzern]
      en: [ACME Arms]
  - id: jane_roe
    type: person
    gender: f
    names: [Jane Roe]
    short: [Roe]
    roles:
      - {code: USAGOV, from: 2021-01-20, to: 2025-01-20}
      - {code: USAELI, from: 2025-01-20}
"""


def _link(
    text: str, date: str, linker: ActorLinker, lang: str = "de"
) -> list[tuple[str, str, str]]:
    _, mentions = linker.link(text, _sentences(text, lang), lang, date)
    return [(m.text, m.code, m.actor_id) for m in mentions]


def test_user_actor_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(USER_FILE, encoding="utf-8")
    linker = ActorLinker(extra_files=[path], use_env=False)
    got = _link(
        "Der ACME-Konzern liefert Waffen, sagte Jane Roe. Roe bestätigte das.", "2022-05-01", linker
    )
    assert ("ACME-Konzern", "USABUS", "acme_arms") in got
    assert ("Jane Roe", "USAGOV", "jane_roe") in got and ("Roe", "USAGOV", "jane_roe") in got
    assert ("Jane Roe", "USAELI", "jane_roe") in _link("Jane Roe warnt.", "2025-06-01", linker)


def test_user_file_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "env.yaml"
    path.write_text(USER_FILE, encoding="utf-8")
    monkeypatch.setenv("TRIANGULATE_ACTORS", str(tmp_path))
    got = _link("ACME Arms expands.", "2022-01-01", ActorLinker(), lang="en")
    assert ("ACME Arms", "USABUS", "acme_arms") in got


def test_user_file_may_redefine_a_builtin_actor(tmp_path: Path) -> None:
    path = tmp_path / "override.yaml"
    path.write_text(
        "actors:\n  - id: feng_yujun\n    type: person\n    names: [Feng Yujun]\n    code: CHNELI\n",
        encoding="utf-8",
    )
    kb = load_knowledge_base([path], use_env=False)
    assert kb.entities["feng_yujun"].code == "CHNELI"
    assert KB.entities["feng_yujun"].code == "CHNEDU"  # the cached built-in base is untouched


BAD = [
    ("actors:\n  - id: x\n    code: RUSGOV\n    colour: red\n", 2, "unknown key"),
    ("actors:\n  - id: x\n    code: RUSXYZ\n", 2, "unknown role code"),
    ("actors:\n  - id: x\n    code: ZZZ\n", 2, "unknown country code"),
    ("actors:\n  - id: x\n    code: russia\n", 2, "malformed actor code"),
    (
        "actors:\n  - id: x\n    type: person\n    roles:\n      - {code: RUSGOV, from: 2020-13}\n",
        5,
        "YYYY",
    ),
    (
        "actors:\n  - id: x\n    type: person\n    roles:\n      - {code: RUSGOV, from: 2020, to: 2019}\n",
        5,
        "ends before",
    ),
    (
        "actors:\n  - id: x\n    type: person\n    roles:\n      - {code: RUSGOV, office: tsar}\n",
        5,
        "unknown office",
    ),
    ("actors:\n  - id: x\n    type: alien\n    code: RUS\n", 2, "unknown type"),
    ("actors:\n  - id: Bad Id\n    code: RUS\n", 2, "malformed id"),
    ("actors:\n  - id: x\n    names: {fr: [Russie]}\n    code: RUS\n", 3, "unknown language"),
    ("actors:\n  - id: x\n    code: RUS\n  - id: x\n    code: RUS\n", 4, "duplicate id"),
    ("actors:\n  - id: x\n    code: [RUS\n", 4, "flow sequence at line 3"),
    ("actors:\n  - id: x\n    names: [A]\n", 2, "needs a code"),
    ("people:\n  - id: x\n", 1, "unknown top-level key"),
]


@pytest.mark.parametrize(("content", "line", "message"), BAD, ids=[b[2] for b in BAD])
def test_malformed_user_entries_name_file_and_line(
    tmp_path: Path, content: str, line: int, message: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ActorDataError) as info:
        load_knowledge_base([path], use_env=False)
    err = info.value
    assert isinstance(err, TriangulateError) and isinstance(err, ValueError)
    assert err.code == "T501"
    assert err.path == str(path) and err.line == line, str(err)
    assert f"{path}:{line}:" in str(err) and message in str(err)


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(ActorDataError, match="no such actor file"):
        load_knowledge_base([tmp_path / "nope.yaml"], use_env=False)


def test_loaded_once() -> None:
    assert load_knowledge_base(use_env=False) is KB
    assert gazetteer_for(KB, "de") is gazetteer_for(KB, "de")
