"""Rebuild the converted part of ``lang/en/event_lexicon.yaml`` from PETRARCH2's CAMEO.2.0.txt.

A maintenance tool, not used at run time::

    python -m triangulate.extract.event_cameo_convert /path/to/CAMEO.2.0.txt

It keeps the hand-written frames at the top of the English lexicon (everything
before the ``# ---- converted from CAMEO.2.0.txt`` line) and replaces the rest
with one entry per (verb block, code, preposition): the block's verb forms
(regular inflections generated, irregular ones as listed), the objects of its
``- * NOUN [code]`` patterns as ``need`` and the pattern's preposition as target.
Paired codes ``[042:043]`` keep the first.  Forms that the conversion codes wrongly
("suspected" -> 1121, "added" -> 1722, nouns such as "patrol" or "trains") are not
patched in the output but dropped at load time by the curated
``lang/en/event_lexicon_overrides.yaml`` (see ``event_lexicon.LEXICON_FILES``), so a
regeneration keeps them fixed.  CAMEO.2.0.txt is MIT-licensed,
(c) 2014/2015 Open Event Data Alliance (openeventdata/petrarch2).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import yaml

MARKER = "# ---- converted from CAMEO.2.0.txt"
# words that are mostly not event verbs in news English
_STOP_WORDS = (
    "according close closer near like be is are was were have has had do does did get gets got go "
    "goes went make makes made take takes took come comes came see sees saw say says said told tell "
    "tells put puts set sets keep keeps kept let lets run runs ran face faces faced mean means meant "
    "stand stands stood look looks looked open opens lead leads led expect expects expected expecting "
    "back backs head heads hold holds held turn turns turned"
)
STOP = set(_STOP_WORDS.split())
_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_PATTERN = re.compile(r"^-\s+\*\s+(.*?)\s*\[([0-9:]+)\]")
_VERB = re.compile(r"^([A-Z][A-Z_'-]*)\s*(\{([^}]*)\})?")
_SIMPLE = re.compile(r"(?:(\{[^}]*\}|&?[A-Z][A-Z'-]*))?\s*(?:\(([A-Z]+)\s*(?:\{?[^)]*)?\))?\s*\$?")


def _inflect(base: str) -> set[str]:
    head, *rest = base.split(" ")
    tail = (" " + " ".join(rest)) if rest else ""
    if head.endswith("e"):
        return {base, head + "s" + tail, head + "d" + tail, head[:-1] + "ing" + tail}
    if head.endswith(("s", "sh", "ch", "x", "z")):
        ends = ["es", "ed", "ing"]
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        return {base, head[:-1] + "ies" + tail, head[:-1] + "ied" + tail, head + "ing" + tail}
    else:
        ends = ["s", "ed", "ing"]
    return {base} | {head + e + tail for e in ends}


def _synonyms(lines: list[str]) -> dict[str, list[str]]:
    syn: dict[str, list[str]] = {}
    cur: str | None = None
    for line in lines:
        ln = line.split("#")[0].rstrip()
        if ln.startswith("---"):
            break
        if ln.startswith("&"):
            cur = ln.strip()[1:]
            syn[cur] = []
        elif ln.startswith("+") and cur and not ln.startswith("+ "):
            syn[cur].append(ln[1:].strip().replace("_", " ").lower())
        elif not ln.strip():
            cur = None
    return syn


def _noun(tok: str, syn: dict[str, list[str]]) -> str | None:
    tok = tok.strip()
    if tok.startswith("&"):
        members = syn.get(tok[1:].split()[0], [])
        return "|".join(re.escape(x) for x in members[:40]) or None
    if tok.startswith("{") and tok.endswith("}"):
        return re.escape(tok[1:-1].strip().lower()).replace(r"\ ", r"\s+")
    if re.fullmatch(r"[A-Z][A-Z'-]*", tok):
        return re.escape(tok.lower()) + r"\w{0,3}"
    return None


def convert(cameo_text: str) -> list[dict[str, Any]]:
    """The converted trigger entries of a CAMEO.2.0.txt verb dictionary."""
    lines = cameo_text.splitlines()
    syn = _synonyms(lines)
    blocks: list[dict[str, Any]] = []
    block: dict[str, Any] | None = None
    for line in lines:
        ln = line.split("#")[0].rstrip()
        m = _BLOCK.match(ln)
        if m:
            block = {"name": m.group(1), "code": m.group(2), "verbs": [], "patterns": []}
            blocks.append(block)
            continue
        if block is None or not ln.strip() or ln.startswith(("+", "&")):
            continue
        if ln.startswith("-"):
            pm = _PATTERN.match(ln)
            if pm:
                block["patterns"].append((pm.group(1).strip(), pm.group(2).split(":")[0]))
            continue
        vm = _VERB.match(ln.strip())
        if vm:
            base = vm.group(1).replace("_", " ").lower()
            irregular = [
                w.replace("_", " ").lower() for w in (vm.group(3) or "").split() if w[:1] != "+"
            ]
            forms = {base, *irregular} if irregular else _inflect(base)
            block["verbs"].extend(sorted(f for f in forms if f not in STOP))
    out: list[dict[str, Any]] = []
    for b in blocks:
        if not b["verbs"]:
            continue
        groups: dict[tuple[str, str | None, bool], list[str | None]] = {}
        for pat, code in b["patterns"]:
            m = _SIMPLE.fullmatch(pat)
            if not code.isdigit() or not m or not (m.group(1) or m.group(2)):
                continue
            need = _noun(m.group(1), syn) if m.group(1) else None
            if m.group(1) and need is None:
                continue
            prep = m.group(2).lower() if m.group(2) else None
            groups.setdefault((code, prep, need is None), []).append(need)
        for (code, prep, no_need), needs in groups.items():
            entry: dict[str, Any] = {
                "code": code,
                "forms": b["verbs"],
                "target": [prep, "obj"] if prep else ["obj"],
                "from": b["name"],
            }
            if not no_need:
                alts = sorted({n for n in needs if n})
                entry["need"] = "(?<![\\w-])(?:" + "|".join(alts) + ")"
            out.append(entry)
        default = b["code"].split(":")[0]
        if default.isdigit():
            out.append({"code": default, "forms": b["verbs"], "target": ["obj"], "from": b["name"]})
    out.sort(key=lambda e: 0 if "need" in e else 1)
    return out


def rebuild(cameo_path: Path, lexicon_path: Path) -> int:
    current = lexicon_path.read_text("utf-8")
    head = current.split(MARKER)[0].rstrip("\n") + "\n"
    entries = convert(cameo_path.read_text("utf-8"))
    body = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=200)
    lexicon_path.write_text(head + MARKER + "\n" + body, "utf-8")
    return len(entries)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.stderr.write(__doc__ or "")
        return 2
    target = Path(__file__).resolve().parent.parent / "lang" / "en" / "event_lexicon.yaml"
    n = rebuild(Path(argv[0]), target)
    sys.stdout.write(f"{n} entries written to {target}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
