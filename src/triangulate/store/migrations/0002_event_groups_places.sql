-- 0002: event groups (one real event, many mentions) and geocoded event places.
CREATE INDEX events_group ON events(event_group);
ALTER TABLE events ADD COLUMN latitude REAL;
ALTER TABLE events ADD COLUMN longitude REAL;
