-- 0004: rollups of every event, whoever its actors, for the timeline: per month (or ISO
-- week) and quad class, and the same x event month (dated, dm), CAMEO root, PLOVER and
-- status for filtered timelines.  Filled right after this migration and kept current by
-- the store like the rollups of 0003 (store/sqlite_aggregates.py).

CREATE TABLE timeline_month (
    month  TEXT NOT NULL,
    quad   INTEGER NOT NULL,
    n      INTEGER NOT NULL,
    gsum   REAL NOT NULL,
    gn     INTEGER NOT NULL,
    PRIMARY KEY (month, quad)
) WITHOUT ROWID;

CREATE TABLE timeline_week (
    week   TEXT NOT NULL,
    quad   INTEGER NOT NULL,
    n      INTEGER NOT NULL,
    gsum   REAL NOT NULL,
    gn     INTEGER NOT NULL,
    PRIMARY KEY (week, quad)
) WITHOUT ROWID;

CREATE TABLE timeline_month_f (
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
    PRIMARY KEY (month, dated, dm, c2, plover, status, quad)
) WITHOUT ROWID;

CREATE TABLE timeline_week_f (
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
    PRIMARY KEY (week, dated, dm, c2, plover, status, quad)
) WITHOUT ROWID;
