-- Hotspot health (issue 6). One row per AP per minute, written by the streaming job's AP-health operator: events,
-- clients present at the minute's end, devices that became present, portal/authorization attempts and failures,
-- accounting traffic, and the time of the minute's last event (1970 when it had none). A row re-sent after a
-- restore replaces itself (same AP and minute).
CREATE TABLE IF NOT EXISTS ap_minute (
    ap_id String,
    site_id String,
    minute DateTime,
    last_event DateTime,
    events UInt32,
    clients_now UInt32,
    new_connections UInt32,
    login_attempts UInt32,
    login_failures UInt32,
    bytes_in UInt64,
    bytes_out UInt64
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(minute)
ORDER BY (ap_id, minute);

-- Alert transitions: each alert has one 'open' row and, once it ends, one 'clear' row with the same alert_id,
-- which is derived from the AP, the kind and the time the condition began, so replays write the same ids.
-- kind: silent, overloaded, login_failure_spike, unknown_ap. site_id is '' for an AP missing from the registry.
CREATE TABLE IF NOT EXISTS alerts (
    alert_id String,
    state String,
    kind String,
    ap_id String,
    site_id String,
    ts DateTime,
    opened_at DateTime,
    value Float64,
    threshold Float64,
    detail String
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(opened_at)
ORDER BY (alert_id, state);
