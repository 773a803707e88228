-- Quota employment (按比例就业): each employer's yearly declaration, and the rules of the year as data.

create table quota_rules (
    year                     integer       primary key,
    -- Hunan: 1.5% of headcount.
    rate                     numeric(6,4)  not null check (rate > 0 and rate < 1),
    -- A grade 1–2 employee counts as this many.
    severe_weight            integer       not null check (severe_weight >= 1),
    -- Employers with this many staff or fewer pay no employment-security fund.
    exempt_headcount_max     integer       not null check (exempt_headcount_max >= 0),
    -- The local average wage (the statistics bureau's figure) and the cap on an employer's wage as a multiple of it.
    local_average_wage       numeric(12,2) not null check (local_average_wage > 0),
    wage_cap_multiple        numeric(4,2)  not null check (wage_cap_multiple > 0),
    -- Concentrated-employment units: disabled at least this share of staff, and at least this many.
    concentrated_share       numeric(4,2)  not null check (concentrated_share > 0 and concentrated_share <= 1),
    concentrated_min         integer       not null check (concentrated_min >= 1),
    updated_by               text          not null,
    updated_at               timestamptz   not null default now()
);
-- The local average wage is a placeholder until the district enters the statistics bureau's figure.
insert into quota_rules (year, rate, severe_weight, exempt_headcount_max, local_average_wage, wage_cap_multiple,
                         concentrated_share, concentrated_min, updated_by)
values (2026, 0.015, 2, 30, 100000.00, 2, 0.25, 10, 'migration');

create table employer_years (
    employer_id         uuid          not null references employers (id),
    year                integer       not null,
    headcount           integer       not null check (headcount >= 0),
    disabled_employees  integer       not null check (disabled_employees >= 0 and disabled_employees <= headcount),
    -- Of them, grade 1–2 certificate holders.
    severe_employees    integer       not null check (severe_employees >= 0 and severe_employees <= disabled_employees),
    average_wage        numeric(12,2) not null check (average_wage >= 0),
    declared_by         text          not null,
    declared_at         timestamptz   not null default now(),
    primary key (employer_id, year)
);
