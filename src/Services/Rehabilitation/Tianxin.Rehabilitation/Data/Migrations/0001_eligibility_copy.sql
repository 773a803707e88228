-- This service's copy of the registry's eligibility facts, kept current from the registry's events.
create table eligibility_persons (
    person_id      uuid        primary key,
    birth_date     date        not null,
    sex            text        not null,
    community_code text        not null,
    updated_at     timestamptz not null
);
