"""The CAMEO event-code table: name, Goldstein score and PLOVER type of every code."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["CameoCode", "codes", "lookup", "quad_class"]


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    plover: str | None


@cache
def codes() -> dict[str, CameoCode]:
    """All codes of ``data/cameo_codes.tsv`` by code string."""
    text = (
        resources.files("triangulate.extract").joinpath("data/cameo_codes.tsv").read_text("utf-8")
    )
    out: dict[str, CameoCode] = {}
    for line in text.splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) < 4 or not parts[0].isdigit():
            continue
        out[parts[0]] = CameoCode(parts[0], parts[1], float(parts[2]), parts[3] or None)
    return out


def lookup(code: str) -> CameoCode | None:
    """The entry of ``code``, falling back to its three- and two-digit parents."""
    table = codes()
    for k in (code, code[:3], code[:2]):
        if k in table:
            return table[k]
    return None


def quad_class(code: str | None) -> int | None:
    """The quad class of a CAMEO code or root: 1 verbal cooperation (01-05), 2 material
    cooperation (06-08), 3 verbal conflict (09-14), 4 material conflict (15-20); None if unknown."""
    try:
        r = int((code or "")[:2])
    except ValueError:
        return None
    for quad, (low, high) in enumerate(((1, 5), (6, 8), (9, 14), (15, 20)), start=1):
        if low <= r <= high:
            return quad
    return None
