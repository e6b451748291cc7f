"""Bytes to text: binary and empty checks, BOMs, UTF-8 and legacy fallbacks.

Order: a byte-order mark decides (UTF-8 BOM is stripped, UTF-16/32 decoded);
then binary content is refused; then a charset the document itself declares
(HTML ``<meta charset>``, XML declaration) is tried, then strict UTF-8, then
Windows-1252 (when its typical bytes 0x80-0x9F occur) or ISO-8859-1.  Only a
text that looks implausible as Latin script is handed to charset-normalizer,
so ordinary German cp1252 text is never re-guessed as cp1250.  Line ends are
kept as they are (no newline translation): a CRLF counts as two characters.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass

from triangulate.errors import Problem, Severity

log = logging.getLogger(__name__)

HEAD_BYTES = 8192
_CONTROL = frozenset([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_CONTROL_SHARE = 0.05
_NON_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)
_CONTROL_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CONTROL)) + "]")
_CP1252_TYPICAL = re.compile(rb"[\x80-\x9f]")
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})["']""",
    re.IGNORECASE,
)
#: Declared labels that browsers read as windows-1252 (WHATWG encoding standard).
_LATIN1_LABELS = frozenset({"latin_1", "iso8859_1", "ascii", "cp1252"})


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and the codec that produced it (a Python codec name)."""

    text: str
    encoding: str
    fallback: bool = False  # True when the encoding was guessed: report T109

    def notice(self, source: str, line: int | None = None) -> Problem:
        return Problem(
            source=source,
            code="T109",
            detail=f"not valid UTF-8; decoded as {self.encoding}",
            severity=Severity.NOTICE,
            line=line,
        )


def bom_encoding(data: bytes) -> str | None:
    """The codec a byte-order mark at the start of ``data`` names, if any."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _control_share(head: bytes) -> float:
    return len(head.translate(None, _NON_CONTROL)) / len(head) if head else 0.0


def looks_binary(head: bytes) -> bool:
    """NUL bytes, or a high share of control characters, in the first 8 KB."""
    head = head[:HEAD_BYTES]
    return b"\x00" in head or _control_share(head) > _CONTROL_SHARE


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when ``head`` is ASCII-range UTF-16 without a BOM."""
    head = head[: HEAD_BYTES - HEAD_BYTES % 2]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def declared_charset(head: bytes) -> str | None:
    """A charset declared in an HTML ``<meta>`` or XML declaration, as a codec name."""
    match = _DECLARED.search(head[:HEAD_BYTES])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii", "replace")
    try:
        return codecs.lookup(label).name
    except LookupError:
        log.debug("unknown declared charset %r", label)
        return None


def _plausible_latin(text: str) -> bool:
    """False when most letters are non-ASCII: the text is probably not Latin script."""
    letters = 0
    foreign = 0
    for ch in text[:HEAD_BYTES]:
        if ch.isalpha():
            letters += 1
            if ord(ch) > 0x7F:
                foreign += 1
    return letters < 20 or foreign / letters <= 0.25


def _legacy(data: bytes) -> Decoded:
    """Decode bytes that are not UTF-8: cp1252 or latin-1, else charset-normalizer."""
    if _CP1252_TYPICAL.search(data):
        try:
            guess = Decoded(data.decode("cp1252"), "cp1252", fallback=True)
        except UnicodeDecodeError:  # bytes undefined in cp1252 (0x81, 0x8D, ...)
            guess = Decoded(data.decode("latin-1"), "latin-1", fallback=True)
    else:
        guess = Decoded(data.decode("latin-1"), "latin-1", fallback=True)
    if _plausible_latin(guess.text):
        return guess
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding in {"utf_8", "cp1252", "latin_1"}:
        return guess
    log.debug("charset-normalizer chose %s", best.encoding)
    return Decoded(str(best), codecs.lookup(best.encoding).name, fallback=True)


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode ``data`` (assumed not binary); never fails."""
    bom = bom_encoding(data)
    if bom is not None:
        try:
            return Decoded(data.decode(bom), bom)
        except UnicodeDecodeError:
            log.debug("byte-order mark %s but undecodable; trying the fallbacks", bom)
    if declared is not None and declared not in {"utf-8", "utf_8"}:
        if declared in _LATIN1_LABELS and _CP1252_TYPICAL.search(data):
            declared = "cp1252"
        try:
            return Decoded(data.decode(declared), declared)
        except (UnicodeDecodeError, LookupError):
            log.debug("declared charset %s does not decode", declared)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return _legacy(data)


def decode_document(data: bytes, source: str, *, declared: str | None = None) -> Decoded | Problem:
    """Decode one whole input, or say why it is not text (T101) or empty (T102)."""
    if not data.strip():
        detail = "empty file" if not data else f"only whitespace ({len(data)} bytes)"
        return Problem(source=source, code="T102", detail=detail)
    bom = bom_encoding(data)
    if bom is None:
        utf16 = _utf16_without_bom(data[:HEAD_BYTES])
        if utf16 is not None:
            try:
                return Decoded(data.decode(utf16), utf16, fallback=True)
            except UnicodeDecodeError:
                pass
        if looks_binary(data[:HEAD_BYTES]):
            return Problem(
                source=source,
                code="T101",
                detail="NUL bytes or control characters in the first 8 KB",
            )
    decoded = decode_bytes(data, declared=declared)
    if not decoded.text.strip():
        return Problem(source=source, code="T102", detail="only whitespace")
    head = decoded.text[:HEAD_BYTES]
    if bom is not None and len(_CONTROL_CHARS.findall(head)) > _CONTROL_SHARE * len(head):
        return Problem(source=source, code="T101", detail=f"control characters in {bom} text")
    return decoded
