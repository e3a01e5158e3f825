-- Visits as the streaming job closes them. A visit's id is derived from (device, site, start), so a row
-- written twice (replay, restore from checkpoint) collapses into one: read with FINAL or count distinct ids.
-- Times are epoch milliseconds (DateTime64 does not exist on 18.16); day is the region-local start day.
CREATE TABLE IF NOT EXISTS visits (
    visit_id String,
    device_id String,
    site_id String,
    day Date,
    start_ms UInt64,
    end_ms UInt64,
    dwell_s UInt32,
    events UInt32,
    lang String,
    random_mac UInt8
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(day)
ORDER BY (site_id, day, visit_id);

-- One row per visitor of a site on a local day (DESIGN.md "visitor of site S in day D"). The version column is
-- the time of the device's last event at the site that day, so FINAL keeps the row of the visit holding that
-- event, whose lang is the language the device had at the end of that visit (DESIGN.md "a device's language").
CREATE TABLE IF NOT EXISTS site_day_visitors (
    site_id String,
    day Date,
    device_id String,
    last_event_ms UInt64,
    lang String
) ENGINE = ReplacingMergeTree(last_event_ms)
PARTITION BY toYYYYMM(day)
ORDER BY (site_id, day, device_id);
