-- 0003: what the server needs at a million events: the list order as an index
-- (keyset paging), index-friendly filters, and rollups of event counts (n), Goldstein
-- sums (gsum) and how many events had a score (gn).  The store keeps the rollups
-- current (store/sqlite_aggregates.py); they are filled right after this migration.
-- A missing code, period or PLOVER type is kept as '' in a key.

-- The list order (dated events by date, undated last) as one indexable column.
ALTER TABLE events ADD COLUMN sort_date TEXT
    GENERATED ALWAYS AS (coalesce(date, char(1114111))) VIRTUAL;
CREATE INDEX events_order ON events(sort_date, doc_id, sentence_start, id);
-- Covering indexes for what aggregates read of an event: by date (the boundary months
-- of a date range) and by dyad (filters no rollup answers); they replace events_dyad.
CREATE INDEX events_dated ON events(date, source, target, status, cameo, root, plover,
                                    goldstein, doc_id);
DROP INDEX events_dyad;
CREATE INDEX events_dyad ON events(source, target, date, status, cameo, root, plover,
                                   goldstein, doc_id);
CREATE INDEX events_target ON events(target, source);
CREATE INDEX events_status ON events(status);
CREATE INDEX quotes_speaker_code ON quotes(speaker_code);

-- Dyad series per month (source country, target country, quad class).
CREATE TABLE series_month (
    cs     TEXT NOT NULL,
    ct     TEXT NOT NULL,
    month  TEXT NOT NULL,
    quad   INTEGER NOT NULL,
    n      INTEGER NOT NULL,
    gsum   REAL NOT NULL,
    gn     INTEGER NOT NULL,
    PRIMARY KEY (cs, ct, month, quad)
) WITHOUT ROWID;

-- The same per ISO week.
CREATE TABLE series_week (
    cs     TEXT NOT NULL,
    ct     TEXT NOT NULL,
    week   TEXT NOT NULL,
    quad   INTEGER NOT NULL,
    n      INTEGER NOT NULL,
    gsum   REAL NOT NULL,
    gn     INTEGER NOT NULL,
    PRIMARY KEY (cs, ct, week, quad)
) WITHOUT ROWID;

-- Dyad series with filters: x event month (dated, dm), CAMEO root, PLOVER, status.
CREATE TABLE series_month_f (
    cs     TEXT NOT NULL,
    ct     TEXT NOT NULL,
    month  TEXT NOT NULL,
    dated  INTEGER NOT NULL,
    dm     TEXT NOT NULL,
    c2     TEXT NOT NULL,
    plover TEXT NOT NULL,
    status TEXT NOT NULL,
    quad   INTEGER NOT NULL,
    n      INTEGER NOT NULL,
    gsum   REAL NOT NULL,
    gn     INTEGER NOT NULL,
    PRIMARY KEY (cs, ct, month, dated, dm, c2, plover, status, quad)
) WITHOUT ROWID;

-- The same per ISO week.
CREATE TABLE series_week_f (
    cs     TEXT NOT NULL,
    ct     TEXT NOT NULL,
    week   TEXT NOT NULL,
    dated  INTEGER NOT NULL,
    dm     TEXT NOT NULL,
    c2     TEXT NOT NULL,
    plover TEXT NOT NULL,
    status TEXT NOT NULL,
    quad   INTEGER NOT NULL,
    n      INTEGER NOT NULL,
    gsum   REAL NOT NULL,
    gn     INTEGER NOT NULL,
    PRIMARY KEY (cs, ct, week, dated, dm, c2, plover, status, quad)
) WITHOUT ROWID;

-- The network: undirected country pairs (a <= b).
CREATE TABLE pair_sum (
    a      TEXT NOT NULL,
    b      TEXT NOT NULL,
    n      INTEGER NOT NULL,
    gsum   REAL NOT NULL,
    gn     INTEGER NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;

-- The network with filters: x CAMEO root, PLOVER, status.
CREATE TABLE pair_total (
    a      TEXT NOT NULL,
    b      TEXT NOT NULL,
    c2     TEXT NOT NULL,
    plover TEXT NOT NULL,
    status TEXT NOT NULL,
    n      INTEGER NOT NULL,
    gsum   REAL NOT NULL,
    gn     INTEGER NOT NULL,
    PRIMARY KEY (a, b, c2, plover, status)
) WITHOUT ROWID;

-- The network with dates: x event month (first, so a date range is one range).
CREATE TABLE pair_month (
    dated  INTEGER NOT NULL,
    dm     TEXT NOT NULL,
    a      TEXT NOT NULL,
    b      TEXT NOT NULL,
    n      INTEGER NOT NULL,
    gsum   REAL NOT NULL,
    gn     INTEGER NOT NULL,
    PRIMARY KEY (dated, dm, a, b)
) WITHOUT ROWID;

-- The same with filters: x CAMEO root, PLOVER, status.
CREATE TABLE pair_rollup (
    dated  INTEGER NOT NULL,
    dm     TEXT NOT NULL,
    a      TEXT NOT NULL,
    b      TEXT NOT NULL,
    c2     TEXT NOT NULL,
    plover TEXT NOT NULL,
    status TEXT NOT NULL,
    n      INTEGER NOT NULL,
    gsum   REAL NOT NULL,
    gn     INTEGER NOT NULL,
    PRIMARY KEY (dated, dm, a, b, c2, plover, status)
) WITHOUT ROWID;
