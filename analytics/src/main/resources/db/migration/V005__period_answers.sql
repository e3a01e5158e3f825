-- The rows of the flow, dwell and repeat queries for whole days, ISO weeks and months, as the live queries give
-- them (before suppression), kept current by the same rule as visitor_summaries: a period's rows are used only if
-- no row of any source table has arrived for its days since they were computed.

CREATE MATERIALIZED VIEW IF NOT EXISTS day_changes_from_visits TO day_changes AS
    SELECT day, toUInt32(now()) AS changed FROM visits GROUP BY day;

CREATE MATERIALIZED VIEW IF NOT EXISTS day_changes_from_moves TO day_changes AS
    SELECT day, toUInt32(now()) AS changed FROM moves GROUP BY day;

INSERT INTO day_changes SELECT DISTINCT day, toUInt32(now()) FROM visits;

INSERT INTO day_changes SELECT DISTINCT day, toUInt32(now()) FROM moves;

-- query: flows | flows-lang | dwell | dwell-histogram | repeat; cells: the row as a JSON array of strings.
CREATE TABLE IF NOT EXISTS period_answers (
    query String,
    span String,
    period Date,
    row UInt32,
    cells String,
    computed_ms UInt64
) ENGINE = ReplacingMergeTree(computed_ms)
PARTITION BY toYYYYMM(period)
ORDER BY (query, span, period, row);
