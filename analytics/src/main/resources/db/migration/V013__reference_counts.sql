-- Issue 18: a site's visitors counted by another source (ticket gates, a people counter, a survey), entered by an
-- admin with `tabiji calibrate`, one count per site and day (the latest entry wins). They calibrate the Wi-Fi's
-- capture rate and are never published; the estimates are made from released visitor cells only.
CREATE TABLE IF NOT EXISTS reference_counts (
    site_id String,
    day Date,
    visitors UInt64,
    source String,
    recorded_ms UInt64
) ENGINE = ReplacingMergeTree(recorded_ms)
ORDER BY (site_id, day);
