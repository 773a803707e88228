-- Every integration event the report is drafted from, kept as it arrived: the figures can always be
-- rebuilt from these rows alone. The message id is the outbox id of the service that published it.
create table reported_events (
    seq         bigint      generated always as identity unique,
    message_id  uuid        primary key,
    event_type  text        not null,
    source      text        not null,
    occurred_at timestamptz not null,
    payload     jsonb       not null,
    received_at timestamptz not null default now()
);

-- What each event counts for, derived from that event alone (never from what arrived before it), so
-- neither the order of arrival nor a redelivery changes a figure. The period is the one the event
-- belongs to (a December payment confirmed in January counts in December).
create table report_facts (
    message_id     uuid          not null,
    ordinal        smallint      not null,
    programme      text          not null,
    measure        text          not null,
    year           integer       not null,
    month          smallint      null check (month between 1 and 12),
    community_code text          null,
    person_id      uuid          null,
    household_id   uuid          null,
    items          integer       not null default 0,
    amount         numeric(14,2) not null default 0,
    primary key (message_id, ordinal)
);
create index report_facts_year on report_facts (year, programme, measure);
create index report_facts_person on report_facts (person_id) where person_id is not null;

-- Where each person lives and what certificate they hold, from the registry's facts; a row only moves
-- to a higher version. Events that name a person without a community are counted in this street.
create table report_persons (
    person_id      uuid    primary key,
    community_code text    not null,
    household_id   uuid    null,
    birth_date     date    not null,
    status         text    not null,
    category       integer null,
    grade          integer null,
    flags          text[]  not null,
    version        bigint  not null
);
create index report_persons_community on report_persons (community_code);
