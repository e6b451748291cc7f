"""Shared helpers for the ingestion tests (a plain module: no conftest name clash)."""

from __future__ import annotations

from pathlib import Path

from triangulate.errors import Problem
from triangulate.model import Document

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "examples" / "seeds"
EVAL_DOCS = REPO / "examples" / "eval" / "docs.jsonl"

GERMAN = (
    "Die Bundesregierung hat am Montag in Berlin neue Sanktionen gegen Russland "
    "angekündigt. Der Sprecher sagte, man werde die Ukraine weiter unterstützen."
)
ENGLISH = (
    "The government announced new sanctions against Russia on Monday. A spokesman "
    "said the country would continue to support Ukraine for as long as it takes."
)


def split(items: list[Document | Problem]) -> tuple[list[Document], list[Problem]]:
    docs = [i for i in items if isinstance(i, Document)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert len(docs) + len(problems) == len(items)
    return docs, problems


def codes(problems: list[Problem]) -> list[str]:
    return [p.code for p in problems]


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


PARAGRAPHS = [
    "Die Bundesregierung hat am Montag in Berlin neue Sanktionen gegen Russland angekündigt, "
    "wie ein Sprecher nach der Kabinettssitzung mitteilte.",
    "Nach Angaben des Auswärtigen Amtes sollen die Maßnahmen vor allem den Energiesektor "
    "treffen und in enger Abstimmung mit den europäischen Partnern umgesetzt werden.",
    "Kritiker bemängelten dagegen, dass die Sanktionen zu spät kämen und die Wirkung der "
    "bisherigen Pakete kaum überprüft worden sei.",
]
PAGE = f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>Neue Sanktionen gegen Russland | Beispielzeitung</title>
<meta name="author" content="Erika Muster">
<meta property="og:site_name" content="Beispielzeitung">
<meta property="og:title" content="Neue Sanktionen gegen Russland">
<meta property="article:published_time" content="2024-03-05T10:00:00+01:00">
<link rel="canonical" href="https://example.org/politik/sanktionen">
</head><body>
<nav><a href="/">Startseite</a> <a href="/politik">Politik</a></nav>
<article><h1>Neue Sanktionen gegen Russland</h1>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
</article>
<footer>© Beispielzeitung · Impressum · Datenschutz</footer>
<script>window.tracking = true;</script>
</body></html>"""

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Beispielzeitung</title><link>https://example.org/</link><language>de-de</language>
<item>
  <title>Neue Sanktionen</title><link>https://example.org/1</link><guid>https://example.org/?p=1</guid>
  <pubDate>Tue, 05 Mar 2024 00:30:00 +0100</pubDate><author>Erika Muster</author>
  <category>Politik</category>
  <content:encoded><![CDATA[<p>Die Bundesregierung hat am Montag neue Sanktionen gegen Russland
  angekündigt.</p><p>Der Sprecher sagte, man werde die Ukraine <b>weiter</b> unterstützen.</p>
  <script>track()</script>]]></content:encoded>
</item>
<item><title>Nur ein Titel</title><link>https://example.org/2</link></item>
<item>
  <title>Kurzmeldung</title>
  <description>Die Opposition kritisierte die Entscheidung als verspätet &amp; unzureichend.</description>
</item>
<item><title>Leer</title><description>   </description></item>
<item>
  <title>English item</title><link>https://example.org/5</link>
  <description>&lt;p&gt;The government announced new sanctions against Russia on Monday.&lt;/p&gt;</description>
  <pubDate>Wed, 06 Mar 2024 12:00:00 GMT</pubDate>
</item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom-Zeitung</title>
<entry><id>urn:uuid:1</id><title>Eintrag</title><updated>2024-03-05T23:30:00-05:00</updated>
<summary>Kurz.</summary>
<content type="html">&lt;p&gt;Kim Jong-un ist nach Wladiwostok gereist, um Wladimir Putin zu treffen.&lt;/p&gt;</content>
</entry>
<entry><id>urn:uuid:2</id><title>Ohne Inhalt</title></entry>
</feed>"""
