-- Referrals of a grievance to another service (hardship → relief, job dispute → employment), sent through the
-- outbox; the other service's outcome event fills the outcome.

create table referrals (
    id            uuid        primary key,
    case_id       uuid        not null references grievance_cases (id),
    target        text        not null check (target in ('relief', 'employment')),
    summary       text        not null,
    sent_by       text        not null,
    sent_at       timestamptz not null default now(),
    outcome       text,
    outcome_note  text,
    outcome_on    date,
    unique (case_id, target)
);
