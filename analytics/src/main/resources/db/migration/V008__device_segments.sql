-- Issue 14: the segment of each device (docs/SEGMENTS.md), decided per pseudonym period from the device's own
-- visits and rewritten while its period is open; the evidence is kept as counts, never as events. Only devices
-- that could be anything but a visitor are written (seen on enough days, or present 20 h or more); every other
-- device of a period is a visitor. computed_ms: the computation the row belongs to, the newest one counts.
CREATE TABLE IF NOT EXISTS device_segments (
    period Date,
    device_id String,
    segment String,
    days UInt16,
    weekdays UInt16,
    spread_days UInt16,
    sites UInt16,
    staff_days UInt16,
    staff_week_minutes UInt32,
    guest UInt8,
    start_windows UInt16,
    longest_visit_s UInt32,
    computed_ms UInt64
) ENGINE = ReplacingMergeTree(computed_ms)
PARTITION BY toYYYYMM(period)
ORDER BY (period, device_id);

-- One row per computed pseudonym period, written after its devices: what the computation saw.
CREATE TABLE IF NOT EXISTS segment_periods (
    period Date,
    source_changed UInt32,
    computed_ms UInt64
) ENGINE = ReplacingMergeTree(computed_ms)
ORDER BY period;
