-- A worker's claim on an import: taking up a stalled import counts the claim up, and a worker whose claim is no
-- longer the import's stops at its next step instead of going on beside the new one (a fencing token). A failed
-- import says why.
alter table imports add column claim integer not null default 0, add column failure text null;
