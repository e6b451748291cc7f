"""Plain-text reports of :class:`~triangulate.evaluation.scorer.Scores`.

``format_scores`` prints the table (level, P, R, F1, tp, fp, fn), optionally
per document and with the unmatched items of some levels; ``format_errors``
lists one level's false negatives and false positives, each with an excerpt of
the document text when the texts are given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from triangulate.errors import UsageError

from .scorer import LEVELS, Counts, ErrorItem, Scores

EXCERPT_CHARS = 160
MENTION_CONTEXT = 40

_HEADER = ("level", "P", "R", "F1", "tp", "fp", "fn")


def _table(rows: Mapping[str, Counts], indent: str = "") -> list[str]:
    cells = [_HEADER] + [
        (
            level,
            f"{c.precision:.3f}",
            f"{c.recall:.3f}",
            f"{c.f1:.3f}",
            str(c.tp),
            str(c.fp),
            str(c.fn),
        )
        for level, c in rows.items()
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(len(_HEADER))]
    lines = []
    for row in cells:
        first = row[0].ljust(widths[0])
        rest = [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        lines.append(indent + "  ".join([first, *rest]))
    return lines


def select_levels(spec: str) -> list[str]:
    """Levels named by ``spec``: a level (``"events.date"``), a group (``"events"``) or ``"all"``.

    Raises :class:`~triangulate.errors.UsageError` for a name that selects nothing.
    """
    if spec == "all":
        return list(LEVELS)
    if spec in LEVELS:
        return [spec]
    chosen = [level for level in LEVELS if level.startswith(spec + ".")]
    if not chosen:
        groups = sorted({level.split(".")[0] for level in LEVELS})
        raise UsageError(
            f"unknown scoring level {spec!r}; use one of {', '.join(LEVELS)}, "
            f"a group ({', '.join(groups)}) or 'all'"
        )
    return chosen


def format_scores(
    scores: Scores,
    *,
    per_doc: bool = False,
    errors: str | None = None,
    docs: Mapping[str, str] | None = None,
) -> str:
    """The score table; ``per_doc`` adds one table per document, ``errors`` the unmatched items.

    ``errors`` is a level, a group of levels (``"events"``) or ``"all"``; with
    ``docs`` (doc id -> text) every listed item shows its text excerpt.
    """
    lines = _table(scores.levels)
    if scores.missing_docs:
        lines.append("")
        lines.append(
            f"no prediction for {len(scores.missing_docs)} gold document(s) "
            f"(all their items count as false negatives): {', '.join(scores.missing_docs)}"
        )
    if scores.extra_docs:
        lines.append("")
        lines.append(
            f"ignored {len(scores.extra_docs)} predicted document(s) not in the gold: "
            f"{', '.join(scores.extra_docs)}"
        )
    if per_doc:
        for doc_id, levels in scores.per_doc.items():
            lines.append("")
            lines.append(doc_id + (" (no prediction)" if doc_id in scores.missing_docs else ""))
            lines.extend(_table(levels, indent="  "))
    if errors is not None:
        lines.append("")
        lines.append(format_errors(scores, errors, docs))
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _clip(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = _one_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _cut(text: str | None, span: object) -> str | None:
    if text is None or not isinstance(span, (list, tuple)) or len(span) != 2:
        return None
    start, end = span
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
        return None
    return text[start:end]


def describe(error: ErrorItem) -> str:
    """A one-line summary of an unmatched item (without text excerpts)."""
    item: dict[str, Any] = error.item
    group = error.level.split(".")[0]
    if group == "events":
        date = item.get("date") or "no date"
        return (
            f"{item.get('source')} -> {item.get('target')} {item.get('cameo')} "
            f"[{item.get('status')}, {date}]"
        )
    if group == "claims":
        about = ", ".join(str(a) for a in item.get("about") or [])
        return f"{item.get('value')} {item.get('unit')} ({item.get('item')}; {about})"
    if group == "quotes":
        return f"{item.get('speaker')} [{item.get('speaker_code')}]"
    return f"{item.get('code')} ({item.get('actor')}: {item.get('name')})"


def _excerpt_lines(error: ErrorItem, text: str | None) -> list[str]:
    if text is None:
        return []
    item = error.item
    group = error.level.split(".")[0]
    out: list[str] = []
    if group == "actors":
        span = error.span
        mention = _cut(text, list(span) if span else None)
        if span and mention is not None:
            left = _one_line(text[max(0, span[0] - MENTION_CONTEXT) : span[0]])
            right = _one_line(text[span[1] : span[1] + MENTION_CONTEXT])
            out.append(f"mention: …{left} [{_one_line(mention)}] {right}…")
        return out
    focus = {"events": "trigger", "claims": "text", "quotes": "text"}[group]
    focused = _cut(text, item.get(focus))
    if focused is not None:
        out.append(f"{focus}: {_clip(focused)!r}")
    sentence = _cut(text, item.get("sentence"))
    if sentence is not None:
        out.append(f"sentence: {_clip(sentence)}")
    return out


def _section(title: str, errors: Sequence[ErrorItem], docs: Mapping[str, str] | None) -> list[str]:
    lines = [f"  {title} ({len(errors)})"]
    for error in errors:
        where = f"{error.doc_id} {error.level.split('.')[0]}[{error.index}]"
        lines.append(f"    {where}: {describe(error)}")
        text = docs.get(error.doc_id) if docs is not None else None
        lines.extend(f"        {line}" for line in _excerpt_lines(error, text))
    return lines


def format_errors(scores: Scores, level: str, docs: Mapping[str, str] | None = None) -> str:
    """The false negatives (missed gold items) and false positives of a level.

    ``level`` is a level (``"events.date"``), a group of levels (``"events"``,
    ``"actors"``) or ``"all"``; a group lists each of its levels in turn.
    With ``docs`` (doc id -> document text) each item shows its trigger, claim
    or quote text and its sentence, or the actor mention in context.
    """
    return "\n\n".join(_level_errors(scores, name, docs) for name in select_levels(level))


def _level_errors(scores: Scores, level: str, docs: Mapping[str, str] | None) -> str:
    fns = scores.false_negatives.get(level, [])
    fps = scores.false_positives.get(level, [])
    lines = [f"{level}: {len(fns)} false negative(s), {len(fps)} false positive(s)"]
    lines.extend(_section("false negatives (gold, not matched)", fns, docs))
    lines.extend(_section("false positives (predicted, not matched)", fps, docs))
    return "\n".join(lines)
