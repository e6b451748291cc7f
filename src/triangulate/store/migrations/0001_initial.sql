-- 0001: documents, language output, facts and extraction runs.
-- Every fact row points to its document and to character spans in the document text.

CREATE TABLE documents (
    doc_id              TEXT PRIMARY KEY,
    hash                TEXT NOT NULL,
    text                TEXT NOT NULL,
    source              TEXT,
    source_line         INTEGER,
    format              TEXT,
    title               TEXT,
    url                 TEXT,
    author              TEXT,
    site                TEXT,
    language            TEXT,
    language_confidence REAL,
    language_source     TEXT,
    published           TEXT,
    published_precision TEXT,
    published_source    TEXT,
    genre               TEXT,
    encoding            TEXT,
    body_start          INTEGER NOT NULL DEFAULT 0,
    meta                TEXT NOT NULL DEFAULT '{}',
    duplicate_of        TEXT REFERENCES documents(doc_id),
    fingerprint         INTEGER,
    ingested_at         TEXT NOT NULL
);
CREATE INDEX documents_hash ON documents(hash);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_duplicate_of ON documents(duplicate_of);

-- Near-duplicate candidate index: four 16-bit bands of each 64-bit fingerprint.
CREATE TABLE fingerprint_bands (
    band   INTEGER NOT NULL,
    value  INTEGER NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    PRIMARY KEY (band, value, doc_id)
) WITHOUT ROWID;

CREATE TABLE runs (
    run_id           INTEGER PRIMARY KEY,
    pipeline_version TEXT NOT NULL,
    config           TEXT NOT NULL DEFAULT '{}',
    started_at       TEXT NOT NULL,
    finished_at      TEXT,
    documents        INTEGER NOT NULL DEFAULT 0,
    status           TEXT NOT NULL DEFAULT 'running'
);

-- Which document was processed by which pipeline version (and in which run).
CREATE TABLE processed (
    doc_id           TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    pipeline_version TEXT NOT NULL,
    run_id           INTEGER REFERENCES runs(run_id),
    processed_at     TEXT NOT NULL,
    PRIMARY KEY (doc_id)
);
CREATE INDEX processed_version ON processed(pipeline_version);

CREATE TABLE sentences (
    id     INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    idx    INTEGER NOT NULL,
    start  INTEGER NOT NULL,
    end    INTEGER NOT NULL,
    text   TEXT NOT NULL,
    UNIQUE (doc_id, idx)
);

CREATE VIRTUAL TABLE sentences_fts USING fts5(
    text, content='sentences', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TABLE actors (
    doc_id   TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    name     TEXT NOT NULL,
    type     TEXT NOT NULL,
    code     TEXT NOT NULL,
    PRIMARY KEY (doc_id, actor_id)
);
CREATE INDEX actors_code ON actors(code);

CREATE TABLE mentions (
    id       INTEGER PRIMARY KEY,
    doc_id   TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    code     TEXT NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT NOT NULL,
    sentence INTEGER
);
CREATE INDEX mentions_doc ON mentions(doc_id);
CREATE INDEX mentions_actor ON mentions(actor_id);

CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    doc_id         TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    run_id         INTEGER REFERENCES runs(run_id),
    source         TEXT,
    target         TEXT,
    source_text    TEXT,
    target_text    TEXT,
    cameo          TEXT NOT NULL,
    root           TEXT NOT NULL,
    plover         TEXT,
    goldstein      REAL,
    status         TEXT NOT NULL,
    attributed_to  TEXT,
    date           TEXT,
    date_precision TEXT NOT NULL DEFAULT 'unknown',
    location       TEXT,
    geonames_id    INTEGER,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    event_group    TEXT
);
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_dyad ON events(source, target);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_date ON events(date);

CREATE TABLE claims (
    id             INTEGER PRIMARY KEY,
    doc_id         TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    run_id         INTEGER REFERENCES runs(run_id),
    item           TEXT NOT NULL,
    value          REAL NOT NULL,
    value_max      REAL,
    approximate    INTEGER NOT NULL DEFAULT 0,
    unit           TEXT NOT NULL,
    about          TEXT NOT NULL DEFAULT '[]',
    predicate      TEXT,
    asserted_by    TEXT,
    date           TEXT,
    status         TEXT NOT NULL,
    text_start     INTEGER NOT NULL,
    text_end       INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL
);
CREATE INDEX claims_doc ON claims(doc_id);
CREATE INDEX claims_item ON claims(item);

CREATE TABLE quotes (
    id             INTEGER PRIMARY KEY,
    doc_id         TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    run_id         INTEGER REFERENCES runs(run_id),
    speaker        TEXT,
    speaker_code   TEXT,
    text_start     INTEGER NOT NULL,
    text_end       INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL
);
CREATE INDEX quotes_doc ON quotes(doc_id);
CREATE INDEX quotes_speaker ON quotes(speaker);
