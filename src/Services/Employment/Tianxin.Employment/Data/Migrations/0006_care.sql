-- Care (托养): day care at care centres (日间照料) and home care (居家托养, 阳光家园计划) for working-age persons
-- severely disabled or with an intellectual or mental disability; the care institution records each month
-- served, and that month's subsidy is paid from the year's care programme (payment_programmes, code day_care
-- or home_care, monthly).

create table care_rules (
    year                 integer    primary key,
    -- Eligible: grade at most this (severe) or one of these categories (5 intellectual, 6 mental), and of working age.
    max_grade            smallint   not null check (max_grade between 1 and 4),
    categories           smallint[] not null,
    updated_by           text       not null
);
insert into care_rules (year, max_grade, categories, updated_by) values (2026, 2, '{5,6}', 'migration');

create table care_centres (
    id              uuid        primary key,
    name            text        not null,
    -- day_care (a centre people come to) or home_care (a provider visiting homes).
    kind            text        not null check (kind in ('day_care', 'home_care')),
    -- The care institution's partner id, which alone records its months of service.
    institution     text        not null,
    community_code  text        not null,
    capacity        integer     not null check (capacity between 1 and 10000),
    created_by      text        not null,
    created_at      timestamptz not null default now()
);

create table care_enrolments (
    id              uuid        primary key,
    centre_id       uuid        not null references care_centres (id),
    person_id       uuid        not null,
    community_code  text        not null,
    kind            text        not null,
    starts_on       date        not null,
    ends_on         date        null check (ends_on is null or ends_on >= starts_on),
    enrolled_by     text        not null
);
-- One open day-care and one open home-care enrolment per person.
create unique index care_enrolments_open on care_enrolments (person_id, kind) where ends_on is null;
create index care_enrolments_centre on care_enrolments (centre_id) where ends_on is null;

create table care_service_months (
    enrolment_id  uuid        not null references care_enrolments (id),
    month         date        not null check (extract(day from month) = 1),
    days_served   integer     not null check (days_served between 1 and 31),
    services      text        not null,
    payment_id    uuid        null references payments (id),
    recorded_by   text        not null,
    recorded_at   timestamptz not null default now(),
    primary key (enrolment_id, month)
);
