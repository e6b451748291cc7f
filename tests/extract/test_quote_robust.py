"""The quote extractor never raises, stays bounded on stray marks, and is fast."""

from __future__ import annotations

import json
import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from triangulate.extract import extract_quotes
from triangulate.extract.quotes import MAX_QUOTE
from triangulate.language import sentences

EVAL = Path(__file__).resolve().parents[2] / "examples" / "eval"
_MARKS = "„“”\"'‚‘’«»‹›"

# fmt: off
_PIECES = [
    "„", "“", "”", '"', "'", "‚", "‘", "’", "«", "»", "‹", "›", ",", ".", ":", "–", "-", "\n",
    " ", "sagte ", "Kim ", "der ", "Sprecher ", "laut ", "zufolge ", "demnach ", "sei ", "er ",
    "Das ", "zitierte ", "said ", "he ", "according to ", "von der ", "Prof. ", "Staats- und ",
    "Zeitung ", "so ", "vermied ", "Russia's ", "den ", "Staatschef ",
]
# fmt: on
_TEXT = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=4)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.sampled_from(["de", "en", "fr", ""]))
def test_never_raises_and_spans_are_sound(text: str, lang: str) -> None:
    for quote in extract_quotes(text, sentences(text, lang or "de"), lang):
        s, e = quote.text
        assert 0 <= quote.sentence[0] <= s <= e <= quote.sentence[1] <= len(text)
        assert e - s <= MAX_QUOTE
        assert isinstance(quote.speaker, str) and quote.speaker.strip()
        assert text[:s].rstrip()[-1] in _MARKS and text[e:].lstrip()[0] in _MARKS


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_any_text(text: str) -> None:
    extract_quotes(text, sentences(text, "de"), "de")
    extract_quotes(text, [], "en")


def test_unclosed_mark_does_not_swallow_the_document() -> None:
    text = "„Wir kommen, sagte Kim. " + "Es folgt ein langer Text. " * 200 + "Ende“, sagte Lee."
    assert extract_quotes(text, sentences(text, "de"), "de") == []


def test_unbalanced_marks_in_one_long_line() -> None:
    body = "Die Lage ist ernst, und niemand weiß mehr. " * 60  # > MAX_QUOTE, one line
    text = f"„{body}“, sagte Kim. „Wir gehen“, sagte Lee."
    quotes = extract_quotes(text, sentences(text, "de"), "de")
    assert [q.speaker for q in quotes] == ["Lee"]


def test_odd_inputs() -> None:
    for text in ["", " ", "„", "“”", "„“", '"', "'''", "„ “", "«»", "\n\n„\n“\n", "„x“" * 3000]:
        extract_quotes(text, sentences(text, "de"), "de")
    assert extract_quotes(None, [], "de") == []  # type: ignore[arg-type]


def test_six_hundred_words_in_under_five_milliseconds() -> None:
    docs = [json.loads(x) for x in (EVAL / "docs.jsonl").read_text(encoding="utf-8").splitlines()]
    text = docs[0]["text"]
    words = text.split(" ")
    text = " ".join(words[:600])
    sents = sentences(text, "de")
    assert len(text.split()) >= 590 and extract_quotes(text, sents, "de")
    best = float("inf")
    for _ in range(7):
        start = time.perf_counter()
        extract_quotes(text, sents, "de")
        best = min(best, time.perf_counter() - start)
    assert best < 0.005
