-- Job seekers (求职登记) and their employment over time. Working age is data: from min_age to a
-- retirement age that depends on sex and birth cohort (the statutory age rises step by step from 2025).

create table working_age_rules (
    sex                    text    not null check (sex in ('female', 'male')),
    -- The rule holds for persons born on or after this day (until the next row of the same sex).
    born_from              date    not null,
    min_age                integer not null check (min_age between 14 and 20),
    retirement_age_months  integer not null check (retirement_age_months between 480 and 840),
    primary key (sex, born_from)
);
-- 全国人大常委会关于实施渐进式延迟法定退休年龄的决定 (2024): men 60 → 63 and women (the 55 base) 55 → 58,
-- one month more for every four months of births from January 1965 (men) and January 1970 (women).
insert into working_age_rules (sex, born_from, min_age, retirement_age_months) values
    ('male', '1900-01-01', 16, 720), ('female', '1900-01-01', 16, 660);
insert into working_age_rules (sex, born_from, min_age, retirement_age_months)
select 'male', (date '1965-01-01' + make_interval(months => 4 * k))::date, 16, 721 + k from generate_series(0, 35) k;
insert into working_age_rules (sex, born_from, min_age, retirement_age_months)
select 'female', (date '1970-01-01' + make_interval(months => 4 * k))::date, 16, 661 + k from generate_series(0, 35) k;

-- The one place working age is decided: registration, matching and the figures all ask it.
create function working_age_on(person_sex text, birth date, day date) returns boolean language sql stable
    as $$ select coalesce((select birth + make_interval(years => r.min_age) <= day
                                  and day < birth + make_interval(months => r.retirement_age_months)
                           from working_age_rules r where r.sex = person_sex and r.born_from <= birth
                           order by r.born_from desc limit 1), false) $$;

create table seekers (
    person_id          uuid        primary key,
    -- The person's community when registered, kept current from the eligibility copy on every read.
    community_code     text        not null,
    education          text        not null check (education in ('none', 'primary', 'junior', 'senior', 'vocational', 'college', 'bachelor', 'postgraduate')),
    skills             text[]      not null default '{}',
    desired_work       text        not null,
    -- full, partial (some hours or light work) or none (registered for the record, not for matching).
    working_ability    text        not null check (working_ability in ('full', 'partial', 'none')),
    preferred_streets  text[]      not null default '{}',
    -- 就业困难人员 as the HR bureau recognises it.
    hard_to_employ     boolean     not null default false,
    hard_to_employ_on  date        null,
    registered_on      date        not null,
    registered_by      text        not null,
    updated_at         timestamptz not null default now()
);
create index seekers_community on seekers (community_code text_pattern_ops);

create table employers (
    id              uuid        primary key,
    -- 统一社会信用代码 (GB 32100-2015), check character validated.
    credit_code     text        not null unique,
    name            text        not null,
    community_code  text        not null,
    accessible      boolean     not null default false,
    registered_by   text        not null,
    created_at      timestamptz not null default now()
);

create table employment_records (
    id              uuid        primary key,
    person_id       uuid        not null,
    community_code  text        not null,
    kind            text        not null check (kind in ('employer', 'self_employed', 'flexible', 'public_welfare_post', 'concentrated_base')),
    employer_id     uuid        null references employers (id),
    started_on      date        not null,
    ended_on        date        null check (ended_on is null or ended_on >= started_on),
    end_reason      text        null,
    -- Where it came from: staff, referral:<id>, fair:<id>.
    source          text        not null,
    recorded_by     text        not null,
    recorded_at     timestamptz not null default now(),
    check (kind <> 'employer' or employer_id is not null)
);
-- One job at a time is what the federation follows up; a second start ends the first.
create unique index employment_records_open on employment_records (person_id) where ended_on is null;
create index employment_records_person on employment_records (person_id, started_on);
create index employment_records_employer on employment_records (employer_id) where employer_id is not null;
