-- Issue 12: the per-period cache behind the metric catalogue holds exact cells together with the sum of their
-- contributors' record hashes (sipHash64 of the device, visit or move id), from which the cell-key release derives
-- each cell's perturbation. The cache of V004/V005 held counts only; it is replaced, and refilled by `serve`.
DROP TABLE IF EXISTS visitor_summaries;
DROP TABLE IF EXISTS period_answers;
DROP TABLE IF EXISTS summary_periods;

-- span: hour | day | week | month; period: the day, the Monday or the 1st; hour: 'YYYY-MM-DDTHH' for hour rows;
-- place: '' (the region), 'site:ID' or 'area:NAME'; visitors under the language they had in that span.
CREATE TABLE IF NOT EXISTS visitor_cells (
    span String,
    period Date,
    hour String,
    place String,
    lang String,
    visitors UInt64,
    hash_sum UInt64,
    computed_ms UInt64
) ENGINE = ReplacingMergeTree(computed_ms)
PARTITION BY toYYYYMM(period)
ORDER BY (span, place, period, hour, lang);

-- query: the catalogue's name of a stored query; cells: its row as a JSON array of strings.
CREATE TABLE IF NOT EXISTS period_cells (
    query String,
    span String,
    period Date,
    row UInt32,
    cells String,
    computed_ms UInt64
) ENGINE = ReplacingMergeTree(computed_ms)
PARTITION BY toYYYYMM(period)
ORDER BY (query, span, period, row);

-- One row per computed period, written after its rows: which computation is current, and what it saw.
CREATE TABLE IF NOT EXISTS cell_periods (
    span String,
    period Date,
    source_changed UInt32,
    computed_ms UInt64
) ENGINE = ReplacingMergeTree(computed_ms)
ORDER BY (span, period);
