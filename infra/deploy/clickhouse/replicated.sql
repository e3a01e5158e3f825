-- Tabiji's tables on a new replicated ClickHouse cluster (18.16 and current releases; macros {cluster}, {shard},
-- {replica}, the last unique across the cluster), in their latest form, and the migrations marked as applied.
-- The same columns and sorting keys as analytics/src/main/resources/db/migration, whose ReplacingMergeTree
-- becomes ReplicatedReplacingMergeTree; writers and readers use the Distributed tables. Rows are sharded by
-- device, so a device's rows (and FINAL's deduplication) stay on one shard and uniqExact sums across shards.
CREATE DATABASE IF NOT EXISTS tabiji ON CLUSTER '{cluster}';

CREATE TABLE IF NOT EXISTS tabiji.visits_local ON CLUSTER '{cluster}' (
    visit_id String, device_id String, site_id String, day Date, start_ms UInt64, end_ms UInt64,
    dwell_s UInt32, events UInt32, lang LowCardinality(String), random_mac UInt8
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/tabiji/visits', '{replica}')
PARTITION BY toYYYYMM(day) ORDER BY (site_id, day, visit_id);

CREATE TABLE IF NOT EXISTS tabiji.site_day_visitors_local ON CLUSTER '{cluster}' (
    site_id String, day Date, device_id String, last_event_ms UInt64, lang LowCardinality(String),
    random_mac UInt8 DEFAULT 0
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/tabiji/site_day_visitors', '{replica}',
    last_event_ms)
PARTITION BY toYYYYMM(day) ORDER BY (site_id, day, device_id);

CREATE TABLE IF NOT EXISTS tabiji.site_hour_visitors_local ON CLUSTER '{cluster}' (
    site_id String, day Date, hour String, device_id String, last_event_ms UInt64, lang LowCardinality(String),
    random_mac UInt8 DEFAULT 0
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/tabiji/site_hour_visitors', '{replica}',
    last_event_ms)
PARTITION BY toYYYYMM(day) ORDER BY (site_id, day, hour, device_id);

CREATE TABLE IF NOT EXISTS tabiji.moves_local ON CLUSTER '{cluster}' (
    move_id String, device_id String, origin_site_id String, destination_site_id String, day Date,
    departure_ms UInt64, arrival_ms UInt64, travel_s UInt32, lang LowCardinality(String)
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/tabiji/moves', '{replica}')
PARTITION BY toYYYYMM(day) ORDER BY (origin_site_id, destination_site_id, day, move_id);

CREATE TABLE IF NOT EXISTS tabiji.visits ON CLUSTER '{cluster}' AS tabiji.visits_local
    ENGINE = Distributed('{cluster}', tabiji, visits_local, cityHash64(device_id));
CREATE TABLE IF NOT EXISTS tabiji.site_day_visitors ON CLUSTER '{cluster}' AS tabiji.site_day_visitors_local
    ENGINE = Distributed('{cluster}', tabiji, site_day_visitors_local, cityHash64(device_id));
CREATE TABLE IF NOT EXISTS tabiji.site_hour_visitors ON CLUSTER '{cluster}' AS tabiji.site_hour_visitors_local
    ENGINE = Distributed('{cluster}', tabiji, site_hour_visitors_local, cityHash64(device_id));
CREATE TABLE IF NOT EXISTS tabiji.moves ON CLUSTER '{cluster}' AS tabiji.moves_local
    ENGINE = Distributed('{cluster}', tabiji, moves_local, cityHash64(device_id));

-- The migrations' own bookkeeping, so the application does not try to create the local-style tables. One replica
-- set across all nodes (no {shard} in the path): a migration recorded once is seen as applied on every shard.
CREATE TABLE IF NOT EXISTS tabiji.schema_migrations ON CLUSTER '{cluster}' (name String, applied_at DateTime)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/all/tabiji/schema_migrations', '{replica}') ORDER BY name;
-- (each INSERT on one line: clickhouse-client 18.16 ends an INSERT's inline data at the end of its line)
INSERT INTO tabiji.schema_migrations VALUES ('V001__visits.sql', now()), ('V002__moves.sql', now()), ('V003__site_hour_visitors.sql', now());

-- V004 (period summaries): small tables, one replica set across all nodes (no {shard} in the path), so every
-- node sees every day's change and every summary. The materialized views watch each shard's local tables.
CREATE TABLE IF NOT EXISTS tabiji.day_changes ON CLUSTER '{cluster}' (day Date, changed UInt32)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/tabiji/day_changes', '{replica}', changed) ORDER BY day;
CREATE MATERIALIZED VIEW IF NOT EXISTS tabiji.day_changes_from_site_days ON CLUSTER '{cluster}' TO tabiji.day_changes
    AS SELECT day, toUInt32(now()) AS changed FROM tabiji.site_day_visitors_local GROUP BY day;
CREATE MATERIALIZED VIEW IF NOT EXISTS tabiji.day_changes_from_site_hours ON CLUSTER '{cluster}' TO tabiji.day_changes
    AS SELECT day, toUInt32(now()) AS changed FROM tabiji.site_hour_visitors_local GROUP BY day;
INSERT INTO tabiji.schema_migrations VALUES ('V004__visitor_summaries.sql', now());

-- V005 (stored answers per period): the same pattern.
CREATE MATERIALIZED VIEW IF NOT EXISTS tabiji.day_changes_from_visits ON CLUSTER '{cluster}' TO tabiji.day_changes
    AS SELECT day, toUInt32(now()) AS changed FROM tabiji.visits_local GROUP BY day;
CREATE MATERIALIZED VIEW IF NOT EXISTS tabiji.day_changes_from_moves ON CLUSTER '{cluster}' TO tabiji.day_changes
    AS SELECT day, toUInt32(now()) AS changed FROM tabiji.moves_local GROUP BY day;
INSERT INTO tabiji.schema_migrations VALUES ('V005__period_answers.sql', now());

-- V006 (hotspot health): minute rows sharded by AP, so an AP's (ap_id, minute) duplicates meet on one shard;
-- alerts are few and kept whole on every replica.
CREATE TABLE IF NOT EXISTS tabiji.ap_minute_local ON CLUSTER '{cluster}' (
    ap_id String, site_id LowCardinality(String), minute DateTime, last_event DateTime, events UInt32,
    clients_now UInt32, new_connections UInt32, login_attempts UInt32, login_failures UInt32, bytes_in UInt64,
    bytes_out UInt64
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/tabiji/ap_minute', '{replica}')
PARTITION BY toYYYYMM(minute) ORDER BY (ap_id, minute);
CREATE TABLE IF NOT EXISTS tabiji.ap_minute ON CLUSTER '{cluster}' AS tabiji.ap_minute_local
    ENGINE = Distributed('{cluster}', tabiji, ap_minute_local, cityHash64(ap_id));
CREATE TABLE IF NOT EXISTS tabiji.alerts ON CLUSTER '{cluster}' (
    alert_id String, state String, kind LowCardinality(String), ap_id String, site_id String, ts DateTime,
    opened_at DateTime, value Float64, threshold Float64, detail String, peak_value Float64 DEFAULT value,
    peak_at DateTime DEFAULT ts, peak_attempts UInt32 DEFAULT 0, peak_failures UInt32 DEFAULT 0,
    revision UInt32 DEFAULT 0, basis String DEFAULT ''
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/tabiji/alerts', '{replica}')
PARTITION BY toYYYYMM(opened_at) ORDER BY (alert_id, state);
INSERT INTO tabiji.schema_migrations VALUES ('V006__hotspot_health.sql', now());

-- V007 (released cells, issue 12): the per-period cache behind the metric catalogue holds exact cells with their
-- contributors' hash sums; it replaces V004/V005's caches. Cached answers are whole-region, so kept whole on every
-- replica like the tables they replace; `serve` refills them.
CREATE TABLE IF NOT EXISTS tabiji.visitor_cells ON CLUSTER '{cluster}' (
    span String, period Date, hour String, place String, lang String, visitors UInt64, hash_sum UInt64,
    computed_ms UInt64, random_visitors UInt64 DEFAULT 0, random_hash_sum UInt64 DEFAULT 0
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/tabiji/visitor_cells', '{replica}', computed_ms)
PARTITION BY toYYYYMM(period) ORDER BY (span, place, period, hour, lang);
CREATE TABLE IF NOT EXISTS tabiji.period_cells ON CLUSTER '{cluster}' (
    query String, span String, period Date, row UInt32, cells String, computed_ms UInt64
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/tabiji/period_cells', '{replica}', computed_ms)
PARTITION BY toYYYYMM(period) ORDER BY (query, span, period, row);
CREATE TABLE IF NOT EXISTS tabiji.cell_periods ON CLUSTER '{cluster}' (
    span String, period Date, source_changed UInt32, computed_ms UInt64
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/tabiji/cell_periods', '{replica}', computed_ms)
ORDER BY (span, period);
INSERT INTO tabiji.schema_migrations VALUES ('V007__released_cells.sql', now());

-- V008 (device segments, issue 14): sharded by device like the visits they are computed from, so that the
-- catalogue's `device_id IN (SELECT device_id FROM device_segments ...)` runs on each shard against its own devices
-- (the reading profile sets distributed_product_mode = 'local'). segment_periods is whole on every replica.
CREATE TABLE IF NOT EXISTS tabiji.device_segments_local ON CLUSTER '{cluster}' (
    period Date, device_id String, segment LowCardinality(String), days UInt16, weekdays UInt16,
    spread_days UInt16, sites UInt16, staff_days UInt16, staff_week_minutes UInt32, guest UInt8,
    start_windows UInt16, longest_visit_s UInt32, computed_ms UInt64
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/tabiji/device_segments', '{replica}', computed_ms)
PARTITION BY toYYYYMM(period) ORDER BY (period, device_id);
CREATE TABLE IF NOT EXISTS tabiji.device_segments ON CLUSTER '{cluster}' AS tabiji.device_segments_local
    ENGINE = Distributed('{cluster}', tabiji, device_segments_local, cityHash64(device_id));
CREATE TABLE IF NOT EXISTS tabiji.segment_periods ON CLUSTER '{cluster}' (
    period Date, source_changed UInt32, computed_ms UInt64, rules String DEFAULT ''
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/tabiji/segment_periods', '{replica}', computed_ms)
ORDER BY period;
INSERT INTO tabiji.schema_migrations VALUES ('V008__device_segments.sql', now());

-- V009 to V012 changed columns of the tables above, which a new cluster gets in their latest form: no ALTER runs
-- here. (ClickHouse 18.16 refuses ALTER ... ON CLUSTER of a Distributed table on a cluster with internal
-- replication, and on a table replicated to every node it would run once per shard.)
INSERT INTO tabiji.schema_migrations VALUES ('V009__period_cells_as_tsv.sql', now()), ('V010__private_addresses.sql', now()), ('V011__segment_rules.sql', now()), ('V012__alert_peaks.sql', now());

-- V013, V014 and V015 (reference counts, events and segments' reference counts, issue 18): a few rows each, whole on every replica.
CREATE TABLE IF NOT EXISTS tabiji.reference_counts ON CLUSTER '{cluster}' (
    site_id String, day Date, visitors UInt64, source String, recorded_ms UInt64
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/tabiji/reference_counts', '{replica}', recorded_ms)
ORDER BY (site_id, day);
CREATE TABLE IF NOT EXISTS tabiji.events ON CLUSTER '{cluster}' (
    name String, from_day Date, to_day Date, sites Array(String), removed UInt8, recorded_ms UInt64
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/tabiji/events', '{replica}', recorded_ms)
ORDER BY name;
CREATE TABLE IF NOT EXISTS tabiji.segment_reference_counts ON CLUSTER '{cluster}' (
    site_id String, segment String, day Date, visitors UInt64, source String, recorded_ms UInt64
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/tabiji/segment_reference_counts', '{replica}',
    recorded_ms)
ORDER BY (site_id, segment, day);
INSERT INTO tabiji.schema_migrations VALUES ('V013__reference_counts.sql', now()), ('V014__events.sql', now());
INSERT INTO tabiji.schema_migrations VALUES ('V015__segment_reference_counts.sql', now());
