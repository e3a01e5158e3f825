-- Issue 15: alerts carry their peak (most clients over capacity, worst failure share with its attempts and failures)
-- and a revision: an open alert is written again, with the next revision, each time its peak rises; the clearing
-- carries the final peak. Rows are kept per (alert_id, state), the last written (the highest revision) winning, and
-- the operations page reads the highest revision. Alerts written before read their value as their peak. A login
-- spike's basis says what its value is: failure_share (where the AP logs successes) or failure_rate (failures in the
-- window against the AP's usual number, where it logs failures only); '' for other kinds and older rows (a share).
ALTER TABLE alerts ADD COLUMN peak_value Float64 DEFAULT value, ADD COLUMN peak_at DateTime DEFAULT ts,
    ADD COLUMN peak_attempts UInt32 DEFAULT 0, ADD COLUMN peak_failures UInt32 DEFAULT 0,
    ADD COLUMN revision UInt32 DEFAULT 0, ADD COLUMN basis String DEFAULT '';
