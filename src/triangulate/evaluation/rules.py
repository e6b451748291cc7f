"""The matching rules of ``docs/records.md`` ("Scoring") as small pure functions.

Every predicate takes a gold item and a predicted item (plain record dicts, as
read from JSON Lines) and tells whether the prediction may be matched to the
gold item at one scoring level.  The predicates never raise on malformed
items: a span, code or value that cannot be read simply never matches (the
validator is where malformed records are reported).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from typing import Any

Item = dict[str, Any]
Span = tuple[int, int]
Predicate = Callable[[Item, Item], bool]

#: CAMEO roots whose events are symmetric: source/target order is ignored.
SYMMETRIC_ROOTS = frozenset({"04", "05"})

#: Relative tolerance for claim values (1 % of the gold value).
VALUE_TOLERANCE = 0.01

#: Date precisions and how many leading characters of an ISO date they compare.
PRECISION_WIDTH = {"year": 4, "month": 7, "day": 10}

_WORD = re.compile(r"[^\W\d_]+")


# -- spans -------------------------------------------------------------------


def as_span(value: object) -> Span | None:
    """``[start, end]`` as a tuple, or None when it is not two integers."""
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        return None
    start, end = value
    if isinstance(start, bool) or isinstance(end, bool):
        return None
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    return (start, end)


def overlap_length(a: Span, b: Span) -> int:
    """Number of code points two half-open spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def spans_overlap(a: object, b: object) -> bool:
    """True when two ``[start, end)`` spans share at least one code point."""
    sa, sb = as_span(a), as_span(b)
    if sa is None or sb is None:
        return False
    return overlap_length(sa, sb) > 0


def half_overlap(a: object, b: object) -> bool:
    """True when the spans share at least half of the longer one."""
    sa, sb = as_span(a), as_span(b)
    if sa is None or sb is None:
        return False
    longer = max(sa[1] - sa[0], sb[1] - sb[0])
    shared = overlap_length(sa, sb)
    return shared > 0 and 2 * shared >= longer


# -- actor codes -------------------------------------------------------------


def _clean_code(code: object) -> str | None:
    if not isinstance(code, str):
        return None
    code = code.strip()
    return code or None


def country_part(code: object) -> str | None:
    """The country part of a CAMEO-style code.

    ``IGO...`` codes keep their first six characters (``IGOUNO``), other codes
    their first three (``PRKMIL`` -> ``PRK``).  None or empty codes, and codes
    too short to have a country part, give None, which never matches.
    """
    clean = _clean_code(code)
    if clean is None:
        return None
    width = 6 if clean.startswith("IGO") else 3
    if len(clean) < width:
        return None
    return clean[:width]


def role_part(code: object) -> str | None:
    """The role codes after the country part (``PRKMIL`` -> ``MIL``, ``PRK`` -> ``""``)."""
    clean = _clean_code(code)
    country = country_part(clean)
    if clean is None or country is None:
        return None
    return clean[len(country) :]


def same_country(a: object, b: object) -> bool:
    ca = country_part(a)
    return ca is not None and ca == country_part(b)


def same_code(a: object, b: object) -> bool:
    """Same country part and same role codes, i.e. the same full code."""
    return same_country(a, b) and role_part(a) == role_part(b)


# -- events --------------------------------------------------------------------


def event_root(event: Item) -> str | None:
    """The event's root: its ``root`` field, else the first two digits of ``cameo``."""
    root = event.get("root")
    if isinstance(root, str) and root.strip():
        return root.strip()
    cameo = event.get("cameo")
    if isinstance(cameo, str) and len(cameo.strip()) >= 2:
        return cameo.strip()[:2]
    return None


def _orientations(gold: Item, pred: Item, root: str) -> list[tuple[object, object, object, object]]:
    """(gold source, gold target, predicted source, predicted target) pairings to try."""
    pairs = [(gold.get("source"), gold.get("target"), pred.get("source"), pred.get("target"))]
    if root in SYMMETRIC_ROOTS:
        pairs.append(
            (gold.get("source"), gold.get("target"), pred.get("target"), pred.get("source"))
        )
    return pairs


def _dyad(gold: Item, pred: Item, same: Callable[[object, object], bool]) -> bool:
    if not spans_overlap(gold.get("sentence"), pred.get("sentence")):
        return False
    root = event_root(gold)
    if root is None or root != event_root(pred):
        return False
    return any(same(gs, ps) and same(gt, pt) for gs, gt, ps, pt in _orientations(gold, pred, root))


def event_dyad_root(gold: Item, pred: Item) -> bool:
    """Sentences overlap, same source and target country, same root."""
    return _dyad(gold, pred, same_country)


def event_status(gold: Item, pred: Item) -> bool:
    """The dyad/root match and the same status."""
    status = gold.get("status")
    return event_dyad_root(gold, pred) and status is not None and status == pred.get("status")


def event_roles(gold: Item, pred: Item) -> bool:
    """The dyad/root match with the same role codes on both sides.

    For symmetric roots the roles are compared in the orientation in which the
    countries match, so ``RUSGOV-PRKMIL 042`` matches ``PRKMIL-RUSGOV 040``.
    """
    return _dyad(gold, pred, same_code)


def _precision(date: object, precision: object) -> str:
    """The precision a record states, inferred from the date when it states none."""
    if not isinstance(date, str) or not date.strip():
        return "unknown"
    if isinstance(precision, str) and precision in ("day", "week", "month", "year", "range"):
        return precision
    if precision == "unknown":
        return "unknown"
    text = date.strip()
    if "/" in text:
        return "range"
    return {4: "year", 7: "month", 10: "day"}.get(len(text), "unknown")


def dates_agree(
    gold_date: object, gold_precision: object, pred_date: object, pred_precision: object
) -> bool:
    """Whether a predicted date equals the gold date at the gold's precision.

    * gold null or ``unknown``: the prediction must be null or ``unknown`` too;
    * gold ``year`` / ``month`` / ``day``: the prediction, a single date or a
      range, must lie wholly inside the gold's year / month / day (a day inside
      the gold month matches, a month when the gold is a day does not);
    * gold ``range`` (or ``week``): the same string.
    """
    gp = _precision(gold_date, gold_precision)
    pp = _precision(pred_date, pred_precision)
    if gp == "unknown":
        return pp == "unknown"
    if pp == "unknown" or not isinstance(gold_date, str) or not isinstance(pred_date, str):
        return False
    gold_text, pred_text = gold_date.strip(), pred_date.strip()
    width = PRECISION_WIDTH.get(gp)
    if width is None or len(gold_text) < width:
        return gold_text == pred_text
    ends = pred_text.split("/", 1) if "/" in pred_text else [pred_text, pred_text]
    return all(len(end) >= width and end[:width] == gold_text[:width] for end in ends)


def event_date(gold: Item, pred: Item) -> bool:
    """The dyad/root match and the date equal at the gold's precision."""
    return event_dyad_root(gold, pred) and dates_agree(
        gold.get("date"), gold.get("date_precision"), pred.get("date"), pred.get("date_precision")
    )


# -- claims ------------------------------------------------------------------


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def values_agree(gold_value: object, pred_value: object) -> bool:
    """Within 1 % of the gold value (exactly equal when the gold value is 0)."""
    g, p = _number(gold_value), _number(pred_value)
    if g is None or p is None:
        return False
    return abs(p - g) <= VALUE_TOLERANCE * abs(g) * (1 + 1e-9)


def claim_match(gold: Item, pred: Item) -> bool:
    """Sentences overlap, value within 1 %, same unit."""
    unit = gold.get("unit")
    return (
        spans_overlap(gold.get("sentence"), pred.get("sentence"))
        and isinstance(unit, str)
        and unit == pred.get("unit")
        and values_agree(gold.get("value"), pred.get("value"))
    )


# -- quotes ------------------------------------------------------------------


def name_tokens(name: object) -> list[str]:
    """Casefolded, accent-stripped letter runs of a name ("Sung-Yoon Lee" -> sung, yoon, lee)."""
    if not isinstance(name, str):
        return []
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _WORD.findall(stripped)


def names_agree(a: object, b: object) -> bool:
    """Equal token lists, equal last tokens (surname), or the shorter name's tokens all in the longer."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb or ta[-1] == tb[-1]:
        return True
    shorter, longer = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return all(token in longer for token in shorter)


def quote_match(gold: Item, pred: Item) -> bool:
    """Sentences overlap, quoted texts share half of the longer span, speakers agree."""
    return (
        spans_overlap(gold.get("sentence"), pred.get("sentence"))
        and half_overlap(gold.get("text"), pred.get("text"))
        and names_agree(gold.get("speaker"), pred.get("speaker"))
    )


# -- actor mentions ----------------------------------------------------------


def mention_country(gold: Item, pred: Item) -> bool:
    """Mention spans overlap and the actors' codes have the same country part."""
    return spans_overlap(gold.get("mention"), pred.get("mention")) and same_country(
        gold.get("code"), pred.get("code")
    )


def mention_role(gold: Item, pred: Item) -> bool:
    """Mention spans overlap and the actors' codes are the same full code."""
    return spans_overlap(gold.get("mention"), pred.get("mention")) and same_code(
        gold.get("code"), pred.get("code")
    )
