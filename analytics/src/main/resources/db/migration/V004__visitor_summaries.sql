-- Visitors per closed period, computed once and read by the API instead of counting devices per request
-- (docs/PERFORMANCE.md). Exact: each row is the same device-level count the live query makes, stored with the
-- insert time of the newest source row it saw, and used only while no newer row has arrived for its days.

-- When rows for a day last arrived (insert time, whole seconds), whatever the job or a replay wrote.
CREATE TABLE IF NOT EXISTS day_changes (
    day Date,
    changed UInt32
) ENGINE = ReplacingMergeTree(changed)
ORDER BY day;

CREATE MATERIALIZED VIEW IF NOT EXISTS day_changes_from_site_days TO day_changes AS
    SELECT day, toUInt32(now()) AS changed FROM site_day_visitors GROUP BY day;

CREATE MATERIALIZED VIEW IF NOT EXISTS day_changes_from_site_hours TO day_changes AS
    SELECT day, toUInt32(now()) AS changed FROM site_hour_visitors GROUP BY day;

-- Rows already there count as changed now, so every period gets computed once.
INSERT INTO day_changes SELECT DISTINCT day, toUInt32(now()) FROM site_day_visitors;

-- span: hour | day | week | month; period: the day, the Monday or the 1st; hour: 'YYYY-MM-DDTHH' for hour rows;
-- place: '' (the region), 'site:ID' or 'area:NAME'; visitors under the language they had in that span.
CREATE TABLE IF NOT EXISTS visitor_summaries (
    span String,
    period Date,
    hour String,
    place String,
    lang String,
    visitors UInt64,
    computed_ms UInt64
) ENGINE = ReplacingMergeTree(computed_ms)
PARTITION BY toYYYYMM(period)
ORDER BY (span, place, period, hour, lang);

-- One row per computed period, written after its rows: which computation is current, and what it saw.
CREATE TABLE IF NOT EXISTS summary_periods (
    span String,
    period Date,
    source_changed UInt32,
    computed_ms UInt64
) ENGINE = ReplacingMergeTree(computed_ms)
ORDER BY (span, period);
