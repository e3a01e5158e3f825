-- Issue 18: reference counts of one segment of a site's visitors (a tourist survey counts tourists, not commuters),
-- entered with `tabiji calibrate --segment`. Beside reference_counts, not in it: there a site and day is one row,
-- and a segment's count must not replace the count of all visitors. Never published, as reference_counts.
CREATE TABLE IF NOT EXISTS segment_reference_counts (
    site_id String,
    segment String,
    day Date,
    visitors UInt64,
    source String,
    recorded_ms UInt64
) ENGINE = ReplacingMergeTree(recorded_ms)
ORDER BY (site_id, segment, day);
