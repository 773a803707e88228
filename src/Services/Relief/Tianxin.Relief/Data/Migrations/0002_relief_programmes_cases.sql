-- Relief programmes other than the two subsidies (精准帮扶, 残疾鉴定补助, 临时困难救助, 就学救助 …): each is a
-- yearly budget line (Funding) with its limits as data; a case is granted within the budget and paid once.

create table relief_programmes (
    id                     uuid          primary key references budget_lines (id),
    code                   text          not null,
    year                   integer       not null,
    name                   text          not null,
    per_case_limit         numeric(12,2) not null check (per_case_limit > 0),
    -- What one person may receive from the programme in its year, all cases together.
    per_person_year_limit  numeric(12,2) not null check (per_person_year_limit >= per_case_limit),
    registered_poor_first  boolean       not null default false,
    updated_by             text          not null,
    unique (code, year)
);

create table relief_cases (
    id              uuid          primary key,
    programme_id    uuid          not null references relief_programmes (id),
    person_id       uuid          not null,
    community_code  text          not null,
    registered_poor boolean       not null,
    amount          numeric(12,2) not null check (amount > 0),
    cause           text          not null,
    occurred_on     date          not null,
    -- submitted → granted, or refused with a reason.
    status          text          not null default 'submitted' check (status in ('submitted', 'granted', 'refused')),
    method          text          not null default 'bank_transfer',
    -- Where the case came from: 'staff', or the service and case that referred it (grievance:…).
    referred_from   text          null,
    payment_id      uuid          null references payments (id),
    refusal_reason  text          null,
    submitted_by    text          not null,
    decided_by      text          null,
    decided_on      date          null,
    submitted_at    timestamptz   not null default now()
);
create index relief_cases_programme on relief_cases (programme_id, status);
create index relief_cases_person on relief_cases (person_id, programme_id);
