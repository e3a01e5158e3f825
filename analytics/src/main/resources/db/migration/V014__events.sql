-- Issue 18: events (a festival, a fair) marked on sites and days, with `tabiji events add`: their days are left out
-- of the baseline of usual days, and their uplift is measured against it. One row per name, the latest entry
-- winning; a removed event keeps a row with removed = 1.
CREATE TABLE IF NOT EXISTS events (
    name String,
    from_day Date,
    to_day Date,
    sites Array(String),
    removed UInt8,
    recorded_ms UInt64
) ENGINE = ReplacingMergeTree(recorded_ms)
ORDER BY name;
