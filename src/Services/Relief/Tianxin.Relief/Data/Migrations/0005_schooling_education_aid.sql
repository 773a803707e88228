-- School stages as the education bureau reports them and education aid pays them (学段).
create table school_stages (
    code     text    primary key,
    position integer not null unique,
    name_zh  text    not null,
    name_en  text    not null
);
insert into school_stages (code, position, name_zh, name_en) values
    ('preschool', 1, '学前教育', 'Preschool'),
    ('primary', 2, '小学', 'Primary school'),
    ('junior_secondary', 3, '初中', 'Junior secondary'),
    ('home_teaching', 4, '送教上门', 'Teaching at home'),
    ('senior_secondary', 5, '高中及中职', 'Senior secondary and vocational'),
    ('higher', 6, '大专及以上', 'College and university');

-- The education bureau's report of a disabled child's schooling for a year (在学/未入学), the source of the
-- plan's compulsory-education target. A later report of the same person and year replaces an earlier one.
create table schooling (
    person_id   uuid        not null,
    year        integer     not null,
    stage       text        null references school_stages (code),
    enrolled    boolean     not null,
    school      text        null,
    reported_by text        not null,
    reported_at timestamptz not null default now(),
    primary key (person_id, year),
    check (not enrolled or stage is not null)
);

-- Education aid (就学救助) per school stage and year, as the district sets it. The defaults are the
-- district's working amounts until the year's notice is entered.
create table education_aid_rules (
    year       integer       not null,
    stage      text          not null references school_stages (code),
    amount     numeric(10,2) not null check (amount > 0),
    source     text          not null,
    updated_by text          not null default 'migration',
    primary key (year, stage)
);
insert into education_aid_rules (year, stage, amount, source) values
    (2019, 'preschool', 1000.00, '区残联就学救助默认标准'), (2019, 'primary', 1000.00, '区残联就学救助默认标准'),
    (2019, 'junior_secondary', 1500.00, '区残联就学救助默认标准'), (2019, 'home_teaching', 1000.00, '区残联就学救助默认标准'),
    (2019, 'senior_secondary', 2500.00, '区残联就学救助默认标准'), (2019, 'higher', 5000.00, '区残联就学救助默认标准');

-- What an education-aid case is for: the disabled student themself, or a child of the disabled parent the
-- case names, linked through the parent's household (the child need not hold a certificate, nor be in
-- the registry: the registry's household member id stands for them).
create table education_aid (
    case_id         uuid    primary key references relief_cases (id),
    year            integer not null,
    stage           text    not null references school_stages (code),
    student         text    not null check (student in ('self', 'child')),
    child_member_id uuid    null,
    household_id    uuid    null,
    -- The one student this aid is for: the person, or the child's household member id.
    student_key     uuid    not null,
    check ((student = 'self') = (child_member_id is null))
);
create index education_aid_student on education_aid (student_key, year);
