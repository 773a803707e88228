-- Outbox rows this service cannot read back as a message (a type it does not know, a payload that does not
-- read as its type) after several attempts: a replica older than the code that wrote the row may meet it
-- during a rolling deployment, so the relay tries again for a while first. Rows the broker did not take are
-- never moved here: they wait for the broker. Operators list these and move them back once fixed.
create table outbox_dead_letters (
    id               uuid        primary key,
    message_type     text        not null,
    payload          jsonb       not null,
    trace_parent     text        null,
    trace_state      text        null,
    created_at       timestamptz not null,
    attempts         integer     not null,
    last_error       text        not null,
    dead_lettered_at timestamptz not null default now()
);
