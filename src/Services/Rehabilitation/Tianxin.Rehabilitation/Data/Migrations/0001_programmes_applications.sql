-- Rehabilitation programmes per year, the needs they answer, applications within budget and what
-- contracted institutions deliver. Money is numeric yuan with fen precision, never floating point.

-- Eligibility rules are data an administrator edits: null means "no condition".
create table programmes (
    id                   uuid          primary key,
    code                 text          not null,
    year                 integer       not null check (year between 2000 and 2100),
    name                 text          not null,
    min_age              integer       null check (min_age between 0 and 120),
    max_age              integer       null check (max_age between 0 and 120),
    categories           smallint[]    null,
    grades               smallint[]    null,
    requires_certificate boolean       not null default true,
    -- Any one of these household statuses is required (e.g. registered_poor or minimum_living).
    required_statuses    text[]        null,
    amount_per_case      numeric(12,2) not null check (amount_per_case > 0),
    budget               numeric(14,2) not null check (budget >= 0),
    -- Approved and not released; the check is the last guard against overspending.
    committed            numeric(14,2) not null default 0 check (committed >= 0 and committed <= budget),
    spent                numeric(14,2) not null default 0 check (spent >= 0 and spent <= committed),
    institutions         text[]        not null default '{}',
    version              integer       not null default 1,
    updated_at           timestamptz   not null default now(),
    updated_by           text          not null,
    unique (code, year),
    check (min_age is null or max_age is null or min_age <= max_age)
);

-- A need found on a home visit, at a screening or by referral: the denominator of "≥ 80% of those in need served".
create table needs (
    id             uuid        primary key,
    person_id      uuid        not null,
    programme_code text        not null,
    year           integer     not null,
    source         text        not null check (source in ('home_visit', 'screening', 'referral')),
    assessed_on    date        not null,
    community_code text        not null,
    recorded_by    text        not null,
    recorded_at    timestamptz not null default now(),
    unique (person_id, programme_code, year)
);

create table applications (
    id              uuid          primary key,
    programme_id    uuid          not null references programmes (id),
    person_id       uuid          not null,
    community_code  text          not null,
    registered_poor boolean       not null,
    status          text          not null default 'submitted'
                                  check (status in ('submitted', 'approved', 'rejected', 'completed')),
    amount          numeric(12,2) not null check (amount > 0),
    institution     text          null,
    submitted_by    text          not null,
    submitted_at    timestamptz   not null default now(),
    decided_by      text          null,
    decided_on      date          null,
    reason          text          null,
    completed_on    date          null,
    outcome         text          null,
    spent           numeric(12,2) null check (spent >= 0 and spent <= amount),
    version         integer       not null default 1
);
-- One open application per person and programme (a programme is one year's).
create unique index applications_one_open on applications (person_id, programme_id) where status in ('submitted', 'approved');
create index applications_programme on applications (programme_id, status);
create index applications_institution on applications (institution, status) where institution is not null;

create table service_sessions (
    id             uuid        primary key,
    application_id uuid        not null references applications (id),
    held_on        date        not null,
    kind           text        not null,
    minutes        integer     not null check (minutes between 1 and 600),
    therapist      text        not null,
    recorded_by    text        not null,
    recorded_at    timestamptz not null default now()
);
create index service_sessions_application on service_sessions (application_id);

create table device_fittings (
    id             uuid          primary key,
    application_id uuid          not null references applications (id),
    device_type    text          not null,
    count          integer       not null check (count between 1 and 50),
    cost           numeric(12,2) not null check (cost >= 0),
    fitted_on      date          not null,
    recorded_by    text          not null,
    recorded_at    timestamptz   not null default now()
);
create index device_fittings_application on device_fittings (application_id);

-- Eye-care screening campaigns held by hospitals: sessions and people screened, not individual cases.
create table screenings (
    id              uuid        primary key,
    programme_id    uuid        not null references programmes (id),
    place           text        not null,
    held_on         date        not null,
    people_screened integer     not null check (people_screened between 1 and 100000),
    recorded_by     text        not null,
    recorded_at     timestamptz not null default now()
);
create index screenings_programme on screenings (programme_id);
