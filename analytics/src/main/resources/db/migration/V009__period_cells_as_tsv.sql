-- The period cache stores each row as the TabSeparated line ClickHouse prints (read back with TabSeparatedRaw),
-- not as a JSON array: parsing the JSON of 11,000 flow cells cost a third of a month's flows by language. Rows in
-- the old form are dropped, and every period is computed again by `serve`.
TRUNCATE TABLE period_cells;
TRUNCATE TABLE cell_periods;
