-- Issue 14: whether a visitor's address is locally administered (a private, random MAC), so that each visitor
-- cell can say what share of its devices have one (a device's address kind never changes: it is its address).
-- Rows written before this migration read 0, as if every such device had a fixed address; a replay rewrites them.
ALTER TABLE site_day_visitors ADD COLUMN random_mac UInt8 DEFAULT 0;
ALTER TABLE site_hour_visitors ADD COLUMN random_mac UInt8 DEFAULT 0;
-- The period cache keeps the private-address visitors of each cell beside its visitors; every period is computed
-- again by `serve`.
ALTER TABLE visitor_cells ADD COLUMN random_visitors UInt64 DEFAULT 0;
ALTER TABLE visitor_cells ADD COLUMN random_hash_sum UInt64 DEFAULT 0;
TRUNCATE TABLE cell_periods;
