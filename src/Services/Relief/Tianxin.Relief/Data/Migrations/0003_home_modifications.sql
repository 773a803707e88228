-- Barrier-free home modification (无障碍改造): a household surveyed, a plan with its cost taken from the
-- programme's budget line, the works, and the acceptance that records what was spent (the rest returns to
-- the budget) and pays it once. Registered-poor and rural households come first on the worklist.

create table home_modifications (
    id               uuid          primary key,
    programme_id     uuid          not null references relief_programmes (id),
    person_id        uuid          not null,
    community_code   text          not null,
    registered_poor  boolean       not null,
    rural            boolean       not null,
    -- surveyed → planned → in_works → completed; or refused with a reason before the works.
    status           text          not null check (status in ('surveyed', 'planned', 'in_works', 'completed', 'refused')),
    survey_notes     text          not null,
    surveyed_on      date          not null,
    plan             text          null,
    amount           numeric(12,2) null check (amount > 0),
    planned_on       date          null,
    works_started_on date          null,
    completed_on     date          null,
    spent            numeric(12,2) null check (spent >= 0),
    payment_id       uuid          null references payments (id),
    refusal_reason   text          null,
    updated_by       text          not null,
    version          integer       not null default 1
);
-- One modification under way per person.
create unique index home_modifications_open on home_modifications (person_id) where status in ('surveyed', 'planned', 'in_works');
create index home_modifications_worklist on home_modifications (programme_id, status, registered_poor desc, rural desc);
