-- The trace of the event that marked a partition stale: the background count that counts it again links to it, so
-- that a count is found from the request that caused it.
alter table report_figures_stale add column trace_parent text null;
