-- Who did or tried what, in this service: refused calls, reads of unmasked personal data, changes to
-- personal data. Rows are only ever added; auditors read them through /admin/audit.
create table audit_events (
    id             bigint      generated always as identity primary key,
    occurred_at    timestamptz not null default now(),
    actor          text        not null,
    actor_role     text        null,
    action         text        not null,
    resource       text        not null,
    outcome        text        not null,
    purpose        text        null,
    trace_id       text        null,
    client_address text        null
);

create index audit_events_occurred on audit_events (occurred_at desc);
create index audit_events_actor on audit_events (actor, occurred_at desc);
