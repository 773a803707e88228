-- Labour cases (劳动维权) referred in by the grievance service: a dismissal or unpaid wages, followed up by the
-- person's street and resolved with an outcome that goes back to the grievance.

create table labour_cases (
    id              uuid        primary key,
    grievance_id    uuid        not null unique,
    person_id       uuid        not null,
    -- The person's community when the case opened; a person unknown to the copy gets the district's code.
    community_code  text        not null,
    kind            text        not null check (kind in ('dismissal', 'unpaid_wages')),
    employer_name   text        null,
    summary         text        not null,
    occurred_on     date        not null,
    status          text        not null default 'open' check (status in ('open', 'resolved')),
    outcome         text        null check (outcome in ('reinstated', 'wages_recovered', 'compensated', 'legal_aid', 'unresolved')),
    note            text        null,
    resolved_on     date        null,
    resolved_by     text        null,
    opened_at       timestamptz not null default now()
);
create index labour_cases_community on labour_cases (community_code text_pattern_ops, status);
