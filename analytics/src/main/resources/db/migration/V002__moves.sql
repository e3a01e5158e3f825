-- Trips between sites (DESIGN.md "move"), one row per pair of consecutive visits of a device at two sites at
-- most 6 hours apart, as the streaming job's move detector finds them. The id is derived from the device and
-- both visits' starts, so a re-sent row collapses into one (FINAL). day is the region-local departure day.
CREATE TABLE IF NOT EXISTS moves (
    move_id String,
    device_id String,
    origin_site_id String,
    destination_site_id String,
    day Date,
    departure_ms UInt64,
    arrival_ms UInt64,
    travel_s UInt32,
    lang String
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(day)
ORDER BY (origin_site_id, destination_site_id, day, move_id);
