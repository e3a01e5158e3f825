-- One row per visitor of a site in a region-local hour: the hourly twin of site_day_visitors (same FINAL rule
-- for the language). hour is the local hour as text 'YYYY-MM-DDTHH', computed by the job in the region zone,
-- so no SQL needs time-zone functions; day is the local day of that hour.
CREATE TABLE IF NOT EXISTS site_hour_visitors (
    site_id String,
    day Date,
    hour String,
    device_id String,
    last_event_ms UInt64,
    lang String
) ENGINE = ReplacingMergeTree(last_event_ms)
PARTITION BY toYYYYMM(day)
ORDER BY (site_id, day, hour, device_id);
