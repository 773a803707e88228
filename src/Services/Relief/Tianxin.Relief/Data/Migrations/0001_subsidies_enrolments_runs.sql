-- The two subsidies (两项补贴): their rules per year (data the district edits), enrolments found from the
-- registry's events and taken through the three steps, monthly payment runs whose lines are payments in
-- the Funding ledger (one per person, subsidy and month), and recoveries of months paid after an end.
-- Months are stored as the first day of the month.

create table subsidy_rules (
    subsidy            text          not null check (subsidy in ('living_subsidy', 'care_subsidy')),
    year               integer       not null check (year between 2000 and 2100),
    monthly_amount     numeric(10,2) not null check (monthly_amount > 0),
    -- Grades that qualify (care: 1–2); null = any certificate holder.
    grades             smallint[]    null,
    -- Hunan may extend the care subsidy to these categories (5 intellectual, 6 mental) at these grades.
    extended_categories smallint[]   not null default '{}',
    extended_grades    smallint[]    not null default '{}',
    -- Household statuses of which one must be in force (living: 低保).
    required_statuses  text[]        not null default '{}',
    -- Benefits or household statuses that exclude the subsidy (not stacked).
    excluded_by        text[]        not null default '{}',
    -- Benefits with which only the higher of the two is paid: declared at acceptance with their amount.
    higher_only_with   text[]        not null default '{}',
    updated_by         text          not null,
    updated_at         timestamptz   not null default now(),
    primary key (subsidy, year)
);

-- Hunan's 2026 guide (湘民发〔2026〕4号): 110 元/人/月 for each subsidy.
insert into subsidy_rules (subsidy, year, monthly_amount, grades, required_statuses, excluded_by, higher_only_with, updated_by) values
    ('living_subsidy', 2026, 110.00, null, '{minimum_living}', '{orphan_allowance}', '{}', 'migration'),
    ('care_subsidy', 2026, 110.00, '{1,2}', '{}', '{work_injury_care,extreme_poverty_care}', '{elderly_care}', 'migration');

create table enrolments (
    id              uuid        primary key,
    person_id       uuid        not null,
    subsidy         text        not null,
    community_code  text        not null,
    -- proposed → accepted (street) → reviewed (district) → approved (civil affairs) → ended; or refused at a step.
    status          text        not null check (status in ('proposed', 'accepted', 'reviewed', 'approved', 'refused', 'ended', 'lapsed')),
    matched_rule    text        not null,
    proposed_from   text        not null,
    -- Paid from the month of acceptance to the month of the end, both included.
    starts_month    date        null,
    ends_month      date        null,
    end_reason      text        null,
    refused_at_step text        null,
    refusal_reason  text        null,
    other_benefits  text[]      not null default '{}',
    bank_account    bytea       null,
    account_holder  bytea       null,
    accepted_by     text        null,
    reviewed_by     text        null,
    decided_by      text        null,
    approved_at     timestamptz null,
    proposed_at     timestamptz not null default now(),
    version         integer     not null default 1
);
-- One open enrolment per person and subsidy: a redelivered or concurrent event cannot propose twice.
create unique index enrolments_open_once on enrolments (person_id, subsidy) where status in ('proposed', 'accepted', 'reviewed', 'approved');
create index enrolments_worklist on enrolments (status, community_code text_pattern_ops);
create index enrolments_payable on enrolments (subsidy, person_id) where status in ('approved', 'ended');

-- What discovery last saw of each person for each subsidy: a proposal is made when an event turns a person
-- eligible, an enrolment ends when one turns them ineligible; older facts arriving late change nothing.
create table discovery_state (
    person_id     uuid    not null,
    subsidy       text    not null,
    eligible      boolean not null,
    facts_version bigint  not null,
    primary key (person_id, subsidy)
);

create table payment_runs (
    id              uuid          primary key,
    subsidy         text          not null,
    month           date          not null,
    -- The district, a street or a community: the run pays the enrolments of that area.
    area_code       text          not null,
    -- computing → draft → submitted → approved → exported → closed; cancelled before approval.
    state           text          not null check (state in ('computing', 'draft', 'submitted', 'approved', 'exported', 'closed', 'cancelled')),
    cut_off         timestamptz   not null,
    -- Progress while computing: enrolments to go through, how many are done, and the last one done.
    entitlements    integer       not null default 0,
    computed        integer       not null default 0,
    cursor_id       uuid          null,
    line_count      integer       not null default 0,
    total           numeric(14,2) not null default 0,
    paid_count      integer       not null default 0,
    paid_total      numeric(14,2) not null default 0,
    failed_count    integer       not null default 0,
    failed_total    numeric(14,2) not null default 0,
    created_by      text          not null,
    submitted_by    text          null,
    approved_by     text          null,
    updated_by      text          null,
    exported_at     timestamptz   null,
    closed_at       timestamptz   null,
    created_at      timestamptz   not null default now(),
    version         integer       not null default 1
);
-- One run per subsidy, month and area at a time. Runs of overlapping areas (the district and a street) may
-- both exist: the ledger's unique index still pays each person once per subsidy and month.
create unique index payment_runs_once_per_month on payment_runs (subsidy, month, area_code) where state <> 'cancelled';

create table payment_run_lines (
    run_id      uuid    not null references payment_runs (id),
    line_no     integer not null,
    payment_id  uuid    not null unique references payments (id),
    person_id   uuid    not null,
    enrolment_id uuid   not null references enrolments (id),
    month       date    not null,
    -- The bank's answer once imported: paid, or failed with the payment's reason.
    bank_result text    null check (bank_result in ('paid', 'failed')),
    primary key (run_id, line_no)
);
create index payment_run_lines_person on payment_run_lines (person_id);

create table recoveries (
    id           uuid          primary key,
    enrolment_id uuid          not null references enrolments (id),
    person_id    uuid          not null,
    subsidy      text          not null,
    month        date          not null,
    payment_id   uuid          not null unique references payments (id),
    amount       numeric(10,2) not null check (amount > 0),
    community_code text        not null,
    state        text          not null default 'open' check (state in ('open', 'recovered', 'waived')),
    raised_at    timestamptz   not null default now()
);
