-- Transactional outbox: rows are written in the same transaction as the business change and
-- relayed to RabbitMQ afterwards. The row id is the message id, so consumers can de-duplicate.
create table outbox_messages (
    id              uuid        primary key,
    message_type    text        not null,
    payload         jsonb       not null,
    trace_parent    text        null,
    trace_state     text        null,
    created_at      timestamptz not null default now(),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text        null,
    sent_at         timestamptz null
);

create index outbox_messages_pending on outbox_messages (next_attempt_at, created_at) where sent_at is null;
create index outbox_messages_sent on outbox_messages (sent_at) where sent_at is not null;

-- Wakes the relay when a transaction that wrote outbox rows commits (NOTIFY is delivered on commit only).
create function outbox_messages_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox_messages', '');
    return null;
end $$;

create trigger outbox_messages_inserted after insert on outbox_messages
    for each statement execute function outbox_messages_notify();

-- Inbox: one row per message and consumer, written in the same transaction as the consumer's effect,
-- so a redelivered message finds its row and changes nothing.
create table inbox_messages (
    message_id   uuid        not null,
    consumer     text        not null,
    message_type text        not null,
    received_at  timestamptz not null default now(),
    primary key (message_id, consumer)
);

create index inbox_messages_received on inbox_messages (received_at);
