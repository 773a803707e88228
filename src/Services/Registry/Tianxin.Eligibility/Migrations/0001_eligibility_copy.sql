-- A service's own copy of the registry's eligibility facts (never ID numbers, names or phones), kept
-- current from the registry's events. Replaces the narrower first copy the rehabilitation service had:
-- a development database that held it starts again empty.
drop table if exists eligibility_persons;

create table eligibility_persons (
    person_id       uuid        primary key,
    birth_date      date        not null,
    sex             text        not null,
    community_code  text        not null,
    status          text        not null,
    category        smallint    null,
    grade           smallint    null,
    household_flags text[]      not null,
    facts_version   bigint      not null,
    updated_at      timestamptz not null default now()
);
create index eligibility_persons_community on eligibility_persons (community_code text_pattern_ops);
