-- Issue 14: the segment rules are configurable (TABIJI_SEGMENT_RULES); each computed period records the rules it
-- was computed under, so that an open period is computed again when they change. Periods computed before read '',
-- and an open one among them is computed once more.
ALTER TABLE segment_periods ADD COLUMN rules String DEFAULT '';
